using PartyDomain;
using PartyDomain.BasicSystems;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace Contoso.PartyPlugin;

#region basic-system-rule
/// <summary>
/// The city's own rule: every quarter, at least one theme party day held as public legal service (主题党日+公益法律服务),
/// marked on the platform with the tag <c>public-legal-service</c>.
/// </summary>
public sealed class ServiceThemeDayRule() : BasicSystemRule(Key,
    new("每季度至少{MinCount}次主题党日结合公益法律服务开展", "A theme party day of public legal service every quarter"),
    new Citation("示例市律师行业党建工作规范", "第六条", SourceConfidence.Local),
    BasicSystem.ThemePartyDay, Cadence.Quarterly, OrganizationScope.Branches, [ActivityKind.ThemePartyDay], FindingSeverity.Warning,
    new RuleParameter("MinCount", 1, "times", new("每季度至少次数", "fewest per quarter")))
{
    public static RuleId Key { get; } = new("CONTOSO-SERVICE-THEME-DAY");

    public override void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes)
    {
        var min = rule["MinCount"];
        // Every judged quarter of every branch in scope, with the branch's theme party days in it.
        foreach (var slot in Sweep(context, ActivityKind.ThemePartyDay))
        {
            // Days, not records: one day entered on two platforms is one theme party day.
            var held = slot.Records.Where(r => r.Tags.Contains("public-legal-service", StringComparer.Ordinal)).Select(r => r.Date).Distinct().Count();
            outcomes.Set(slot, slot.Decide(held >= min), held, min);
        }
    }

    // What a miss says was expected and found.
    public override (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected) =>
        (new($"至少{expected}次", $"at least {expected}"), new($"{found}次", $"{found}"));
}
#endregion
