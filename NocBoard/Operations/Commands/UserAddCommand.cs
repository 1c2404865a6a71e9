using NocBoard.Admin.Users;

namespace NocBoard.Operations.Commands;

/// <summary><c>user add NAME [--real-name TEXT] [--email ADDRESS] [--privileged]</c>; the password from NOCBOARD_PASSWORD or standard input.</summary>
public sealed class UserAddCommand : IOperatorCommand
{
    public string Name => "user add";
    public string Usage => "NAME [--real-name TEXT] [--email ADDRESS] [--privileged]";
    public string Summary => $"create an account (staff with --privileged); password from ${PasswordInput.Variable} or standard input";
    public IReadOnlyList<string> Flags => ["privileged"];
    public IReadOnlyList<string> Options => ["real-name", "email"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var userName = UserCommand.UserName(context);
        var form = new NewUserForm
        {
            UserName = userName,
            RealName = context.Args.Option("real-name"),
            Email = context.Args.Option("email"),
            Privileged = context.Args.Flag("privileged"),
            Password = PasswordInput.Read(context, $"Password for {userName}"),
        };
        var result = await context.Services.GetRequiredService<UserAdmin>()
            .CreateAsync(await UserCommand.SystemActorAsync(context), form, context.Ct);
        return UserCommand.Report(context, result.Error,
            $"Created {(form.Privileged ? "staff" : "unprivileged")} user {userName} (#{result.Value}).");
    }
}
