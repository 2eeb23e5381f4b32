using PartyDomain.Figures;

namespace PartyDomain.BasicSystems;

/// <summary>Figure F26 of <c>domain.md</c> §3: the six-basic-systems compliance rate.</summary>
public static class ComplianceFigures
{
    /// <summary>
    /// F26: slots met out of slots judged and ended, over every rule and organization evaluated, as a percentage; its
    /// breakdowns by system and by branch are <see cref="ComplianceResult.RateBySystem"/> and
    /// <see cref="ComplianceResult.RateByOrganization"/>.
    /// </summary>
    /// <param name="result">The evaluation of the report's period.</param>
    public static Figure F26(ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var overall = result.Overall();
        var share = new FigureRatio(overall.Met, overall.Met + overall.Missed);
        var percent = share.Value is { } v ? Math.Round(v * 100, 1) : 0m;
        return new Figure("F26", new("六项基本制度落实率", "Six basic systems compliance rate"), percent, new("%", "%"),
            new($"{result.Period}各党组织按规则与周期应落实的事项中已落实的比例（不含未到期和不适用的周期；规则{result.Rules.Count(r => r.Enabled)}条）",
                $"obligations met out of those due in {result.Period}, per organization, rule and slot (pending and not-applicable slots excluded; {result.Rules.Count(r => r.Enabled)} rules)"))
        {
            Share = share,
        };
    }
}
