using Microsoft.EntityFrameworkCore;
using NocBoard.Automation.Scrips;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Automation.Scrips;

public class ScripContributorTests
{
    [Fact]
    public async Task A_Change_No_Scrip_Can_Fire_On_Queues_No_Scrip_Run_And_One_That_Can_Does()
    {
        var (scenario, _) = await AutomationKit.StartAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        await using var _s = scenario;
        var root = await scenario.RootAsync();
        var id = await scenario.TicketAsync("Packet loss on the Frankfurt uplink");
        var scripWork = () => scenario.DbAsync(db => db.Outbox.CountAsync(m => m.Kind == ScripContributor.Kind));
        var before = await scripWork();

        // The default scrips fire on create, correspond, comment and resolve: a priority change fires none.
        (await scenario.ApplyAsync(root, id, new SetField(TicketField.Priority, "70"))).EnsureSucceeded();
        Assert.Equal(before, await scripWork());

        (await scenario.ApplyAsync(root, id, new Correspond(new TicketMessage("Carrier is on it.")))).EnsureSucceeded();
        Assert.Equal(before + 1, await scripWork());

        // A scrip on any transaction makes every change worth a run.
        await scenario.OnlyScripsAsync(new Scrip
        {
            Description = "On Transaction Notify Others", Condition = ScripCondition.OnTransaction,
            Action = ScripAction.NotifyOtherRecipients, ActionArgument = "audit@noc.example.net", TemplateName = "Transaction",
        });
        (await scenario.ApplyAsync(root, id, new SetField(TicketField.Priority, "80"))).EnsureSucceeded();
        Assert.Equal(before + 2, await scripWork());
    }
}
