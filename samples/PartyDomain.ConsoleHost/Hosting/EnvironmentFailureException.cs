using System.Text.RegularExpressions;
using PartyDomain.EntityFrameworkCore;

namespace PartyDomain.ConsoleHost.Hosting;

/// <summary>
/// The machine or a service failed (a full disk, a folder that cannot be written, a database server that is down, a
/// store held by another writer): the host prints the message, which names the file or server and what to do, and
/// exits with <see cref="ExitCodes.EnvironmentFailure"/>. The store is left as it was (every write is one transaction).
/// </summary>
public sealed partial class EnvironmentFailureException : Exception
{
    // errno values on Linux, which .NET puts in IOException.HResult for the errors it has no own exception for.
    private const int NoSpace = 28, ReadOnlyFileSystem = 30, QuotaExceeded = 122;

    /// <summary>Creates the exception.</summary>
    public EnvironmentFailureException(string message, Exception? inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EnvironmentFailureException()
        : this("The environment failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public EnvironmentFailureException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// <paramref name="exception"/> as a failure of the environment, with its message in the host's language, or
    /// <c>null</c> when it is not one (a bug or bad input keeps its own exit code).
    /// </summary>
    /// <param name="exception">What was thrown.</param>
    /// <param name="t">The host's language: Chinese and English text in, the chosen one out.</param>
    /// <param name="busyTimeoutSeconds">The configured wait for another writer, named in the message.</param>
    public static EnvironmentFailureException? From(Exception exception, Func<string, string, string> t, int busyTimeoutSeconds)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(t);
        // An exception with an exit code of its own keeps it, whatever it wraps.
        for (var e = exception; e is not null and not (BadInputException or PluginFailureException); e = e.InnerException)
        {
            var message = e switch
            {
                EnvironmentFailureException => null,
                StoreUnavailableException { Fault: StoreFault.Busy } s => t(
                    $"另一个导入正在写入 {s.Location}，等待 {busyTimeoutSeconds} 秒后仍未结束：请在它完成后重试（等待时间由 Host:BusyTimeoutSeconds 设置）。数据未作任何改动。",
                    $"Another import is writing {s.Location} and did not finish within {busyTimeoutSeconds} s: retry when it is done (the wait is set by Host:BusyTimeoutSeconds). Nothing was changed."),
                StoreUnavailableException { Fault: StoreFault.Full } s => t(
                    $"磁盘空间已满，无法写入 {s.Location}：请清理磁盘空间后重试。数据未作任何改动。",
                    $"The disk is full: {s.Location} cannot be written. Free some space, then retry. Nothing was changed."),
                StoreUnavailableException { Fault: StoreFault.Unwritable } s => t(
                    $"无法写入 {s.Location}（只读文件系统、没有写入权限或磁盘读写错误）：请检查该文件夹的权限和磁盘，或用 Host:Data 换一个可写的位置。数据未作任何改动。",
                    $"{s.Location} cannot be written (a read-only file system, no permission or a disk error): check the folder's permissions and the disk, or choose a writable place with Host:Data. Nothing was changed."),
                StoreUnavailableException s => t(
                    $"无法连接 PostgreSQL 服务器 {s.Location}（未启动或连接中断）：请启动服务器或检查网络后重试。数据未作任何改动。",
                    $"The PostgreSQL server {s.Location} does not answer or went away: start it or check the network, then retry. Nothing was changed."),
                IOException { HResult: NoSpace or QuotaExceeded } io => t(
                    $"磁盘空间已满，无法写入 {PathOf(io, "文件")}：请清理磁盘空间后重试。",
                    $"The disk is full: {PathOf(io, "the file")} cannot be written. Free some space, then retry."),
                IOException { HResult: ReadOnlyFileSystem } io => t(
                    $"无法写入 {PathOf(io, "文件")}：文件系统是只读的。请换一个可写的文件夹（如 report --out）后重试。",
                    $"{PathOf(io, "the file")} cannot be written: the file system is read-only. Choose a writable folder (such as report --out), then retry."),
                UnauthorizedAccessException denied => t(
                    $"没有写入 {PathOf(denied, "文件")} 的权限：请检查该文件夹的权限，或换一个可写的文件夹后重试。",
                    $"No permission to write {PathOf(denied, "the file")}: check the folder's permissions, or choose a writable folder, then retry."),
                _ => null,
            };
            if (message is not null)
            {
                return new EnvironmentFailureException(message, exception);
            }
        }

        return null;
    }

    /// <summary>The path .NET names in its file-system messages (<c>'…'</c>), or <paramref name="otherwise"/>.</summary>
    private static string PathOf(Exception e, string otherwise) => QuotedPath().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : otherwise;

    [GeneratedRegex("'(/[^']*)'")]
    private static partial Regex QuotedPath();
}
