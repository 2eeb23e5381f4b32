using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace PartyDomain.Hosting;

/// <summary>What the host reads from a plugin's file without running any of its code.</summary>
internal static class PluginMetadata
{
    /// <summary>
    /// The folder's manifest hash: every file under <paramref name="folder"/>, sub-folders included, hidden files
    /// included, as a line <c>{sha256-hex}  {relative/path}\n</c> (the format of <c>sha256sum</c>), the lines sorted by
    /// the path's UTF-8 bytes with '/' as separator; the hash is the lower-case hex SHA-256 of those lines in UTF-8.
    /// Every file counts, not only assemblies, because the loader reads more than the main assembly: private
    /// dependencies, <c>*.deps.json</c>, native libraries under <c>runtimes/</c>, satellite assemblies.
    /// </summary>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file or sub-folder cannot be read.</exception>
    public static string FolderHash(string folder)
    {
        var root = Path.GetFullPath(folder);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var files = Directory.EnumerateFiles(root, "*", options)
            .Select(f => (Path: f, Key: Encoding.UTF8.GetBytes(System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'))))
            .ToList();
        files.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        using var manifest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        foreach (var (path, key) in files)
        {
            using (var stream = File.OpenRead(path))
            {
                SHA256.HashData(stream, digest);
            }

            manifest.AppendData(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(digest)));
            manifest.AppendData("  "u8);
            manifest.AppendData(key);
            manifest.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(manifest.GetHashAndReset());
    }

    /// <summary>
    /// The version of PartyDomain the assembly references, or <c>null</c> when it references none.
    /// </summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static Version? ReferencedPartyDomain(string path, string partyDomainName)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException("The file has no .NET metadata.", path);
        }

        var reader = pe.GetMetadataReader();
        if (!reader.IsAssembly)
        {
            throw new BadImageFormatException("The file is a module, not an assembly.", path);
        }

        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            if (reader.StringComparer.Equals(reference.Name, partyDomainName))
            {
                return reference.Version;
            }
        }

        return null;
    }

    /// <summary>Whether a plugin compiled against <paramref name="plugin"/> runs on <paramref name="host"/>: same major, not a newer minor.</summary>
    public static bool IsCompatible(Version host, Version plugin) => plugin.Major == host.Major && plugin.Minor <= host.Minor;
}
