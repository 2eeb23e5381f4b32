using System.Text.RegularExpressions;

namespace PartyDomain.Reporting;

/// <summary>
/// The wording of the annual summary, by key, in Chinese and English. The defaults follow the seed report's three
/// parts; a city replaces any of them with <see cref="Set"/> (for example through
/// <see cref="Extensibility.PartyDomainBuilder.ReportTemplates"/>). Placeholders: <c>{F2}</c> (value and unit),
/// <c>{F2:value}</c>, <c>{F4:share}</c>, <c>{F17:change}</c> (the change on the previous year), <c>{city}</c>, <c>{year}</c>, <c>{asOf}</c>, <c>{documents}</c>, <c>{portfolios}</c>; a figure
/// whose data is missing reads 数据未录入.
/// </summary>
public sealed partial class ReportTemplates
{
    private readonly Dictionary<string, LocalizedText> _templates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every template key.</summary>
    public IReadOnlyCollection<string> Keys => _templates.Keys;

    internal static Regex Placeholder => PlaceholderRegex();

    /// <summary>The template with <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="KeyNotFoundException">No template has that key.</exception>
    public LocalizedText Get(string key) =>
        _templates.TryGetValue(key, out var t) ? t : throw new KeyNotFoundException($"No report template '{key}'; known: {string.Join(", ", _templates.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>Adds or replaces the template with <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="text">The wording.</param>
    public ReportTemplates Set(string key, LocalizedText text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _templates[key] = text ?? throw new ArgumentNullException(nameof(text));
        return this;
    }

    /// <summary>A copy, so a report's templates do not change under it.</summary>
    public ReportTemplates Clone()
    {
        var copy = new ReportTemplates();
        foreach (var (key, text) in _templates)
        {
            copy._templates[key] = text;
        }

        return copy;
    }

    /// <summary>Makes these templates the same as <paramref name="other"/> (a plugin's failed registration is undone this way).</summary>
    internal void RestoreFrom(ReportTemplates other)
    {
        _templates.Clear();
        foreach (var (key, text) in other._templates)
        {
            _templates[key] = text;
        }
    }

    /// <summary>The default wording, after the seed report.</summary>
    public static ReportTemplates CreateDefault() => new ReportTemplates()
        .Set("title", new("{city}律师行业党建工作{year}年度总结", "{city} lawyer-industry party building: {year} annual summary"))
        .Set("intro", new(
            "{year}年，{city}司法局牢固树立“紧扣业务抓党建，抓好党建促发展”的指导思想，以加强律师行业党组织规范化建设、标准化建设为主线，大力发展青年律师党员，全市律师行业党建工作实现创新发展。现将有关情况总结如下（文中数字均由系统根据录入数据计算，口径见附表；未录入数据的项目标注为“数据未录入”）。",
            "In {year} the {city} justice bureau ran lawyer-industry party building alongside the industry's work. Every figure below is computed from the data entered; the basis of each is listed in the appendix, and figures whose data was not entered say so."))
        .Set("part1.title", new("一、抓强党建，在健全制度机制上下功夫", "1. Strengthening party building: institutions and mechanisms"))
        .Set("part1.leadership", new(
            "一是强化组织领导。{F1}，挂牌成立了{city}律师行业党委，党委现有书记{F1-secretaries}、副书记{F1-deputies}、委员{F1-members}{portfolios}。截至{asOf}，下设律师事务所党支部{F2}，党员律师{F3}；党支部班子成员与律所管理层双向交叉任职{F2-cross}，涉及党支部{F2-cross-branches}；选优配强支部书记，由律所主任担任支部书记的党支部{F4}，占比{F4:share}，为加强基层党组织奠定了基础。市律师行业党校积极为律师行业党员和入党积极分子开展党务知识培训，自成立以来累计开展培训{F5}，培养入党积极分子{F5-activists}、发展对象{F5-candidates}、党务干部{F5-cadres}。{year}年新接收入党申请{DEV-applications}，确定入党积极分子{DEV-activists}、发展对象{DEV-candidates}，发展党员{DEV-admitted}，其中青年律师{DEV-admitted-young}。",
            "Leadership. Committee established: {F1}; secretary {F1-secretaries}, deputies {F1-deputies}, members {F1-members}{portfolios}. On {asOf}: firm branches {F2}; party-member lawyers {F3}; cross-appointments between branch committees and firm management {F2-cross} in {F2-cross-branches}; branches led by the firm's director {F4} ({F4:share}). Party school since it opened: sessions {F5}; activists trained {F5-activists}; development candidates {F5-candidates}; party-affairs cadres {F5-cadres}. In {year}: applications {DEV-applications}; activists designated {DEV-activists}; candidates designated {DEV-candidates}; admitted {DEV-admitted}, young {DEV-admitted-young}."))
        .Set("part1.politics", new(
            "二是加强政治引领。把加强党的建设写入律师协会章程，明确党委对律师协会的领导。{year}年，律师行业重大决策、重大开支、重要工作经党委前置研究{F7}，其中先由党委会讨论决定的{F7-committee-first}，由常务理事会通过后经党委会把关的{F7-council-first}，再报局党组最后审定。截至{asOf}，全市{F6}律所将党建写入律所章程，占比{F6:share}。",
            "Political leadership. Major matters reviewed by the committee in {year}: {F7} (decided by the committee first {F7-committee-first}; passed by the standing council, then checked by the committee {F7-council-first}), then sent to the bureau's party leadership group. Firms with party building in their charter on {asOf}: {F6} ({F6:share})."))
        .Set("part1.systems", new(
            "三是健全制度机制。主导并修订完善了{documents}等制度，为全市律师党建工作构建起新的组织架构和工作体系。",
            "Institutions. Rules issued: {documents}."))
        .Set("part1.foundation", new(
            "四是夯实基层基础。{year}年，局党组深入全市律师事务所开展党建调研督导{F8}，组织党支部书记集中学习培训{F9}，规范律师行业党组织设置，严格落实“三会一课”、组织生活会、党费收缴等6项基本制度，全年落实率{F26}{F26:change}。",
            "Grassroots. In {year}: research and supervision visits to firms {F8}; centralized trainings of branch secretaries {F9}; six-basic-systems compliance {F26}{F26:change}."))
        .Set("part2.title", new("二、抓严党建，在丰富组织生活上做文章", "2. Rigorous party building: richer organizational life"))
        .Set("part2.quality", new(
            "一是提高组织生活质量。{year}年，组织党员律师深入红色教育基地开展主题党日活动，参加党员律师{F10}，在“重走红军路，聆听革命故事”中再次感受大别山精神永恒的力量；深入军队、校园、农村开展全民普法，进入社区、机关、企事业单位推广《民法典》等主题党日活动{F11}{F11:change}。",
            "Quality. In {year}: members at red-education theme party days {F10}; law-popularization and Civil Code events {F11}{F11:change}."))
        .Set("part2.platform", new(
            "二是创新组织生活载体。运用“互联网+”新媒体推进律师党建工作，通过网上平台实时开展“三会一课”等组织生活{F13}，记录学习感悟，分享心得体会；将学习平台积分纳入学时计算，全年认定{F12}，实现了党员教育、党务管理的即时化、远程化。",
            "Online. Organizational life through online platforms: {F13}; study hours credited from study platforms: {F12}."))
        .Set("part2.openness", new(
            "三是拓展组织生活开放度。推进律师行业党组织与所在社区及结对帮扶单位开展结对联建{F14}，共同开展活动{F14-activities}。全市律师事务所捐款捐物{F15}，{F15-firms}律所、{F15-lawyers}律师受到表彰，其中获全国表彰{F15-national}。",
            "Openness. Pairings with communities and units: {F14}; joint activities: {F14-activities}. Donations: {F15}; firms commended: {F15-firms}; lawyers commended: {F15-lawyers}; national honours: {F15-national}."))
        .Set("part3.title", new("三、抓实党建，在发挥模范作用上求突破", "3. Effective party building: members setting an example"))
        .Set("part3.public", new(
            "一是用“情”参与公共法律服务工作。党员律师是人民调解中心、信访法律服务中心的骨干力量，同时也是党政机关、企事业单位的法律顾问。{year}年，全市律师在市、县公共法律服务中心（工作站）接待现场来访咨询{F16}{F16:change}；参与12348热线值班值守，解答来电{F17}{F17:change}；办理法律援助案件{F18}，结案{F18-closed}。",
            "Public legal services. In {year}: walk-in consultations {F16}{F16:change}; 12348 calls answered {F17}{F17:change}; legal-aid cases handled {F18}, closed {F18-closed}."))
        .Set("part3.advisers", new(
            "二是用“力”参与村居法律顾问工作。以“我是党员律师”品牌创建为抓手，强化律师社会服务意识。全市律师共担任各类法律顾问{F19}，{year}年共办理各类案件{F20}{F20:change}，其中刑事案件{F20-criminal}，民事案件{F20-civil}，非诉业务{F20-non-litigation}，仲裁案件{F20-arbitration}，接受各类咨询和代写法律文书{F21}。",
            "Advisers. Adviser posts held: {F19}. Cases handled in {year}: {F20}{F20:change} (criminal {F20-criminal}; civil {F20-civil}; non-litigation {F20-non-litigation}; arbitration {F20-arbitration}). Consultations and documents drafted: {F21}."))
        .Set("part3.mediation", new(
            "三是用“心”参与人民调解工作。组织律师发挥专业优势，积极化解社会矛盾，全年参与化解各类纠纷调解{F22}，参与诉讼活动{F23}，提供现场法律服务{F24}，为村（居）重大事项提供法律意见{F25}。",
            "Mediation. Disputes mediated {F22}; litigation participations {F23}; on-site legal services {F24}; legal opinions on village matters {F25}."))
        .Set("compliance.title", new("四、六项基本制度落实情况", "4. The six basic systems"))
        .Set("compliance.summary", new(
            "{year}年，按党组织、规则和周期核对组织生活记录，按党员和月份核对党费交纳，六项基本制度总体落实率{F26}{F26:change}（不含未到期和不适用的周期）。",
            "In {year} the six basic systems were met at {F26}{F26:change} of the obligations due (organizational life per organization and slot, dues per member and month; pending and not-applicable slots excluded)."))
        .Set("findings.title", new(
            "五、问题清单",
            "5. Problem list"))
        .Set("findings.none", new(
            "对照有关规定逐项核对，未发现需要整改的问题。",
            "Checked against the regulations: nothing to correct."))
        .Set("findings.summary", new(
            "对照有关规定逐项核对，共发现需要整改的问题{count}项，其中{areas}。每项问题的所属周期、应当、实际、依据和责任人已逐条列入《{city}律师行业党建工作{year}年度问题清单》（另附），由各党支部对照整改。",
            "Checked against the regulations: {count} problems to correct ({areas}). Each, with its period, what is expected and found, its source and who answers for it, is in the {year} problem list (attached)."))
        .Set("problems.title", new("{city}律师行业党建工作{year}年度问题清单", "{city} lawyer-industry party building: {year} problem list"))
        .Set("appendix.title", new("附：数据口径", "Appendix: how each figure was counted"))
        .Set("plugins.title", new("附：加载的插件", "Appendix: the plugins loaded"));

    [GeneratedRegex(@"\{(?<key>[A-Za-z][A-Za-z0-9\-\.]*)(:(?<format>value|share|change))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderRegex();
}
