using System.Runtime.InteropServices;

namespace PartyDomain.Interchange.Reading;

/// <summary>What a path is, told without opening it: opening a named pipe (FIFO) for reading blocks until a writer comes.</summary>
internal enum FileKind
{
    Regular,
    Directory,
    Missing,
    DanglingLink,
    Other,
}

internal static class FileKinds
{
    // The runtime's own stat (System.Native), whose FileStatus begins with Flags and then Mode, both 32-bit; .NET has no
    // public API that tells a FIFO or a device from a regular file (FileAttributes says Normal for all three).
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;
    private static bool s_noNativeStat;

    public static FileKind Of(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            try
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                if (target is null || !(File.Exists(target) || Directory.Exists(target)))
                {
                    return FileKind.DanglingLink;
                }
            }
            catch (IOException)
            {
                return FileKind.DanglingLink; // a loop of links
            }
        }

        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        if (OperatingSystem.IsWindows() || s_noNativeStat)
        {
            return FileKind.Regular;
        }

        try
        {
            var status = new byte[256];
            if (Stat(path, status) != 0)
            {
                return FileKind.Missing;
            }

            return (BitConverter.ToInt32(status, 4) & TypeMask) switch
            {
                RegularType => FileKind.Regular,
                DirectoryType => FileKind.Directory,
                _ => FileKind.Other,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime without it: an empty "file" is then never opened (see CsvFolderSource), which keeps a FIFO from hanging.
            s_noNativeStat = true;
            return FileKind.Regular;
        }
    }

#pragma warning disable SYSLIB1054, CA5392, CA2101 // A runtime library, found by the runtime itself; the path is marshalled as UTF-8.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", ExactSpelling = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);
#pragma warning restore SYSLIB1054, CA5392, CA2101

    /// <summary>The problem for a path that is not a regular file, or <c>null</c>.</summary>
    public static ImportProblem? Refusal(string path, string source, FileKind kind) => kind switch
    {
        FileKind.DanglingLink => new ImportProblem("dangling-link", source, null, null, null, new(
            "这是一个符号链接，但它指向的文件不存在。", "This is a symbolic link whose target does not exist.")),
        FileKind.Other => new ImportProblem("not-a-file", source, null, null, null, new(
            "不是普通文件（可能是命名管道、设备或套接字），未打开。", "Not a regular file (a named pipe, device or socket); it was not opened.")),
        FileKind.Missing => new ImportProblem("not-found", source, null, null, null, new("文件不存在。", "No such file.")),
        _ => null,
    };
}
