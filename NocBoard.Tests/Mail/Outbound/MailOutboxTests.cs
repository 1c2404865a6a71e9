using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NocBoard.Data;
using NocBoard.Mail.Outbound;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Mail.Outbound;

public class MailOutboxTests
{
    private static MimeMessage Mail(string subject)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("NOC", "noc@example.net"));
        message.To.Add(new MailboxAddress("山田 太郎", "taro@example.jp"));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "回線が復旧しました。\nThe link is back." };
        return message;
    }

    [Fact]
    public async Task A_Queued_Mail_Is_Stored_Whole_With_A_Fixed_Message_Id()
    {
        await using var scenario = await Scenario.StartAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        var mail = Mail("[NOC #1] 障害のお知らせ");
        var queued = await scenario.InScopeAsync(sp => MailOutbox.EnqueueAsync(
            sp.GetRequiredService<NocDbContext>(), TimeProvider.System, mail, "test:1"));
        Assert.True(queued);

        var stored = await scenario.DbAsync(db => db.Outbox.SingleAsync(m => m.IdempotencyKey == "test:1"));
        Assert.Equal(MailOutbox.Kind, stored.Kind);
        var back = MailOutbox.Deserialize(stored.Payload);
        Assert.False(string.IsNullOrEmpty(back.MessageId));
        Assert.Equal(mail.MessageId, back.MessageId);
        Assert.Equal("[NOC #1] 障害のお知らせ", back.Subject);
        Assert.Equal("山田 太郎", ((MailboxAddress)back.To[0]).Name);
        Assert.Contains("回線が復旧しました。", back.TextBody);
    }

    [Fact]
    public async Task The_Same_Key_Is_Queued_Once()
    {
        await using var scenario = await Scenario.StartAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        var first = await scenario.InScopeAsync(sp => MailOutbox.EnqueueAsync(
            sp.GetRequiredService<NocDbContext>(), TimeProvider.System, Mail("one"), "digest:2026-11-23:alice"));
        var second = await scenario.InScopeAsync(sp => MailOutbox.EnqueueAsync(
            sp.GetRequiredService<NocDbContext>(), TimeProvider.System, Mail("one again"), "digest:2026-11-23:alice"));
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(1, await scenario.DbAsync(db => db.Outbox.CountAsync(m => m.IdempotencyKey == "digest:2026-11-23:alice")));
    }
}
