namespace NocBoard.Operations.Checks;

/// <summary>
/// One thing <c>NocBoard check</c> verifies (configuration, data folder, database, SMTP relay, polled mailboxes).
/// A feature adds its own by registering an implementation:
/// <c>builder.Services.AddTransient&lt;ISystemCheck, SmtpCheck&gt;()</c>. A check reports, it never repairs.
/// </summary>
public interface ISystemCheck
{
    /// <summary>Short name printed before the outcome, e.g. "database".</summary>
    string Name { get; }

    Task<CheckResult> RunAsync(CancellationToken ct);
}

/// <summary>What a check found: fine, or the problem in words an operator can act on.</summary>
public sealed record CheckResult(bool Ok, string Detail)
{
    public static CheckResult Pass(string detail) => new(true, detail);
    public static CheckResult Fail(string problem) => new(false, problem);
}

public static class SystemChecksFeature
{
    /// <summary>The checks every NocBoard has.</summary>
    public static WebApplicationBuilder AddSystemChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<ISystemCheck, ConfigurationCheck>();
        builder.Services.AddTransient<ISystemCheck, DataDirectoryCheck>();
        builder.Services.AddTransient<ISystemCheck, DatabaseCheck>();
        builder.Services.AddTransient<ISystemCheck, SmtpCheck>();
        builder.Services.AddTransient<ISystemCheck, MailboxesCheck>();
        return builder;
    }
}
