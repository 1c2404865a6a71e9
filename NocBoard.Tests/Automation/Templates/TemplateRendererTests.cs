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

public class TemplateRendererCacheTests
{
    private static TemplateRenderer NewRenderer() =>
        new(Options.Create(new SiteOptions { Name = "NOC", BaseUrl = "https://noc.example.net/", TimeZone = "Europe/Berlin" }));

    private static readonly TemplateValues Values = new() { Queue = new QueueModel(1, "Outages") };

    [Fact]
    public async Task A_Text_Is_Parsed_Once_And_An_Edited_Text_Renders_As_Edited()
    {
        var renderer = NewRenderer();
        var template = new Template { Name = "Cached", Subject = "In {{ queue.name }}", Body = "Body of {{ queue.name }}" };
        Assert.Equal("In Outages", (await renderer.RenderAsync(template, Values)).Subject);
        Assert.Equal(2, renderer.Parses);   // subject and body

        Assert.Equal("Body of Outages", (await renderer.RenderAsync(template, Values)).Body);
        Assert.Equal(2, renderer.Parses);

        template.Body = "Edited: {{ queue.id }}";
        Assert.Equal("Edited: 1", (await renderer.RenderAsync(template, Values)).Body);
        Assert.Equal(3, renderer.Parses);
    }

    [Fact]
    public async Task Renders_Side_By_Side_From_One_Parsed_Text()
    {
        var renderer = NewRenderer();
        var template = new Template { Name = "Parallel", Subject = "#{{ queue.id }}", Body = "{% for i in (1..50) %}{{ queue.name }}{% endfor %}" };
        var results = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() =>
            renderer.RenderAsync(template, new TemplateValues { Queue = new QueueModel(i, $"q{i}") }))));
        for (var i = 1; i <= 40; i++)
        {
            Assert.Equal($"#{i}", results[i - 1].Subject);
            Assert.Equal(string.Concat(Enumerable.Repeat($"q{i}", 50)), results[i - 1].Body);
        }
    }

    [Fact]
    public async Task An_Assignment_In_One_Render_Does_Not_Reach_The_Next()
    {
        var renderer = NewRenderer();
        var assigns = new Template { Name = "Assigns", Subject = "s", Body = "{% assign upcase = 'x' %}{% assign secret = 'kept' %}{{ secret }}" };
        Assert.Equal("kept", (await renderer.RenderAsync(assigns, Values)).Body);
        var reads = new Template { Name = "Reads", Subject = "s", Body = "[{{ secret }}]{{ 'abc' | upcase }}" };
        Assert.Equal("[]ABC", (await renderer.RenderAsync(reads, Values)).Body);
    }

    [Fact]
    public void The_Shared_Context_Is_Set_Up_As_Scriban_Sets_Up_Liquid()
    {
        var shared = TemplateRenderer.NewContext();
        var liquid = new Scriban.LiquidTemplateContext();
        var settings = typeof(Scriban.TemplateContext).GetProperties()
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0
                        && (p.PropertyType.IsPrimitive || p.PropertyType.IsEnum || p.PropertyType == typeof(string))).ToList();
        Assert.Contains(settings, p => p.Name == nameof(Scriban.TemplateContext.EnableRelaxedTargetAccess));
        foreach (var setting in settings)
            Assert.True(Equals(setting.GetValue(liquid), setting.GetValue(shared)), $"{setting.Name} differs");
        Assert.Equal(liquid.TemplateLoaderLexerOptions.Lang, shared.TemplateLoaderLexerOptions.Lang);
        Assert.Equal(liquid.TemplateLoaderParserOptions.LiquidFunctionsToScriban, shared.TemplateLoaderParserOptions.LiquidFunctionsToScriban);
    }
}
