using System.Net;
using System.Net.Sockets;

namespace NocBoard.Tests.Support;

/// <summary>
/// A TCP relay on a free loopback port in front of a server, whose "network" a test can cut: every
/// open connection is dropped and new ones are refused until it is restored. That is what a wall
/// screen sees when a switch or Wi-Fi goes away, which browser offline emulation does not do to an
/// open WebSocket.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> open = [];
    private volatile bool down;

    public LoopbackProxy(int targetPort)
    {
        this.targetPort = targetPort;
        listener.Start();
        _ = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>Drops every connection now and refuses new ones.</summary>
    public void Cut()
    {
        down = true;
        lock (open)
        {
            foreach (var client in open) client.Dispose();
            open.Clear();
        }
    }

    public void Restore() => down = false;

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient incoming;
            try { incoming = await listener.AcceptTcpClientAsync(stopping.Token); }
            catch (Exception) { return; }
            if (down)
            {
                incoming.Dispose();
                continue;
            }
            _ = RelayAsync(incoming);
        }
    }

    private async Task RelayAsync(TcpClient incoming)
    {
        var outgoing = new TcpClient();
        lock (open) { open.Add(incoming); open.Add(outgoing); }
        try
        {
            await outgoing.ConnectAsync(IPAddress.Loopback, targetPort, stopping.Token);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            var up = incoming.GetStream().CopyToAsync(outgoing.GetStream(), both.Token);
            var downstream = outgoing.GetStream().CopyToAsync(incoming.GetStream(), both.Token);
            await Task.WhenAny(up, downstream);
            await both.CancelAsync();
        }
        catch (Exception) { /* cut, refused or closed: the browser sees a dropped connection */ }
        finally
        {
            lock (open) { open.Remove(incoming); open.Remove(outgoing); }
            incoming.Dispose();
            outgoing.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        Cut();
    }
}
