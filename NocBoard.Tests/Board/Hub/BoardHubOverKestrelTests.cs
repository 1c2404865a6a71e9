using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NocBoard.Accounts;
using NocBoard.Board.Hub;
using NocBoard.Queues;
using NocBoard.Tests.Support;
using NocBoard.Tickets;
using NocBoard.Tickets.Changes;

namespace NocBoard.Tests.Board.Hub;

/// <summary>The README's script, as written: a real socket, the login form, the client's own cookie jar, WebSockets.</summary>
public class BoardHubOverKestrelTests
{
    [Fact]
    public async Task The_Readme_Script_Logs_In_Watches_A_Queue_And_Hears_A_Change()
    {
        await using var app = new NocAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        var site = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Single().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/') + "/");
        Assert.Equal("127.0.0.1", site.Host);

        using var session = WebSession.For(site);
        await session.LoginOrFailAsync(SystemUser.RootUserName, NocAppFactory.RootPassword);

        var changed = new TaskCompletionSource<TicketChangedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(site, "hubs/board"), o =>
            {
                o.Cookies = session.Cookies;
                o.Transports = HttpTransportType.WebSockets; // what the client picks anyway; here it must
            })
            .Build();
        hub.On<TicketChangedMessage>(BoardHubRelay.TicketChanged, t => changed.TrySetResult(t));
        await hub.StartAsync().WaitAsync(HubWatcher.Patience);

        await using var scope = app.Services.CreateAsyncScope();
        var root = (await scope.ServiceProvider.GetRequiredService<ActorLookup>().ByNameAsync(SystemUser.RootUserName))!;
        var general = (await scope.ServiceProvider.GetRequiredService<QueueDirectory>().VisibleAsync(root)).Single(q => q.Name == Queue.DefaultName);
        await hub.InvokeAsync(nameof(BoardHub.WatchQueue), general.Id).WaitAsync(HubWatcher.Patience);

        var created = (await scope.ServiceProvider.GetRequiredService<TicketService>()
            .CreateAsync(new NewTicket { QueueId = general.Id, Subject = "Fibre cut near FRA-3" }, root)).EnsureSucceeded();

        var message = await changed.Task.WaitAsync(HubWatcher.Patience);
        Assert.Equal((created.Id, general.Id, "Fibre cut near FRA-3", "new"), (message.TicketId, message.QueueId, message.Subject, message.Status));
        Assert.Contains(nameof(TransactionType.Create), message.TransactionTypes);
    }
}
