using NocBoard.Operations.Checks;

namespace NocBoard.Operations.Commands;

/// <summary>Runs every <see cref="ISystemCheck"/> and prints what is wrong; exits 1 when anything is.</summary>
public sealed class CheckCommand : IOperatorCommand
{
    public string Name => "check";
    public string Usage => "";
    public string Summary => "verify configuration, data folder, database, SMTP relay and polled mailboxes (and what features add), print what is wrong";
    public bool RunsOnAnyDatabaseVersion => true;

    public async Task<int> RunAsync(CommandContext context)
    {
        var failed = 0;
        foreach (var check in context.Services.GetServices<ISystemCheck>())
        {
            CheckResult result;
            try { result = await check.RunAsync(context.Ct); }
            catch (Exception e) { result = CheckResult.Fail(e.GetBaseException().Message); }
            context.Out.WriteLine($"{(result.Ok ? "ok  " : "FAIL")} {check.Name}: {result.Detail}");
            if (!result.Ok) failed++;
        }
        context.Out.WriteLine(failed == 0 ? "Everything checked is fine." : $"{failed} check(s) failed.");
        return failed == 0 ? 0 : 1;
    }
}
