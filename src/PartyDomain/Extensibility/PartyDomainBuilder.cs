using Microsoft.Extensions.DependencyInjection;
using PartyDomain.BasicSystems;
using PartyDomain.Metrics;
using PartyDomain.Training;
using PartyDomain.Dues;
using PartyDomain.Development;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;

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

    internal PartyDomainBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The activity kinds and their names; a city adds its own with <see cref="AddActivityKind"/>.</summary>
    public ActivityKindCatalog ActivityKinds { get; } = ActivityKindCatalog.CreateDefault();

    /// <summary>
    /// The indicators the city counts: the built-in catalog, which a city renames, hides, replaces or extends here
    /// (<see cref="IndicatorCatalog.Add"/>, <see cref="IndicatorCatalog.Replace"/>, <see cref="IndicatorCatalog.Hide"/>).
    /// Give it to <see cref="Data.CityDatasetBuilder.Indicators"/> so service records are checked against it.
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
            throw new RuleConfigurationException(
                $"A rule with id '{rule.Id}' is already registered ({existing.GetType().FullName}); call ReplaceRule to replace it.");
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

    internal void AddDefaults()
    {
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
