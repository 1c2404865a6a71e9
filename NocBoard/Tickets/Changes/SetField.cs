using System.Globalization;
using NocBoard.Accounts.Rights;

namespace NocBoard.Tickets.Changes;

/// <summary>The plain ticket fields <see cref="SetField"/> can change.</summary>
public enum TicketField { Subject, Priority, InitialPriority, FinalPriority, TimeEstimated, TimeLeft, Due, Starts, Told }

/// <summary>
/// Sets one basic field from its text form (as forms, mail commands and the rt CLI supply it).
/// Dates take ISO 8601; an empty value clears a date.
/// </summary>
public sealed record SetField(TicketField Field, string? Value) : TicketChange
{
    internal override async Task ExecuteAsync(TicketChangeContext ctx, CancellationToken ct)
    {
        await ctx.RequireAsync(Right.ModifyTicket, $"change {Field}", ct);
        var t = ctx.Ticket;
        var fields = new TicketFields(ctx.Options);
        var name = Field.ToString();
        string? old;
        string? updated;
        switch (Field)
        {
            case TicketField.Subject:
                (old, updated) = (t.Subject, t.Subject = TicketFields.Subject(Value));
                break;
            case TicketField.Priority:
                (old, updated) = (Text(t.Priority), Text(t.Priority = fields.Priority(TicketFields.ParseInt(Value, name), name)));
                break;
            case TicketField.InitialPriority:
                (old, updated) = (Text(t.InitialPriority), Text(t.InitialPriority = fields.Priority(TicketFields.ParseInt(Value, name), name)));
                break;
            case TicketField.FinalPriority:
                (old, updated) = (Text(t.FinalPriority), Text(t.FinalPriority = fields.Priority(TicketFields.ParseInt(Value, name), name)));
                break;
            case TicketField.TimeEstimated:
                (old, updated) = (Text(t.TimeEstimated), Text(t.TimeEstimated = TicketFields.Minutes(TicketFields.ParseInt(Value, name), name)));
                break;
            case TicketField.TimeLeft:
                (old, updated) = (Text(t.TimeLeft), Text(t.TimeLeft = TicketFields.Minutes(TicketFields.ParseInt(Value, name), name)));
                break;
            case TicketField.Due:
                (old, updated) = (TicketFields.Format(t.Due), TicketFields.Format(t.Due = TicketFields.ParseDate(Value, name)));
                break;
            case TicketField.Starts:
                (old, updated) = (TicketFields.Format(t.Starts), TicketFields.Format(t.Starts = TicketFields.ParseDate(Value, name)));
                break;
            case TicketField.Told:
                (old, updated) = (TicketFields.Format(t.Told), TicketFields.Format(t.Told = TicketFields.ParseDate(Value, name)));
                break;
            default:
                throw TicketChangeContext.Invalid($"Unknown field {Field}.");
        }
        if (old != updated)
            ctx.Record(TransactionType.Set, name, old, updated);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
