using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Outbox;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Outbox;

public class OutboxTests
{
    /// <summary>Queues one "test.note" per transaction, as a notification feature would.</summary>
    private sealed class NoteEveryTransaction : IOutboxContributor
    {
        public Task ContributeAsync(TicketChangeContext ctx, CancellationToken ct)
        {
            foreach (var transaction in ctx.Recorded)
                ctx.Enqueue("test.note", $"{transaction.Type}", $"note:{transaction.Id}", transaction);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingHandler : IOutboxHandler
    {
        public ConcurrentQueue<OutboxMessage> Handled { get; } = new();
        public int FailuresLeft { get; set; }
        public string Kind => "test.note";

        public Task HandleAsync(OutboxMessage message, CancellationToken ct)
        {
            if (FailuresLeft-- > 0) throw new InvalidOperationException("SMTP server said 451");
            Handled.Enqueue(message);
            return Task.CompletedTask;
        }
    }

    private static Task<Scenario> StartAsync(RecordingHandler handler) => Scenario.StartAsync(
        new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.200" },
        services =>
        {
            services.AddSingleton<IOutboxContributor, NoteEveryTransaction>();
            services.AddSingleton<IOutboxHandler>(handler);
        });

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Side_Effects_Are_Written_With_The_Change_And_Carried_Out_After_Commit()
    {
        var handler = new RecordingHandler();
        await using var s = await StartAsync(handler);
        var id = await s.TicketAsync();

        var rows = await s.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.TicketId == id && m.Kind == "test.note").ToListAsync());
        var transaction = Assert.Single(await s.TransactionsAsync(id));
        var row = Assert.Single(rows);
        Assert.Equal((transaction.Id, $"note:{transaction.Id}"), (row.TransactionId, row.IdempotencyKey));

        await WaitUntilAsync(() => s.DbAsync(db => db.Outbox.Where(m => m.Kind == "test.note").AllAsync(m => m.Processed != null)), "the message is processed");
        Assert.Equal("Create", Assert.Single(handler.Handled).Payload);
    }

    [Fact]
    public async Task A_Refused_Change_Queues_Nothing()
    {
        var handler = new RecordingHandler();
        await using var s = await StartAsync(handler);
        var id = await s.TicketAsync();
        var before = await s.DbAsync(db => db.Outbox.CountAsync());
        await s.ApplyAsync(await s.RootAsync(), id, new SetStatus("open"), new SetStatus("no-such-status"));
        Assert.Equal(before, await s.DbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task A_Failing_Handler_Is_Retried_With_Backoff_And_The_Error_Kept()
    {
        var handler = new RecordingHandler { FailuresLeft = 1 };
        await using var s = await StartAsync(handler);
        var id = await s.TicketAsync();

        await WaitUntilAsync(() => s.DbAsync(db => db.Outbox.AnyAsync(m => m.Kind == "test.note" && m.Attempts == 1)), "the first attempt failed");
        var failed = await s.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.TicketId == id && m.Kind == "test.note"));
        Assert.Null(failed.Processed);
        Assert.Equal("SMTP server said 451", failed.LastError);
        Assert.True(failed.AvailableAt > failed.Created.AddSeconds(5), "a failed message waits before the next attempt");

        // Make it due now instead of waiting out the backoff.
        await s.DbAsync(db => db.Outbox.Where(m => m.Kind == "test.note").ExecuteUpdateAsync(u => u.SetProperty(m => m.AvailableAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await WaitUntilAsync(() => s.DbAsync(db => db.Outbox.AnyAsync(m => m.Kind == "test.note" && m.Processed != null)), "the retry succeeded");
        Assert.Single(handler.Handled);
        Assert.Equal(2, (await s.DbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.TicketId == id && m.Kind == "test.note"))).Attempts);
    }

    [Fact]
    public void Backoff_Doubles_From_Ten_Seconds_Up_To_An_Hour()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), OutboxDispatcher.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(40), OutboxDispatcher.Backoff(3));
        Assert.Equal(TimeSpan.FromHours(1), OutboxDispatcher.Backoff(20));
    }

    [Fact]
    public async Task A_Batch_Is_Claimed_At_Once_And_Leaves_What_Another_Dispatcher_Holds()
    {
        var handler = new RecordingHandler();
        // The background loop only polls hourly here: this test drives the dispatcher itself.
        await using var s = await Scenario.StartAsync(
            new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" },
            services => services.AddSingleton<IOutboxHandler>(handler));
        var now = DateTimeOffset.UtcNow;
        var heldUntil = now.AddMinutes(3);
        await s.DbAsync(async db =>
        {
            for (var i = 1; i <= 4; i++)
                db.Outbox.Add(new OutboxMessage
                {
                    Kind = "test.note", Payload = $"m{i}", IdempotencyKey = $"batch:{i}", Created = now, AvailableAt = now.AddSeconds(-1),
                    LockedUntil = i == 2 ? heldUntil : null,   // another dispatcher is handling this one
                });
            return await db.SaveChangesAsync();
        });

        var dispatcher = s.App.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(3, await dispatcher.DispatchBatchAsync(CancellationToken.None));

        Assert.Equal(["m1", "m3", "m4"], handler.Handled.Select(m => m.Payload).ToArray());
        var rows = await s.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Kind == "test.note").OrderBy(m => m.Id).ToListAsync());
        Assert.All(rows.Where(r => r.Payload != "m2"), r => Assert.True(r.Processed is not null && r.LockedUntil is null && r.Attempts == 1));
        var held = Assert.Single(rows, r => r.Payload == "m2");
        Assert.Equal((null, 0, heldUntil.ToUnixTimeMilliseconds()), (held.Processed, held.Attempts, held.LockedUntil!.Value.ToUnixTimeMilliseconds()));
        Assert.Equal(0, await dispatcher.DispatchBatchAsync(CancellationToken.None));
    }
}
