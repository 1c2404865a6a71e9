namespace NocBoard.Bench;

/// <summary>
/// One benchmark: a measured scenario against a real NocBoard process. Implementations are found by
/// reflection, so adding one is adding a class; <c>./bench.sh NAME</c> runs it, <c>./bench.sh</c> runs all.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short name on the command line, e.g. "hub".</summary>
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchReport report, CancellationToken ct);
}
