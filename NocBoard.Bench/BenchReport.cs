using System.Globalization;

namespace NocBoard.Bench;

/// <summary>Prints figures as <c>name: value</c> lines, with the target beside them when there is one.</summary>
public sealed class BenchReport(TextWriter output)
{
    public void Figure(string name, double value, string unit, string? target = null)
    {
        var text = value.ToString(value >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);
        output.WriteLine(target is null ? $"{name}: {text} {unit}" : $"{name}: {text} {unit} (target {target})");
        output.Flush();
    }

    public void Count(string name, long value, string? target = null) =>
        output.WriteLine(target is null ? $"{name}: {value}" : $"{name}: {value} (target {target})");

    /// <summary>Median, p99 and max of a set of durations, in milliseconds.</summary>
    public void Latencies(string name, IReadOnlyCollection<double> milliseconds, string? p99Target = null)
    {
        if (milliseconds.Count == 0)
        {
            output.WriteLine($"{name}_samples: 0");
            return;
        }
        var sorted = milliseconds.Order().ToArray();
        Figure($"{name}_median_ms", Percentile(sorted, 0.50), "ms");
        Figure($"{name}_p99_ms", Percentile(sorted, 0.99), "ms", p99Target);
        Figure($"{name}_max_ms", sorted[^1], "ms");
        Count($"{name}_samples", sorted.Length);
    }

    public void Note(string text) => output.WriteLine($"# {text}");

    public static double Percentile(double[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
