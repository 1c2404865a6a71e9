using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace NocBoard.Tests.Mail.Support;

/// <summary>
/// Real Postfix and Dovecot from Debian's packages, started for the tests on free 127.0.0.1 ports
/// with their own configuration in a temporary folder, and stopped by their own commands at the end.
/// Postfix accepts on <see cref="SmtpPort"/>: mail to USER@mail.test lands in Dovecot's Maildir for
/// USER (read it back with IMAP on <see cref="ImapPort"/> or POP3 on <see cref="Pop3Port"/>); mail to
/// PORT[+ACTION]@gateway.test is piped to the real rt-mailgate, posting to http://127.0.0.1:PORT/.
/// Nothing here is skipped: if a server does not start, the fixture throws and every test using it fails.
/// </summary>
public sealed class MailServers : IAsyncLifetime
{
    public const string Domain = "mail.test";
    public const string GatewayDomain = "gateway.test";
    public const string Password = "Mailbox-Test-Pass-1";
    public const string RtMailgate = "/usr/bin/rt-mailgate";

    /// <summary>The mailboxes (Dovecot users) that exist: mail to NAME@mail.test is delivered to NAME.</summary>
    public static readonly string[] Users = ["inbox", "pop", "reader", "customer", "bench", "jp", "spare1", "spare2", "spare3"];

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "nocboard-mail-" + Guid.NewGuid().ToString("N")[..10]);
    public int SmtpPort { get; private set; }
    public int ImapPort { get; private set; }
    public int Pop3Port { get; private set; }

    private string PostfixConfig => Path.Combine(Folder, "postfix");
    private string DovecotConfig => Path.Combine(Folder, "dovecot.conf");
    public string PostfixLog => Path.Combine(Folder, "postfix.log");

    public async Task InitializeAsync()
    {
        foreach (var tool in new[] { "/usr/sbin/postfix", "/usr/sbin/dovecot", "/usr/bin/doveadm", RtMailgate })
            if (!File.Exists(tool))
                throw new InvalidOperationException($"{tool} is missing: install postfix, dovecot-imapd, dovecot-pop3d and rt5-clients (test.sh does).");

        SmtpPort = FreePort();
        ImapPort = FreePort();
        Pop3Port = FreePort();
        Directory.CreateDirectory(Folder);
        foreach (var sub in new[] { "postfix", "queue", "data", "mail", "run", "state" })
            Directory.CreateDirectory(Path.Combine(Folder, sub));
        await RunAsync("chmod", "755", Folder);
        await RunAsync("chown", "postfix", Path.Combine(Folder, "data"));
        await RunAsync("chown", "nobody:nogroup", Path.Combine(Folder, "mail"));

        await ConfigurePostfixAsync();
        await ConfigureDovecotAsync();
        await DaemonAsync("/usr/sbin/postfix", "-c", PostfixConfig, "start");
        await DaemonAsync("/usr/sbin/dovecot", "-c", DovecotConfig);
        await WaitForPortAsync(SmtpPort, "Postfix (SMTP)", PostfixLog);
        await WaitForPortAsync(ImapPort, "Dovecot (IMAP)", Path.Combine(Folder, "dovecot.log"));
        await WaitForPortAsync(Pop3Port, "Dovecot (POP3)", Path.Combine(Folder, "dovecot.log"));
    }

    public async Task DisposeAsync()
    {
        try { await DaemonAsync("/usr/sbin/postfix", "-c", PostfixConfig, "stop"); } catch (InvalidOperationException) { }
        try { await DaemonAsync("/usr/bin/doveadm", "-c", DovecotConfig, "stop"); } catch (InvalidOperationException) { }
        if (Environment.GetEnvironmentVariable("NOCBOARD_KEEP_MAIL_SERVERS") == "1") return;   // for reading the logs
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Stops Postfix's SMTP service entirely (for "the relay is down").</summary>
    public async Task StopSmtpAsync()
    {
        await DaemonAsync("/usr/sbin/postfix", "-c", PostfixConfig, "stop");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (PortOpen(SmtpPort) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.False(PortOpen(SmtpPort), "Postfix did not stop listening");
    }

    public async Task StartSmtpAsync()
    {
        await DaemonAsync("/usr/sbin/postfix", "-c", PostfixConfig, "start");
        await WaitForPortAsync(SmtpPort, "Postfix (SMTP)", PostfixLog);
    }

    /// <summary>Asks Postfix to retry deferred mail now (after an rt-mailgate exit 75).</summary>
    public Task FlushQueueAsync() => RunAsync("/usr/sbin/postqueue", "-c", PostfixConfig, "-f");

    /// <summary>Hands a message to Postfix by SMTP, as any mail client would.</summary>
    public async Task SendAsync(MimeMessage message, params string[] recipients)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", SmtpPort, SecureSocketOptions.None);
        if (recipients.Length == 0) await smtp.SendAsync(message);
        else await smtp.SendAsync(message, MailboxAddress.Parse("sender@example.org"),
            recipients.Select(r => MailboxAddress.Parse(r)));
        await smtp.DisconnectAsync(true);
    }

    public async Task<ImapClient> ImapAsync(string user)
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, Password);
        return client;
    }

    /// <summary>The messages in USER's inbox once at least <paramref name="count"/> have arrived (waits up to 20 s).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMailAsync(string user, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            using var client = await ImapAsync(user);
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
            if (client.Inbox.Count >= count || DateTime.UtcNow > deadline)
            {
                var messages = new List<MimeMessage>();
                for (var i = 0; i < client.Inbox.Count; i++) messages.Add(await client.Inbox.GetMessageAsync(i));
                await client.DisconnectAsync(true);
                Assert.True(messages.Count >= count,
                    $"{user}@{Domain} has {messages.Count} message(s), expected {count}. Postfix log:\n{Tail(PostfixLog)}");
                return messages;
            }
            await client.DisconnectAsync(true);
            await Task.Delay(200);
        }
    }

    /// <summary>Empties USER's mailbox (so that one test's mail does not count in the next).</summary>
    public async Task ClearAsync(string user)
    {
        using var client = await ImapAsync(user);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        if (client.Inbox.Count > 0)
        {
            await client.Inbox.AddFlagsAsync(Enumerable.Range(0, client.Inbox.Count).ToList(), MessageFlags.Deleted, true);
            await client.Inbox.ExpungeAsync();
        }
        await client.DisconnectAsync(true);
    }

    /// <summary>Delivers straight into USER's mailbox (IMAP APPEND), the way a message sits there before polling.</summary>
    public async Task AppendAsync(string user, MimeMessage message)
    {
        using var client = await ImapAsync(user);
        await client.Inbox.AppendAsync(message);
        await client.DisconnectAsync(true);
    }

    public static string Tail(string path, int lines = 30) =>
        File.Exists(path) ? string.Join("\n", File.ReadAllLines(path).TakeLast(lines)) : $"({path} does not exist)";

    private async Task ConfigurePostfixAsync()
    {
        File.Copy("/etc/postfix/master.cf", Path.Combine(PostfixConfig, "master.cf"));
        var queue = Path.Combine(Folder, "queue");
        await File.WriteAllTextAsync(Path.Combine(PostfixConfig, "main.cf"), $"""
            compatibility_level = 3.6
            queue_directory = {queue}
            data_directory = {Path.Combine(Folder, "data")}
            mail_owner = postfix
            setgid_group = postdrop
            myhostname = {Domain}
            mydomain = {Domain}
            myorigin = {Domain}
            mydestination =
            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4
            mynetworks = 127.0.0.0/8
            maillog_file = {PostfixLog}
            maillog_file_prefixes = {Folder}
            virtual_mailbox_domains = {Domain}
            virtual_mailbox_base = {Path.Combine(Folder, "mail")}
            virtual_mailbox_maps = texthash:{Path.Combine(PostfixConfig, "vmailbox")}
            virtual_uid_maps = static:65534
            virtual_gid_maps = static:65534
            virtual_minimum_uid = 100
            relay_domains = {GatewayDomain}
            # Mail to any other domain (autoreplies to example.org senders) goes nowhere, instead of
            # bouncing back into a test mailbox at a moment no test can predict.
            default_transport = discard:outside the test domains
            transport_maps = texthash:{Path.Combine(PostfixConfig, "transport")}
            mailgate_destination_recipient_limit = 1
            recipient_delimiter = +
            smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
            disable_dns_lookups = yes
            smtp_host_lookup = native
            alias_maps =
            alias_database =
            queue_run_delay = 300s
            minimal_backoff_time = 300s
            message_size_limit = 52428800
            virtual_mailbox_limit = 0
            """);
        await File.WriteAllLinesAsync(Path.Combine(PostfixConfig, "vmailbox"), Users.Select(u => $"{u}@{Domain} {u}/"));
        await File.WriteAllTextAsync(Path.Combine(PostfixConfig, "transport"), $"{GatewayDomain} mailgate:\n");
        await RunAsync("/usr/sbin/postconf", "-c", PostfixConfig, "-M#", "smtp/inet");
        await RunAsync("/usr/sbin/postconf", "-c", PostfixConfig, "-M",
            $"127.0.0.1:{SmtpPort}/inet=127.0.0.1:{SmtpPort} inet n - n - - smtpd");
        // The real rt-mailgate, as an alias would run it; the recipient names the app's port and action.
        await RunAsync("/usr/sbin/postconf", "-c", PostfixConfig, "-M",
            "mailgate/unix=mailgate unix - n n - - pipe user=nobody argv=" + RtMailgate +
            " --queue General --action ${extension} --url http://127.0.0.1:${user}/");
        // Without the init script the chroot is never populated: run every service unchrooted.
        var master = Path.Combine(PostfixConfig, "master.cf");
        var lines = (await File.ReadAllLinesAsync(master)).Select(line =>
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith('#') || line.StartsWith(' ') || fields.Length < 8 || fields[4] != "y") return line;
            fields[4] = "n";
            return string.Join(' ', fields);
        });
        await File.WriteAllLinesAsync(master, lines);
    }

    private async Task ConfigureDovecotAsync()
    {
        var users = Path.Combine(Folder, "users");
        await File.WriteAllLinesAsync(users, Users.Select(u => $"{u}:{{PLAIN}}{Password}:65534:65534::{Path.Combine(Folder, "mail", u)}::"));
        await File.WriteAllTextAsync(DovecotConfig, $$"""
            instance_name = nocboard-test-{{SmtpPort}}
            base_dir = {{Path.Combine(Folder, "run")}}
            state_dir = {{Path.Combine(Folder, "state")}}
            listen = 127.0.0.1
            protocols = imap pop3
            ssl = no
            auth_mechanisms = plain login
            disable_plaintext_auth = no
            first_valid_uid = 100
            log_path = {{Path.Combine(Folder, "dovecot.log")}}
            mail_location = maildir:{{Path.Combine(Folder, "mail")}}/%n
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
                port = {{ImapPort}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service pop3-login {
              inet_listener pop3 {
                address = 127.0.0.1
                port = {{Pop3Port}}
              }
              inet_listener pop3s {
                port = 0
              }
            }
            protocol pop3 {
              pop3_uidl_format = %08Xu%08Xv
            }
            """);
    }

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

    /// <summary>
    /// Runs a command that starts or stops a daemon. Its output goes to a file, never to a pipe:
    /// the daemon would inherit the pipe and the read would not end while it runs.
    /// </summary>
    private async Task DaemonAsync(string file, params string[] args)
    {
        var log = Path.Combine(Folder, "commands.log");
        var command = string.Join(' ', new[] { file }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{command} >>'{log}' 2>&1 </dev/null");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} exited {process.ExitCode}:\n{Tail(log)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port, string what, string log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException($"{what} did not start on 127.0.0.1:{port}. Log:\n{Tail(log)}");
            }
        }
    }

    internal static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        var result = await TryRunAsync(file, args);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {result.ExitCode}: {result.Output}");
        return result;
    }

    internal static async Task<(int ExitCode, string Output)> TryRunAsync(string file, params string[] args) =>
        await RunWithInputAsync(file, null, null, args);

    /// <summary>Runs a program with optional stdin; its stdout and stderr are collected (daemons must not keep them open: they get log files).</summary>
    internal static async Task<(int ExitCode, string Output)> RunWithInputAsync(string file, byte[]? stdin,
        IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (environment is not null) foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.BaseStream.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}

[CollectionDefinition(Name)]
public sealed class MailServersCollection : ICollectionFixture<MailServers>
{
    public const string Name = "Mail servers";
}
