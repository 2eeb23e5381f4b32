using System.Net;
using System.Net.Sockets;

namespace PartyDomain.EntityFrameworkCore.Tests;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of the PostgreSQL server that the test controls: it forwards until told to go
/// down, then resets every connection and refuses new ones, as a server that went away. Shared with the console host's tests.
/// </summary>
internal sealed class TcpProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly List<Socket> _open = [];
    private long _sent;
    private long _cutAfter = long.MaxValue;
    private bool _down;

    public TcpProxy(string host, int port)
    {
        (_host, _port) = (host, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    /// <summary>The port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Whether the proxy went down.</summary>
    public bool IsDown => Volatile.Read(ref _down);

    /// <summary>Goes down once <paramref name="bytes"/> more bytes went from the clients to the server: in the middle of the next large write.</summary>
    public void GoDownAfter(long bytes) => Interlocked.Exchange(ref _cutAfter, Interlocked.Read(ref _sent) + bytes);

    /// <summary>Resets every connection and refuses new ones.</summary>
    public void GoDown()
    {
        lock (_open)
        {
            if (_down)
            {
                return;
            }

            _down = true;
            _listener.Stop();
            foreach (var socket in _open)
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0); // close with RST, as a dead peer
                    socket.Close();
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }
    }

    public void Dispose() => GoDown();

    private async Task AcceptAsync()
    {
        while (!IsDown)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await server.ConnectAsync(_host, _port);
            }
            catch (SocketException)
            {
                client.Close();
                continue;
            }

            lock (_open)
            {
                if (_down)
                {
                    client.Close();
                    server.Close();
                    return;
                }

                _open.Add(client);
                _open.Add(server);
            }

            _ = PumpAsync(client, server, counted: true);
            _ = PumpAsync(server, client, counted: false);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool counted)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0)
                {
                    break;
                }

                if (counted && Interlocked.Add(ref _sent, n) > Interlocked.Read(ref _cutAfter))
                {
                    GoDown();
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }
}
