using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Rules;

namespace PartyDomain.Organization.Structure;

/// <summary>The result of a structure check: every finding, and the rule settings it ran with.</summary>
/// <param name="AsOf">The date checked.</param>
/// <param name="Findings">The findings, most serious first, then by rule and subject.</param>
/// <param name="Rules">Every rule with the settings it ran with (disabled ones included, marked so).</param>
public sealed record StructureCheckResult(LocalDate AsOf, IReadOnlyList<Finding> Findings, IReadOnlyList<EffectiveRule> Rules);

/// <summary>
/// Runs the structure and coverage rules (组织设置与覆盖检查) over a <see cref="CityDataset"/> as of a date.
/// The rules and their tuning come in through the constructor, so a city replaces, tunes or disables any rule by id.
/// </summary>
public sealed class StructureChecker
{
    private readonly IStructureRule[] _rules;
    private readonly RuleOptions _options;

    /// <summary>
    /// Creates a checker. <c>AddPartyDomain</c> registers one with the registered structure rules;
    /// <c>PartyDomainEngines.Create</c> (PartyDomain.Testing) builds the same without a container.
    /// </summary>
    /// <param name="rules">The rules to run; ids must be unique.</param>
    /// <param name="options">Their tuning.</param>
    /// <exception cref="RuleConfigurationException">Two rules share an id, or the options name an unknown parameter.</exception>
    public StructureChecker(IEnumerable<IStructureRule> rules, IOptions<RuleOptions> options)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        _rules = rules.ToArray();
        _options = options.Value;
        var clash = _rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new RuleConfigurationException($"Two structure rules share the id '{clash.Key}': {string.Join(", ", clash.Select(r => r.GetType().FullName))}.");
        }

        // Resolve once up front so a bad parameter name fails at start-up, not in the middle of a report.
        foreach (var rule in _rules)
        {
            _options.Resolve(rule);
        }
    }

    /// <summary>The rules this checker runs.</summary>
    public IReadOnlyList<IStructureRule> Rules => _rules;

    /// <summary>Checks the structure of <paramref name="dataset"/> as of <paramref name="asOf"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="asOf">The date to check.</param>
    public StructureCheckResult Check(CityDataset dataset, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var context = new StructureContext(dataset, asOf);
        var findings = new List<Finding>();
        var used = new List<EffectiveRule>(_rules.Length);
        foreach (var rule in _rules)
        {
            var settings = _options.Resolve(rule);
            used.Add(settings);
            if (settings.Enabled)
            {
                rule.Evaluate(context, settings, findings);
            }
        }

        var ordered = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId.Value, StringComparer.Ordinal)
            .ThenBy(f => f.Subject.Id, StringComparer.Ordinal)
            .ToArray();
        return new StructureCheckResult(asOf, ordered, used);
    }
}

/// <summary>The default structure and coverage rules, with the numbers of <c>domain.md</c> §2.</summary>
public static class DefaultStructureRules
{
    /// <summary>New instances of every default structure rule.</summary>
    public static IReadOnlyList<IStructureRule> Create() =>
    [
        new FirmOwnBranchRule(),
        new FirmCoveredRule(),
        new FirmPartyWorkRule(),
        new BranchCommitteeRule(),
        new CommitteeSizeRule(),
        new BranchSizeRule(),
        new JointBranchFirmsRule(),
        new CommitteeTermRule(),
        new SecretaryStandingRule(),
        new RegistrationFollowsFirmRule(),
    ];
}
