using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.CustomFields;

namespace NocBoard.Tickets.Changes;

/// <summary>Replaces a custom field's values on the ticket (empty list clears it).</summary>
public sealed record SetCustomField(int CustomFieldId, IReadOnlyList<string> Values) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        await ctx.RequireAsync(Right.ModifyCustomField, "set custom fields", ct);
        var field = await FindAppliedAsync(ctx, CustomFieldId, ct);
        var values = CheckValues(field, Values);
        var ticket = ctx.Ticket;
        var current = ticket.CustomFieldValues.Where(v => v.CustomFieldId == field.Id).ToList();
        var old = current.Select(v => v.Value).ToList();
        if (old.Order().SequenceEqual(values.Order())) return;

        foreach (var row in current)
        {
            ticket.CustomFieldValues.Remove(row);
            ctx.Db.CustomFieldValues.Remove(row);
        }
        foreach (var value in values)
            ticket.CustomFieldValues.Add(new TicketCustomFieldValue { TicketId = ticket.Id, CustomFieldId = field.Id, Value = value });
        ctx.Record(TransactionType.CustomField, field.Name, Join(old), Join(values));
    }

    private static string? Join(IReadOnlyCollection<string> values) => values.Count == 0 ? null : string.Join("\n", values);

    /// <summary>The custom field, if it is enabled and applies to the ticket's queue.</summary>
    internal static async Task<CustomField> FindAppliedAsync(TicketChangeContext ctx, int id, CancellationToken ct)
    {
        var queueId = ctx.Queue.Id;
        var field = await ctx.Db.CustomFields.SingleOrDefaultAsync(c => c.Id == id && !c.Disabled, ct)
            ?? throw TicketChangeContext.Invalid($"There is no custom field #{id}.");
        if (!field.AppliesGlobally && !await ctx.Db.QueueCustomFields.AnyAsync(q => q.CustomFieldId == id && q.QueueId == queueId, ct))
            throw TicketChangeContext.Invalid($"Custom field '{field.Name}' does not apply to queue '{ctx.Queue.Name}'.");
        return field;
    }

    internal static IReadOnlyList<string> CheckValues(CustomField field, IReadOnlyList<string> values)
    {
        var check = field.Check(values);
        return check.Error is null ? check.Values : throw TicketChangeContext.Invalid(check.Error);
    }
}
