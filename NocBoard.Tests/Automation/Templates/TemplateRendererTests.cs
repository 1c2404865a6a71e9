using Microsoft.Extensions.Options;
using NocBoard.Automation.Templates;
using NocBoard.Site;

namespace NocBoard.Tests.Automation.Templates;

public class TemplateRendererTests
{
    private static readonly TemplateRenderer Renderer = new(Options.Create(new SiteOptions { Name = "NOC", BaseUrl = "https://noc.example.net/", TimeZone = "Europe/Berlin" }));

    private static TicketModel Ticket(int id = 42) => new(id, "Link down", "open", 30, 0, 90, "Outages", "alice", "c@example.org",
        new DateTime(2026, 11, 23, 9, 0, 0), new DateTime(2026, 11, 24, 9, 0, 0),
        $"https://noc.example.net/ticket/{id}", "2 hours", false);

    [Fact]
    public async Task Renders_Ticket_Transaction_Site_And_Recipient_With_Dates_As_Given()
    {
        var template = new Template
        {
            Name = "Example",
            Subject = "{{ ticket.subject }}\n(priority {{ ticket.priority }})",
            Body = "{{ recipient.name }}: #{{ ticket.id }} in {{ ticket.queue }} at {{ site.name }}, due {{ ticket.due | date: \"%Y-%m-%d %H:%M\" }}, "
                   + "{{ transaction.type }} by {{ transaction.actor }}: {{ transaction.content }} {{ ticket.url }} {{ ticket.final_priority }}",
        };
        var rendered = await Renderer.RenderAsync(template, new TemplateValues
        {
            Ticket = Ticket(),
            Transaction = new TransactionModel(7, "Correspond", null, null, null, "bob", "On it.", DateTime.UnixEpoch, "Correspondence added"),
            Recipient = new RecipientModel("Carol", "c@example.org"),
        });
        Assert.Equal("Link down (priority 30)", rendered.Subject);
        Assert.Equal("Carol: #42 in Outages at NOC, due 2026-11-24 09:00, Correspond by bob: On it. https://noc.example.net/ticket/42 90", rendered.Body);
    }

    [Fact]
    public async Task Loops_Over_The_Tickets_Of_A_Digest()
    {
        var template = new Template { Name = "Digest", Subject = "{{ tickets.size }} tickets", Body = "{% for t in tickets %}#{{ t.id }} {% endfor %}" };
        var rendered = await Renderer.RenderAsync(template, new TemplateValues { Tickets = [Ticket(1), Ticket(2)] });
        Assert.Equal("2 tickets", rendered.Subject);
        Assert.Equal("#1 #2 ", rendered.Body);
    }

    [Fact]
    public async Task A_Broken_Template_Is_Refused_With_Its_Name_And_The_Parser_Message()
    {
        var template = new Template { Name = "Broken", Subject = "ok", Body = "{% if ticket.id %}no end" };
        var error = await Assert.ThrowsAsync<TemplateException>(() => Renderer.RenderAsync(template, new TemplateValues { Ticket = Ticket() }));
        Assert.StartsWith("Template 'Broken' (body) does not parse:", error.Message);
        Assert.NotNull(TemplateRenderer.Check("{{ unclosed"));
        Assert.Null(TemplateRenderer.Check("{{ ticket.id }}"));
    }

    [Fact]
    public async Task Only_The_Model_Is_Reachable()
    {
        // A template cannot walk from a value into .NET (no reflection on unregistered types).
        var template = new Template { Name = "Probe", Subject = "x", Body = "[{{ ticket.created.kind }}][{{ ticket.created.ticks }}][{{ site.get_type }}]" };
        var rendered = await Renderer.RenderAsync(template, new TemplateValues { Ticket = Ticket() });
        Assert.Equal("[][][]", rendered.Body);
    }
}
