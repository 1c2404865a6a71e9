using NocBoard.Accounts;
using NocBoard.Components;
using NocBoard.Data;
using NocBoard.Operations;
using NocBoard.Outbox;
using NocBoard.Queues;
using NocBoard.Search;
using NocBoard.Site;
using NocBoard.Tickets;

var builder = WebApplication.CreateBuilder(args);

builder.AddSite();
builder.AddData();
builder.AddAccounts();
builder.AddQueues();
builder.AddTickets();
builder.AddSearch();
builder.AddOutbox();
builder.AddWebUi();

var app = builder.Build();

app.UseSitePathBase();
app.UseWebUiPipeline();
app.MapHealth();
app.MapAccounts();
app.MapWebUi();

await app.PrepareAsync();
await app.RunAsync();
