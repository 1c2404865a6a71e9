using NocBoard.Accounts.Rights;
using NocBoard.Queues;

namespace NocBoard.Tests.Tickets;

public class LifecycleTests
{
    private readonly Lifecycle lifecycle = Lifecycle.CreateDefault();

    [Fact]
    public void Default_Lifecycle_Has_RTs_Statuses_In_Their_Groups()
    {
        Assert.Equal(["new", "open", "stalled", "resolved", "rejected", "deleted"], lifecycle.Statuses.Select(s => s.Name));
        Assert.Equal(["new"], lifecycle.InGroup(StatusGroup.Initial));
        Assert.Equal(["open", "stalled"], lifecycle.InGroup(StatusGroup.Active));
        Assert.Equal(["resolved", "rejected", "deleted"], lifecycle.InGroup(StatusGroup.Inactive));
        Assert.Equal("new", lifecycle.DefaultOnCreate);
        Assert.Equal("open", lifecycle.OnStaffCorrespond);
    }

    [Theory]
    [InlineData("new", "open", Right.ModifyTicket)]
    [InlineData("open", "stalled", Right.ModifyTicket)]
    [InlineData("stalled", "resolved", Right.ModifyTicket)]
    [InlineData("resolved", "open", Right.ModifyTicket)]
    [InlineData("rejected", "new", Right.ModifyTicket)]
    [InlineData("open", "deleted", Right.DeleteTicket)]
    [InlineData("deleted", "open", Right.ModifyTicket)]
    public void Every_Move_Between_Distinct_Statuses_Is_Allowed_With_Its_Right(string from, string to, string right)
    {
        var transition = lifecycle.TransitionFor(from, to);
        Assert.NotNull(transition);
        Assert.Equal(right, transition.Right);
    }

    [Fact]
    public void Staying_In_A_Status_Or_Naming_An_Unknown_One_Is_Not_A_Transition()
    {
        Assert.Null(lifecycle.TransitionFor("open", "open"));
        Assert.Null(lifecycle.TransitionFor("open", "escalated"));
        Assert.False(lifecycle.IsValid("escalated"));
    }

    [Fact]
    public void Statuses_Are_Matched_Without_Regard_To_Case_And_Canonicalised()
    {
        Assert.True(lifecycle.IsValid("Resolved"));
        Assert.Equal("resolved", lifecycle.Canonical("RESOLVED"));
        Assert.True(lifecycle.IsInactive("Rejected"));
        Assert.NotNull(lifecycle.TransitionFor("NEW", "Open"));
    }

    [Fact]
    public void A_Restricted_Lifecycle_Allows_Only_Its_Transitions()
    {
        var change = new Lifecycle
        {
            Name = "change",
            DefaultOnCreate = "requested",
            OnMerge = "rejected",
            Statuses =
            [
                new() { Name = "requested", Group = StatusGroup.Initial },
                new() { Name = "approved", Group = StatusGroup.Active },
                new() { Name = "done", Group = StatusGroup.Inactive },
                new() { Name = "rejected", Group = StatusGroup.Inactive },
            ],
            Transitions =
            [
                new() { From = "requested", To = "approved", Right = Right.AdminQueue },
                new() { From = "requested", To = "rejected", Right = Right.ModifyTicket },
                new() { From = "approved", To = "done", Right = Right.ModifyTicket },
            ],
        };

        Assert.Equal(["approved", "rejected"], change.NextStatuses("requested"));
        Assert.Null(change.TransitionFor("requested", "done"));
        Assert.Equal(Right.AdminQueue, change.TransitionFor("requested", "approved")!.Right);
        Assert.Throws<ArgumentException>(() => change.GroupOf("new"));
    }
}
