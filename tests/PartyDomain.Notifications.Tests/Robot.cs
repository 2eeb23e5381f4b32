using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PartyDomain.Notifications.Tests;

/// <summary>An HTTP listener on 127.0.0.1 that answers each POST with the next scripted status and body, and keeps what it got.</summary>
public sealed class Robot : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<(int Status, string Body)> _answers;
    private readonly Task _loop;

    public Robot(params (int Status, string Body)[] answers)
    {
        Port = FreePort();
        _answers = new(answers);
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }

    /// <summary>A TCP port of 127.0.0.1 that nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public string Url => $"http://127.0.0.1:{Port}/cgi-bin/webhook/send?key=secret-key";

    public List<(string Path, string ContentType, string Body)> Received { get; } = [];

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            lock (Received)
            {
                Received.Add((context.Request.Url!.PathAndQuery, context.Request.ContentType ?? string.Empty, reader.ReadToEnd()));
            }

            var (status, body) = _answers.Count > 0 ? _answers.Dequeue() : (200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            context.Response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
