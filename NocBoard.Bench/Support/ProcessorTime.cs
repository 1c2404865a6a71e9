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
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                try
                {
                    if (!IsChromium(process.Id)) continue;
                    var kind = KindOf(process.Id);
                    total[kind] = total.GetValueOrDefault(kind) + process.TotalProcessorTime;
                }
                catch (InvalidOperationException) { } // ended meanwhile
                catch (System.ComponentModel.Win32Exception) { }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { } // not ours (the container's first process)
            }
        }
        return total;
    }

    /// <summary>Milliseconds of CPU every browser process together used between two readings of <see cref="ByBrowserProcess"/>.</summary>
    private static double Between(Dictionary<string, TimeSpan> before, Dictionary<string, TimeSpan> after) =>
        after.Sum(k => (k.Value - before.GetValueOrDefault(k.Key)).TotalMilliseconds);

    /// <summary>The browsers' CPU over the measured changes, by kind of process, summed from a reading before and after each.</summary>
    public sealed class PerChange
    {
        private readonly Dictionary<string, double> milliseconds = [];
        private int changes;

        public void Add(Dictionary<string, TimeSpan> before, Dictionary<string, TimeSpan> after)
        {
            foreach (var (kind, used) in after)
                milliseconds[kind] = milliseconds.GetValueOrDefault(kind) + (used - before.GetValueOrDefault(kind)).TotalMilliseconds;
            changes++;
        }

        /// <summary>{prefix}_browsers_cpu_per_change_ms, the idle figure beside it (to subtract), then each kind's share.</summary>
        public void Report(BenchReport report, string prefix, double idle)
        {
            var n = Math.Max(changes, 1);
            report.Figure($"{prefix}_browsers_cpu_per_change_ms", milliseconds.Values.Sum() / n, "ms");
            report.Figure($"{prefix}_browsers_cpu_idle_2s_ms", idle, "ms");
            foreach (var (kind, used) in milliseconds.OrderByDescending(k => k.Value))
                report.Figure($"{prefix}_browsers_cpu_per_change_{kind.Replace('-', '_')}_ms", used / n, "ms");
        }
    }

    /// <summary>
    /// Milliseconds of CPU the browsers (and the server, when given: <see cref="BenchApp.ProcessorTime"/>)
    /// use in <paramref name="window"/> with nothing happening, once the pages opened last have
    /// settled (5 s): printed beside a figure per change, to subtract.
    /// </summary>
    public static async Task<(double Browsers, double Server)> IdleAsync(TimeSpan window, BenchApp? server, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        var (browsers, serving) = (ByBrowserProcess(), server?.ProcessorTime() ?? default);
        await Task.Delay(window, ct);
        return (Between(browsers, ByBrowserProcess()), ((server?.ProcessorTime() ?? default) - serving).TotalMilliseconds);
    }

    // By the program the process runs: Debian's /usr/bin/chromium* are scripts starting
    // /usr/lib/chromium/<same name>, and a process name is cut to 15 characters.
    private static bool IsChromium(int pid) =>
        Path.GetFileName(File.ResolveLinkTarget($"/proc/{pid}/exe", false)?.FullName) == Path.GetFileName(BenchLogin.ChromiumPath);

    private static string KindOf(int pid)
    {
        // Chromium rewrites its children's command lines into one line (its process title): split on spaces too.
        var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split(['\0', ' ']);
        return arguments.FirstOrDefault(a => a.StartsWith("--type=", StringComparison.Ordinal))?["--type=".Length..] ?? "browser";
    }
}
