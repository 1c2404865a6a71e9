using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Data;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Data;

public class CommitDurabilityTests
{
    [Fact]
    public async Task A_Writer_Who_Arrives_During_A_Flush_Waits_For_The_Next_One()
    {
        using var firstFlushMayEnd = new ManualResetEventSlim();
        using var firstFlushStarted = new ManualResetEventSlim();
        var calls = 0;
        var durability = new CommitDurability(() =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstFlushStarted.Set();
                firstFlushMayEnd.Wait(TimeSpan.FromSeconds(10));
            }
        });

        var early = durability.WaitAsync();
        Assert.True(firstFlushStarted.Wait(TimeSpan.FromSeconds(10)), "the first flush never started");
        // This writer's commit came after the running flush began: that flush does not cover it.
        var late = durability.WaitAsync();
        var alsoLate = durability.WaitAsync();
        Assert.False(early.IsCompleted);
        firstFlushMayEnd.Set();

        await early.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(late, alsoLate).WaitAsync(TimeSpan.FromSeconds(10));
        // The two late writers shared one flush.
        Assert.Equal(2, calls);
        Assert.Equal(2, durability.Flushes);
    }

    [Fact]
    public async Task Writers_Who_Come_Together_Share_Flushes()
    {
        var durability = new CommitDurability(() => Thread.Sleep(5));
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(durability.WaitAsync)));
        Assert.InRange(durability.Flushes, 1, 100);
    }

    [Fact]
    public async Task A_Failed_Flush_Fails_The_Writers_Who_Waited_On_It()
    {
        var durability = new CommitDurability(() => throw new IOException("No space left on device"));
        var error = await Assert.ThrowsAsync<IOException>(durability.WaitAsync);
        Assert.Contains("No space left on device", error.Message);
    }

    [Fact]
    public async Task The_App_Writes_With_Synchronous_Normal_And_Its_Log_Is_Flushed_Before_A_Change_Is_Answered()
    {
        await using var scenario = await Scenario.StartAsync();
        var durability = scenario.Services.GetRequiredService<CommitDurability>();
        var before = durability.Flushes;
        await scenario.TicketAsync("Fibre cut near POP-3");
        Assert.True(durability.Flushes > before, "creating a ticket did not flush the write-ahead log");

        var synchronous = await scenario.DbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            return Convert.ToInt32(await command.ExecuteScalarAsync());
        });
        Assert.Equal(1, synchronous); // NORMAL
    }
}
