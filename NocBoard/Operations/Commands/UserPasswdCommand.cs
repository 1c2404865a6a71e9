using NocBoard.Admin.Users;

namespace NocBoard.Operations.Commands;

/// <summary><c>user passwd NAME</c>: a new password (from NOCBOARD_PASSWORD or standard input); lifts a lock-out and ends the user's sessions.</summary>
public sealed class UserPasswdCommand : IOperatorCommand
{
    public string Name => "user passwd";
    public string Usage => "NAME";
    public string Summary => $"set a user's password (from ${PasswordInput.Variable} or standard input), lift a lock-out, end their sessions";

    public async Task<int> RunAsync(CommandContext context)
    {
        var userName = UserCommand.UserName(context);
        var id = await UserCommand.UserIdAsync(context, userName);
        var password = PasswordInput.Read(context, $"New password for {userName}");
        var result = await context.Services.GetRequiredService<UserAdmin>()
            .ResetPasswordAsync(await UserCommand.SystemActorAsync(context), id, password, context.Ct);
        return UserCommand.Report(context, result.Error, $"Changed the password of {userName}.");
    }
}
