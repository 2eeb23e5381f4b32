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
}
