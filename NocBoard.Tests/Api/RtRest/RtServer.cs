using System.Diagnostics;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Api.RtRest;

/// <summary>
/// NocBoard started as its own process on a loopback port, with users arranged beforehand
/// through a <see cref="Scenario"/> on the same data folder, which stays open to check ticket
/// state after the real <c>rt</c> client (Debian's rt5-clients) has acted. Shared by the tests of a class;
/// each test works on tickets of its own.
/// </summary>
public sealed class RtServer : IAsyncLifetime
{
    public const string AgentPassword = "Agent-Password-1";

    private readonly string data = Path.Combine(Path.GetTempPath(), "nocboard-rt", Guid.NewGuid().ToString("N"));
    private AppProcess? app;

    public Scenario Scenario { get; private set; } = null!;
    public Uri BaseAddress => app!.BaseAddress;
    public string Output => app!.Output;

    /// <summary>Staff with the usual agent rights in General.</summary>
    public Actor Alice { get; private set; } = null!;

    /// <summary>Staff with ShowTicket only: may read, not change.</summary>
    public Actor Watcher { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(data);
        Scenario = await Scenario.StartAsync(new Dictionary<string, string?> { ["Data:Directory"] = data });
        var general = await Scenario.GeneralQueueIdAsync();
        Alice = await Scenario.UserAsync("alice", email: "alice@noc.example.net", password: AgentPassword);
        await Scenario.GrantAllAsync(Alice, general, Right.SeeQueue, Right.ShowTicket, Right.CreateTicket, Right.ReplyToTicket,
            Right.CommentOnTicket, Right.ShowTicketComments, Right.ModifyTicket, Right.OwnTicket, Right.TakeTicket);
        Watcher = await Scenario.UserAsync("watcher", password: AgentPassword);
        await Scenario.GrantAllAsync(Watcher, general, Right.SeeQueue, Right.ShowTicket);

        app = await AppProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Data__Directory"] = data,
            ["Bootstrap__RootPassword"] = NocAppFactory.RootPassword,
        });
    }

    /// <summary>Runs <c>rt</c> as <paramref name="user"/> against this server; nothing of the machine's rt configuration is read.</summary>
    public Task<RtRun> RtAsAsync(string user, string password, params string[] args) => RtRun.ExecAsync(BaseAddress, user, password, args);

    public Task<RtRun> RtAsync(params string[] args) => RtAsAsync("alice", AgentPassword, args);

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        await Scenario.DisposeAsync();
        try { System.IO.Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}

/// <summary>One run of the real rt client: its exit code and what it printed.</summary>
public sealed record RtRun(int ExitCode, string Out, string Err)
{
    /// <summary>Standard output exactly as rt wrote it.</summary>
    public byte[] OutBytes { get; init; } = [];

    public static async Task<RtRun> ExecAsync(Uri server, string user, string password, string[] args)
    {
        var home = System.IO.Directory.CreateTempSubdirectory("nocboard-rt-home-").FullName;
        try
        {
            var config = Path.Combine(home, "rtrc");
            await File.WriteAllTextAsync(config, "");
            var start = new ProcessStartInfo("rt")
            {
                WorkingDirectory = home,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var arg in args) start.ArgumentList.Add(arg);
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("RT", StringComparison.Ordinal)).ToList())
                start.Environment.Remove(key);
            start.Environment["RTSERVER"] = server.ToString(); // with its trailing slash, as users often write it
            start.Environment["RTUSER"] = user;
            start.Environment["RTPASSWD"] = password;
            start.Environment["RTCONFIG"] = config;
            start.Environment["HOME"] = home;
            start.Environment["EDITOR"] = "false"; // an edit that wanted an editor fails instead of hanging

            using var process = Process.Start(start) ?? throw new InvalidOperationException("rt did not start");
            process.StandardInput.Close();
            // Raw bytes: attachment content comes out of rt unchanged, not as text.
            var stdoutBytes = new MemoryStream();
            var stdout = process.StandardOutput.BaseStream.CopyToAsync(stdoutBytes);
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            await stdout;
            return new RtRun(process.ExitCode, System.Text.Encoding.UTF8.GetString(stdoutBytes.ToArray()), await stderr) { OutBytes = stdoutBytes.ToArray() };
        }
        finally
        {
            System.IO.Directory.Delete(home, recursive: true);
        }
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
