using System.Diagnostics;

namespace NocBoard.Bench.Support;

/// <summary>
/// CPU time used so far by the browsers the benchmark started (the server's: <see cref="BenchApp.ProcessorTime"/>):
/// on two shared cores a latency alone does not say who was busy.
/// </summary>
public static class ProcessorTime
{
    /// <summary>Every Chromium process on the machine (the benchmarks' own: nothing else runs one here).</summary>
    public static TimeSpan OfBrowsers()
    {
        var total = TimeSpan.Zero;
        foreach (var process in Process.GetProcessesByName("chromium"))
        {
            using (process)
            {
                try { total += process.TotalProcessorTime; }
                catch (InvalidOperationException) { } // ended meanwhile
                catch (System.ComponentModel.Win32Exception) { }
            }
        }
        return total;
    }
}
