using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PartyDomain.Notifications.Tests;

/// <summary>
/// A real SMTP server for the tests: aiosmtpd (Debian's python3-aiosmtpd; <c>.ci/smtp.sh</c> installs it) on a free port
/// of 127.0.0.1, storing what it receives in a Maildir the test reads. <c>PARTYDOMAIN_SMTP_PYTHON</c> names the Python
/// that has aiosmtpd; else <c>.ci/smtp.sh</c> finds or installs it.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private readonly Process _process;
    private readonly string _maildir;

    public SmtpServer()
    {
        Port = Robot.FreePort();
        _maildir = Path.Combine(Path.GetTempPath(), "partydomain-smtp-" + Guid.NewGuid().ToString("N"));
        var python = Python.Value;
        var start = new ProcessStartInfo(python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Mailbox", "-l", $"127.0.0.1:{Port}", _maildir },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException($"{python} could not start: install Debian's python3-aiosmtpd (bash .ci/smtp.sh) or set PARTYDOMAIN_SMTP_PYTHON ({e.Message})", e);
        }

        var deadline = Stopwatch.StartNew();
        while (!Accepts(Port))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode}: {_process.StandardError.ReadToEnd()} — install Debian's python3-aiosmtpd (bash .ci/smtp.sh)");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException("aiosmtpd did not listen within 15 s");
            }

            Thread.Sleep(50);
        }
    }

    public int Port { get; }

    private static readonly Lazy<string> Python = new(() => PartyDomain.Tests.Shared.CiTool.Find("PARTYDOMAIN_SMTP_PYTHON", "smtp.sh", "A Python with aiosmtpd"));

    /// <summary>The messages received so far, as raw RFC 5322 text.</summary>
    public IReadOnlyList<string> Messages =>
        Directory.Exists(Path.Combine(_maildir, "new")) ? [.. Directory.GetFiles(Path.Combine(_maildir, "new")).Order(StringComparer.Ordinal).Select(File.ReadAllText)] : [];

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        if (Directory.Exists(_maildir))
        {
            Directory.Delete(_maildir, recursive: true);
        }
    }
}
