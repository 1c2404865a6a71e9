using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MailKit.Security;
using MimeKit;
using MimeKit.Utils;
using NocBoard.Mail;
using NocBoard.Mail.Polling;
using NocBoard.Monitoring;
using NocBoard.Tests.Mail.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Monitoring.Mail;

/// <summary>
/// Alert mail the other way in: Zabbix's default problem, update and resolved mails sent by SMTP to
/// real Postfix, delivered to a real Dovecot mailbox, and read by NocBoard's IMAP poller.
/// </summary>
[Collection(MailServersCollection.Name)]
public class AlertMailThroughImapTests(MailServers servers)
{
    private const string User = "spare3";

    private static MimeMessage Sent(MimeMessage message)
    {
        message.MessageId = MimeUtils.GenerateMessageId("zabbix.example.net");
        message.To.Clear();
        message.To.Add(MailboxAddress.Parse($"{User}@{MailServers.Domain}"));
        return message;
    }

    [Fact]
    public async Task A_Zabbix_Problem_Its_Update_And_Its_Recovery_Polled_Over_Imap_Are_One_Ticket()
    {
        await servers.ClearAsync(User);
        await using var app = await MailApp.StartAsync(servers);
        var mailbox = new PolledMailbox(null, User, MailboxProtocol.Imap, "127.0.0.1", servers.ImapPort, SecureSocketOptions.None,
            User, MailServers.Password, "INBOX", null, "General", MailActions.Correspond);
        foreach (var (message, count) in new[] { (ZabbixNotification.Problem60(), 1), (ZabbixNotification.Update60(), 2), (ZabbixNotification.Resolved60(), 3) })
        {
            await servers.SendAsync(Sent(message), $"{User}@{MailServers.Domain}");
            await servers.WaitForMailAsync(User, count);
            // One at a time, as they would arrive minutes apart.
            var result = await app.Scenario.InScopeAsync(sp => sp.GetRequiredService<MailboxPoller>().PollAsync(mailbox, CancellationToken.None));
            Assert.Null(result.Error);
            Assert.Equal(1, result.Taken);
        }

        var ticket = Assert.Single(await app.TicketsAsync());
        Assert.Equal("resolved", ticket.Status);
        var history = await app.Scenario.DbAsync(db => db.Transactions.AsNoTracking().Where(t => t.TicketId == ticket.Id).ToListAsync());
        Assert.Single(history, t => t.Type == TransactionType.Comment);   // the update
        Assert.Single(history, t => t.Field == "Recovery");
        var episode = await app.Scenario.DbAsync(db => db.Set<AlertEpisode>().AsNoTracking().SingleAsync());
        Assert.Equal((3, AlertState.Ok), (episode.Count, episode.State));
    }
}
