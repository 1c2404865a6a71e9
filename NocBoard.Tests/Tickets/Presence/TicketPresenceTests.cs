using NocBoard.Tickets.Presence;

namespace NocBoard.Tests.Tickets.Presence;

public class TicketPresenceTests
{
    [Fact]
    public void Others_See_Who_Has_The_Ticket_Open_And_Who_Is_Writing()
    {
        var presence = new TicketPresence();
        var changes = new List<int>();
        presence.Changed += changes.Add;

        using var alice = presence.Join(42, "alice");
        var bobTab1 = presence.Join(42, "bob");
        using var bobTab2 = presence.Join(42, "bob");
        using var elsewhere = presence.Join(7, "carol");

        Assert.Equal([new Viewer("bob", false)], presence.Others(42, "alice"));
        bobTab2.Typing(true);
        Assert.Equal([new Viewer("bob", true)], presence.Others(42, "alice"));
        Assert.Equal([new Viewer("alice", false)], presence.Others(42, "bob"));

        bobTab1.Dispose();
        bobTab2.Typing(false);
        Assert.Equal([new Viewer("bob", false)], presence.Others(42, "alice"));
        Assert.Empty(presence.Others(7, "carol"));
        Assert.Equal([42, 42, 42, 7, 42, 42, 42], changes);
    }

    [Fact]
    public void Leaving_Twice_Or_Typing_The_Same_State_Changes_Nothing()
    {
        var presence = new TicketPresence();
        var handle = presence.Join(1, "dan");
        var changes = 0;
        presence.Changed += _ => changes++;
        handle.Typing(false);
        handle.Dispose();
        handle.Dispose();
        Assert.Equal(1, changes);
        Assert.Empty(presence.Others(1, "someone"));
    }
}
