using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NocBoard.Bench.Support;

/// <summary>
/// NocBoard.dll (Release build beside the benchmarks) run as its own process on a free loopback
/// port, with a fresh data folder and a known root password. Killed, and its data folder removed,
/// on dispose.
/// </summary>
public sealed class BenchApp : IAsyncDisposable
{
    private const string ServerPrefix = "BENCH_SERVER_";

    public const string RootPassword = "bench-Root-Passw0rd!";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private BenchApp(Process process, Uri baseAddress, string dataDirectory)
    {
        this.process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }
    public string DataDirectory { get; }
    public int ProcessId => process.Id;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>Starts the app; <paramref name="environment"/> adds or overrides settings (Section__Key).</summary>
    /// <param name="ownSession">
    /// Runs the server in a session of its own (setsid), so that Linux schedules it as a group of its
    /// own (autogroup), apart from the benchmark, and <see cref="SetSessionNice"/> can weigh it.
    /// </param>
    public static async Task<BenchApp> StartAsync(IDictionary<string, string?>? environment = null, string? dataDirectory = null, bool ownSession = false)
    {
        var port = FreeLoopbackPort();
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("nocboard-bench-").FullName;
        var start = new ProcessStartInfo(ownSession ? "/usr/bin/setsid" : DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // setsid runs the program in its own process (it is not a group leader), so the PID is the server's.
        if (ownSession) start.ArgumentList.Add(DotnetHost());
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NocBoard.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Data__Directory"] = data;
        start.Environment["Bootstrap__RootPassword"] = RootPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) start.Environment[key] = value;
        // BENCH_SERVER_X=Y sets X=Y for the server alone (e.g. the runtime's DOTNET_ settings), not for the benchmark.
        foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>())
            if (entry.Key is string key && key.StartsWith(ServerPrefix, StringComparison.Ordinal) && key.Length > ServerPrefix.Length)
                start.Environment[key[ServerPrefix.Length..]] = entry.Value as string;

        var process = new Process { StartInfo = start };
        var app = new BenchApp(process, new Uri($"http://127.0.0.1:{port}/"), data);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>
    /// Weighs the server's scheduling group (its session, see <c>ownSession</c>) against the other
    /// groups on the machine: a negative nice gives it precedence. Needs root for a negative value.
    /// </summary>
    public void SetSessionNice(int nice)
    {
        try
        {
            File.WriteAllText($"/proc/{process.Id}/autogroup", nice.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Could not set the server's scheduling group to nice {nice} ({e.Message}): this needs root and a kernel with autogroups (kernel.sched_autogroup_enabled=1).", e);
        }
    }

    /// <summary>
    /// CPU time the server process has used so far (user and kernel, all threads). Per unit of
    /// work it says what the work costs even when other programs share the machine, where a rate
    /// per second says as much about them as about NocBoard.
    /// </summary>
    public TimeSpan ProcessorTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>Resident memory of the server process, in bytes.</summary>
    public long WorkingSet()
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    public int ThreadCount()
    {
        process.Refresh();
        return process.Threads.Count;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited) throw new InvalidOperationException($"NocBoard exited with code {process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync(new Uri(BaseAddress, "healthz"))).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"NocBoard was not healthy within 90 s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        catch (InvalidOperationException) { }
        process.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
}
