using System.Diagnostics;
using NocBoard.Bench.Support;

namespace NocBoard.Bench.Operations;

/// <summary>How long a fresh install takes to be serving, and what it weighs idle.</summary>
public sealed class StartupBenchmark : IBenchmark
{
    public string Name => "startup";
    public string Description => "first start on an empty data folder (migrations, root account) until /healthz answers";

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var app = await BenchApp.StartAsync();
        report.Figure("startup_first_start_ms", clock.Elapsed.TotalMilliseconds, "ms");
        report.Figure("startup_idle_memory_mb", app.WorkingSet() / 1048576.0, "MB");
    }
}
