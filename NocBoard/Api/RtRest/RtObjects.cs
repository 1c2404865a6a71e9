using Microsoft.EntityFrameworkCore;
using NocBoard.Accounts.Rights;
using NocBoard.Data;
using NocBoard.Queues;

namespace NocBoard.Api.RtRest;

/// <summary><c>show user/&lt;id or name&gt;</c> and <c>show queue/&lt;id or name&gt;</c>.</summary>
public sealed class RtObjects(NocDbContext db, QueueDirectory queues, RightsService rights)
{
    /// <summary>
    /// Staff may look up any user (they assign tickets to one another); a requestor only
    /// themselves, and only AdminUsers sees a disabled account. Anyone else is "does not exist".
    /// </summary>
    public async Task<RtForm> UserAsync(string idOrName, RtCaller caller, CancellationToken ct)
    {
        var upper = idOrName.ToUpperInvariant();
        var user = int.TryParse(idOrName, out var id)
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct)
            : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == upper, ct);
        var self = user?.Id == caller.Actor.Id;
        var admin = await rights.HasAsync(caller.Actor.Id, Right.AdminUsers, ct: ct);
        if (user is null || (!self && !caller.Actor.Privileged) || (user.Disabled && !admin && !self))
            return new RtForm().Comment($"User {idOrName} does not exist.");
        return new RtForm()
            .Add("id", $"user/{user.Id}")
            .Add("Name", user.UserName)
            .Add("Password", "********")
            .Add("EmailAddress", user.Email ?? "")
            .Add("RealName", user.RealName ?? "")
            .Add("Privileged", user.Privileged ? "1" : "0")
            .Add("Disabled", user.Disabled ? "1" : "0");
    }

    /// <summary>A queue the caller may see (SeeQueue); any other is "does not exist".</summary>
    public async Task<RtForm> QueueAsync(string idOrName, RtCaller caller, CancellationToken ct)
    {
        var visible = await queues.VisibleAsync(caller.Actor, ct);
        var queue = int.TryParse(idOrName, out var id)
            ? visible.FirstOrDefault(q => q.Id == id)
            : visible.FirstOrDefault(q => q.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
        if (queue is null) return new RtForm().Comment($"Queue {idOrName} does not exist.");
        return new RtForm()
            .Add("id", $"queue/{queue.Id}")
            .Add("Name", queue.Name)
            .Add("Description", queue.Description ?? "")
            .Add("CorrespondAddress", queue.CorrespondAddress ?? "")
            .Add("CommentAddress", queue.CommentAddress ?? "")
            .Add("InitialPriority", queue.InitialPriority.ToString())
            .Add("FinalPriority", queue.FinalPriority.ToString())
            .Add("DefaultDueIn", queue.DefaultDueInDays?.ToString() ?? "")
            .Add("Lifecycle", queue.Lifecycle.Name)
            .Add("Disabled", "0");
    }
}
