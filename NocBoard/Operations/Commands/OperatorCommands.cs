using Microsoft.EntityFrameworkCore;
using NocBoard.Data;
using NocBoard.Operations.Checks;

namespace NocBoard.Operations.Commands;

/// <summary>
/// Runs an operator command instead of the web server when the executable is given one
/// (<c>dotnet NocBoard.dll migrate</c>). The app is built with all its features, so commands use
/// the same services and configuration (including <c>--Section:Key=value</c> overrides), but
/// Kestrel and the background services are never started.
/// </summary>
public static class OperatorCommands
{
    /// <summary>The commands of this build, found by reflection: adding one is adding a class.</summary>
    public static IReadOnlyList<IOperatorCommand> All { get; } = typeof(OperatorCommands).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IOperatorCommand).IsAssignableFrom(t))
        .Select(t => (IOperatorCommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>True when the arguments named a command (which has then run, its exit code set); false to start the web server.</summary>
    public static async Task<bool> TryRunAsync(string[] args, WebApplicationBuilder builder)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return false;

        var output = Console.Out;
        var error = Console.Error;
        if (args[0] is "help")
        {
            PrintUsage(output);
            return true;
        }
        var command = All.Where(c => Matches(c, args)).MaxBy(c => c.Name.Length);
        if (command is null)
        {
            error.WriteLine($"Unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'.");
            PrintUsage(error);
            Environment.ExitCode = 2;
            return true;
        }

        // Logs go to stderr, so that what a command prints on stdout can be read by scripts.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddSystemChecks();
        builder.Services.AddScoped<Archive.ArchiveWriter>();
        builder.Services.AddScoped<Archive.ArchiveReader>();
        Environment.ExitCode = await RunAsync(command, args[command.Name.Split(' ').Length..], builder, output, error, Console.In);
        return true;
    }

    private static async Task<int> RunAsync(IOperatorCommand command, string[] rest, WebApplicationBuilder builder,
        TextWriter output, TextWriter error, TextReader input)
    {
        try
        {
            var parsed = CommandArgs.Parse(rest, command);
            await using var app = builder.Build();
            await using var scope = app.Services.CreateAsyncScope();
            if (!command.RunsOnAnyDatabaseVersion)
            {
                var pending = (await scope.ServiceProvider.GetRequiredService<NocDbContext>().Database.GetPendingMigrationsAsync()).Count();
                if (pending > 0)
                {
                    error.WriteLine($"The database is {pending} migration(s) behind this NocBoard: run 'migrate' first.");
                    return 1;
                }
            }
            return await command.RunAsync(new CommandContext(parsed, scope.ServiceProvider, output, error, input, CancellationToken.None));
        }
        catch (CommandUsageException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine($"Usage: NocBoard {command.Name} {command.Usage}");
            return 2;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"{command.Name} failed: {e.GetBaseException().Message}");
            return 1;
        }
    }

    private static bool Matches(IOperatorCommand command, string[] args)
    {
        var words = command.Name.Split(' ');
        return args.Length >= words.Length && words.Select((w, i) => args[i] == w).All(x => x);
    }

    private static void PrintUsage(TextWriter writer)
    {
        writer.WriteLine("Usage: dotnet NocBoard.dll [COMMAND] [--Section:Key=value ...]");
        writer.WriteLine("Without a command NocBoard runs the web server. Commands:");
        foreach (var c in All)
            writer.WriteLine($"  {c.Name} {c.Usage}".TrimEnd() + $"\n      {c.Summary}");
    }
}
