using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NocBoard.Tickets;

namespace NocBoard.Tests.Api.RtRest;

/// <summary>The links form (<c>rt edit ticket/N/links ...</c>) with the real rt client: each key is the complete new list.</summary>
public sealed partial class RtLinksTests(RtServer server) : IClassFixture<RtServer>
{
    [GeneratedRegex(@"# Ticket (\d+) created\.")]
    private static partial Regex Created();

    private async Task<int> CreateAsync(string subject)
    {
        var run = await server.RtAsync("create", "-t", "ticket", "set", $"subject={subject}", "queue=General");
        var m = Created().Match(run.Out);
        Assert.True(m.Success, run.ToString());
        return int.Parse(m.Groups[1].Value);
    }

    private Task<List<(LinkType Type, int Target)>> LinksFromAsync(int id) => server.Scenario.DbAsync(db =>
        db.Links.Where(l => l.BaseId == id && l.TargetId != null).OrderBy(l => l.TargetId).Select(l => new ValueTuple<LinkType, int>(l.Type, l.TargetId!.Value)).ToListAsync());

    [Fact]
    public async Task Set_Replaces_A_List_And_Add_Keeps_What_Is_There()
    {
        var a = await CreateAsync("Links form: customer outage");
        var b = await CreateAsync("Links form: core router");
        var c = await CreateAsync("Links form: carrier case");

        var set = await server.RtAsync("edit", $"ticket/{a}/links", "set", $"DependsOn={b}");
        Assert.True(set.Out.Contains($"# Links for ticket {a} updated."), set.ToString());
        Assert.Equal([(LinkType.DependsOn, b)], await LinksFromAsync(a));

        // add/del make the client fetch the whole form (format l, empty keys included) and send it back.
        var add = await server.RtAsync("edit", $"ticket/{a}/links", "add", $"RefersTo={c}");
        Assert.True(add.Out.Contains($"# Links for ticket {a} updated."), add.ToString());
        Assert.Equal([(LinkType.DependsOn, b), (LinkType.RefersTo, c)], await LinksFromAsync(a));

        var replace = await server.RtAsync("edit", $"ticket/{a}/links", "set", $"DependsOn={c}");
        Assert.Contains($"# Links for ticket {a} updated.", replace.Out);
        Assert.Equal([(LinkType.DependsOn, c), (LinkType.RefersTo, c)], await LinksFromAsync(a));

        var shown = await server.RtAsync("show", $"ticket/{a}/links");
        Assert.Contains($"DependsOn: fsck.com-rt://example.net/ticket/{c}", shown.Out);
        Assert.Contains($"RefersTo: fsck.com-rt://example.net/ticket/{c}", shown.Out);
    }

    [Fact]
    public async Task An_Unknown_Key_Or_A_Foreign_Uri_Changes_Nothing_And_Says_Why()
    {
        var a = await CreateAsync("Links form: refusals");
        var b = await CreateAsync("Links form: refusals target");

        var unknown = await server.RtAsync("edit", $"ticket/{a}/links", "set", $"Blocks={b}");
        // The client lower-cases keys the form did not have; the answer names the key as sent.
        Assert.Contains("# blocks: Unknown field.", unknown.Out);

        var foreign = await server.RtAsync("edit", $"ticket/{a}/links", "set", "RefersTo=https://wiki.example.net/runbook");
        Assert.Contains("refersto: only local tickets (a number or ticket URI) can be linked.", foreign.Out + foreign.Err, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await LinksFromAsync(a));
    }

    [Fact]
    public async Task The_Links_Form_Of_A_Watcher_Without_ModifyTicket_Changes_Nothing()
    {
        var a = await CreateAsync("Links form: no right");
        var b = await CreateAsync("Links form: no right target");

        var run = await server.RtAsAsync("watcher", RtServer.AgentPassword, "edit", $"ticket/{a}/links", "set", $"DependsOn={b}");

        Assert.DoesNotContain("updated", run.Out);
        Assert.Contains("ModifyTicket", run.Out + run.Err);
        Assert.Empty(await LinksFromAsync(a));
    }
}
