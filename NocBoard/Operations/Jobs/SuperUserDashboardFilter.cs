using Hangfire.Dashboard;
using NocBoard.Accounts;
using NocBoard.Accounts.Rights;

namespace NocBoard.Operations.Jobs;

/// <summary>Hangfire's dashboard is for SuperUsers only (it can run and delete jobs).</summary>
public sealed class SuperUserDashboardFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var actor = await http.RequestServices.GetRequiredService<ActorLookup>().ForPrincipalAsync(http.User, http.RequestAborted);
        return actor is not null
               && await http.RequestServices.GetRequiredService<RightsService>().HasAsync(actor.Id, Right.SuperUser, ct: http.RequestAborted);
    }
}
