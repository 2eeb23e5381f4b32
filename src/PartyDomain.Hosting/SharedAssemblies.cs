using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PartyDomain.Hosting;

/// <summary>An assembly a plugin references at a newer version than the one the host will give it.</summary>
/// <param name="File">The plugin's assembly that holds the reference, relative to its folder.</param>
/// <param name="Name">The referenced assembly.</param>
/// <param name="Referenced">The version the plugin was built against.</param>
/// <param name="Host">The version the host has.</param>
/// <param name="HostPackage">The host's package version of it (its informational version), for the advice.</param>
/// <param name="Framework">Whether it belongs to .NET itself rather than to a package.</param>
internal sealed record NewerReference(string File, string Name, Version Referenced, Version Host, string HostPackage, bool Framework);

/// <summary>
/// The assemblies a plugin gets from the host instead of its own folder, and their versions, read from the files'
/// metadata (nothing is loaded): the shared contract assemblies (PartyDomain, NodaTime, the Microsoft.Extensions
/// abstractions) with everything they reference outside .NET, which the load context always takes from the host, and
/// every other assembly of the host's that a plugin uses without shipping it. A plugin built against a newer version
/// of one of them passes every other check and then fails with <see cref="MissingMethodException"/> at run time.
/// </summary>
internal sealed class SharedAssemblies
{
    private static readonly Lazy<SharedAssemblies> HostInstance = new(() => new SharedAssemblies(
        McMasterPluginAssemblyLoader.SharedTypes.Select(t => t.Assembly.GetName().Name!),
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries),
        Path.GetDirectoryName(typeof(object).Assembly.Location)!));

    private readonly Dictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (Version Version, string Package)?> _versions = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _shared = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _frameworkDirectory;

    private SharedAssemblies(IEnumerable<string> roots, IEnumerable<string> hostAssemblies, string frameworkDirectory)
    {
        _frameworkDirectory = frameworkDirectory;
        foreach (var path in hostAssemblies)
        {
            _paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        // The shared roots and what they reference outside .NET, transitively: the load context resolves all of them from the host.
        var pending = new Queue<string>(roots);
        while (pending.TryDequeue(out var name))
        {
            if (!_paths.TryGetValue(name, out var path) || IsFramework(path) || !_shared.Add(name))
            {
                continue;
            }

            foreach (var reference in References(path))
            {
                pending.Enqueue(reference.Name!);
            }
        }
    }

    /// <summary>The host's: the process's trusted platform assemblies and the loader's shared types.</summary>
    public static SharedAssemblies Host => HostInstance.Value;

    /// <summary>Every reference of every assembly in <paramref name="folder"/> that the host resolves to an older version than referenced.</summary>
    /// <param name="folder">The plugin's folder.</param>
    /// <param name="partyDomain">PartyDomain's assembly name, checked by its own rule (<paramref name="partyDomainCompatible"/>).</param>
    /// <param name="partyDomainCompatible">Whether a referenced PartyDomain version runs on the host's.</param>
    public IReadOnlyList<NewerReference> NewerThanHost(string folder, string partyDomain, Func<Version, bool> partyDomainCompatible)
    {
        var assemblies = new List<(string Relative, List<AssemblyName> References)>();
        var shipped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(folder, "*.dll", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (ReadAssembly(path) is { } read)
            {
                shipped.Add(read.Name);
                assemblies.Add((Path.GetRelativePath(folder, path), read.References));
            }
        }

        var problems = new List<NewerReference>();
        foreach (var (relative, references) in assemblies)
        {
            foreach (var reference in references)
            {
                var name = reference.Name!;
                var version = reference.Version ?? new Version(0, 0);
                // A private copy in the folder is the plugin's own business, unless the load context ignores it (shared).
                if ((shipped.Contains(name) && !_shared.Contains(name)) || HostVersion(name) is not { } host)
                {
                    continue;
                }

                var tooNew = string.Equals(name, partyDomain, StringComparison.OrdinalIgnoreCase) ? !partyDomainCompatible(version) : version > host.Version;
                if (tooNew && !problems.Exists(p => p.Name == name && p.Referenced == version))
                {
                    problems.Add(new NewerReference(relative, name, version, host.Version, host.Package, IsFramework(_paths[name])));
                }
            }
        }

        return problems;
    }

    private (Version Version, string Package)? HostVersion(string name)
    {
        lock (_versions)
        {
            if (!_versions.TryGetValue(name, out var known))
            {
                known = _paths.TryGetValue(name, out var path) && File.Exists(path) ? Read(path) : null;
                _versions[name] = known;
            }

            return known;
        }

        static (Version, string)? Read(string path)
        {
            try
            {
                var version = AssemblyName.GetAssemblyName(path).Version ?? new Version(0, 0);
                var package = FileVersionInfo.GetVersionInfo(path).ProductVersion?.Split('+')[0];
                return (version, string.IsNullOrEmpty(package) ? version.ToString(3) : package);
            }
            catch (Exception e) when (e is BadImageFormatException or IOException)
            {
                return null;
            }
        }
    }

    private bool IsFramework(string path) => path.StartsWith(_frameworkDirectory, StringComparison.Ordinal);

    // The name and references of a .NET assembly; null for a native library or anything else without metadata.
    private static (string Name, List<AssemblyName> References)? ReadAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return null;
            }

            var reader = pe.GetMetadataReader();
            if (!reader.IsAssembly)
            {
                return null;
            }

            var references = new List<AssemblyName>();
            foreach (var handle in reader.AssemblyReferences)
            {
                references.Add(reader.GetAssemblyReference(handle).GetAssemblyName());
            }

            return (reader.GetString(reader.GetAssemblyDefinition().Name), references);
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    private static List<AssemblyName> References(string path) => ReadAssembly(path)?.References ?? [];
}
