namespace PartyDomain.Extensibility.Plugins;

/// <summary>
/// A city plugin (城市插件): one public class with a parameterless constructor in the plugin's assembly. The host
/// reads its <see cref="Manifest"/> and calls <see cref="Register"/> once, with the same
/// <see cref="PartyDomainBuilder"/> the library's built-ins were registered through.
/// </summary>
/// <remarks>
/// Plugins are full-trust code running in the host's process. A host controls what runs through its folders and,
/// in strict deployments, a SHA-256 trust list.
/// </remarks>
public interface IPartyDomainPlugin
{
    /// <summary>Who the plugin is: id, version, names, region and the plugins it depends on.</summary>
    PluginManifest Manifest { get; }

    /// <summary>
    /// Registers what the plugin brings (rules, rule defaults, indicators, activity kinds, converters, dataset
    /// contributors, a dues base policy) through <see cref="PluginContext.Builder"/>.
    /// </summary>
    /// <param name="context">The builder, and the plugin's options bound from the host's configuration.</param>
    void Register(PluginContext context);
}

/// <summary>A plugin's identity.</summary>
public sealed record PluginManifest
{
    /// <summary>The plugin's id: lower-case letters, digits, '-' and '.', unique among loaded plugins, for example <c>xuexi-qiangguo</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The plugin's own version, for example <c>1.2.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The name shown to users.</summary>
    public required LocalizedText DisplayName { get; init; }

    /// <summary>The city or region it serves, for example <c>信阳市</c>; empty for a platform connector any city can use.</summary>
    public string Region { get; init; } = string.Empty;

    /// <summary>What it brings.</summary>
    public LocalizedText Description { get; init; } = new(string.Empty, string.Empty);

    /// <summary>The ids of plugins that must be loaded (and registered) before this one.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>Whether <paramref name="id"/> is a well-formed plugin id.</summary>
    /// <param name="id">The id.</param>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && char.IsAsciiLetterLower(id[0])
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.');
}

/// <summary>What a plugin registers with: the builder and its own options.</summary>
public abstract class PluginContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="builder">The builder the plugin registers through.</param>
    /// <param name="manifest">The plugin's manifest.</param>
    protected PluginContext(PartyDomainBuilder builder, PluginManifest manifest)
    {
        Builder = builder ?? throw new ArgumentNullException(nameof(builder));
        Manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
    }

    /// <summary>The builder the library's built-ins were registered through.</summary>
    public PartyDomainBuilder Builder { get; }

    /// <summary>The plugin's manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>The host configuration section the plugin's options are bound from, <c>PartyDomain:Plugins:{id}</c>.</summary>
    public string ConfigurationPath => $"PartyDomain:Plugins:{Manifest.Id}";

    /// <summary>
    /// The plugin's options bound from <see cref="ConfigurationPath"/> (defaults when the section is absent); they are
    /// also registered so services can take <c>IOptions&lt;TOptions&gt;</c>.
    /// </summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    public abstract TOptions GetOptions<TOptions>()
        where TOptions : class, new();
}

/// <summary>A plugin that shaped the results: the host loaded it and it registered.</summary>
/// <param name="Id">The plugin's id.</param>
/// <param name="Version">The plugin's version, from its manifest.</param>
/// <param name="DisplayName">The name shown to users.</param>
public sealed record LoadedPlugin(string Id, string Version, LocalizedText DisplayName)
{
    /// <summary>The ids of the report sections the plugin added or replaced, so a section that fails can be traced to it.</summary>
    public IReadOnlyList<string> ReportSections { get; init; } = [];

    /// <summary>
    /// What the plugin registered (added or replaced), in a fixed order of kinds, so a report can say what each plugin
    /// shaped and the host can name the plugin behind a connector or table that fails.
    /// </summary>
    public IReadOnlyList<PluginContribution> Contributions { get; init; } = [];

    /// <summary><c>id version</c>, as reports name it.</summary>
    public override string ToString() => $"{Id} {Version}";
}

/// <summary>What kind of thing a plugin registered.</summary>
public enum PluginContributionKind
{
    /// <summary>A rule, added or replaced (its id).</summary>
    Rule,

    /// <summary>A tuned rule default (<c>RULE-ID.Parameter</c>).</summary>
    RuleDefault,

    /// <summary>An indicator, added or changed (its code).</summary>
    Indicator,

    /// <summary>An activity kind, added or renamed (its code).</summary>
    ActivityKind,

    /// <summary>A study platform's credit converter (the platform).</summary>
    StudyCreditConverter,

    /// <summary>A platform connector (its id, as <c>import --from</c> takes it).</summary>
    DatasetContributor,

    /// <summary>A table of the import format (its name).</summary>
    ImportTable,

    /// <summary>A report section, added or replaced (its id).</summary>
    ReportSection,

    /// <summary>The dues base policy.</summary>
    DuesBasePolicy,
}

/// <summary>One thing a plugin registered.</summary>
/// <param name="Kind">What kind of thing.</param>
/// <param name="Id">Its id, code or name.</param>
public sealed record PluginContribution(PluginContributionKind Kind, string Id);

/// <summary>A plugin the host found and did not load: rejected by policy or failed.</summary>
/// <param name="Name">The plugin's id when known, else its folder's name.</param>
/// <param name="Reason">Why, in plain words, with what to do next.</param>
public sealed record NotLoadedPlugin(string Name, LocalizedText Reason);

/// <summary>
/// The plugins behind a registration: which loaded (and so shaped every result and report made with it) and which
/// were found but did not load. A plugin host fills it in (<see cref="PartyDomainBuilder.Plugins"/>); it is registered
/// as a service, so a report can name the plugins that shaped it. Empty when no plugin host ran.
/// </summary>
public sealed class PluginRoster
{
    /// <summary>Creates a roster.</summary>
    /// <param name="loaded">The plugins that loaded, in load order.</param>
    /// <param name="notLoaded">The plugins found but not loaded.</param>
    public PluginRoster(IEnumerable<LoadedPlugin> loaded, IEnumerable<NotLoadedPlugin> notLoaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(notLoaded);
        Loaded = loaded.ToArray();
        NotLoaded = notLoaded.ToArray();
    }

    /// <summary>No plugins: what a registration without a plugin host has.</summary>
    public static PluginRoster None { get; } = new([], []);

    /// <summary>The plugins that loaded, in load order.</summary>
    public IReadOnlyList<LoadedPlugin> Loaded { get; }

    /// <summary>The plugins found but not loaded.</summary>
    public IReadOnlyList<NotLoadedPlugin> NotLoaded { get; }

    /// <summary>The loaded plugin that added or replaced the report section <paramref name="sectionId"/>; <c>null</c> for the library's own.</summary>
    /// <param name="sectionId">The section's id.</param>
    public LoadedPlugin? SectionOwner(string sectionId) =>
        Loaded.LastOrDefault(p => p.ReportSections.Contains(sectionId, StringComparer.OrdinalIgnoreCase));

    /// <summary>The loaded plugin that registered <paramref name="id"/> of <paramref name="kind"/> last; <c>null</c> for the library's own.</summary>
    /// <param name="kind">What kind of thing.</param>
    /// <param name="id">Its id, code or name (compared ignoring case).</param>
    public LoadedPlugin? OwnerOf(PluginContributionKind kind, string id) =>
        Loaded.LastOrDefault(p => p.Contributions.Any(c => c.Kind == kind && string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase)));

    /// <summary>This roster with <paramref name="other"/>'s plugins after its own (a second plugin load into one registration).</summary>
    /// <param name="other">The later roster.</param>
    public PluginRoster Then(PluginRoster other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Loaded.Concat(other.Loaded), NotLoaded.Concat(other.NotLoaded));
    }
}
