using NocBoard.Accounts;
using NocBoard.Admin;
using NocBoard.Api;
using NocBoard.Api.RtRest;
using NocBoard.Automation;
using NocBoard.Board;
using NocBoard.Components;
using NocBoard.Dashboard;
using NocBoard.Data;
using NocBoard.Mail;
using NocBoard.Monitoring;
using NocBoard.Operations.Jobs;
using NocBoard.Outbox;
using NocBoard.Queues;
using NocBoard.Search;
using NocBoard.SelfService;
using NocBoard.Site;
using NocBoard.Tickets;

namespace NocBoard;

public static class NocBoardFeatures
{
    /// <summary>
    /// Every feature's services, in one list, so that the server and anything else that runs
    /// NocBoard in-process (the benchmarks' data loader) start the same application.
    /// </summary>
    public static WebApplicationBuilder AddNocBoardFeatures(this WebApplicationBuilder builder)
    {
        builder.AddSite();
        builder.AddData();
        builder.AddAccounts();
        builder.AddQueues();
        builder.AddTickets();
        builder.AddSearch();
        builder.AddOutbox();
        builder.AddJobs();
        builder.AddMail();
        builder.AddMonitoring();
        builder.AddDashboard();
        builder.AddBoard();
        builder.AddSelfService();
        builder.AddAdmin();
        builder.AddApi();
        builder.AddAutomation();
        builder.AddWebUi();
        builder.AddRtRest();
        return builder;
    }
}
