using System.Diagnostics;

namespace NocBoard.Bench.Support;

/// <summary>
/// CPU time used so far by the browsers the benchmark started (the server's: <see cref="BenchApp.ProcessorTime"/>):
/// on two shared cores a latency alone does not say who was busy.
/// </summary>
public static class ProcessorTime
{
    /// <summary>
    /// Every Chromium process on the machine (the benchmarks' own: nothing else runs one here), by
    /// kind (its --type: renderer, gpu-process, utility; "browser" for the main one): whether the
    /// pages' own work costs, or the compositing and networking around them.
    /// </summary>
    public static Dictionary<string, TimeSpan> ByBrowserProcess()
    {
        var total = new Dictionary<string, TimeSpan>();
        foreach (var process in Process.GetProcessesByName("chromium"))
        {
            using (process)
            {
                try
                {
                    var kind = KindOf(process.Id);
                    total[kind] = total.GetValueOrDefault(kind) + process.TotalProcessorTime;
                }
                catch (InvalidOperationException) { } // ended meanwhile
                catch (System.ComponentModel.Win32Exception) { }
                catch (IOException) { }
            }
        }
        return total;
    }

    private static string KindOf(int pid)
    {
        // Chromium rewrites its children's command lines into one line (its process title): split on spaces too.
        var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split(['\0', ' ']);
        return arguments.FirstOrDefault(a => a.StartsWith("--type=", StringComparison.Ordinal))?["--type=".Length..] ?? "browser";
    }
}
