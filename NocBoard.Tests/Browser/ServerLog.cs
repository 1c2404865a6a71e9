using Microsoft.Extensions.Logging;

namespace NocBoard.Tests.Browser;

/// <summary>
/// Collects the app's warnings and errors (and NocBoard's own information) while browser tests run, so a failing test can show what
/// the server saw (an exception in a circuit never reaches the browser).
/// </summary>
public sealed class ServerLog : ILoggerProvider
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (lines) return [.. lines]; }
    }

    public int Count
    {
        get { lock (lines) return lines.Count; }
    }

    /// <summary>Lines logged since <paramref name="mark"/> (a former <see cref="Count"/>).</summary>
    public IReadOnlyList<string> Since(int mark)
    {
        lock (lines) return lines.Skip(mark).ToList();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // NocBoard's own information (e.g. a refused change) explains many a failed click.
        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Warning || (logLevel >= LogLevel.Information && category.StartsWith("NocBoard", StringComparison.Ordinal));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}";
            if (exception is not null) line += $"\n    {exception.GetType().Name}: {exception.Message}";
            lock (log.lines) log.lines.Add(line);
        }
    }
}
