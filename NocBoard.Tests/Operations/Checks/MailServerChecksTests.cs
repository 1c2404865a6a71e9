using System.Net;
using System.Net.Sockets;
using NocBoard.Tests.Mail.Support;
using NocBoard.Tests.Operations.Commands;

namespace NocBoard.Tests.Operations.Checks;

/// <summary>
/// <c>check</c> as a process against the real Postfix and Dovecot: the SMTP relay and every polled
/// mailbox are tried with their logins, and what does not answer or refuses the login is named.
/// </summary>
[Collection(MailServersCollection.Name)]
public sealed class MailServerChecksTests(MailServers servers) : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "nocboard-check", Guid.NewGuid().ToString("N"));

    private Dictionary<string, string?> Settings(int smtpPort, string imapPassword) => new()
    {
        ["Mail__Smtp__Host"] = "127.0.0.1",
        ["Mail__Smtp__Port"] = smtpPort.ToString(),
        ["Mail__Smtp__Security"] = "None",
        ["Mail__Polling__Mailboxes__0__Name"] = "noc-inbox",
        ["Mail__Polling__Mailboxes__0__Protocol"] = "Imap",
        ["Mail__Polling__Mailboxes__0__Host"] = "127.0.0.1",
        ["Mail__Polling__Mailboxes__0__Port"] = servers.ImapPort.ToString(),
        ["Mail__Polling__Mailboxes__0__Security"] = "None",
        ["Mail__Polling__Mailboxes__0__UserName"] = "spare2",
        ["Mail__Polling__Mailboxes__0__Password"] = imapPassword,
        ["Mail__Polling__Mailboxes__1__Name"] = "alerts",
        ["Mail__Polling__Mailboxes__1__Protocol"] = "Pop3",
        ["Mail__Polling__Mailboxes__1__Host"] = "127.0.0.1",
        ["Mail__Polling__Mailboxes__1__Port"] = servers.Pop3Port.ToString(),
        ["Mail__Polling__Mailboxes__1__Security"] = "None",
        ["Mail__Polling__Mailboxes__1__UserName"] = "spare3",
        ["Mail__Polling__Mailboxes__1__Password"] = MailServers.Password,
    };

    [Fact]
    public async Task Reachable_Servers_That_Take_Their_Logins_Pass()
    {
        Assert.Equal(0, (await NocCommand.RunAsync(data, "migrate")).ExitCode);

        var check = await NocCommand.RunAsync(data, ["check"], environment: Settings(servers.SmtpPort, MailServers.Password));

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains($"ok   smtp: 127.0.0.1:{servers.SmtpPort} answers (no TLS)", check.Out);
        Assert.Contains("ok   mailboxes: 2 answer and accept their login (imap:noc-inbox, pop3:alerts)", check.Out);
        Assert.DoesNotContain(MailServers.Password, check.Out + check.Err);
    }

    [Fact]
    public async Task A_Relay_That_Does_Not_Answer_And_A_Refused_Login_Are_Each_Named()
    {
        Assert.Equal(0, (await NocCommand.RunAsync(data, "migrate")).ExitCode);
        var closedPort = ClosedPort();

        var check = await NocCommand.RunAsync(data, ["check"], environment: Settings(closedPort, "Wrong-Password-9"));

        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"FAIL smtp: 127.0.0.1:{closedPort}: ", check.Out);
        Assert.Contains($"FAIL mailboxes: imap:noc-inbox (spare2@127.0.0.1:{servers.ImapPort}): ", check.Out);
        Assert.DoesNotContain("pop3:alerts", check.Out); // the POP3 mailbox answered
        Assert.Contains("2 check(s) failed.", check.Out);
        Assert.DoesNotContain("Wrong-Password-9", check.Out + check.Err);
    }

    [Fact]
    public async Task Without_A_Relay_Or_Mailboxes_Check_Says_So_And_Passes()
    {
        Assert.Equal(0, (await NocCommand.RunAsync(data, "migrate")).ExitCode);

        var check = await NocCommand.RunAsync(data, "check");

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("ok   smtp: no relay set (Mail:Smtp:Host): outgoing mail stays queued in the outbox", check.Out);
        Assert.Contains("ok   mailboxes: none to poll", check.Out);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
