using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Admin;
using NocBoard.Automation.Due;
using NocBoard.Data;

namespace NocBoard.Automation.Admin;

/// <summary>A queue's service level as its editor shows it: times as "08:00", days and holidays as lists.</summary>
public sealed class QueueSlaForm
{
    public int? DueInHours { get; set; }
    public string? BusinessStart { get; set; }
    public string? BusinessEnd { get; set; }
    public string BusinessDays { get; set; } = "Mon,Tue,Wed,Thu,Fri";
    public string? Holidays { get; set; }
    public string? TimeZone { get; set; }
    public int? EscalateWithoutDueDays { get; set; }
}

/// <summary>
/// Reading and setting a queue's service level (due-in, business hours, holidays, escalation of
/// tickets without a due date). Needs AdminQueue on the queue (or globally).
/// </summary>
public sealed class QueueSlaAdmin(NocDbContext db, AdminRights rights, AdminWriter writer)
{
    public Task<AdminResult<QueueSlaForm>> GetAsync(Actor actor, int queueId, CancellationToken ct = default) =>
        writer.ReadAsync(async () =>
        {
            await RequireAsync(actor, queueId, "see the service level", ct);
            var sla = await db.QueueSlas().AsNoTracking().SingleOrDefaultAsync(s => s.QueueId == queueId, ct);
            return sla is null ? new QueueSlaForm() : new QueueSlaForm
            {
                DueInHours = sla.DueInHours,
                BusinessStart = sla.BusinessStart?.ToString("HH:mm", CultureInfo.InvariantCulture),
                BusinessEnd = sla.BusinessEnd?.ToString("HH:mm", CultureInfo.InvariantCulture),
                BusinessDays = sla.BusinessDays,
                Holidays = sla.Holidays,
                TimeZone = sla.TimeZone,
                EscalateWithoutDueDays = sla.EscalateWithoutDueDays,
            };
        });

    public Task<AdminResult> SaveAsync(Actor actor, int queueId, QueueSlaForm form, CancellationToken ct = default) =>
        writer.WriteAsync(actor, async () =>
        {
            await RequireAsync(actor, queueId, "change the service level", ct);
            var sla = await db.QueueSlas().SingleOrDefaultAsync(s => s.QueueId == queueId, ct);
            if (sla is null)
            {
                sla = new QueueSla { QueueId = queueId };
                db.QueueSlas().Add(sla);
            }
            Apply(sla, form);
        }, ct);

    private static void Apply(QueueSla sla, QueueSlaForm form)
    {
        if (form.DueInHours is <= 0)
            throw Refuse.Invalid($"Due in: {form.DueInHours} hours is not a time to work on a ticket; leave it empty for no due date.", nameof(form.DueInHours));
        if (form.EscalateWithoutDueDays is <= 0)
            throw Refuse.Invalid($"Escalate over: {form.EscalateWithoutDueDays} days is not a number of days; leave it empty for no escalation.", nameof(form.EscalateWithoutDueDays));
        var start = Time(form.BusinessStart, nameof(form.BusinessStart));
        var end = Time(form.BusinessEnd, nameof(form.BusinessEnd));
        if ((start is null) != (end is null))
            throw Refuse.Invalid("Business hours need both a start and an end (or neither, for around the clock).", start is null ? nameof(form.BusinessStart) : nameof(form.BusinessEnd));
        if (start is not null && end <= start)
            throw Refuse.Invalid($"The working day ends ({form.BusinessEnd}) before it starts ({form.BusinessStart}).", nameof(form.BusinessEnd));
        var days = Parsed(() => BusinessHours.WorkingDays(form.BusinessDays), nameof(form.BusinessDays));
        if (start is not null && days.Count == 0)
            throw Refuse.Invalid("Business hours need at least one working day.", nameof(form.BusinessDays));
        var holidays = Parsed(() => BusinessHours.Holidays(form.Holidays), nameof(form.Holidays));
        var zone = AdminInput.Optional(form.TimeZone);
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            throw Refuse.Invalid($"'{zone}' is not a time zone (use an IANA name such as Europe/Berlin).", nameof(form.TimeZone));

        sla.DueInHours = form.DueInHours;
        sla.BusinessStart = start;
        sla.BusinessEnd = end;
        // Stored in one spelling, whatever was typed.
        sla.BusinessDays = string.Join(",", days.Order().Select(d => d.ToString()[..3]));
        sla.Holidays = holidays.Count == 0 ? null : string.Join(",", holidays.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        sla.TimeZone = zone;
        sla.EscalateWithoutDueDays = form.EscalateWithoutDueDays;
    }

    private static TimeOnly? Time(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw Refuse.Invalid($"'{text}' is not a time of day like 08:00.", field);
    }

    private static T Parsed<T>(Func<T> parse, string field)
    {
        try { return parse(); }
        catch (FormatException e) { throw Refuse.Invalid(e.Message, field); }
    }

    private async Task RequireAsync(Actor actor, int queueId, string doing, CancellationToken ct)
    {
        var name = await db.Queues.AsNoTracking().Where(q => q.Id == queueId).Select(q => q.Name).SingleOrDefaultAsync(ct)
                   ?? throw Refuse.NotFound($"There is no queue #{queueId}.");
        await rights.RequireOnQueueAsync(actor, Right.AdminQueue, queueId, name, $"{doing} of queue '{name}'", ct);
    }
}
