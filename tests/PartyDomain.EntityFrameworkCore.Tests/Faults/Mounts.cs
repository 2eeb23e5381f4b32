using System.Diagnostics;

namespace PartyDomain.EntityFrameworkCore.Tests;

/// <summary>
/// File systems that fail as a machine's do, for the fault tests: a small tmpfs that fills up, a folder bound
/// read-only. They need <c>mount</c> with root (CI and the test machines run as root; chmod does not stop root, a
/// read-only mount does). Without it a test fails saying so: it never skips. Shared with the console host's tests.
/// </summary>
internal sealed class Mount : IDisposable
{
    private readonly bool _ownsFolder;

    private Mount(string path, bool ownsFolder)
    {
        Path = path;
        _ownsFolder = ownsFolder;
    }

    /// <summary>The mounted folder.</summary>
    public string Path { get; }

    /// <summary>A new tmpfs of <paramref name="kilobytes"/> KiB: writing past it fails with ENOSPC.</summary>
    public static Mount Tmpfs(int kilobytes)
    {
        var path = Directory.CreateTempSubdirectory("partydomain-full-").FullName;
        try
        {
            Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);
        }
        catch
        {
            Directory.Delete(path);
            throw;
        }

        return new Mount(path, ownsFolder: true);
    }

    /// <summary><paramref name="folder"/> itself, bound over itself read-only: its files stay readable, nothing in it can be written (EROFS).</summary>
    public static Mount ReadOnly(string folder)
    {
        Run("mount", "--bind", folder, folder);
        var mount = new Mount(folder, ownsFolder: false);
        try
        {
            // A bind mount takes "ro" only on a remount (older kernels ignore it on the first call).
            Run("mount", "-o", "remount,bind,ro", folder);
        }
        catch
        {
            mount.Dispose();
            throw;
        }

        return mount;
    }

    /// <summary>Fills the file system but <paramref name="leaveKilobytes"/> KiB.</summary>
    public void Fill(int leaveKilobytes)
    {
        var drive = new DriveInfo(Path);
        var size = drive.AvailableFreeSpace - (leaveKilobytes * 1024L);
        using var filler = File.Create(System.IO.Path.Combine(Path, "filler"));
        var block = new byte[64 * 1024];
        for (long written = 0; written + block.Length <= size; written += block.Length)
        {
            filler.Write(block);
        }
    }

    public void Dispose()
    {
        try
        {
            // Lazy: a pooled connection still holding a file must not keep the mount (and the next test) hanging.
            Run("umount", "-l", Path);
            if (_ownsFolder)
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
        }
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {program}.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The fault tests need '{program} {string.Join(' ', args)}' (root and mount, as on CI), which failed (exit {process.ExitCode}): {error.Trim()}");
        }
    }
}
