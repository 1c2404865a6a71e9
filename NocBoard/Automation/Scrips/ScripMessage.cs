using NocBoard.Automation.Templates;
using NocBoard.Tickets;

namespace NocBoard.Automation.Scrips;

/// <summary>Renders a scrip's template for a ticket and one of its transactions.</summary>
public sealed class ScripMessage(TemplateDirectory templates, TemplateRenderer renderer, TemplateModelBuilder models)
{
    public TemplateModelBuilder Models => models;

    public async Task<RenderedMessage> RenderAsync(Scrip scrip, Ticket ticket, string queueName, TicketTransaction transaction,
        string? recipient, CancellationToken ct)
    {
        var template = await templates.FindAsync(scrip.TemplateName, ticket.QueueId, ct);
        return await renderer.RenderAsync(template, new TemplateValues
        {
            Ticket = await models.TicketAsync(ticket, ct),
            Transaction = await models.TransactionAsync(transaction, ct),
            Queue = new QueueModel(ticket.QueueId, queueName),
            Recipient = recipient is null ? null : new RecipientModel(recipient, recipient),
        });
    }
}
