using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using NocBoard.Board.Hub;
using NocBoard.Tests.Support;

namespace NocBoard.Tests.Board.Hub;

/// <summary>
/// A script's view of <c>/hubs/board</c>: the .NET SignalR client over WebSockets against the
/// in-memory test server, signed in with the cookie the real login form set.
/// </summary>
public sealed class HubWatcher : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<object> received = Channel.CreateUnbounded<object>();

    private HubWatcher(HubConnection connection)
    {
        Connection = connection;
        connection.On<TicketChangedMessage>(BoardHubRelay.TicketChanged, m => received.Writer.TryWrite(m));
        connection.On<TicketLeftMessage>(BoardHubRelay.TicketLeft, m => received.Writer.TryWrite(m));
    }

    public HubConnection Connection { get; }

    /// <summary>Logs in through the login form, then connects to the hub with the auth cookie.</summary>
    public static async Task<HubWatcher> ConnectAsync(Scenario s, string userName, string password)
    {
        using var session = WebSession.For(s.App);
        await session.LoginOrFailAsync(userName, password);
        var cookie = session.Cookies.GetCookies(session.BaseAddress)[WebSession.AuthCookieName]!;
        var watcher = new HubWatcher(Build(s, $"{cookie.Name}={cookie.Value}"));
        await watcher.Connection.StartAsync().WaitAsync(Patience);
        return watcher;
    }

    /// <summary>A connection that sends the given Cookie header (none when null); not started.</summary>
    public static HubConnection Build(Scenario s, string? cookieHeader)
    {
        var server = s.App.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri("http://localhost" + BoardHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (cookieHeader is not null) o.Headers["Cookie"] = cookieHeader;
                o.WebSocketFactory = async (context, ct) =>
                {
                    var client = server.CreateWebSocketClient();
                    if (cookieHeader is not null) client.ConfigureRequest = r => r.Headers.Cookie = cookieHeader;
                    return await client.ConnectAsync(context.Uri, ct);
                };
            })
            .Build();
    }

    public Task WatchQueueAsync(int queueId) => Connection.InvokeAsync(nameof(BoardHub.WatchQueue), queueId).WaitAsync(Patience);

    /// <summary>The next message pushed to this client, whatever it is; fails after <see cref="Patience"/>.</summary>
    public async Task<object> NextAsync(string waitingFor)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try { return await received.Reader.ReadAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"Nothing pushed within {Patience.TotalSeconds} s while waiting for {waitingFor}.");
        }
    }

    public async Task<TicketChangedMessage> NextChangeAsync(string waitingFor)
    {
        var next = await NextAsync(waitingFor);
        return next as TicketChangedMessage
               ?? throw new Xunit.Sdk.XunitException($"Expected TicketChanged ({waitingFor}), got {next}.");
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    public static HttpStatusCode? StatusOf(Exception e) => (e as HttpRequestException)?.StatusCode;
}
