using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using NocBoard.CustomFields;
using NocBoard.Queues;
using NocBoard.Site;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tickets.Display;
using NocBoard.Tickets.Reminders;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Tickets.Display;

/// <summary>The ticket page's parts, rendered from a <see cref="TicketDetails"/> as the loader would build it.</summary>
public class TicketDisplayComponentTests : ComponentTest
{
    private readonly List<IReadOnlyList<TicketChange>> applied = [];

    public TicketDisplayComponentTests()
    {
        Services.AddNocServicesWithoutData();
        AddAuthorization().SetAuthorized("alice");
        Ready();
    }

    private Task<bool> Apply(IReadOnlyList<TicketChange> changes)
    {
        applied.Add(changes);
        return Task.FromResult(true);
    }

    private static TicketDetails Details(bool canModify = true, bool seeComments = true)
    {
        var ticket = new Ticket
        {
            Id = 42, EffectiveId = 42, Subject = "Fibre cut FRA–AMS", Status = "open", QueueId = 1, OwnerId = 7, Priority = 80,
            Created = DateTimeOffset.UtcNow.AddHours(-3), LastUpdated = DateTimeOffset.UtcNow, Due = DateTimeOffset.UtcNow.AddHours(-1),
            TimeWorked = 75,
            Watchers = [new() { Role = WatcherRole.Requestor, Email = "noc@customer.example" }, new() { Role = WatcherRole.Cc, UserId = 8 }],
        };
        var lifecycle = Lifecycle.CreateDefault();
        var history = new List<TicketTransaction>
        {
            new() { Id = 1, TicketId = 42, Type = TransactionType.Create, ActorId = 7, Created = ticket.Created,
                    Attachments = [Body("Carrier reports a cut near Hannover.")] },
            new() { Id = 2, TicketId = 41, Type = TransactionType.Correspond, ActorId = 7, Created = ticket.Created.AddMinutes(5),
                    Attachments = [Body("<script>alert(1)</script>**ETA** 4h", "text/markdown"),
                                   new() { Id = 9, FileName = "otdr.png", ContentType = "image/png", Content = [1], Size = 1 }] },
        };
        return new TicketDetails(ticket, new Queue { Id = 1, Name = "Outages", Lifecycle = lifecycle },
            new Dictionary<int, string> { [7] = "Alice", [8] = "Bob" },
            [new CustomFieldShown(new CustomField { Id = 3, Name = "Circuit", Type = CustomFieldType.Text }, ["FRA-AMS-01"])],
            [new LinkShown("DependsOn", 43, "Carrier ticket", "open")],
            [43],
            [new Reminder { Id = 5, TicketId = 42, Subject = "Call carrier", OwnerId = 7 }],
            history,
            new TicketAbilities(canModify, true, true, seeComments, true, true, true, canModify, canModify, lifecycle.NextStatuses("open").ToList()),
            Bookmarked: false);
    }

    private static Attachment Body(string text, string type = "text/plain") =>
        new() { ContentType = type, Content = Encoding.UTF8.GetBytes(text), Size = text.Length };

    [Fact]
    public void History_Shows_Messages_Safely_With_Their_Files_And_Merged_Origin()
    {
        var history = Render<TicketHistory>(p => p.Add(x => x.Details, Details()).Add(x => x.Apply, Apply));

        var entries = history.FindAll("[data-testid=transaction]");
        Assert.Equal(2, entries.Count);
        Assert.Contains("Ticket created", entries[0].TextContent);
        Assert.Contains("by Alice", entries[0].TextContent);
        Assert.Contains("Carrier reports a cut near Hannover.", entries[0].TextContent);
        Assert.DoesNotContain("<script>", entries[1].InnerHtml);
        Assert.Contains("<strong>ETA</strong>", entries[1].InnerHtml);
        Assert.Contains("from #41", entries[1].TextContent);
        Assert.Equal("ticket/attachment/9", history.Find("[data-testid=attachment]").GetAttribute("href"));
    }

    [Fact]
    public void Basics_Show_Owner_Priority_Time_And_An_Overdue_Due_Date()
    {
        var basics = Render<TicketBasics>(p => p.Add(x => x.Details, Details()).Add(x => x.Apply, Apply));
        Assert.Equal("Alice", basics.Find("[data-testid=owner]").TextContent);
        Assert.StartsWith("80", basics.Find("[data-testid=priority]").TextContent);
        Assert.Equal("1 h 15 min", basics.Find("[data-testid=time-worked]").TextContent);
        Assert.NotNull(basics.Find(".noc-overdue"));
    }

    [Fact]
    public async Task Links_List_The_Other_Ticket_And_Can_Be_Removed()
    {
        var links = Render<TicketLinks>(p => p.Add(x => x.Details, Details()).Add(x => x.Apply, Apply));
        var link = links.Find("[data-testid=link]");
        Assert.Contains("#43", link.TextContent);
        Assert.Contains("Carrier ticket", link.TextContent);

        await links.Find("button[aria-label='Remove link']").ClickAsync(new MouseEventArgs());
        var change = Assert.IsType<RemoveLink>(Assert.Single(Assert.Single(applied)));
        Assert.Equal((LinkKind.DependsOn, 43), (change.Kind, change.TargetId));
    }

    [Fact]
    public void Without_ModifyTicket_There_Is_Nothing_To_Edit()
    {
        var details = Details(canModify: false);
        var people = Render<TicketPeople>(p => p.Add(x => x.Details, details).Add(x => x.Apply, Apply));
        Assert.Contains("noc@customer.example", people.Find("[data-testid=watchers-requestor]").TextContent);
        Assert.Contains("Bob", people.Find("[data-testid=watchers-cc]").TextContent);
        Assert.Empty(people.FindAll("[data-testid=new-watcher]"));
        Assert.Empty(people.FindAll(".mud-chip-close-button"));

        var links = Render<TicketLinks>(p => p.Add(x => x.Details, details).Add(x => x.Apply, Apply));
        Assert.Empty(links.FindAll("[data-testid=link-add]"));
    }
}
