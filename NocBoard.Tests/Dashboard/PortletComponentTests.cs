using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using NocBoard.Dashboard;
using NocBoard.Dashboard.Portlets;
using NocBoard.Site;

using NocBoard.Tests.Support;

namespace NocBoard.Tests.Dashboard;

public class PortletComponentTests : ComponentTest
{
    public PortletComponentTests()
    {
        Ready();
    }

    private static TicketRow Row(int id, string subject) => new(id, subject, "new", 50, 1, null, DateTimeOffset.UtcNow, null);

    [Fact]
    public async Task Unowned_Tickets_Each_Get_A_Take_Button_That_Takes_That_Ticket()
    {
        TicketRow? taken = null;
        var list = Render<TicketListPortlet>(p => p
            .Add(x => x.Rows, [Row(7, "Link down"), Row(8, "Packet loss")])
            .Add(x => x.OnTake, row => { taken = row; return Task.CompletedTask; }));

        Assert.Equal(2, list.FindAll("[data-testid=portlet-row]").Count);
        await list.FindAll("button[data-testid=portlet-take]")[1].ClickAsync(new MouseEventArgs());
        Assert.Equal(8, taken?.Id);
        Assert.Contains("Nobody", list.Markup);
    }

    [Fact]
    public void An_Empty_List_Says_So()
    {
        var list = Render<TicketListPortlet>(p => p.Add(x => x.Rows, []).Add(x => x.EmptyText, "You own no active tickets."));
        Assert.Contains("You own no active tickets.", list.Markup);
        Assert.Empty(list.FindAll("button"));
    }

    [Fact]
    public void Quick_Search_Counts_Link_To_Their_Search()
    {
        var grid = Render<QuickSearchPortlet>(p => p.Add(x => x.Counts,
            [new QueueCounts(1, "Outages", [new StatusCount("new", 4), new StatusCount("open", 2)])]));
        var link = grid.Find("[data-testid=count-Outages-new]");
        Assert.Equal("4", link.TextContent);
        Assert.Equal("search?query=" + Uri.EscapeDataString("Queue = 'Outages' AND Status = 'new'"), link.GetAttribute("href"));
    }

    [Fact]
    public async Task The_Chooser_Saves_The_Checked_Portlets_In_The_Order_Arranged()
    {
        List<string>? saved = null;
        var chooser = Render<PortletChooser>(p => p
            .Add(x => x.Shown, [Portlet.NewestUnowned, Portlet.RecentActivity])
            .Add(x => x.Saved, chosen => { saved = chosen; return Task.CompletedTask; }));

        // MudBlazor handles events asynchronously: wait for each handler, as a browser would before the next event.
        await chooser.Find($"button[aria-label='Move {Portlet.TitleOf(Portlet.RecentActivity)} up']").ClickAsync(new MouseEventArgs());
        await chooser.Find($"[data-testid=choose-{Portlet.MyReminders}]").ChangeAsync(new ChangeEventArgs { Value = true });
        await chooser.Find("button[data-testid=save-portlets]").ClickAsync(new MouseEventArgs());

        Assert.Equal([Portlet.RecentActivity, Portlet.NewestUnowned, Portlet.MyReminders], saved);
    }
}
