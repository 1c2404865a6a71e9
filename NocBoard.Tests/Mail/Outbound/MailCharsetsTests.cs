using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NocBoard.Data;
using NocBoard.Mail.Outbound;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Mail.Outbound;

/// <summary>Mail about a ticket goes out in its queue's charset (ISO-2022-JP for Japanese recipients, as OTRS users need).</summary>
public class MailCharsetsTests
{
    private static MimeMessage Notice(string body)
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress("東京 NOC", "noc-tokyo@example.net"));
        mail.To.Add(new MailboxAddress("山田 太郎", "taro@example.jp"));
        mail.Subject = "[NOC #1] 回線障害のお知らせ";
        mail.Body = new TextPart("plain") { Text = body };
        return mail;
    }

    /// <summary>Queues the mail for a ticket in <paramref name="queue"/>, prepares it as the sender does, and returns it as it goes on the wire.</summary>
    private static async Task<byte[]> PreparedAsync(Scenario scenario, int ticketId, MimeMessage mail, string key)
    {
        await scenario.InScopeAsync(sp => MailOutbox.EnqueueAsync(sp.GetRequiredService<NocDbContext>(), TimeProvider.System, mail, key, ticketId));
        var row = await scenario.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.IdempotencyKey == key));
        var message = MailOutbox.Deserialize(row.Payload);
        await scenario.InScopeAsync(sp => sp.GetRequiredService<MailCharsets>().ApplyAsync(row, message, default));
        message.Prepare(EncodingConstraint.SevenBit);
        using var stream = new MemoryStream();
        await message.WriteToAsync(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task A_Queue_Set_To_ISO_2022_JP_Sends_Japanese_In_It_And_Others_Stay_UTF_8()
    {
        await using var scenario = await Scenario.StartAsync(new Dictionary<string, string?>
        {
            ["Outbox:PollInterval"] = "01:00:00", ["Mail:Charsets:Queues:Tokyo"] = "iso-2022-jp",
        });
        var tokyo = await scenario.TicketAsync("回線障害", queueId: await scenario.QueueAsync("Tokyo"));
        var general = await scenario.TicketAsync("Link down");

        var wire = await PreparedAsync(scenario, tokyo, Notice("回線が復旧しました。\nThe link is back."), "jp");
        var text = System.Text.Encoding.ASCII.GetString(wire);
        Assert.Contains("charset=iso-2022-jp", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("=?iso-2022-jp?", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("utf-8", text, StringComparison.OrdinalIgnoreCase);
        var back = MimeMessage.Load(new MemoryStream(wire));
        Assert.Equal("[NOC #1] 回線障害のお知らせ", back.Subject);
        Assert.Equal("山田 太郎", back.To.Mailboxes.Single().Name);
        Assert.Equal("回線が復旧しました。\nThe link is back.", back.TextBody!.Replace("\r\n", "\n").TrimEnd('\n'));

        var other = System.Text.Encoding.ASCII.GetString(await PreparedAsync(scenario, general, Notice("回線が復旧しました。"), "utf8"));
        Assert.Contains("charset=utf-8", other, StringComparison.OrdinalIgnoreCase);

        // Text ISO-2022-JP cannot hold stays UTF-8 instead of turning into question marks.
        var emoji = await PreparedAsync(scenario, tokyo, Notice("復旧しました 🎉"), "emoji");
        Assert.Contains("charset=utf-8", System.Text.Encoding.ASCII.GetString(emoji), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("復旧しました 🎉", MimeMessage.Load(new MemoryStream(emoji)).TextBody!.Trim());
    }
}
