using MailKit;
using MailKit.Net.Pop3;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Text;
using NocBoard.Mail;
using NocBoard.Mail.Inbound;
using NocBoard.Mail.Outbound;
using NocBoard.Mail.Polling;
using NocBoard.Tests.Mail.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Mail.Polling;

/// <summary>Polling real Dovecot mailboxes over IMAP and POP3, mail delivered to them by real Postfix.</summary>
[Collection(MailServersCollection.Name)]
public class MailboxPollerTests(MailServers servers)
{
    private PolledMailbox Mailbox(string user, MailboxProtocol protocol = MailboxProtocol.Imap) =>
        new(null, user, protocol, "127.0.0.1", protocol == MailboxProtocol.Imap ? servers.ImapPort : servers.Pop3Port,
            SecureSocketOptions.None, user, MailServers.Password, "INBOX", null, "General", MailActions.Correspond);

    private static Task<MailboxPollResult> PollAsync(MailApp app, PolledMailbox mailbox) =>
        app.Scenario.InScopeAsync(sp => sp.GetRequiredService<MailboxPoller>().PollAsync(mailbox, CancellationToken.None));

    private async Task<int> UnseenAsync(string user)
    {
        using var client = await servers.ImapAsync(user);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var unseen = (await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.NotSeen)).Count;
        await client.DisconnectAsync(true);
        return unseen;
    }

    [Fact]
    public async Task Imap_Mail_Becomes_Tickets_And_Is_Marked_Seen_Only_After_Commit_And_Never_Twice()
    {
        await servers.ClearAsync("inbox");
        await using var app = await MailApp.StartAsync(servers);
        await servers.SendAsync(Mails.Message("gina@example.org", "Packet loss Frankfurt–Paris", "12% since 08:10"), "inbox@mail.test");
        await servers.SendAsync(Mails.Message("hank@example.org", "DNS resolver slow", "3 s per lookup"), "inbox@mail.test");
        await servers.WaitForMailAsync("inbox", 2);

        // The state a crash leaves: the first message's ticket committed, the mailbox not yet marked.
        using (var client = await servers.ImapAsync("inbox"))
        {
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
            var first = await client.Inbox.GetMessageAsync(0);
            Assert.Equal(MailOutcome.Ticket, (await app.TakeAsync(first, via: "imap:inbox")).Outcome);
            await client.DisconnectAsync(true);
        }
        Assert.Equal(2, await UnseenAsync("inbox"));

        var result = await PollAsync(app, Mailbox("inbox"));
        Assert.Null(result.Error);
        Assert.Equal(1, result.Taken);
        Assert.Equal(1, result.Duplicates);
        Assert.Equal(["Packet loss Frankfurt–Paris", "DNS resolver slow"], (await app.TicketsAsync()).Select(t => t.Subject));
        Assert.Equal(0, await UnseenAsync("inbox"));

        result = await PollAsync(app, Mailbox("inbox"));
        Assert.Equal(0, result.Taken + result.Duplicates);
        Assert.Equal(2, (await app.TicketsAsync()).Count);
    }

    [Fact]
    public async Task Pop3_Mail_Is_Deleted_Only_After_Commit_And_A_Broken_Session_Duplicates_Nothing()
    {
        await servers.ClearAsync("pop");
        await using var app = await MailApp.StartAsync(servers);
        await servers.SendAsync(Mails.Message("ivan@example.org", "Leased line flapping", "every 5 minutes"), "pop@mail.test");
        await servers.WaitForMailAsync("pop", 1);

        // Read and recorded, but the session dies before QUIT: POP3 keeps the message.
        using (var pop = new Pop3Client())
        {
            await pop.ConnectAsync("127.0.0.1", servers.Pop3Port, SecureSocketOptions.None);
            await pop.AuthenticateAsync("pop", MailServers.Password);
            var message = await pop.GetMessageAsync(0);
            await app.TakeAsync(message, via: "pop3:pop");
            await pop.DeleteMessageAsync(0);
            await pop.DisconnectAsync(quit: false);
        }
        Assert.Single(await servers.WaitForMailAsync("pop", 1));

        var result = await PollAsync(app, Mailbox("pop", MailboxProtocol.Pop3));
        Assert.Null(result.Error);
        Assert.Equal(1, result.Duplicates);
        Assert.Single(await app.TicketsAsync());
        using var check = await servers.ImapAsync("pop");
        await check.Inbox.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(0, check.Inbox.Count);
    }

    [Fact]
    public async Task The_Scheduled_Job_Polls_A_Mailbox_From_The_Admin_Table_With_Its_Password_Protected()
    {
        await servers.ClearAsync("spare1");
        await using var app = await MailApp.StartAsync(servers, new Dictionary<string, string?> { ["Jobs:Schedules:mail-poll"] = "*/1 * * * * *" });
        var root = await app.Scenario.RootAsync();
        var saved = await app.Scenario.InScopeAsync(sp => sp.GetRequiredService<NocBoard.Mail.Admin.MailAdmin>().SaveMailboxAsync(root, null,
            new NocBoard.Mail.Admin.MailboxForm
            {
                Name = "spare", Protocol = MailboxProtocol.Imap, Host = "127.0.0.1", Port = servers.ImapPort,
                Security = SecureSocketOptions.None, UserName = "spare1", Password = MailServers.Password, QueueName = "General",
            }));
        Assert.True(saved.Succeeded, saved.Error?.Message);
        var stored = await app.Scenario.DbAsync(db => db.Set<Mailbox>().AsNoTracking().SingleAsync());
        Assert.DoesNotContain(MailServers.Password, stored.ProtectedPassword);

        await servers.SendAsync(Mails.Message("judy@example.org", "UPS on battery in rack B4", "since 11:20"), "spare1@mail.test");
        await MailApp.WaitUntilAsync(async () => (await app.TicketsAsync()).Count == 1, "the job turns the mail into a ticket");
        await MailApp.WaitUntilAsync(async () => await UnseenAsync("spare1") == 0, "the message is marked seen");
        // The poll records its outcome after it has marked the messages.
        await MailApp.WaitUntilAsync(async () => (await app.Scenario.DbAsync(db => db.Set<Mailbox>().AsNoTracking().SingleAsync())).LastPolled is not null,
            "the poll is recorded on the mailbox");
        var polled = await app.Scenario.DbAsync(db => db.Set<Mailbox>().AsNoTracking().SingleAsync());
        Assert.Null(polled.LastError);
    }

    [Fact]
    public async Task Japanese_Mail_Round_Trips_In_By_Imap_Out_By_Smtp_And_Back_Without_Mojibake()
    {
        await servers.ClearAsync("jp");
        await servers.ClearAsync("customer");
        await using var app = await MailApp.StartAsync(servers);

        // In: ISO-2022-JP, as Japanese mail clients send it.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var jis = System.Text.Encoding.GetEncoding("iso-2022-jp");
        var incoming = new MimeMessage();
        incoming.From.Add(new MailboxAddress(jis, "山田 太郎", "customer@mail.test"));
        incoming.To.Add(MailboxAddress.Parse("jp@mail.test"));
        incoming.Headers.Replace(HeaderId.Subject, jis, "回線障害のお知らせ（東京第二データセンター）");
        var text = new TextPart(TextFormat.Plain);
        text.SetText(jis, "お世話になっております。\n本日10時頃から通信が途絶えています。");
        incoming.Body = text;
        incoming.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.jp");
        await servers.SendAsync(incoming, "jp@mail.test");
        await servers.WaitForMailAsync("jp", 1);
        var raw = (await servers.WaitForMailAsync("jp", 1))[0];
        Assert.Contains("iso-2022-jp", raw.Body!.ContentType.Charset ?? "", StringComparison.OrdinalIgnoreCase);

        Assert.Null((await PollAsync(app, Mailbox("jp"))).Error);
        var ticket = Assert.Single(await app.TicketsAsync());
        Assert.Equal("回線障害のお知らせ（東京第二データセンター）", ticket.Subject);
        var body = (await app.MessagesAsync(ticket.Id))[0].Attachments.Single(a => a.IsBody);
        Assert.Contains("本日10時頃から通信が途絶えています。", System.Text.Encoding.UTF8.GetString(body.Content));
        var requestor = await app.Scenario.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "customer@mail.test"));
        Assert.Equal("山田 太郎", requestor.RealName);

        // Out: a reply queued with the ticket, sent through Postfix, read back by IMAP.
        var reply = new MimeMessage();
        reply.From.Add(MailboxAddress.Parse("jp@mail.test"));
        reply.To.Add(new MailboxAddress("山田 太郎", "customer@mail.test"));
        reply.Subject = SubjectTag.Apply("NOC", ticket.Id, "Re: " + ticket.Subject);
        reply.Body = new TextPart(TextFormat.Plain) { Text = "ご連絡ありがとうございます。復旧作業中です。" };
        await app.Scenario.InScopeAsync(sp => MailOutbox.EnqueueAsync(sp.GetRequiredService<NocBoard.Data.NocDbContext>(),
            TimeProvider.System, reply, $"test-reply:{ticket.Id}", ticket.Id));
        // The customer gets two mails: the default autoreply on create, and this reply.
        var mails = await servers.WaitForMailAsync("customer", 2);
        Assert.Equal(2, mails.Count);
        var autoreply = Assert.Single(mails, m => !(m.TextBody ?? "").Contains("復旧作業中です。"));
        Assert.Contains("回線障害のお知らせ（東京第二データセンター）", autoreply.Subject);
        var received = Assert.Single(mails, m => (m.TextBody ?? "").Contains("復旧作業中です。"));
        Assert.Equal($"[NOC #{ticket.Id}] Re: 回線障害のお知らせ（東京第二データセンター）", received.Subject);
        Assert.Contains("復旧作業中です。", received.TextBody ?? "");
        Assert.Equal("山田 太郎", ((MailboxAddress)received.To[0]).Name);
        Assert.Contains(incoming.MessageId, received.References);

        // The customer answers without the tag: In-Reply-To brings it to the same ticket.
        var answer = new MimeMessage();
        answer.From.Add(new MailboxAddress(jis, "山田 太郎", "customer@mail.test"));
        answer.To.Add(MailboxAddress.Parse("jp@mail.test"));
        answer.Headers.Replace(HeaderId.Subject, jis, "Re: 回線障害");
        answer.InReplyTo = received.MessageId;
        var answerText = new TextPart(TextFormat.Plain);
        answerText.SetText(jis, "承知しました。よろしくお願いします。");
        answer.Body = answerText;
        await servers.SendAsync(answer, "jp@mail.test");
        await servers.WaitForMailAsync("jp", 2);
        Assert.Null((await PollAsync(app, Mailbox("jp"))).Error);
        Assert.Single(await app.TicketsAsync());
        var messages = await app.MessagesAsync(ticket.Id);
        Assert.Equal(2, messages.Count);
        Assert.Contains("承知しました。", System.Text.Encoding.UTF8.GetString(messages[1].Attachments.Single(a => a.IsBody).Content));
    }

    [Fact]
    public async Task Mail_Queued_While_The_Smtp_Server_Is_Down_Is_Delivered_Exactly_Once_When_It_Returns()
    {
        await servers.ClearAsync("spare2");
        await using var app = await MailApp.StartAsync(servers);
        var id = await app.Scenario.TicketAsync("Transit provider maintenance");
        await servers.StopSmtpAsync();
        try
        {
            var notice = Mails.Message("inbox@mail.test", $"[NOC #{id}] Maintenance window", "Tonight 01:00–03:00 UTC.", to: "spare2@mail.test");
            await app.Scenario.InScopeAsync(sp => MailOutbox.EnqueueAsync(sp.GetRequiredService<NocBoard.Data.NocDbContext>(),
                TimeProvider.System, notice, $"test-notice:{id}", id));
            await MailApp.WaitUntilAsync(() => app.Scenario.DbAsync(db => db.Outbox.AnyAsync(m => m.Attempts > 0)),
                "the outbox has tried and failed");
        }
        finally
        {
            await servers.StartSmtpAsync();
        }
        var delivered = Assert.Single(await servers.WaitForMailAsync("spare2", 1, TimeSpan.FromSeconds(45)));
        Assert.Equal($"[NOC #{id}] Maintenance window", delivered.Subject);
        await Task.Delay(3000);
        Assert.Single(await servers.WaitForMailAsync("spare2", 1));
    }
}
