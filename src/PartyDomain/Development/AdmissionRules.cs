using PartyDomain.Rules;

namespace PartyDomain.Development;

/// <summary>The ids of the admission pipeline's rules (《中国共产党发展党员工作细则》), for tuning and disabling them by id.</summary>
public static class AdmissionRuleIds
{
    /// <summary>The applicant is at least 18 on the day of application.</summary>
    public static RuleId Age { get; } = new("DEV-AGE");

    /// <summary>A talk with the applicant within a month of the application.</summary>
    public static RuleId Talk { get; } = new("DEV-TALK");

    /// <summary>An activist has one or two full-member contacts.</summary>
    public static RuleId Contacts { get; } = new("DEV-CONTACTS");

    /// <summary>An activist is assessed every half year.</summary>
    public static RuleId Assessment { get; } = new("DEV-ASSESSMENT");

    /// <summary>At least a year as an activist before becoming a development candidate.</summary>
    public static RuleId ActivistYear { get; } = new("DEV-ACTIVIST-YEAR");

    /// <summary>Two sponsors, full members on the vote's day.</summary>
    public static RuleId Sponsors { get; } = new("DEV-SPONSORS");

    /// <summary>No written political-review conclusion, no admission.</summary>
    public static RuleId PoliticalReview { get; } = new("DEV-POLITICAL-REVIEW");

    /// <summary>A short concentrated training of at least 3 days or 24 study hours.</summary>
    public static RuleId Training { get; } = new("DEV-TRAINING");

    /// <summary>Not admitted when leaving the unit within three months.</summary>
    public static RuleId Leaving { get; } = new("DEV-LEAVING");

    /// <summary>The vote: more than half of the voting members present, and more than half of those expected in favour.</summary>
    public static RuleId Vote { get; } = new("DEV-VOTE");

    /// <summary>The higher committee approves within three months of the vote.</summary>
    public static RuleId Approval { get; } = new("DEV-APPROVAL");

    /// <summary>A year of probation, extended at most once by 6 to 12 months; the conversion vote is due when it ends.</summary>
    public static RuleId Probation { get; } = new("DEV-PROBATION");

    /// <summary>The conversion vote follows the admission vote's quorum and majority.</summary>
    public static RuleId ConversionVote { get; } = new("DEV-CONVERSION-VOTE");

    /// <summary>The person's standing in the dataset agrees with the case's milestones.</summary>
    public static RuleId Standing { get; } = new("DEV-STANDING");
}

/// <summary>A timeline or eligibility rule of the admission pipeline: its descriptor, for listing and tuning by id.</summary>
internal sealed class AdmissionRule : RuleBase
{
    private AdmissionRule(RuleId id, LocalizedText title, string? provision, SourceConfidence confidence, params RuleParameter[] parameters)
        : this(id, title, new Citation(Regulations.MemberDevelopment, provision, confidence), parameters)
    {
    }

    private AdmissionRule(RuleId id, LocalizedText title, Citation citation, params RuleParameter[] parameters)
        : base(id, title, citation, FindingSeverity.Violation, parameters)
    {
    }

    /// <summary>The applicant is at least 18 on the day of application.</summary>
    internal static AdmissionRule Age { get; } = new(AdmissionRuleIds.Age, new("年满{MinYears}岁方可申请入党", "Applicants are at least {MinYears}"), "第五条", SourceConfidence.Verified,
        new RuleParameter("MinYears", 18, "years", new("申请时最低年龄", "youngest age at application")));

    /// <summary>A talk with the applicant within a month of the application.</summary>
    internal static AdmissionRule Talk { get; } = new(AdmissionRuleIds.Talk, new("收到入党申请书后{Months}个月内派人谈话", "A talk within {Months} month(s) of the application"), "第八条", SourceConfidence.Secondary,
        new RuleParameter("Months", 1, "months", new("收到申请后谈话的期限", "months from application to the talk")));

    /// <summary>An activist has one or two full-member contacts.</summary>
    internal static AdmissionRule Contacts { get; } = new(AdmissionRuleIds.Contacts, new("确定{MinContacts}至{MaxContacts}名正式党员作入党积极分子培养联系人", "{MinContacts} to {MaxContacts} full members as the activist's contacts"), "第十一条", SourceConfidence.Secondary,
        new RuleParameter("MinContacts", 1, "people", new("最少联系人", "fewest contacts")),
        new RuleParameter("MaxContacts", 2, "people", new("最多联系人", "most contacts")));

    /// <summary>An activist is assessed every half year.</summary>
    internal static AdmissionRule Assessment { get; } = new(AdmissionRuleIds.Assessment, new("每半年对入党积极分子进行一次考察", "The activist assessed every half year"), "第十一条", SourceConfidence.Secondary,
        new RuleParameter("Months", 6, "months", new("考察间隔月数", "months between assessments")));

    /// <summary>At least a year as an activist before becoming a development candidate.</summary>
    internal static AdmissionRule ActivistYear { get; } = new(AdmissionRuleIds.ActivistYear, new("经过{Years}年以上培养教育和考察方可列为发展对象", "{Years} year(s) as an activist before candidacy"), "第十三条", SourceConfidence.Secondary,
        new RuleParameter("Years", 1, "years", new("培养考察最短年数", "fewest years as an activist")));

    /// <summary>Two sponsors, full members on the vote's day.</summary>
    internal static AdmissionRule Sponsors { get; } = new(AdmissionRuleIds.Sponsors, new("发展对象有两名正式党员作入党介绍人", "Two full members sponsor the candidate"), "第十四条", SourceConfidence.Secondary,
        new RuleParameter("Count", 2, "people", new("入党介绍人人数", "sponsors required")));

    /// <summary>No written political-review conclusion, no admission.</summary>
    internal static AdmissionRule PoliticalReview { get; } = new(AdmissionRuleIds.PoliticalReview, new("政治审查未形成结论或不合格的不能发展", "No admission without a passed political review"), "第十五条", SourceConfidence.Secondary);

    /// <summary>A short concentrated training of at least 3 days or 24 study hours.</summary>
    internal static AdmissionRule Training { get; } = new(AdmissionRuleIds.Training, new("发展对象集中培训不少于{MinDays}天或{MinHours}学时", "Concentrated training of {MinDays} days or {MinHours} hours"), "第十七条", SourceConfidence.Secondary,
        new RuleParameter("MinDays", 3, "days", new("集中培训最少天数", "fewest training days")),
        new RuleParameter("MinHours", 24, "hours", new("集中培训最少学时", "fewest training hours")));

    /// <summary>Not admitted when leaving the unit within three months.</summary>
    internal static AdmissionRule Leaving { get; } = new(AdmissionRuleIds.Leaving, new("{Months}个月内将离开工作单位的一般不办理接收预备党员手续", "No admission when leaving the unit within {Months} months"), "第十九条", SourceConfidence.Secondary,
        new RuleParameter("Months", 3, "months", new("离开单位的月数", "months after the vote")));

    /// <summary>The vote: more than half of the voting members present, and more than half of those expected in favour.</summary>
    internal static AdmissionRule Vote { get; } = new(AdmissionRuleIds.Vote, new("支部大会到会有表决权党员超过应到会人数半数，赞成人数超过应到会有表决权党员半数", "Quorum and majority of the members expected"), "第二十一条", SourceConfidence.Secondary);

    /// <summary>The higher committee approves within three months of the vote.</summary>
    internal static AdmissionRule Approval { get; } = new(AdmissionRuleIds.Approval, new("上级党委在三个月内审批", "Approval within three months of the vote"), null, SourceConfidence.Secondary,
        new RuleParameter("Months", 3, "months", new("审批期限月数", "months to approve")));

    /// <summary>A year of probation, extended at most once by 6 to 12 months; the conversion vote is due when it ends.</summary>
    internal static AdmissionRule Probation { get; } = new(AdmissionRuleIds.Probation, new("预备期一年，可延长一次，延长期限六个月至一年", "A year of probation, extended at most once by 6–12 months"), "第三十二条", SourceConfidence.Secondary,
        new RuleParameter("Years", 1, "years", new("预备期年数", "years of probation")),
        new RuleParameter("MinExtensionMonths", 6, "months", new("延长预备期最短月数", "shortest extension")),
        new RuleParameter("MaxExtensionMonths", 12, "months", new("延长预备期最长月数", "longest extension")));

    /// <summary>The conversion vote follows the admission vote's quorum and majority.</summary>
    internal static AdmissionRule ConversionVote { get; } = new(AdmissionRuleIds.ConversionVote, new("预备党员转正须经支部大会讨论表决", "The conversion voted like the admission"), "第三十三条", SourceConfidence.Secondary);

    /// <summary>The person's standing in the dataset agrees with the case's milestones.</summary>
    internal static AdmissionRule Standing { get; } = new(AdmissionRuleIds.Standing, new("党员身份与发展程序记录一致", "Standing agrees with the admission record"),
        new Citation("中国共产党章程", "第七条", SourceConfidence.Secondary));

    /// <summary>Every admission rule.</summary>
    internal static IReadOnlyList<AdmissionRule> Defaults { get; } =
        [Age, Talk, Contacts, Assessment, ActivistYear, Sponsors, PoliticalReview, Training, Leaving, Vote, Approval, Probation, ConversionVote, Standing];
}
