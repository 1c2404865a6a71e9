using NocBoard.Queues;

namespace NocBoard.Api.RtRest;

/// <summary>
/// The form <c>show ticket/new</c> answers: what <c>rt create</c> fills in and sends back, with the
/// defaults of the queue the caller would create in (General, else the first they may create in).
/// </summary>
public sealed class RtTicketTemplate(QueueDirectory queues, TimeProvider clock)
{
    public async Task<RtForm> FormAsync(RtCaller caller, CancellationToken ct)
    {
        var creatable = await queues.CreatableAsync(caller.Actor, ct);
        var queue = creatable.FirstOrDefault(q => q.Name == Queue.DefaultName) ?? creatable.FirstOrDefault();
        return new RtForm()
            .Comment("Required: id, Queue")
            .Add("id", "ticket/new")
            .Add("Queue", queue?.Name ?? "")
            .Add("Requestor", caller.Actor.Name)
            .Add("Subject", "")
            .AddList("Cc", [])
            .AddList("AdminCc", [])
            .Add("Owner", "")
            .Add("Status", queue?.Lifecycle.DefaultOnCreate ?? "new")
            .Add("Priority", "")
            .Add("InitialPriority", "")
            .Add("FinalPriority", "")
            .Add("TimeEstimated", "0")
            .Add("Starts", RtValues.Editable(clock.GetUtcNow(), caller.Zone))
            .Add("Due", "")
            .Add("Attachment", "")
            .Add("Text", "");
    }
}
