using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Utils;
using NocBoard.Accounts.Rights;
using NocBoard.Mail.Admin;
using NocBoard.Mail.Inbound;
using NocBoard.Mail.Outbound;
using NocBoard.Mail.Rules;
using NocBoard.Tests.Mail.Support;
using NocBoard.Tests.Support;
using NocBoard.Tickets;

namespace NocBoard.Tests.Mail.Inbound;

/// <summary>The inbound pipeline itself (no mail servers needed): rules, commands, quarantine, a corpus of real-world shapes.</summary>
public class MailIntakeTests
{
    private static Task<Scenario> StartAsync() =>
        Scenario.StartAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00", ["Jobs:Schedules:mail-poll"] = "off" });

    private static byte[] Bytes(MimeMessage message) => MailApp.Bytes(message);

    private static Task<MailIntakeResult> TakeAsync(Scenario scenario, MimeMessage message, string queue = "General", string action = "correspond") =>
        TakeRawAsync(scenario, Bytes(message), queue, action);

    private static Task<MailIntakeResult> TakeRawAsync(Scenario scenario, byte[] raw, string queue = "General", string action = "correspond") =>
        scenario.InScopeAsync(sp => sp.GetRequiredService<MailIntake>().TakeAsync(new MailIntakeRequest(raw, "test", queue, action)));

    private static Task<T> AdminAsync<T>(Scenario scenario, Func<MailAdmin, Task<T>> work) =>
        scenario.InScopeAsync(sp => work(sp.GetRequiredService<MailAdmin>()));

    /// <summary>Mail the intake itself queued (error replies), leaving aside what scrips send.</summary>
    private static Task<List<NocBoard.Outbox.OutboxMessage>> IntakeMailAsync(Scenario scenario) =>
        scenario.DbAsync(db => db.Outbox.Where(m => m.Kind == MailOutbox.Kind && !m.IdempotencyKey.StartsWith("scrip:")).ToListAsync());

    [Fact]
    public async Task Rules_Route_And_Quarantine_And_The_Preview_Says_What_Would_Happen()
    {
        await using var scenario = await StartAsync();
        var root = await scenario.RootAsync();
        await scenario.QueueAsync("Security");
        await scenario.UserAsync("alice", privileged: true);
        await scenario.GrantAllAsync(await scenario.ActorAsync("alice"), null, Right.OwnTicket);
        Assert.True((await AdminAsync(scenario, a => a.SaveRuleAsync(root, null, new MailRuleForm
            { Name = "abuse to security", Field = MailRuleField.ToOrCc, Pattern = @"abuse@", Action = MailRuleAction.SetQueue, Value = "Security" }))).Succeeded);
        Assert.True((await AdminAsync(scenario, a => a.SaveRuleAsync(root, null, new MailRuleForm
            { Name = "abuse is urgent", Field = MailRuleField.ToOrCc, Pattern = @"abuse@", Action = MailRuleAction.SetPriority, Value = "80" }))).Succeeded);
        Assert.True((await AdminAsync(scenario, a => a.SaveRuleAsync(root, null, new MailRuleForm
            { Name = "alice takes abuse", Field = MailRuleField.ToOrCc, Pattern = @"abuse@", Action = MailRuleAction.SetOwner, Value = "alice" }))).Succeeded);
        Assert.True((await AdminAsync(scenario, a => a.SaveRuleAsync(root, null, new MailRuleForm
            { Name = "spam", Field = MailRuleField.Header, HeaderName = "X-Spam-Flag", Pattern = "^YES$", Action = MailRuleAction.Quarantine }))).Succeeded);
        var bad = await AdminAsync(scenario, a => a.SaveRuleAsync(root, null, new MailRuleForm
            { Name = "broken", Field = MailRuleField.Subject, Pattern = "([", Action = MailRuleAction.Drop }));
        Assert.Equal("Pattern", bad.Error?.Field);

        var abuse = Mails.Message("reporter@example.org", "Port scan from your network", "from 198.51.100.7", to: "abuse@example.net");
        var preview = await AdminAsync(scenario, a => a.PreviewAsync(root, abuse.ToString()));
        Assert.True(preview.Succeeded, preview.Error?.Message);
        Assert.Equal(["abuse to security", "abuse is urgent", "alice takes abuse"], preview.Value!.Outcome.Matched.Select(r => r.Name));
        Assert.Contains(preview.Value.Lines, l => l.Contains("queue 'Security'"));
        Assert.Empty(await scenario.DbAsync(db => db.Tickets.ToListAsync()));   // a preview writes nothing

        var taken = await TakeAsync(scenario, abuse);
        var ticket = await scenario.LoadTicketAsync(taken.TicketId!.Value);
        Assert.Equal("Security", await scenario.DbAsync(db => db.Queues.Where(q => q.Id == ticket.QueueId).Select(q => q.Name).SingleAsync()));
        Assert.Equal(80, ticket.Priority);
        Assert.Equal((await scenario.ActorAsync("alice")).Id, ticket.OwnerId);

        var spam = Mails.Message("bulk@example.com", "Cheap optics", "buy");
        spam.Headers.Add("X-Spam-Flag", "YES");
        var held = await TakeAsync(scenario, spam);
        Assert.Equal(MailOutcome.Quarantined, held.Outcome);
        Assert.Contains("spam", (await AdminAsync(scenario, a => a.QuarantineAsync(root))).Value!.Single().Reason);
    }

    [Fact]
    public async Task Commands_Are_Applied_With_The_Senders_Rights_And_Refused_Or_Malformed_Ones_Get_An_Error_Mail()
    {
        await using var scenario = await StartAsync();
        var bob = await scenario.UserAsync("bob", privileged: true, email: "bob@example.net");
        await scenario.GrantAllAsync(bob, null, Right.ShowTicket, Right.ReplyToTicket, Right.ModifyTicket, Right.OwnTicket, Right.TakeTicket);
        var id = await scenario.TicketAsync("Core switch sw1 down");

        var staff = Mails.Message("bob@example.net", $"[NOC #{id}] Core switch sw1 down",
            "Status: open\nPriority: 80\nOwner: bob\nTimeWorked: 15\nAddCc: someone@example.org\n\nReplaced the line card.");
        Assert.Equal(MailOutcome.Ticket, (await TakeAsync(scenario, staff)).Outcome);
        var ticket = await scenario.LoadTicketAsync(id);
        Assert.Equal("open", ticket.Status);
        Assert.Equal(80, ticket.Priority);
        Assert.Equal(bob.Id, ticket.OwnerId);
        Assert.Equal(15, ticket.TimeWorked);
        Assert.Contains(await scenario.DbAsync(db => db.TicketWatchers.Where(w => w.TicketId == id).ToListAsync()),
            w => w.Role == WatcherRole.Cc && w.Email == "someone@example.org");
        Assert.Empty(await IntakeMailAsync(scenario));

        // A requestor may reply but not change the ticket; a bad value is malformed. The reply is still recorded.
        var customer = Mails.Message("carol@example.org", "Printer jam", "paper everywhere");
        var created = await TakeAsync(scenario, customer);
        var reply = Mails.Message("carol@example.org", $"[NOC #{created.TicketId}] Printer jam", "Status: resolved\nPriority: high\n\nIt is fixed now, thanks.");
        Assert.Equal(MailOutcome.Ticket, (await TakeAsync(scenario, reply)).Outcome);
        var after = await scenario.LoadTicketAsync(created.TicketId!.Value);
        Assert.NotEqual("resolved", after.Status);
        var messages = await scenario.DbAsync(db => db.Transactions.Where(t => t.TicketId == after.Id && t.Type == TransactionType.Correspond).CountAsync());
        Assert.Equal(1, messages);

        var error = Assert.Single(await IntakeMailAsync(scenario));
        var mail = MailOutbox.Deserialize(error.Payload);
        Assert.Equal("carol@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains($"[NOC #{after.Id}]", mail.Subject);
        Assert.Contains("Status: resolved: You may not change the status to resolved", mail.TextBody);
        Assert.Contains("Priority: high: Priority takes a whole number", mail.TextBody);
        Assert.Equal("auto-replied", mail.Headers[HeaderId.AutoSubmitted]);
    }

    [Fact]
    public async Task Quarantined_Mail_Is_Listed_With_Its_Reason_And_Released_After_The_Cause_Is_Fixed()
    {
        await using var scenario = await StartAsync();
        var root = await scenario.RootAsync();
        var note = Mails.Message("outsider@example.org", "Internal: check optics", "note");
        var id = await scenario.TicketAsync("Optics errors on xe-0/0/1");
        note.Subject = $"[NOC #{id}] Internal: check optics";
        var held = await TakeAsync(scenario, note, action: "comment");
        Assert.Equal(MailOutcome.Quarantined, held.Outcome);

        var listed = Assert.Single((await AdminAsync(scenario, a => a.QuarantineAsync(root))).Value!);
        Assert.Contains("outsider@example.org could not add to ticket", listed.Reason);
        var shown = await AdminAsync(scenario, a => a.QuarantinedAsync(root, listed.Id));
        Assert.Contains("Internal: check optics", System.Text.Encoding.UTF8.GetString(shown.Value!.Raw));

        // The same message again is not a second entry.
        Assert.True((await TakeAsync(scenario, note, action: "comment")).Duplicate);
        Assert.Single((await AdminAsync(scenario, a => a.QuarantineAsync(root))).Value!);

        var outsider = await scenario.ActorAsync("outsider@example.org");
        await scenario.GrantAllAsync(outsider, null, Right.ShowTicket, Right.CommentOnTicket);
        var released = await AdminAsync(scenario, a => a.ReleaseAsync(root, listed.Id));
        Assert.True(released.Succeeded, released.Error?.Message);
        Assert.Equal(MailOutcome.Ticket, released.Value!.Outcome);
        Assert.Equal(id, released.Value.TicketId);
        Assert.Single(await scenario.DbAsync(db => db.Transactions.Where(t => t.TicketId == id && t.Type == TransactionType.Comment).ToListAsync()));
        var after = (await AdminAsync(scenario, a => a.QuarantineAsync(root))).Value!.Single();
        Assert.Equal(id, after.ReleasedTicketId);

        var staffOnly = await scenario.UserAsync("viewer", privileged: true);
        Assert.False((await AdminAsync(scenario, a => a.QuarantineAsync(staffOnly))).Succeeded);
        Assert.True((await AdminAsync(scenario, a => a.DeleteQuarantinedAsync(root, listed.Id))).Succeeded);
        Assert.Empty((await AdminAsync(scenario, a => a.QuarantineAsync(root))).Value!);
    }

    [Fact]
    public async Task A_Corpus_Of_Real_World_Shapes_Each_Becomes_A_Ticket_Or_A_Quarantine_Entry_With_A_Reason()
    {
        await using var scenario = await StartAsync();

        var htmlOnly = new MimeMessage();
        htmlOnly.From.Add(MailboxAddress.Parse("web@example.org"));
        htmlOnly.To.Add(MailboxAddress.Parse("noc@example.net"));
        htmlOnly.Subject = "HTML only";
        htmlOnly.MessageId = MimeUtils.GenerateMessageId();
        htmlOnly.Body = new TextPart("html") { Text = "<p>Link <b>down</b></p><script>alert(1)</script><img src=\"http://tracker.example/x.gif\">" };

        var builder = new BodyBuilder { TextBody = "See the attached traceroute.", HtmlBody = "<p>See the attached <i>traceroute</i>.</p>" };
        builder.Attachments.Add("traceroute.txt", System.Text.Encoding.UTF8.GetBytes("1 192.0.2.1 1 ms\n2 * * *\n"));
        builder.LinkedResources.Add("graph.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 });
        var withFiles = new MimeMessage { Subject = "Traceroute attached", Body = builder.ToMessageBody(), MessageId = MimeUtils.GenerateMessageId() };
        withFiles.From.Add(MailboxAddress.Parse("ops@example.org"));
        withFiles.To.Add(MailboxAddress.Parse("noc@example.net"));

        var sjis = System.Text.Encoding.GetEncoding("shift_jis");
        var shiftJis = new MimeMessage { MessageId = MimeUtils.GenerateMessageId() };
        shiftJis.From.Add(new MailboxAddress(sjis, "鈴木 花子", "hanako@example.jp"));
        shiftJis.To.Add(MailboxAddress.Parse("noc@example.net"));
        shiftJis.Headers.Replace(HeaderId.Subject, sjis, "サーバー停止");
        var sjisText = new TextPart("plain");
        sjisText.SetText(sjis, "大阪のサーバーが応答しません。");
        shiftJis.Body = sjisText;

        var noFrom = Mails.Message("x@example.org", "Who sent this", "nobody");
        noFrom.From.Clear();

        var autoReply = Mails.Message("away@example.org", "Out of office", "I am away until Monday.");
        autoReply.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");

        var results = new Dictionary<string, MailIntakeResult>
        {
            ["html"] = await TakeAsync(scenario, htmlOnly),
            ["files"] = await TakeAsync(scenario, withFiles),
            ["sjis"] = await TakeAsync(scenario, shiftJis),
            ["nofrom"] = await TakeAsync(scenario, noFrom),
            ["auto"] = await TakeAsync(scenario, autoReply),
            ["bounce"] = await TakeRawAsync(scenario, System.Text.Encoding.ASCII.GetBytes(Bounce)),
            ["malformed"] = await TakeRawAsync(scenario, [0x00, 0xFF, 0x00, 0x01]),
        };

        Assert.Equal(MailOutcome.Ticket, results["html"].Outcome);
        var html = await Body(scenario, results["html"].TicketId!.Value);
        Assert.Equal("text/html", html.ContentType);
        var htmlText = System.Text.Encoding.UTF8.GetString(html.Content);
        Assert.Contains("<b>down</b>", htmlText);
        Assert.DoesNotContain("<script", htmlText);
        Assert.DoesNotContain("tracker.example", htmlText);

        var files = await scenario.DbAsync(db => db.Attachments.Where(a => db.Transactions.Any(t => t.Id == a.TransactionId && t.TicketId == results["files"].TicketId)).ToListAsync());
        Assert.Contains(files, a => a.FileName == "traceroute.txt" && System.Text.Encoding.UTF8.GetString(a.Content).Contains("192.0.2.1"));
        Assert.Contains(files, a => a.FileName == "graph.png");
        Assert.Contains(files, a => a.FileName == "message.html");
        Assert.Contains(files, a => a.IsBody && a.ContentType == "text/plain");

        Assert.Equal("サーバー停止", (await scenario.LoadTicketAsync(results["sjis"].TicketId!.Value)).Subject);
        Assert.Contains("大阪のサーバーが応答しません。", System.Text.Encoding.UTF8.GetString((await Body(scenario, results["sjis"].TicketId!.Value)).Content));

        Assert.Equal(MailOutcome.Quarantined, results["nofrom"].Outcome);
        Assert.Contains("no sender", results["nofrom"].Detail);
        Assert.Equal(MailOutcome.Ticket, results["auto"].Outcome);
        Assert.Equal(MailOutcome.Ticket, results["bounce"].Outcome);
        var bounceFiles = await scenario.DbAsync(db => db.Attachments.Where(a => db.Transactions.Any(t => t.Id == a.TransactionId && t.TicketId == results["bounce"].TicketId)).ToListAsync());
        Assert.Contains(bounceFiles, a => a.ContentType == "message/delivery-status");
        Assert.Equal(MailOutcome.Quarantined, results["malformed"].Outcome);
        // Nothing answers machines: the default autoreply scrip confirms receipt to the people who
        // wrote, and to nobody else (not the out-of-office, not the bounce's mailer-daemon).
        var dispatcher = scenario.Services.GetRequiredService<NocBoard.Outbox.OutboxDispatcher>();
        while (await dispatcher.DispatchBatchAsync(CancellationToken.None) > 0) { }
        var answered = await scenario.DbAsync(db => db.Outbox.Where(m => m.Kind == MailOutbox.Kind).Select(m => m.Payload).ToListAsync());
        Assert.Equal(["hanako@example.jp", "ops@example.org", "web@example.org"],
            answered.SelectMany(p => MailOutbox.Deserialize(p).To.Mailboxes.Select(a => a.Address)).Order(StringComparer.Ordinal));

        var receipts = await scenario.DbAsync(db => db.Set<MailReceipt>().CountAsync());
        Assert.Equal(results.Count, receipts);
    }

    private static Task<Attachment> Body(Scenario scenario, int ticketId) => scenario.DbAsync(db => db.Attachments
        .Where(a => a.FileName == null && db.Transactions.Any(t => t.Id == a.TransactionId && t.TicketId == ticketId && t.Type == TransactionType.Create))
        .SingleAsync());

    private const string Bounce = """
        From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
        To: noc@example.net
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <bounce.1@mx.example.org>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        I'm sorry to have to inform you that your message could not be delivered.

        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.org

        Final-Recipient: rfc822; gone@example.org
        Action: failed
        Status: 5.1.1

        --B--

        """;
}
