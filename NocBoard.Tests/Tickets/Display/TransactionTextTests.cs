using NocBoard.Tickets;
using NocBoard.Tickets.Display;

namespace NocBoard.Tests.Tickets.Display;

public class TransactionTextTests
{
    private static string Describe(TransactionType type, string? field = null, string? old = null, string? @new = null) =>
        TransactionText.Describe(new TicketTransaction { Type = type, Field = field, OldValue = old, NewValue = @new },
            id => id == 7 ? "Alice" : $"user #{id}");

    [Fact]
    public void History_Lines_Read_As_In_RT()
    {
        Assert.Equal("Status changed from new to open", Describe(TransactionType.Status, "Status", "new", "open"));
        Assert.Equal("Given to Alice", Describe(TransactionType.Give, "Owner", "1", "7"));
        Assert.Equal("Stolen from Alice", Describe(TransactionType.Steal, "Owner", "7", "1"));
        Assert.Equal("Priority changed from 10 to 50", Describe(TransactionType.Set, "Priority", "10", "50"));
        Assert.Equal("Due set to 2026-12-01T12:00:00Z", Describe(TransactionType.Set, "Due", null, "2026-12-01T12:00:00Z"));
        Assert.Equal("Alice added as Cc", Describe(TransactionType.AddWatcher, "Cc", null, "7"));
        Assert.Equal("ops@example.net is no longer AdminCc", Describe(TransactionType.DelWatcher, "AdminCc", "ops@example.net"));
        Assert.Equal("Link added: DependsOn #43", Describe(TransactionType.AddLink, "DependsOn", null, "43"));
        Assert.Equal("Merged #41 into #42", Describe(TransactionType.Merge, "MergedInto", "41", "42"));
    }
}
