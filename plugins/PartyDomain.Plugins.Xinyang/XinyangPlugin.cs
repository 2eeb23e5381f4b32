using PartyDomain.BasicSystems;
using PartyDomain.Extensibility.Plugins;
using PartyDomain.Metrics;

namespace PartyDomain.Plugins.Xinyang;

/// <summary>
/// The plugin of the seed report's city (信阳市律师行业党委): its two local service indicators, its local rule on
/// registrations, its tuned default for the secretary's party lessons, and a section of the annual summary showing them. It counts the city's Xuexi Qiangguo
/// points toward study hours, so it depends on the <c>xuexi-qiangguo</c> plugin.
/// </summary>
public sealed class XinyangPlugin : IPartyDomainPlugin
{
    /// <summary>“心贴心”微信群: consultations answered by lawyers in the city's WeChat legal-service groups.</summary>
    public static IndicatorCode WeChatGroupConsultations { get; } = new("xy-wechat-group-consultations");

    /// <summary>“有求必应”: visits made under the bureau's public legal service brand.</summary>
    public static IndicatorCode OnDemandVisits { get; } = new("xy-on-demand-visits");

    /// <inheritdoc />
    public PluginManifest Manifest { get; } = new()
    {
        Id = "xinyang",
        Version = "1.0.0",
        DisplayName = new("信阳市律师行业党建", "Xinyang lawyer-industry party building"),
        Region = "信阳市",
        Description = new(
            "“心贴心”微信群咨询与“有求必应”走访指标；执业律师组织关系6个月内转入所在律所党支部；支部书记每年讲党课2次",
            "The 'heart-to-heart' WeChat-group consultations and 'on demand' visits indicators; a practising lawyer's registration moves to the firm's branch within 6 months; the secretary lectures twice a year"),
        Dependencies = ["xuexi-qiangguo"],
    };

    /// <inheritdoc />
    public void Register(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.GetOptions<XinyangOptions>();
        context.Builder
            .AddIndicator(new IndicatorDefinition
            {
                Code = WeChatGroupConsultations,
                Name = new("“心贴心”微信群法律咨询", "'Heart-to-heart' WeChat-group legal consultations"),
                Unit = Units.PersonTimes,
                Aggregation = Aggregation.Sum,
                Category = new("人民调解", "People's mediation"),
            })
            .AddIndicator(new IndicatorDefinition
            {
                Code = OnDemandVisits,
                Name = new("“有求必应”品牌走访", "'On demand' brand visits"),
                Unit = Units.Times,
                Aggregation = Aggregation.Sum,
                Category = new("公共法律服务", "Public legal services"),
            })
            .AddRule(new RegistrationInFirmBranchRule())
            // The city's guidance asks more than the library's default of one lesson a year.
            .SetRuleDefault(BasicSystemRuleIds.SecretaryLecture, "MinLessons", options.SecretaryLessonsPerYear)
            .AddReportSection(new CityWorkSection(options.SecretaryLessonsPerYear));
    }
}

/// <summary>The plugin's options, bound from <c>PartyDomain:Plugins:xinyang</c>.</summary>
public sealed class XinyangOptions
{
    /// <summary>The party lessons a branch secretary gives a year; 2 by the city's guidance.</summary>
    public int SecretaryLessonsPerYear { get; set; } = 2;
}
