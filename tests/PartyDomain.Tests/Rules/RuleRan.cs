using PartyDomain.Rules;

namespace PartyDomain.Tests.Rules;

/// <summary>
/// Guards the tests' finding filters: "no finding of rule X" proves something only when X ran, so a filter by rule first
/// checks that the result lists the rule as enabled. A test about a disabled rule reads the findings directly.
/// </summary>
internal static class RuleRan
{
    /// <summary>Throws unless <paramref name="rules"/> (the settings a result ran with) hold <paramref name="rule"/>, enabled.</summary>
    public static void Check(IEnumerable<EffectiveRule> rules, RuleId rule)
    {
        var ran = rules.FirstOrDefault(r => r.Id == rule);
        if (ran is null || !ran.Enabled)
        {
            throw new Xunit.Sdk.XunitException(ran is null
                ? $"{rule} did not run: the result does not list it, so its findings (or their absence) prove nothing."
                : $"{rule} is disabled: its findings (or their absence) prove nothing; read result.Findings directly in a test about a disabled rule.");
        }
    }

    /// <summary>
    /// Asserts <paramref name="findings"/> is empty, after checking that <paramref name="rules"/> (the settings the result ran
    /// with) hold at least one rule and every one of them enabled: nothing found proves something only if the rules ran.
    /// </summary>
    public static void ShouldFindNothing(IReadOnlyList<EffectiveRule> rules, IReadOnlyList<Finding> findings, string because = "")
    {
        if (rules.Count == 0)
        {
            throw new Xunit.Sdk.XunitException("The result ran no rule: its finding nothing proves nothing.");
        }

        foreach (var rule in rules)
        {
            Check(rules, rule.Id);
        }

        findings.Should().BeEmpty(because);
    }
}

/// <summary><see cref="RuleRan.ShouldFindNothing"/> on each engine's result.</summary>
internal static class NothingFound
{
    public static void ShouldFindNothing(this global::PartyDomain.Training.TrainingResult result, string because = "") => RuleRan.ShouldFindNothing(result.Rules, result.Findings, because);

    public static void ShouldFindNothing(this global::PartyDomain.Dues.DuesResult result, string because = "") => RuleRan.ShouldFindNothing(result.Rules, result.Findings, because);

    public static void ShouldFindNothing(this global::PartyDomain.Organization.Structure.StructureCheckResult result, string because = "") =>
        RuleRan.ShouldFindNothing(result.Rules, result.Findings, because);

    public static void ShouldFindNothing(this global::PartyDomain.Governance.GovernanceResult result, string because = "") => RuleRan.ShouldFindNothing(result.Rules, result.Findings, because);
}
