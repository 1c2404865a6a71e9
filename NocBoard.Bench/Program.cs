using System.Reflection;
using NocBoard.Bench;

// Benchmarks print `name: value` lines; they are run by hand (./bench.sh), never by the test suite.
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("usage: bench.sh [NAME...]   (no name: every benchmark)");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-12} {b.Description}");
    return 0;
}

var unknown = args.Where(a => benchmarks.All(b => b.Name != a)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown benchmark(s): {string.Join(", ", unknown)}; known: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}

var chosen = args.Length == 0 ? benchmarks : benchmarks.Where(b => args.Contains(b.Name)).ToList();
var report = new BenchReport(Console.Out);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
foreach (var benchmark in chosen)
{
    report.Note($"{benchmark.Name}: {benchmark.Description}");
    await benchmark.RunAsync(report, cancel.Token);
}
return 0;
