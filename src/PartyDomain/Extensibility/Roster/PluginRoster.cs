namespace PartyDomain.Extensibility.Roster;

// Which plugins shaped a registration: data the plugin host writes and reports read. It depends on nothing of the
// builder, so reporting can name the plugins behind a document without importing the composition root.

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
/// were found but did not load. A plugin host fills it in (<c>PartyDomainBuilder.Plugins</c>, from <c>PartyDomain.Hosting</c>); it is registered
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
