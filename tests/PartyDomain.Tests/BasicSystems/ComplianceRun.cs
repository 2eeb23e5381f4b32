using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Tests.BasicSystems;

/// <summary>Runs a compliance evaluation of a <see cref="TestCity"/> and picks outcomes out of the result.</summary>
internal static class ComplianceRun
{
    /// <summary>
    /// Builds <paramref name="city"/> and evaluates <paramref name="period"/> with the default rules (or
    /// <paramref name="rules"/>), tuned by <paramref name="configure"/>, as of <paramref name="today"/> (default: the city's today).
    /// </summary>
    public static ComplianceResult Evaluate(TestCity city, ReportingPeriod period, Action<RuleOptions>? configure = null, int? partialPercent = null,
        LocalDate? today = null, string? root = null, IEnumerable<IBasicSystemRule>? rules = null) =>
        Evaluator(city, configure, partialPercent, today, rules).Evaluate(city.Build(), period, root is null ? null : TestCity.O(root));

    /// <summary>An evaluator over the default rules (or <paramref name="rules"/>) reading today from a fake clock.</summary>
    public static ComplianceEvaluator Evaluator(TestCity city, Action<RuleOptions>? configure = null, int? partialPercent = null, LocalDate? today = null,
        IEnumerable<IBasicSystemRule>? rules = null, int? horizonDays = null, Action<ComplianceOptions>? compliance = null)
    {
        var options = new RuleOptions();
        configure?.Invoke(options);
        var settings = new ComplianceOptions();
        compliance?.Invoke(settings);
        return Evaluator(city, options, settings, partialPercent, today, rules, horizonDays);
    }

    private static ComplianceEvaluator Evaluator(TestCity city, RuleOptions options, ComplianceOptions compliance, int? partialPercent, LocalDate? today,
        IEnumerable<IBasicSystemRule>? rules, int? horizonDays)
    {
        if (partialPercent is { } p)
        {
            compliance.PartialSlotMinimumPercent = p;
        }

        if (horizonDays is { } h)
        {
            compliance.ReminderHorizonDays = h;
        }

        return new ComplianceEvaluator(rules ?? DefaultBasicSystemRules.Create(), Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Options.Options.Create(compliance),
            (today is { } t ? TestCity.ClockAt(t) : city.Clock).InShanghai());
    }

    /// <summary>Only the default rules named.</summary>
    public static IReadOnlyList<IBasicSystemRule> Only(params RuleId[] ids) =>
        DefaultBasicSystemRules.Create().Where(r => ids.Contains(r.Id)).ToArray();

    /// <summary>The outcomes of <paramref name="organization"/> on <paramref name="rule"/>, slot by slot.</summary>
    public static IReadOnlyList<SlotOutcome> Of(this ComplianceResult result, string organization, RuleId rule) =>
        result.Outcomes(TestCity.O(organization), rule);

    /// <summary>The single result (outcome, found, expected) of an organization, rule and slot.</summary>
    public static SlotResult? Slot(this ComplianceResult result, string organization, RuleId rule, string slot) =>
        result.Results().SingleOrDefault(r => r.Organization.Id == TestCity.O(organization) && r.Rule.Id == rule && r.Slot.ToString() == slot);

    /// <summary>The misses of one organization on one rule, which must have run.</summary>
    public static IReadOnlyList<ComplianceMiss> MissesOf(this ComplianceResult result, string organization, RuleId rule)
    {
        PartyDomain.Tests.Rules.RuleRan.Check(result.Rules, rule);
        return result.Misses().Where(m => m.Finding.Subject.Id == organization && m.Finding.RuleId == rule).ToArray();
    }

    public static SlotOutcome[] Repeat(SlotOutcome outcome, int count) => Enumerable.Repeat(outcome, count).ToArray();

    public static LocalDate D(int year, int month, int day) => new(year, month, day);

    /// <summary>A member registered in <paramref name="organization"/> from <paramref name="from"/>, full member since long ago.</summary>
    public static TestCity FullMemberOf(this TestCity city, string id, string organization, LocalDate? from = null, LocalDate? to = null) =>
        city.FullMember(id).Register(id, organization, from, to);

    /// <summary>A person record with its standings, for asserting that evaluations leave them alone.</summary>
    public static Person PersonOf(this CityDataset dataset, string id) => dataset.GetPerson(TestCity.P(id));
}
