using Microsoft.EntityFrameworkCore;
using NocBoard.Automation.Digests;
using NocBoard.Automation.Scrips;
using NocBoard.Automation.Templates;
using NocBoard.Data;

namespace NocBoard.Automation;

/// <summary>
/// RT's default scrips and templates, written on first start as data the administrator can change
/// or disable. Nothing is written once any scrip or template exists, so changes are never undone.
/// </summary>
public sealed class AutomationSeed(NocDbContext db)
{
    public const string Autoreply = "Autoreply";
    public const string TransactionTemplate = "Transaction";
    public const string Correspondence = "Correspondence";
    public const string AdminCorrespondence = "Admin Correspondence";
    public const string AdminComment = "Admin Comment";
    public const string Resolved = "Resolved";
    public const string StatusChange = "Status Change";

    private const string Details = """
        {{ transaction.created | date: "%Y-%m-%d %H:%M" }}: Request {{ ticket.id }} was acted upon.
         Transaction: {{ transaction.description }}
               Queue: {{ ticket.queue }}
             Subject: {{ ticket.subject }}
               Owner: {{ ticket.owner }}
          Requestors: {{ ticket.requestors }}
              Status: {{ ticket.status }}
              Ticket: {{ ticket.url }}
        -------------------------------------------------------------------------
        {{ transaction.content }}
        """;

    public static IReadOnlyList<Template> DefaultTemplates =>
    [
        new()
        {
            Name = Autoreply, Description = "Confirms a new ticket to its requestors",
            Subject = "AutoReply: {{ ticket.subject }}",
            Body = """
                Greetings,

                This message has been automatically generated in response to the
                creation of a trouble ticket regarding:
                        "{{ ticket.subject }}",
                a summary of which appears below.

                There is no need to reply to this message right now. Your ticket has been
                assigned an ID of [{{ site.name }} #{{ ticket.id }}].

                Please include the string:

                         [{{ site.name }} #{{ ticket.id }}]

                in the subject line of all future correspondence about this issue. To do so,
                you may reply to this message.

                                        Thank you,
                                        {{ queue.name }}

                -------------------------------------------------------------------------
                {{ transaction.content }}
                """,
        },
        new() { Name = TransactionTemplate, Description = "What happened, for staff", Subject = "{{ ticket.subject }}", Body = Details },
        new() { Name = Correspondence, Description = "A reply, for requestors and Ccs", Subject = "{{ ticket.subject }}", Body = "{{ transaction.content }}" },
        new()
        {
            Name = AdminCorrespondence, Description = "A reply, for the owner and AdminCcs", Subject = "{{ ticket.subject }}",
            Body = "<URL: {{ ticket.url }} >\n\n{{ transaction.content }}",
        },
        new()
        {
            Name = AdminComment, Description = "A comment, for AdminCcs", Subject = "[Comment] {{ ticket.subject }}",
            Body = "{{ transaction.actor }} commented on {{ ticket.url }}\n\nThis is a comment. It is not sent to the requestor(s):\n\n{{ transaction.content }}",
        },
        new()
        {
            Name = Resolved, Description = "Tells requestors their ticket is resolved", Subject = "Resolved: {{ ticket.subject }}",
            Body = "According to our records, your request has been resolved. If you have any further questions or concerns, please respond to this message.",
        },
        new()
        {
            Name = StatusChange, Description = "A status change, for staff", Subject = "Status changed to {{ transaction.new_value }}: {{ ticket.subject }}",
            Body = "{{ ticket.url }}\n\nThe status of ticket #{{ ticket.id }} changed from {{ transaction.old_value }} to {{ transaction.new_value }} ({{ transaction.actor }}).",
        },
        new()
        {
            Name = "Due Passed", Description = "A ticket became overdue", Subject = "Overdue: {{ ticket.subject }}",
            Body = "Ticket #{{ ticket.id }} was due {{ ticket.due | date: \"%Y-%m-%d %H:%M\" }} and is still {{ ticket.status }}.\nOwner: {{ ticket.owner }}, priority {{ ticket.priority }}.\n{{ ticket.url }}",
        },
        new()
        {
            Name = UntakenDigestJob.TemplateName, Description = "Daily: a queue's unowned tickets, for its managers",
            Subject = "[{{ site.name }}] {{ tickets.size }} untaken ticket(s) in {{ queue.name }}",
            Body = """
                Hello {{ recipient.name }},

                These tickets in {{ queue.name }} have no owner yet, oldest first:

                {% for t in tickets %}#{{ t.id }}  {{ t.subject }}
                    waiting {{ t.age }}, priority {{ t.priority }}, {{ t.status }}{% if t.overdue %}, OVERDUE{% endif %}
                    {{ t.url }}
                {% endfor %}
                """,
        },
        new()
        {
            Name = PersonalDigestJob.TemplateName, Description = "Daily: the tickets a person owns",
            Subject = "[{{ site.name }}] Your {{ tickets.size }} open ticket(s)",
            Body = """
                Hello {{ recipient.name }},

                These are the tickets you own that are still open, overdue first:

                {% for t in tickets %}#{{ t.id }}  {{ t.subject }}
                    {{ t.status }}, priority {{ t.priority }}{% if t.due %}, due {{ t.due | date: "%Y-%m-%d %H:%M" }}{% endif %}{% if t.overdue %} (OVERDUE){% endif %}
                    {{ t.url }}
                {% endfor %}
                You can stop this mail in your preferences: {{ site.url }}/preferences
                """,
        },
        new()
        {
            Name = "Reminder", Description = "A reminder whose time has come",
            Subject = "[{{ site.name }} #{{ ticket.id }}] Reminder: {{ reminder.subject }}",
            Body = "Reminder: {{ reminder.subject }}\nDue: {{ reminder.due | date: \"%Y-%m-%d %H:%M\" }}\n\nTicket #{{ ticket.id }}: {{ ticket.subject }} ({{ ticket.status }})\n{{ ticket.url }}",
        },
    ];

    public static IReadOnlyList<Scrip> DefaultScrips =>
    [
        new() { Description = "On Create Autoreply To Requestors", Condition = ScripCondition.OnCreate, Action = ScripAction.AutoreplyToRequestors, TemplateName = Autoreply, SortOrder = 10 },
        new() { Description = "On Create Notify AdminCcs", Condition = ScripCondition.OnCreate, Action = ScripAction.NotifyAdminCcs, TemplateName = TransactionTemplate, SortOrder = 20 },
        new() { Description = "On Correspond Notify Requestors and Ccs", Condition = ScripCondition.OnCorrespond, Action = ScripAction.NotifyRequestorsAndCcs, TemplateName = Correspondence, SortOrder = 30 },
        new() { Description = "On Correspond Notify Owner and AdminCcs", Condition = ScripCondition.OnCorrespond, Action = ScripAction.NotifyOwnerAndAdminCcs, TemplateName = AdminCorrespondence, SortOrder = 40 },
        new() { Description = "On Comment Notify AdminCcs as Comment", Condition = ScripCondition.OnComment, Action = ScripAction.NotifyAdminCcsAsComment, TemplateName = AdminComment, SortOrder = 50 },
        new() { Description = "On Resolve Notify Requestors", Condition = ScripCondition.OnResolve, Action = ScripAction.NotifyRequestors, TemplateName = Resolved, SortOrder = 60 },
    ];

    public async Task EnsureDefaultsAsync(CancellationToken ct = default)
    {
        if (!await db.Templates().AnyAsync(ct)) db.Templates().AddRange(DefaultTemplates);
        if (!await db.Scrips().AnyAsync(ct)) db.Scrips().AddRange(DefaultScrips);
        await db.SaveChangesAsync(ct);
    }
}
