using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NocBoard.Accounts;
using NocBoard.Automation.Templates;
using NocBoard.Data;
using NocBoard.Operations.Jobs;
using NocBoard.Tickets;

namespace NocBoard.Automation.Digests;

/// <summary>Mails each open reminder whose time has come to its owner, once, if the owner may still see the ticket.</summary>
public sealed class ReminderJob(NocDbContext db, DigestMailer digests, TicketReader reader, IOptions<AutomationOptions> options,
    TimeProvider clock) : IScheduledJob
{
    public const string TemplateName = "Reminder";

    public string Id => "reminders";
    public string Description => "Mails reminders whose time has come to their owners.";
    public string DefaultSchedule => "*/5 * * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = now - options.Value.ReminderWindow;
        var due = await db.Reminders.AsNoTracking()
            .Where(r => r.Completed == null && r.Due != null && r.Due <= now && r.Due >= from)
            .OrderBy(r => r.Due).ToListAsync(ct);
        foreach (var reminder in due)
        {
            var owner = (await digests.StaffAsync([reminder.OwnerId], ct)).SingleOrDefault();
            if (owner is null) continue;
            var ticket = await reader.GetAsync(reminder.TicketId, Actor.For(owner), ct);
            if (ticket is null) continue;
            await digests.SendAsync(TemplateName, ticket.QueueId, owner, new TemplateValues
            {
                Ticket = (await digests.ModelsAsync([ticket], ct))[0],
                Reminder = new ReminderModel(reminder.Subject, digests.Local(reminder.Due!.Value)),
            }, $"reminder:{reminder.Id}:{reminder.Due!.Value.UtcTicks}", ct, ticket.Id);
        }
    }
}
