using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;
using NocBoard.Data;

namespace NocBoard.Tickets;

public static class AttachmentEndpoints
{
    /// <summary>
    /// Downloads a file attached to a ticket message, for those who may see the message. Always
    /// served as a download with sniffing off, so an uploaded HTML file cannot run in NocBoard's origin.
    /// </summary>
    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ticket/attachment/{id:long}", async (long id, HttpContext http, NocDbContext db, ActorLookup actors,
            TicketReader reader, RightsService rights, CancellationToken ct) =>
        {
            var actor = await actors.ForPrincipalAsync(http.User, ct);
            if (actor is null) return Results.Challenge();
            var found = await db.Attachments.AsNoTracking().Where(a => a.Id == id)
                .Join(db.Transactions, a => a.TransactionId, t => t.Id, (a, t) => new { Attachment = a, t.TicketId, t.Type })
                .SingleOrDefaultAsync(ct);
            if (found is null) return Results.NotFound();
            var ticket = await reader.GetAsync(found.TicketId, actor, ct);
            if (ticket is null) return Results.NotFound();
            if (found.Type == TransactionType.Comment && !await rights.HasOnTicketAsync(actor.Id, Right.ShowTicketComments, ticket, ct))
                return Results.NotFound();

            http.Response.Headers.XContentTypeOptions = "nosniff";
            var name = found.Attachment.FileName ?? $"message-{id}.txt";
            return Results.File(found.Attachment.Content, found.Attachment.ContentType, name);
        }).RequireAuthorization();
        return app;
    }
}
