using PartyDomain.Extensibility;
using PartyDomain.Extensibility.Plugins;
using PartyDomain.Extensibility.Roster;

namespace PartyDomain.Hosting;

/// <summary>
/// What a plugin registered, found by comparing the builder before and after its <c>Register</c>: whatever is new or
/// changed (an added or replaced rule, a renamed indicator) counts, by reference or value.
/// </summary>
internal sealed class PluginContributions
{
    private readonly HashSet<object> _objects = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<object> _values = [];
    private readonly object _policy;

    private PluginContributions(PartyDomainBuilder builder)
    {
        _objects.UnionWith(builder.Rules);
        _objects.UnionWith(builder.StudyCreditConverters);
        _objects.UnionWith(builder.DatasetContributors);
        _objects.UnionWith(builder.ImportTables);
        _objects.UnionWith(builder.ReportSections);
        _objects.UnionWith(builder.RuleDefaults);
        _values.UnionWith(builder.Indicators.All);
        _values.UnionWith(builder.ActivityKinds.Names.Select(n => (object)n));
        _policy = builder.DuesBasePolicy;
    }

    public static PluginContributions Before(PartyDomainBuilder builder) => new(builder);

    /// <summary>What <paramref name="builder"/> holds now that it did not before, in the order of <see cref="PluginContributionKind"/>.</summary>
    public IReadOnlyList<PluginContribution> Since(PartyDomainBuilder builder)
    {
        var found = new List<PluginContribution>();
        Add(PluginContributionKind.Rule, builder.Rules.Where(New).Select(r => r.Id.ToString()));
        Add(PluginContributionKind.RuleDefault, builder.RuleDefaults.Where(New).Select(d => $"{d.Id}.{d.Parameter}"));
        Add(PluginContributionKind.Indicator, builder.Indicators.All.Where(i => !_values.Contains(i)).Select(i => i.Code.Value));
        Add(PluginContributionKind.ActivityKind, builder.ActivityKinds.Names.Where(n => !_values.Contains(n)).Select(n => n.Key.Code));
        Add(PluginContributionKind.StudyCreditConverter, builder.StudyCreditConverters.Where(New).Select(c => c.Platform));
        Add(PluginContributionKind.DatasetContributor, builder.DatasetContributors.Where(New).Select(c => c.Id));
        Add(PluginContributionKind.ImportTable, builder.ImportTables.Where(New).Select(t => t.Name));
        Add(PluginContributionKind.ReportSection, builder.ReportSections.Where(New).Select(s => s.Id));
        if (!ReferenceEquals(builder.DuesBasePolicy, _policy))
        {
            found.Add(new(PluginContributionKind.DuesBasePolicy, "dues-base-policy"));
        }

        return found;

        void Add(PluginContributionKind kind, IEnumerable<string> ids) => found.AddRange(ids.Select(id => new PluginContribution(kind, id)));
    }

    private bool New(object item) => !_objects.Contains(item);
}
