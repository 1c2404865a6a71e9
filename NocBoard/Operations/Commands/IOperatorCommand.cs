namespace NocBoard.Operations.Commands;

/// <summary>
/// One operator command of the NocBoard executable (<c>dotnet NocBoard.dll user add alice</c>).
/// Implementations are found by reflection, so a new command is one new class; it gets the
/// app's services (the web server is not started) and acts through the same services as the app.
/// </summary>
public interface IOperatorCommand
{
    /// <summary>The words that name it, e.g. <c>user add</c>.</summary>
    string Name { get; }

    /// <summary>Its arguments after the name, e.g. <c>NAME [--email ADDRESS] [--privileged]</c>.</summary>
    string Usage { get; }

    string Summary { get; }

    /// <summary>Options that take no value.</summary>
    IReadOnlyList<string> Flags => [];

    /// <summary>Options that take a value (<c>--email a@x</c> or <c>--email=a@x</c>).</summary>
    IReadOnlyList<string> Options => [];

    /// <summary>Whether it may run on a database that is not at the current migration (migrate, import, check).</summary>
    bool RunsOnAnyDatabaseVersion => false;

    /// <summary>Returns the process exit code: 0 done, 1 failed.</summary>
    Task<int> RunAsync(CommandContext context);
}

/// <summary>What a command runs with: its arguments, the app's services in a scope of its own, and where to write.</summary>
public sealed record CommandContext(CommandArgs Args, IServiceProvider Services, TextWriter Out, TextWriter Error, TextReader In,
    CancellationToken Ct);
