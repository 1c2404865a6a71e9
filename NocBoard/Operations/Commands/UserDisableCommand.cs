using NocBoard.Admin.Users;

namespace NocBoard.Operations.Commands;

/// <summary><c>user disable NAME</c> (or <c>--enable</c> to undo): a disabled user keeps their history but cannot log in.</summary>
public sealed class UserDisableCommand : IOperatorCommand
{
    public string Name => "user disable";
    public string Usage => "NAME [--enable]";
    public string Summary => "disable an account (it keeps its history, cannot log in, loses its sessions); --enable undoes it";
    public IReadOnlyList<string> Flags => ["enable"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var userName = UserCommand.UserName(context);
        var id = await UserCommand.UserIdAsync(context, userName);
        var enable = context.Args.Flag("enable");
        var result = await context.Services.GetRequiredService<UserAdmin>()
            .SetDisabledAsync(await UserCommand.SystemActorAsync(context), id, !enable, context.Ct);
        return UserCommand.Report(context, result.Error, enable ? $"Enabled {userName}." : $"Disabled {userName}.");
    }
}
