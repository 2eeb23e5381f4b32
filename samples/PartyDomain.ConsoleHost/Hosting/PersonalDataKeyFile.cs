using System.Security.Cryptography;

namespace PartyDomain.ConsoleHost.Hosting;

/// <summary>
/// The host's own key for personal data at rest when <c>Host:PersonalDataKey</c> is not configured: 32 random bytes in
/// Base64 in a file beside the data file, readable and writable by its owner only. It keeps ID numbers and phones out
/// of copies and dumps of the database; whoever can read the key file can read them, so a bureau that moves the
/// database elsewhere configures the key instead.
/// </summary>
internal static class PersonalDataKeyFile
{
    public static string ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return File.ReadAllText(path).Trim();
        }

        return key;
    }
}
