using System.Text;
using PartyDomain.Extensibility.Plugins;

namespace PartyDomain.Hosting;

/// <summary>What became of a plugin.</summary>
public enum PluginLoadStatus
{
    /// <summary>Loaded and registered.</summary>
    Loaded,

    /// <summary>Refused by policy before it registered anything (version, trust, id, dependencies).</summary>
    Rejected,

    /// <summary>Tried and broke (bad file, missing assembly, an exception while registering).</summary>
    Failed,
}

/// <summary>Why a plugin did not load.</summary>
public enum PluginLoadReason
{
    /// <summary>It loaded.</summary>
    None,

    /// <summary>The folder, or a plugin assembly in it, was not found.</summary>
    NotFound,

    /// <summary>The assembly is not a valid .NET assembly.</summary>
    BadImage,

    /// <summary>Its folder's manifest hash is not on the trust list.</summary>
    UntrustedHash,

    /// <summary>It does not reference PartyDomain, or has no single plugin class.</summary>
    NotAPlugin,

    /// <summary>It was compiled against a PartyDomain of another major version or a newer minor version than the host's.</summary>
    IncompatibleVersion,

    /// <summary>An assembly it needs is not in its folder.</summary>
    MissingAssembly,

    /// <summary>Its manifest has no valid id.</summary>
    InvalidManifest,

    /// <summary>Another plugin with the same id was loaded first.</summary>
    DuplicateId,

    /// <summary>A plugin it depends on is not loaded.</summary>
    MissingDependency,

    /// <summary>It depends on itself through other plugins.</summary>
    DependencyCycle,

    /// <summary>It threw while being created or while registering; nothing it registered was kept.</summary>
    RegistrationFailed,

    /// <summary>A file in its folder could not be read, so its manifest hash and metadata could not be checked.</summary>
    Unreadable,
}

/// <summary>One plugin folder and what became of it.</summary>
/// <param name="Folder">The plugin's folder.</param>
/// <param name="Status">Loaded, rejected or failed.</param>
/// <param name="Reason">Why it did not load; <see cref="PluginLoadReason.None"/> when it did.</param>
/// <param name="Message">The reason in plain words, naming the plugin.</param>
public sealed record PluginLoadEntry(string Folder, PluginLoadStatus Status, PluginLoadReason Reason, LocalizedText Message)
{
    /// <summary>The plugin's assembly, when one was found.</summary>
    public string? AssemblyPath { get; init; }

    /// <summary>
    /// The plugin folder's manifest hash (lower-case hex SHA-256 over every file in the folder, see
    /// <see cref="PluginHost.HashFolder"/>): what the trust list holds.
    /// </summary>
    public string? Sha256 { get; init; }

    /// <summary>The PartyDomain version the plugin was compiled against, read from its assembly metadata.</summary>
    public Version? CompiledAgainst { get; init; }

    /// <summary>The plugin's manifest, once its code was allowed to run.</summary>
    public PluginManifest? Manifest { get; init; }

    /// <summary>The plugin's id when known, else its folder's name.</summary>
    public string Name => Manifest?.Id ?? Path.GetFileName(Folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
}

/// <summary>Every plugin the host found, in load order, with what became of it.</summary>
/// <param name="HostVersion">The host's PartyDomain version plugins were checked against.</param>
/// <param name="Entries">One entry per plugin folder.</param>
public sealed record PluginLoadReport(Version HostVersion, IReadOnlyList<PluginLoadEntry> Entries)
{
    /// <summary>The plugins that loaded.</summary>
    public IEnumerable<PluginLoadEntry> Loaded => Entries.Where(e => e.Status == PluginLoadStatus.Loaded);

    /// <summary>The plugins that did not load.</summary>
    public IEnumerable<PluginLoadEntry> Problems => Entries.Where(e => e.Status != PluginLoadStatus.Loaded);

    /// <summary>The report as plain text, one line per plugin.</summary>
    /// <param name="language">The language.</param>
    public string Describe(TextLanguage language = TextLanguage.Chinese)
    {
        var text = new StringBuilder();
        foreach (var entry in Entries)
        {
            var status = (entry.Status, language) switch
            {
                (PluginLoadStatus.Loaded, TextLanguage.Chinese) => "已加载",
                (PluginLoadStatus.Rejected, TextLanguage.Chinese) => "已拒绝",
                (PluginLoadStatus.Failed, TextLanguage.Chinese) => "加载失败",
                _ => entry.Status.ToString().ToLowerInvariant(),
            };
            text.Append(entry.Name).Append(" [").Append(status).Append("] ").AppendLine(entry.Message.In(language));
        }

        return text.ToString();
    }
}

/// <summary>Thrown when <see cref="PluginHostOptions.FailFast"/> is set and a plugin does not load.</summary>
public sealed class PluginLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginLoadException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public PluginLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PluginLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the plugin that stopped the load.</summary>
    /// <param name="report">The report up to and including that plugin.</param>
    /// <param name="innerException">The plugin's exception, or <c>null</c> when it did not throw.</param>
    public PluginLoadException(PluginLoadReport report, Exception? innerException)
        : base($"A plugin did not load and PartyDomain:PluginHost:FailFast is set. {report?.Entries[^1].Message.In(TextLanguage.English)}", innerException)
    {
        Report = report;
    }

    /// <summary>The report up to and including the plugin that stopped the load.</summary>
    public PluginLoadReport? Report { get; }
}
