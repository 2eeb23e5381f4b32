using Microsoft.Extensions.DependencyInjection;
using PartyDomain.BasicSystems;
using PartyDomain.Metrics;
using PartyDomain.Training;
using PartyDomain.Dues;
using PartyDomain.Development;
using PartyDomain.Organization.Structure;
using PartyDomain.Governance;
using PartyDomain.Reporting;
using PartyDomain.Rules;
using PartyDomain.Data;

namespace PartyDomain.Extensibility;

/// <summary>
/// What the library registers into a service collection, and the one place its extension points are filled: the
/// library's own defaults go in through the same methods a city plugin calls, so each can be seen, replaced or
/// removed by id.
/// </summary>
public sealed class PartyDomainBuilder
{
    private readonly List<IRule> _rules = [];
    private readonly List<IStudyCreditConverter> _converters = [];
    private readonly List<IReportSection> _sections = [];
    private readonly List<IDatasetContributor> _contributors = [];
    private readonly List<RuleDefault> _ruleDefaults = [];
    private readonly List<ImportTable> _importTables = [];

    internal PartyDomainBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The activity kinds and their names; a city adds its own with <see cref="AddActivityKind"/>.</summary>
    public ActivityKindCatalog ActivityKinds { get; } = ActivityKindCatalog.CreateDefault();

    /// <summary>
    /// The indicators the city counts: the built-in catalog, which a city renames, hides, replaces or extends here
    /// (<see cref="IndicatorCatalog.Add"/>, <see cref="IndicatorCatalog.Replace"/>, <see cref="IndicatorCatalog.Hide"/>).
    /// Give it to the dataset builder (<see cref="BuilderIndicators"/>) so service records are checked against it.
    /// </summary>
    public IndicatorCatalog Indicators { get; } = IndicatorCatalog.CreateDefault();

    /// <summary>Every registered rule of every family, in registration order.</summary>
    public IReadOnlyList<IRule> Rules => _rules;

    /// <summary>Adds a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <exception cref="RuleConfigurationException">A rule with the same id is already registered; use <see cref="ReplaceRule"/>.</exception>
    public PartyDomainBuilder AddRule(IRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (FindRule(rule.Id) is { } existing)
        {
            throw new RuleConfigurationException(new LocalizedText(
                $"id 为“{rule.Id}”的规则已注册（{existing.GetType().FullName}）；要替换它请调用 ReplaceRule，要另加一条规则请换一个 id",
                $"A rule with id '{rule.Id}' is already registered ({existing.GetType().FullName}); call ReplaceRule to replace it, or choose another id for a new rule."));
        }

        _rules.Add(rule);
        return this;
    }

    /// <summary>Replaces the rule with the same id as <paramref name="rule"/>, or adds it when there is none.</summary>
    /// <param name="rule">The new rule.</param>
    public PartyDomainBuilder ReplaceRule(IRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var index = _rules.FindIndex(r => r.Id == rule.Id);
        if (index < 0)
        {
            _rules.Add(rule);
        }
        else
        {
            _rules[index] = rule;
        }

        return this;
    }

    /// <summary>Removes the rule with <paramref name="id"/>, if registered.</summary>
    /// <param name="id">The rule's id.</param>
    /// <returns>Whether a rule was removed.</returns>
    public bool RemoveRule(RuleId id) => _rules.RemoveAll(r => r.Id == id) > 0;

    /// <summary>The registered rule with <paramref name="id"/>, or <c>null</c>.</summary>
    /// <param name="id">The rule's id.</param>
    public IRule? FindRule(RuleId id) => _rules.Find(r => r.Id == id);

    /// <summary>Adds an activity kind, or renames one.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="name">Its name.</param>
    public PartyDomainBuilder AddActivityKind(ActivityKind kind, LocalizedText name)
    {
        ActivityKinds.Add(kind, name);
        return this;
    }

    /// <summary>Adds an indicator.</summary>
    /// <param name="indicator">The definition.</param>
    /// <exception cref="ArgumentException">An indicator with the same code exists.</exception>
    public PartyDomainBuilder AddIndicator(IndicatorDefinition indicator)
    {
        Indicators.Add(indicator);
        return this;
    }

    /// <summary>The dues base policy; the national one unless a city replaces it with <see cref="UseDuesBasePolicy"/>.</summary>
    public IDuesBasePolicy DuesBasePolicy { get; private set; } = new NationalDuesBasePolicy();

    /// <summary>Replaces the dues base policy (for example a district's social-insurance base).</summary>
    /// <param name="policy">The policy.</param>
    public PartyDomainBuilder UseDuesBasePolicy(IDuesBasePolicy policy)
    {
        DuesBasePolicy = policy ?? throw new ArgumentNullException(nameof(policy));
        return this;
    }

    /// <summary>The study-credit converters, one per platform.</summary>
    public IReadOnlyList<IStudyCreditConverter> StudyCreditConverters => _converters;

    /// <summary>Adds the converter of a study platform's credits into hours, replacing any other for the same platform.</summary>
    /// <param name="converter">The converter.</param>
    public PartyDomainBuilder AddStudyCreditConverter(IStudyCreditConverter converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        _converters.RemoveAll(c => string.Equals(c.Platform, converter.Platform, StringComparison.OrdinalIgnoreCase));
        _converters.Add(converter);
        return this;
    }

    /// <summary>The platform connectors that read exports into a <see cref="CityDatasetBuilder"/>, in registration order.</summary>
    public IReadOnlyList<IDatasetContributor> DatasetContributors => _contributors;

    /// <summary>Adds a platform connector.</summary>
    /// <param name="contributor">The contributor.</param>
    /// <exception cref="ArgumentException">A contributor with the same id is already registered.</exception>
    public PartyDomainBuilder AddDatasetContributor(IDatasetContributor contributor)
    {
        ArgumentNullException.ThrowIfNull(contributor);
        if (_contributors.Exists(c => string.Equals(c.Id, contributor.Id, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"A dataset contributor with id '{contributor.Id}' is already registered.", nameof(contributor));
        }

        _contributors.Add(contributor);
        return this;
    }

    /// <summary>The tables plugins added to the import format, in registration order.</summary>
    public IReadOnlyList<ImportTable> ImportTables => _importTables;

    /// <summary>
    /// Adds a table to the import format (a CSV file, sheet or JSON array of its own name), read with the same checks
    /// and row-level problems as the built-in tables; see <see cref="ImportTable"/>.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <exception cref="ArgumentException">A table with the same English or Chinese name is already registered.</exception>
    public PartyDomainBuilder AddImportTable(ImportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (_importTables.Find(t => string.Equals(t.Name, table.Name, StringComparison.OrdinalIgnoreCase) || t.ChineseName == table.ChineseName) is { } existing)
        {
            throw new ArgumentException($"An import table named '{existing.Name}' ({existing.ChineseName}) is already registered.", nameof(table));
        }

        _importTables.Add(table);
        return this;
    }

    /// <summary>The rule parameters whose defaults a city changed with <see cref="SetRuleDefault"/>, in the order set.</summary>
    public IReadOnlyList<RuleDefault> RuleDefaults => _ruleDefaults;

    /// <summary>
    /// Changes the default of one parameter of a registered rule, by rule id: a city's tuned default (for example the
    /// secretary lecturing twice a year). Configuration bound to <see cref="RuleOptions"/> and
    /// <see cref="ConfigureRules"/> still override it; results list the value each rule ran with.
    /// </summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="parameter">The parameter's name.</param>
    /// <param name="value">The new default.</param>
    /// <exception cref="RuleConfigurationException">No rule has that id, or the rule has no such parameter.</exception>
    public PartyDomainBuilder SetRuleDefault(RuleId id, string parameter, int value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
        var rule = FindRule(id) ?? throw new RuleConfigurationException($"Cannot change a default of rule '{id}': no rule has that id.");
        var known = rule.Parameters.FirstOrDefault(p => string.Equals(p.Name, parameter, StringComparison.OrdinalIgnoreCase))
            ?? throw new RuleConfigurationException($"Rule '{id}' has no parameter '{parameter}'; its parameters are: {string.Join(", ", rule.Parameters.Select(p => p.Name))}.");
        _ruleDefaults.RemoveAll(d => d.Id == id && string.Equals(d.Parameter, known.Name, StringComparison.OrdinalIgnoreCase));
        _ruleDefaults.Add(new RuleDefault(id, known.Name, known.DefaultValue, value));
        return this;
    }

    /// <summary>Sets how compliance is evaluated; configuration bound to <see cref="ComplianceOptions"/> applies too.</summary>
    /// <param name="configure">Sets the options.</param>
    public PartyDomainBuilder ConfigureCompliance(Action<ComplianceOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Tunes rules in code; configuration bound to <see cref="RuleOptions"/> applies too.</summary>
    /// <param name="configure">Sets rule settings by id.</param>
    public PartyDomainBuilder ConfigureRules(Action<RuleOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>
    /// The plugins that registered through this builder and those found but not loaded, as the plugin host recorded
    /// them; registered as the <see cref="global::PartyDomain.Extensibility.Roster.PluginRoster"/> service, so reports can name the plugins that shaped them.
    /// </summary>
    /// <remarks>Set by the plugin host (<c>AddPlugins</c>) once it has loaded the plugins; an app that loads plugins its own way sets it too.</remarks>
    public global::PartyDomain.Extensibility.Roster.PluginRoster Plugins
    {
        get;
        set => field = value ?? throw new ArgumentNullException(nameof(value));
    } = global::PartyDomain.Extensibility.Roster.PluginRoster.None;

    /// <summary>The sections of the annual summary, built-in and added, in registration order (laid out by <see cref="IReportSection.Order"/>).</summary>
    public IReadOnlyList<IReportSection> ReportSections => _sections;

    /// <summary>The wording of the annual summary; a city replaces templates here (<see cref="ReportTemplates.Set"/>).</summary>
    public ReportTemplates ReportTemplates { get; } = ReportTemplates.CreateDefault();

    /// <summary>Adds a section to the annual summary, the same way the built-in sections are added.</summary>
    /// <param name="section">The section.</param>
    /// <exception cref="ArgumentException">A section with the same id is already registered; use <see cref="ReplaceReportSection"/>.</exception>
    public PartyDomainBuilder AddReportSection(IReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentException.ThrowIfNullOrWhiteSpace(section.Id, nameof(section));
        if (_sections.Find(s => string.Equals(s.Id, section.Id, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            throw new ArgumentException(
                $"A report section with id '{section.Id}' is already registered ({existing.GetType().FullName}); call ReplaceReportSection to replace it.", nameof(section));
        }

        _sections.Add(section);
        return this;
    }

    /// <summary>Replaces the report section with the same id as <paramref name="section"/>, or adds it when there is none.</summary>
    /// <param name="section">The new section.</param>
    public PartyDomainBuilder ReplaceReportSection(IReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var index = _sections.FindIndex(s => string.Equals(s.Id, section.Id, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            _sections.Add(section);
        }
        else
        {
            _sections[index] = section;
        }

        return this;
    }

    /// <summary>Removes the report section with <paramref name="id"/>, if registered.</summary>
    /// <param name="id">The section's id.</param>
    /// <returns>Whether a section was removed.</returns>
    public bool RemoveReportSection(string id) => _sections.RemoveAll(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase)) > 0;

    /// <summary>
    /// Remembers everything registered so far; the returned action puts it back, so a plugin that throws half-way
    /// through registering leaves nothing behind. The plugin host calls it around each plugin's registration; an app that
    /// runs registrations it does not trust can do the same.
    /// </summary>
    /// <returns>Undoes every registration made after this call.</returns>
    public Action Checkpoint()
    {
        var rules = _rules.ToArray();
        var converters = _converters.ToArray();
        var contributors = _contributors.ToArray();
        var tables = _importTables.ToArray();
        var defaults = _ruleDefaults.ToArray();
        var sections = _sections.ToArray();
        var templates = ReportTemplates.Clone();
        var policy = DuesBasePolicy;
        var indicators = Indicators.Clone();
        var kinds = ActivityKinds.Snapshot();
        var services = Services.Count;
        return () =>
        {
            Reset(_rules, rules);
            Reset(_converters, converters);
            Reset(_contributors, contributors);
            Reset(_importTables, tables);
            Reset(_ruleDefaults, defaults);
            Reset(_sections, sections);
            ReportTemplates.RestoreFrom(templates);
            DuesBasePolicy = policy;
            Indicators.RestoreFrom(indicators);
            ActivityKinds.RestoreFrom(kinds);
            while (Services.Count > services)
            {
                Services.RemoveAt(Services.Count - 1);
            }
        };
    }

    private static void Reset<T>(List<T> list, T[] items)
    {
        list.Clear();
        list.AddRange(items);
    }

    internal void AddDefaults()
    {
        foreach (var section in BuiltInReportSections.Create())
        {
            AddReportSection(section);
        }

        foreach (var rule in GovernanceRule.Defaults)
        {
            AddRule(rule);
        }

        foreach (var rule in DefaultStructureRules.Create())
        {
            AddRule(rule);
        }

        foreach (var rule in DefaultBasicSystemRules.Create())
        {
            AddRule(rule);
        }

        foreach (var rule in DefaultTrainingRequirements.Create())
        {
            AddRule(rule);
        }

        foreach (var rule in DuesRule.Defaults)
        {
            AddRule(rule);
        }

        foreach (var rule in AdmissionRule.Defaults)
        {
            AddRule(rule);
        }
    }
}

/// <summary>A rule parameter whose default a city changed (for example in a city plugin).</summary>
/// <param name="Id">The rule's id.</param>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="LibraryDefault">The library's default.</param>
/// <param name="Value">The city's default.</param>
public sealed record RuleDefault(RuleId Id, string Parameter, int LibraryDefault, int Value);
