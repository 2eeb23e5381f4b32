using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace PartyDomain.Hosting;

/// <summary>What the host reads from a plugin's file without running any of its code.</summary>
internal static class PluginMetadata
{
    /// <summary>The lower-case hex SHA-256 of the file.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
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
