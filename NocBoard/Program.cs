using NocBoard;
using NocBoard.Accounts;
using NocBoard.Api;
using NocBoard.Api.RtRest;
using NocBoard.Board;
using NocBoard.Components;
using NocBoard.Mail;
using NocBoard.Monitoring;
using NocBoard.Operations;
using NocBoard.Operations.Jobs;
using NocBoard.Operations.Commands;
using NocBoard.Search;
using NocBoard.Site;
using NocBoard.Tickets;

var builder = WebApplication.CreateBuilder(args);

builder.AddNocBoardFeatures();

if (await OperatorCommands.TryRunAsync(args, builder)) return;

var app = builder.Build();

app.UseSitePathBase();
// Explicit, so that they run inside Site:PathBase. Left implicit, WebApplication runs them before
// UsePathBase: routing then matches the unstripped path (a form post to /noc/Account/Login hits
// the static-asset fallback and is answered 405) and authorization judges the wrong endpoint.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseWebUiPipeline();
app.MapHealth();
app.MapJobs();
app.MapAccounts();
app.MapTickets();
app.MapSearch();
app.MapBoard();
app.MapApi();
app.MapMonitoring();
app.MapRtRest();
app.MapMail();
app.MapWebUi();

await app.PrepareAsync();
await app.RunAsync();
