using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace NocBoard.Tests.Support;

/// <summary>
/// The built NocBoard.dll run as its own process, as an operator would start it: Production
/// environment, plain http on a free loopback port, configured through environment variables.
/// Its console output is collected; the process is killed on dispose.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

    /// <summary>Everything written to stdout and stderr so far.</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>
    /// Starts the app and returns once /healthz answers 200; fails with the app's output otherwise.
    /// Give the port of a stopped instance to start it again where browsers expect it.
    /// </summary>
    public static async Task<AppProcess> StartAsync(IDictionary<string, string?> environment, int? port = null)
    {
        port ??= FreeLoopbackPort();
        var appDll = Path.Combine(AppContext.BaseDirectory, "NocBoard.dll");
        Assert.True(File.Exists(appDll), $"{appDll} is not in the test output");

        var start = new ProcessStartInfo(DotnetHost())
        {
            // The build output beside the tests is the content root (appsettings.json is there);
            // static web assets are found through the NocBoard.staticwebassets.*.json beside the dll.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");

        // Nothing of the test runner's own settings leaks into the app: it starts as in production.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                || key.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
                || key.Contains("__", StringComparison.Ordinal))
            {
                start.Environment.Remove(key);
            }
        }
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        Assert.True(process.Start(), "the app did not start");
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

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        var last = "no answer yet";
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
                throw new Xunit.Sdk.XunitException($"NocBoard exited with code {process.ExitCode} before it was healthy. Output:\n{Output}");
            try
            {
                var response = await http.GetAsync(new Uri(BaseAddress, "healthz"));
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timed out";
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException(
            $"/healthz did not answer 200 within {StartTimeout.TotalSeconds} s (last: {last}). Output:\n{Output}");
    }

    /// <summary>Waits (bounded) until the output matches, e.g. for a line printed just before the server started.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var match = pattern.Match(Output);
            if (match.Success) return match;
            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(10)))
                throw new Xunit.Sdk.XunitException($"the output never matched {pattern}. Output:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Kills the process and waits until it is gone and its output is fully read.</summary>
    public async Task StopAsync()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { /* already exited */ }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit(); // returns once the redirected output has been read to the end
    }

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); }
        finally { process.Dispose(); }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    public static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    /// <summary>The dotnet host running these tests, so the app runs on the same runtime.</summary>
    private static string DotnetHost()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath)) return hostPath;
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet") return current;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        return "dotnet";
    }
}
