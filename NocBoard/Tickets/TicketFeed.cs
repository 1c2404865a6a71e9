using System.Threading.Channels;

namespace NocBoard.Tickets;

/// <summary>
/// The in-process stream of committed ticket changes that live screens subscribe to. Each
/// subscriber gets its own queue and reader, so a slow screen neither delays the writer nor the
/// other screens, and sees changes in commit order. What must not be lost (mail, scrips) goes
/// through the outbox instead: a screen that misses an event reloads on reconnect.
/// </summary>
public sealed class TicketFeed(ILogger<TicketFeed> logger)
{
    private readonly Lock sync = new();
    private ImmutableSubscribers subscribers = new([]);

    /// <summary>
    /// Calls <paramref name="handler"/> for every change committed from now on, until the returned
    /// handle is disposed. Exceptions from the handler are logged and do not stop the feed.
    /// </summary>
    public IDisposable Subscribe(Func<TicketCommitted, Task> handler)
    {
        var subscription = new Subscription(this, handler, logger);
        lock (sync) subscribers = new([.. subscribers.Items, subscription]);
        return subscription;
    }

    public void Publish(TicketCommitted change)
    {
        foreach (var subscription in subscribers.Items)
            subscription.Post(change);
    }

    public int SubscriberCount => subscribers.Items.Length;

    private void Remove(Subscription subscription)
    {
        lock (sync) subscribers = new([.. subscribers.Items.Where(s => s != subscription)]);
    }

    private sealed record ImmutableSubscribers(Subscription[] Items);

    private sealed class Subscription : IDisposable
    {
        private readonly TicketFeed feed;
        private readonly Channel<TicketCommitted> channel =
            Channel.CreateUnbounded<TicketCommitted>(new UnboundedChannelOptions { SingleReader = true });

        public Subscription(TicketFeed feed, Func<TicketCommitted, Task> handler, ILogger logger)
        {
            this.feed = feed;
            _ = Task.Run(async () =>
            {
                await foreach (var change in channel.Reader.ReadAllAsync())
                {
                    try { await handler(change); }
                    catch (Exception e) { logger.LogWarning(e, "A ticket feed subscriber failed on ticket #{Ticket}", change.TicketId); }
                }
            });
        }

        public void Post(TicketCommitted change) => channel.Writer.TryWrite(change);

        public void Dispose()
        {
            feed.Remove(this);
            channel.Writer.TryComplete();
        }
    }
}
