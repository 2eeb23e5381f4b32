using PartyDomain.BasicSystems;
using PartyDomain.Metrics;
using PartyDomain.Reporting;

namespace PartyDomain.Plugins.XxCity;

/// <summary>
/// The city's own section of the annual summary, after the legal-services part: the year's “心贴心” consultations and
/// “有求必应” visits, and the city's own rule and default with what they found.
/// </summary>
/// <param name="secretaryLessons">The secretary's lessons a year, as the plugin set it.</param>
public sealed class CityWorkSection(int secretaryLessons) : IReportSection
{
    /// <inheritdoc />
    public string Id => "xx-city-work";

    /// <inheritdoc />
    public int Order => 350;

    /// <inheritdoc />
    public ReportSectionContent Compose(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = context.Language;
        var consultations = Total(context, XxCityPlugin.WeChatGroupConsultations);
        var visits = Total(context, XxCityPlugin.OnDemandVisits);
        var moved = 0;
        for (var i = 0; i < context.Findings.Count; i++)
        {
            moved += context.Findings[i].Finding.RuleId == RegistrationInFirmBranchRule.RuleIdentity ? 1 : 0;
        }

        return new ReportSectionContent(Id, new LocalizedText("XX市特色工作", "XX city's own work").In(language),
        [
            new ReportParagraph(new LocalizedText(
                $"{context.Year}年，党员律师在“心贴心”微信群提供法律咨询{consultations:0.##}人次，开展“有求必应”品牌走访{visits:0.##}次。",
                $"In {context.Year}, lawyers answered {consultations:0.##} consultations in the 'heart-to-heart' WeChat groups and made {visits:0.##} 'on demand' visits.").In(language)),
            new ReportSubheading(new LocalizedText("本市规则", "The city's own rules").In(language)),
            new ReportList(
            [
                new LocalizedText(
                    $"执业律师组织关系6个月内转入所在律所党支部（{RegistrationInFirmBranchRule.RuleIdentity}）：发现{moved}人未按期转入",
                    $"A practising lawyer's registration moves to the firm's branch within 6 months ({RegistrationInFirmBranchRule.RuleIdentity}): {moved} not moved in time").In(language),
                new LocalizedText(
                    $"党支部书记每年讲党课{secretaryLessons}次（{BasicSystemRuleIds.SecretaryLecture}，本市默认值；全国默认1次）",
                    $"The branch secretary lectures {secretaryLessons} times a year ({BasicSystemRuleIds.SecretaryLecture}, the city's default; nationally 1)").In(language),
            ]),
        ]);
    }

    // The report's own metrics engine sums the year's records; scanning the dataset's service records took a national
    // city's report a third of a second per indicator. A dataset built without this plugin's indicators has none.
    private static decimal Total(ReportContext context, IndicatorCode indicator) =>
        context.Dataset.Indicators.TryGet(indicator, out _)
            ? context.Metrics.Query(new MetricsQuery { Period = context.Period, Indicators = [indicator] }).Total(indicator) ?? 0m
            : 0m;
}
