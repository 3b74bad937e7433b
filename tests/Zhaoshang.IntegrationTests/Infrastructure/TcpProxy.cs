using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP proxy on a loopback port in front of a server (RabbitMQ), so a test can cut one service off from it without
/// stopping the server that other checkouts share: <see cref="Cut"/> drops every connection and refuses new ones,
/// <see cref="Restore"/> accepts them again on the same port.
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _links = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _accepting;

    public TcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Restore();
    }

    public int Port { get; }

    public void Restore()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = new CancellationTokenSource();
        _ = AcceptAsync(_listener, _accepting.Token);
    }

    public void Cut()
    {
        _accepting?.Cancel();
        _listener?.Stop();
        foreach (var (client, server) in _links)
        {
            client.Dispose();
            server.Dispose();
        }

        _links.Clear();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            _links[client] = server;
            _ = PumpAsync(client, server);
        }
    }

    private async Task PumpAsync(TcpClient client, TcpClient server)
    {
        try
        {
            await Task.WhenAny(client.GetStream().CopyToAsync(server.GetStream()), server.GetStream().CopyToAsync(client.GetStream()));
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            // The link was cut.
        }
        finally
        {
            _links.TryRemove(client, out _);
            client.Dispose();
            server.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
