using PartyDomain.Metrics;
using PartyDomain.Reporting;

namespace PartyDomain.Plugins.Xinyang;

/// <summary>
/// 信阳市's own section of the annual summary, after the legal-services part: the year's “心贴心” consultations and
/// “有求必应” visits, published as the figures <c>XY-wechat-consultations</c> and <c>XY-on-demand-visits</c> (so they are in
/// the JSON report and the appendix, 数据未录入 when the year has no record of them), and the city's own rule and default.
/// </summary>
/// <param name="secretaryLessons">The secretary's lessons a year, as the plugin set it.</param>
public sealed class CityWorkSection(int secretaryLessons) : IReportSection
{
    /// <inheritdoc />
    public string Id => "xinyang-work";

    /// <inheritdoc />
    public int Order => 350;

    /// <inheritdoc />
    public ReportSectionContent Compose(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = context.Language;
        var consultations = Figure(context, "XY-wechat-consultations", XinyangPlugin.WeChatGroupConsultations, new("“心贴心”微信群法律咨询", "'Heart-to-heart' WeChat-group consultations"));
        var visits = Figure(context, "XY-on-demand-visits", XinyangPlugin.OnDemandVisits, new("“有求必应”品牌走访", "'On demand' brand visits"));
        var moved = 0;
        for (var i = 0; i < context.Findings.Count; i++)
        {
            moved += context.Findings[i].Finding.RuleId == RegistrationInFirmBranchRule.RuleIdentity ? 1 : 0;
        }

        return new ReportSectionContent(Id, new LocalizedText("信阳市特色工作", "Xinyang's own work").In(language),
        [
            new ReportParagraph(new LocalizedText(
                $"{context.Year}年，党员律师在“心贴心”微信群提供法律咨询{consultations.Format(language)}，开展“有求必应”品牌走访{visits.Format(language)}。"
                + $"按照本市要求，执业律师组织关系应在入所6个月内转入所在律所党支部，年内发现{moved}人未按期转入；党支部书记每年讲党课不少于{secretaryLessons}次。",
                $"In {context.Year}, lawyers answered {consultations.Format(language)} in the 'heart-to-heart' WeChat groups and made {visits.Format(language)}. "
                + $"By the city's rules a practising lawyer's registration moves to the firm's branch within 6 months of joining ({moved} had not) and a branch secretary lectures at least {secretaryLessons} times a year.").In(language)),
        ])
        {
            Figures = [consultations, visits],
        };
    }

    // The report's own metrics engine sums the year's records; scanning the dataset's service records took a national
    // city's report a third of a second per indicator. No record of the indicator in the year: not entered, never 0.
    private static ReportFigure Figure(ReportContext context, string id, IndicatorCode indicator, LocalizedText name)
    {
        var known = context.Dataset.Indicators.TryGet(indicator, out var definition);
        var row = known ? context.Metrics.Query(new MetricsQuery { Period = context.Period, Indicators = [indicator] }).Of(indicator) : [];
        var value = row is [var first, ..] && first.Records > 0 ? first.Value : null;
        return new ReportFigure
        {
            Id = id,
            Name = name,
            Value = value,
            Unit = definition?.Unit ?? new("次", "times"),
            Filter = new($"{context.Year}年本市记录", $"the city's records of {context.Year}"),
            Source = new($"服务记录“{name.Chinese}”（信阳市指标）", $"service records '{name.English}' (Xinyang's indicator)"),
            MissingReason = value is null ? new("没有本年度该指标的记录", "no records of this indicator in the year") : null,
        };
    }
}
