using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;
using NocBoard.Search;
using NocBoard.Search.Pages;

namespace NocBoard.Tests.Search.Pages;

public class QueryBuilderTests : BunitContext, IAsyncLifetime
{
    public QueryBuilderTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    public Task InitializeAsync() => Task.CompletedTask;
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public void Clauses_Become_TicketSql_That_The_Parser_Accepts()
    {
        var sql = QueryClause.ToTicketSql(
        [
            new() { Field = "Queue", Operator = "=", Value = "NOC's queue" },
            new() { Joiner = "OR", Field = "Owner", Operator = "=", Value = "__CurrentUser__" },
            new() { Field = "Due", Operator = "IS NULL" },
            new() { Field = "Subject", Operator = "LIKE", Value = "" }, // incomplete: left out
        ]);

        Assert.Equal("Queue = 'NOC\\'s queue' OR Owner = '__CurrentUser__' AND Due IS NULL", sql);
        Assert.NotNull(TicketSqlParser.Parse(sql));
    }

    [Fact]
    public async Task Adding_Hands_The_Built_Query_To_The_Page()
    {
        Render<MudPopoverProvider>();
        string? added = null;
        var builder = Render<QueryBuilder>(p => p.Add(x => x.Added, sql => { added = sql; return Task.CompletedTask; }));

        // MudBlazor handles input asynchronously: wait for each event's handler to finish, as a browser's would before the next.
        await builder.Find("input[placeholder^='e.g. open']").ChangeAsync(new ChangeEventArgs { Value = "open" });
        await builder.Find("button[data-testid=builder-add]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        Assert.Equal("Status = 'open'", added);
    }
}
