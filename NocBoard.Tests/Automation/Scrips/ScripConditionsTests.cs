using NocBoard.Automation.Scrips;
using NocBoard.Queues;
using NocBoard.Tickets;

namespace NocBoard.Tests.Automation.Scrips;

public class ScripConditionsTests
{
    private static readonly Lifecycle Default = Lifecycle.CreateDefault();

    private static TicketTransaction T(TransactionType type, string? field = null, string? old = null, string? @new = null) =>
        new() { Type = type, Field = field, OldValue = old, NewValue = @new };

    private static bool Fires(ScripCondition condition, TicketTransaction t, string? argument = null,
        Dictionary<string, string?>? values = null) =>
        ScripConditions.Matches(condition, argument, t, Default, () => values ?? new Dictionary<string, string?>());

    [Fact]
    public void Each_Condition_Fires_On_Its_Own_Transaction_Types_Only()
    {
        Assert.True(Fires(ScripCondition.OnCreate, T(TransactionType.Create)));
        Assert.False(Fires(ScripCondition.OnCreate, T(TransactionType.Correspond)));
        Assert.True(Fires(ScripCondition.OnTransaction, T(TransactionType.AddReminder)));
        Assert.True(Fires(ScripCondition.OnCorrespond, T(TransactionType.Correspond)));
        Assert.False(Fires(ScripCondition.OnCorrespond, T(TransactionType.Comment)));
        Assert.True(Fires(ScripCondition.OnComment, T(TransactionType.Comment)));
        Assert.False(Fires(ScripCondition.OnComment, T(TransactionType.Correspond)));
        Assert.True(Fires(ScripCondition.OnOwnerChange, T(TransactionType.Take, "Owner", null, "5")));
        Assert.True(Fires(ScripCondition.OnOwnerChange, T(TransactionType.Give, "Owner", "5", "6")));
        Assert.True(Fires(ScripCondition.OnOwnerChange, T(TransactionType.Steal, "Owner", "5", "6")));
        Assert.True(Fires(ScripCondition.OnOwnerChange, T(TransactionType.Untake, "Owner", "5", null)));
        Assert.False(Fires(ScripCondition.OnOwnerChange, T(TransactionType.Set, "Priority", "1", "2")));
        Assert.True(Fires(ScripCondition.OnQueueChange, T(TransactionType.Set, "Queue", "1", "2")));
        Assert.False(Fires(ScripCondition.OnQueueChange, T(TransactionType.Set, "Subject", "a", "b")));
        Assert.True(Fires(ScripCondition.OnDuePassed, T(TransactionType.DuePassed, "Due", null, "2026-11-23T09:00:00Z")));
        Assert.False(Fires(ScripCondition.OnDuePassed, T(TransactionType.Set, "Due", null, "2026-11-23T09:00:00Z")));
        Assert.True(Fires(ScripCondition.OnCustomFieldChange, T(TransactionType.CustomField, "Circuit", null, "FRA-1")));
        Assert.True(Fires(ScripCondition.OnCustomFieldChange, T(TransactionType.CustomField, "Circuit", null, "FRA-1"), "circuit"));
        Assert.False(Fires(ScripCondition.OnCustomFieldChange, T(TransactionType.CustomField, "Site", null, "FRA"), "Circuit"));
    }

    [Theory]
    [InlineData(null, "new", "open", true)]
    [InlineData("open->stalled", "open", "stalled", true)]
    [InlineData("open->stalled", "new", "stalled", false)]
    [InlineData("->stalled", "new", "stalled", true)]
    [InlineData("stalled", "open", "stalled", true)]
    [InlineData("stalled", "stalled", "open", false)]
    [InlineData("open->", "open", "resolved", true)]
    public void On_Status_Change_Takes_An_Optional_From_And_To(string? argument, string from, string to, bool fires) =>
        Assert.Equal(fires, Fires(ScripCondition.OnStatusChange, T(TransactionType.Status, "Status", from, to), argument));

    [Fact]
    public void On_Resolve_And_On_Reopen_Follow_The_Lifecycle()
    {
        Assert.True(Fires(ScripCondition.OnResolve, T(TransactionType.Status, "Status", "open", "resolved")));
        Assert.False(Fires(ScripCondition.OnResolve, T(TransactionType.Status, "Status", "open", "rejected")));
        Assert.True(Fires(ScripCondition.OnReopen, T(TransactionType.Status, "Status", "resolved", "open")));
        Assert.False(Fires(ScripCondition.OnReopen, T(TransactionType.Status, "Status", "new", "open")));
    }

    [Theory]
    [InlineData(null, "10", "20", true)]
    [InlineData("50", "40", "50", true)]
    [InlineData("50", "40", "49", false)]
    [InlineData("50", "50", "60", false)]
    [InlineData("50", "60", "40", false)]
    public void On_Priority_Change_Fires_When_The_Threshold_Is_Crossed_Upward(string? threshold, string from, string to, bool fires) =>
        Assert.Equal(fires, Fires(ScripCondition.OnPriorityChange, T(TransactionType.Set, "Priority", from, to), threshold));

    [Fact]
    public void User_Defined_Evaluates_An_Expression_Over_Transaction_And_Ticket()
    {
        var values = new Dictionary<string, string?>
        {
            ["type"] = "Status", ["new"] = "stalled", ["old"] = "open", ["ticket.priority"] = "70", ["ticket.queue"] = "Outages",
            ["ticket.subject"] = "BGP down at FRA",
        };
        var t = T(TransactionType.Status);
        Assert.True(Fires(ScripCondition.UserDefined, t, "type = 'Status' AND new = 'stalled' AND ticket.priority >= 50", values));
        Assert.False(Fires(ScripCondition.UserDefined, t, "type = 'Status' AND ticket.priority > 70", values));
        Assert.True(Fires(ScripCondition.UserDefined, t, "NOT (ticket.queue = 'General') AND (ticket.subject LIKE 'bgp' OR old = 'new')", values));
        Assert.True(Fires(ScripCondition.UserDefined, t, "ticket.priority != 69", values));
    }

    [Theory]
    [InlineData("type = ", "At the end: expected a value.")]
    [InlineData("colour = 'red'", "At 0: 'colour' is not a known name")]
    [InlineData("type = 'Status' AND", "At the end: expected a name")]
    [InlineData("type = 'open", "At 7: the text starting here has no closing '.")]
    [InlineData("(type = 'Status'", "At the end: expected ')'.")]
    public void A_Bad_Expression_Is_Refused_With_Its_Position(string expression, string message)
    {
        var error = ScripConditions.Check(ScripCondition.UserDefined, expression);
        Assert.NotNull(error);
        Assert.StartsWith(message, error);
    }
}
