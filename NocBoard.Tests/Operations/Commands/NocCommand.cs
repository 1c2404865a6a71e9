using System.Diagnostics;

namespace NocBoard.Tests.Operations.Commands;

/// <summary>The built NocBoard.dll run with an operator command, as an operator would: its exit code and output.</summary>
public sealed record NocCommand(int ExitCode, string Out, string Err)
{
    public static async Task<NocCommand> RunAsync(string dataDirectory, string[] args, string? stdin = null,
        IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NocBoard.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                     || k.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) || k.Contains("__") || k == "NOCBOARD_PASSWORD").ToList())
            start.Environment.Remove(key);
        start.Environment["Data__Directory"] = dataDirectory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return new NocCommand(process.ExitCode, await stdout, await stderr);
    }

    public static Task<NocCommand> RunAsync(string dataDirectory, params string[] args) => RunAsync(dataDirectory, args, null);

    private static string DotnetHost()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath)) return hostPath;
        return Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
