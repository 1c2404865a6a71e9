using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit.Net.Imap;
using MailKit.Security;

namespace NocBoard.Bench.Mail;

/// <summary>
/// Debian's Dovecot (dovecot-imapd) for a benchmark: its own configuration in a temporary folder,
/// IMAP on a free 127.0.0.1 port, one Maildir user; stopped with doveadm on dispose. Configured as
/// the tests' mail server fixture configures it (NocBoard.Tests/Mail/Support/MailServers.cs),
/// without Postfix, which the IMAP figure does not need.
/// </summary>
public sealed class BenchDovecot : IAsyncDisposable
{
    public const string User = "bench";

    private BenchDovecot(string folder, int port, string password) => (Folder, ImapPort, Password) = (folder, port, password);

    public string Folder { get; }
    public int ImapPort { get; }
    public string Password { get; }
    private string Config => Path.Combine(Folder, "dovecot.conf");

    public static async Task<BenchDovecot> StartAsync()
    {
        if (!File.Exists("/usr/sbin/dovecot"))
            throw new InvalidOperationException("/usr/sbin/dovecot is missing: install dovecot-imapd.");
        var folder = Path.Combine(Path.GetTempPath(), "nocboard-bench-dovecot-" + Guid.NewGuid().ToString("N")[..10]);
        foreach (var sub in new[] { "mail", "run", "state" }) Directory.CreateDirectory(Path.Combine(folder, sub));
        var dovecot = new BenchDovecot(folder, FreePort(), "bench-" + Guid.NewGuid().ToString("N")[..16]);
        await RunAsync("/bin/chmod", "755", folder);
        await RunAsync("/bin/chown", "nobody:nogroup", Path.Combine(folder, "mail"));
        var users = Path.Combine(folder, "users");
        await File.WriteAllTextAsync(users, $"{User}:{{PLAIN}}{dovecot.Password}:65534:65534::{Path.Combine(folder, "mail", User)}::\n");
        await File.WriteAllTextAsync(dovecot.Config, $$"""
            instance_name = nocboard-bench-{{dovecot.ImapPort}}
            base_dir = {{Path.Combine(folder, "run")}}
            state_dir = {{Path.Combine(folder, "state")}}
            listen = 127.0.0.1
            protocols = imap
            ssl = no
            auth_mechanisms = plain login
            disable_plaintext_auth = no
            first_valid_uid = 100
            log_path = {{Path.Combine(folder, "dovecot.log")}}
            mail_location = maildir:{{Path.Combine(folder, "mail")}}/%n
            default_login_user = nobody
            default_internal_user = nobody
            default_internal_group = nogroup
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%n {{users}}
            }
            userdb {
              driver = passwd-file
              args = username_format=%n {{users}}
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{dovecot.ImapPort}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """);
        await DaemonAsync(folder, "/usr/sbin/dovecot", "-c", dovecot.Config);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!PortOpen(dovecot.ImapPort))
        {
            if (DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"Dovecot did not start on 127.0.0.1:{dovecot.ImapPort}:\n{Tail(Path.Combine(folder, "dovecot.log"))}");
            await Task.Delay(100);
        }
        return dovecot;
    }

    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        try { await DaemonAsync(Folder, "/usr/bin/doveadm", "-c", Config, "stop"); } catch (InvalidOperationException) { }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Output to a file, never a pipe: the daemon would inherit the pipe and the read would not end.</summary>
    private static async Task DaemonAsync(string folder, string file, params string[] args)
    {
        var log = Path.Combine(folder, "commands.log");
        var command = string.Join(' ', new[] { file }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{command} >>'{log}' 2>&1 </dev/null");
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} exited {process.ExitCode}:\n{Tail(log)}");
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {error}");
    }

    private static string Tail(string path) =>
        File.Exists(path) ? string.Join("\n", File.ReadAllLines(path).TakeLast(30)) : $"({path} does not exist)";

    private static bool PortOpen(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
