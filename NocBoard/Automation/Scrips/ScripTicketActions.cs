using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Data;
using NocBoard.Queues;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Automation.Scrips;

/// <summary>
/// The actions that change tickets. Each is one write through <see cref="TicketService"/> as the
/// system account, committed together with the mark that the scrip ran.
/// </summary>
public sealed class ScripTicketActions(NocDbContext db, TicketService tickets, ScripMessage messages)
{
    public async Task RunAsync(Scrip scrip, Ticket ticket, Queue queue, TicketTransaction transaction, Actor system, CancellationToken ct)
    {
        var argument = scrip.ActionArgument?.Trim() ?? "";
        var mark = new MarkScripRun(scrip.Id, transaction.Id);
        TicketChange change;
        switch (scrip.Action)
        {
            case ScripAction.SetStatus:
                change = new SetStatus(Required(argument, "a status"));
                break;
            case ScripAction.SetOwner:
                change = argument.Equals("Nobody", StringComparison.OrdinalIgnoreCase) || argument.Length == 0
                    ? SetOwner.Nobody
                    : new SetOwner(await UserIdAsync(argument, ct));
                break;
            case ScripAction.SetPriority:
                change = new SetField(TicketField.Priority, Required(argument, "a priority"));
                break;
            case ScripAction.SetQueue:
                var target = await db.Queues.AsNoTracking().Where(q => q.Name == argument).Select(q => (int?)q.Id).SingleOrDefaultAsync(ct)
                             ?? throw new InvalidOperationException($"There is no queue '{argument}'.");
                change = new SetQueue(target);
                break;
            case ScripAction.AddWatcher:
                change = await WatcherAsync(argument, ct);
                break;
            case ScripAction.AddComment:
                var comment = await messages.RenderAsync(scrip, ticket, queue.Name, transaction, null, ct);
                change = new Comment(new TicketMessage(comment.Body) { Subject = comment.Subject });
                break;
            case ScripAction.CreateLinkedTicket:
                await CreateLinkedAsync(scrip, ticket, queue, transaction, argument, system, mark, ct);
                return;
            default:
                throw new InvalidOperationException($"{scrip.Action} is not a ticket action.");
        }
        Check(await tickets.ApplyAsync(ticket.Id, [mark, change], system, ct: ct));
    }

    /// <summary>"Queue name" or "Queue name; LinkKind" (default RefersTo): a new ticket there, from the template, linked back.</summary>
    private async Task CreateLinkedAsync(Scrip scrip, Ticket ticket, Queue queue, TicketTransaction transaction, string argument,
        Actor system, MarkScripRun mark, CancellationToken ct)
    {
        var parts = argument.Split(';', 2, StringSplitOptions.TrimEntries);
        var kind = parts.Length == 2 && Enum.TryParse<LinkKind>(parts[1], true, out var k) ? k : LinkKind.RefersTo;
        if (parts.Length == 2 && !Enum.TryParse<LinkKind>(parts[1], true, out _))
            throw new InvalidOperationException($"'{parts[1]}' is not a link kind; use one of: {string.Join(", ", Enum.GetNames<LinkKind>())}.");
        var message = await messages.RenderAsync(scrip, ticket, queue.Name, transaction, null, ct);
        // The new ticket, its link and the mark that the scrip ran commit together: a retry after a
        // crash finds the mark and creates nothing more.
        Check(await tickets.CreateAsync(new NewTicket
        {
            QueueName = Required(parts[0], "a queue name"),
            Subject = message.Subject,
            Content = new TicketMessage(message.Body),
        }, [new AddLink(kind, ticket.Id), mark], system, ct));
    }

    /// <summary>"Cc: someone@example.net", "AdminCc: alice" (a user name) or "Requestor: ...".</summary>
    private async Task<TicketChange> WatcherAsync(string argument, CancellationToken ct)
    {
        var parts = argument.Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Enum.TryParse<WatcherRole>(parts[0], true, out var role))
            throw new InvalidOperationException($"Add Watcher takes 'Role: user or address' (Requestor, Cc or AdminCc), not '{argument}'.");
        var who = parts[1].Contains('@') ? WatcherRef.Address(parts[1]) : WatcherRef.User(await UserIdAsync(parts[1], ct));
        return new AddWatcher(role, who);
    }

    private async Task<int> UserIdAsync(string userName, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct)
        ?? throw new InvalidOperationException($"There is no user '{userName}'.");

    private static string Required(string value, string what) =>
        value.Length > 0 ? value : throw new InvalidOperationException($"The scrip's action needs {what}.");

    private static Ticket Check(TicketChangeResult result) =>
        result.Succeeded || result.Error!.Kind == TicketErrorKind.Conflict && result.Error.Message.Contains("already run")
            ? result.Ticket!
            : throw new InvalidOperationException(result.Error!.Message);
}
