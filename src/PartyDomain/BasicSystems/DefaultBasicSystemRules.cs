using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.BasicSystems;

/// <summary>The ids of the default basic-system rules.</summary>
public static class BasicSystemRuleIds
{
    /// <summary>A general meeting (支部党员大会) every quarter.</summary>
    public static RuleId GeneralMeeting { get; } = new("BS-GENERAL-MEETING");

    /// <summary>Every general meeting has more than half of the full members present.</summary>
    public static RuleId GeneralMeetingQuorum { get; } = new("BS-GENERAL-MEETING-QUORUM");

    /// <summary>A committee meeting (支委会) every month, in branches with a committee.</summary>
    public static RuleId CommitteeMeeting { get; } = new("BS-COMMITTEE-MEETING");

    /// <summary>Every committee meeting has more than half of the committee present.</summary>
    public static RuleId CommitteeMeetingQuorum { get; } = new("BS-COMMITTEE-MEETING-QUORUM");

    /// <summary>A group meeting (党小组会) every month in every party group.</summary>
    public static RuleId GroupMeeting { get; } = new("BS-GROUP-MEETING");

    /// <summary>A party lesson (党课) every quarter.</summary>
    public static RuleId PartyLesson { get; } = new("BS-PARTY-LESSON");

    /// <summary>The secretary gives a party lesson every year.</summary>
    public static RuleId SecretaryLecture { get; } = new("BS-SECRETARY-LECTURE");

    /// <summary>An organizational life meeting (组织生活会) every year.</summary>
    public static RuleId OrganizationalLifeMeeting { get; } = new("BS-ORGANIZATIONAL-LIFE-MEETING");

    /// <summary>Every full member appraised (民主评议党员) every year.</summary>
    public static RuleId DemocraticAppraisal { get; } = new("BS-DEMOCRATIC-APPRAISAL");

    /// <summary>A theme party day (主题党日) every month.</summary>
    public static RuleId ThemePartyDay { get; } = new("BS-THEME-PARTY-DAY");

    /// <summary>Every member in a heart-to-heart talk (谈心谈话) every year.</summary>
    public static RuleId HeartToHeartTalk { get; } = new("BS-HEART-TO-HEART-TALK");

    /// <summary>No member six months without organizational life.</summary>
    public static RuleId InactiveMember { get; } = new("BS-INACTIVE-MEMBER");
}

/// <summary>
/// The default rule set: the six basic systems of <c>domain.md</c> §2 with its numbers and citations. Party dues
/// (the sixth system) are checked by the dues engine; here the system holds the six-months rule.
/// </summary>
public static class DefaultBasicSystemRules
{
    /// <summary>New instances of every default basic-system rule.</summary>
    public static IReadOnlyList<IBasicSystemRule> Create() =>
    [
        new FrequencyRule(BasicSystemRuleIds.GeneralMeeting, new("支部党员大会一般每季度召开{MinCount}次", "A general meeting every quarter"),
            new(Regulations.BranchWork, "第十一条", SourceConfidence.Verified), BasicSystem.ThreeMeetingsOneLesson,
            ActivityKind.GeneralMeeting, Cadence.Quarterly, 1, OrganizationScope.Branches, QuorumKind.VotingMembers),
        new QuorumRule(BasicSystemRuleIds.GeneralMeetingQuorum, new("支部党员大会须有半数以上有表决权的党员到会", "A general meeting has more than half of the full members present"),
            new(Regulations.BranchWork, "第十一条", SourceConfidence.Verified), ActivityKind.GeneralMeeting, QuorumKind.VotingMembers, Cadence.Quarterly, OrganizationScope.Branches),
        new FrequencyRule(BasicSystemRuleIds.CommitteeMeeting, new("支部委员会会议一般每月召开{MinCount}次", "A committee meeting every month"),
            new(Regulations.BranchWork, "第十二条", SourceConfidence.Verified), BasicSystem.ThreeMeetingsOneLesson,
            ActivityKind.CommitteeMeeting, Cadence.Monthly, 1, OrganizationScope.BranchesWithCommittee, QuorumKind.Committee),
        new QuorumRule(BasicSystemRuleIds.CommitteeMeetingQuorum, new("支部委员会会议须有半数以上委员到会", "A committee meeting has more than half of the committee present"),
            new(Regulations.BranchWork, "第十二条", SourceConfidence.Verified), ActivityKind.CommitteeMeeting, QuorumKind.Committee, Cadence.Monthly, OrganizationScope.BranchesWithCommittee),
        new FrequencyRule(BasicSystemRuleIds.GroupMeeting, new("党小组会一般每月召开{MinCount}次", "A group meeting every month"),
            new(Regulations.BranchWork, "第十三条", SourceConfidence.Verified), BasicSystem.ThreeMeetingsOneLesson,
            ActivityKind.GroupMeeting, Cadence.Monthly, 1, OrganizationScope.PartyGroups),
        new FrequencyRule(BasicSystemRuleIds.PartyLesson, new("党课每季度至少{MinCount}次", "A party lesson every quarter"),
            new(Regulations.BranchWork, "“三会一课”制度", SourceConfidence.Secondary), BasicSystem.ThreeMeetingsOneLesson,
            ActivityKind.PartyLesson, Cadence.Quarterly, 1, OrganizationScope.Branches),
        new LecturerRule(BasicSystemRuleIds.SecretaryLecture, new("党支部书记每年至少讲{MinLessons}次党课", "The secretary gives a party lesson every year"),
            new("关于推进“两学一做”学习教育常态化制度化的意见", null, SourceConfidence.Local), Cadence.Yearly, 1),
        new FrequencyRule(BasicSystemRuleIds.OrganizationalLifeMeeting, new("组织生活会每年至少召开{MinCount}次", "An organizational life meeting every year"),
            new(Regulations.MemberEducation, "第十七条", SourceConfidence.Verified), BasicSystem.OrganizationalLifeMeeting,
            ActivityKind.OrganizationalLifeMeeting, Cadence.Yearly, 1, OrganizationScope.Branches),
        new CoverageRule(BasicSystemRuleIds.DemocraticAppraisal, new("每年对每名正式党员进行民主评议", "Every full member appraised every year"),
            new(Regulations.MemberEducation, "第十八条", SourceConfidence.Verified), BasicSystem.DemocraticAppraisal,
            ActivityKind.DemocraticAppraisal, CoveredMembers.FullMembers, Cadence.Yearly, excusedIsCovered: true),
        new FrequencyRule(BasicSystemRuleIds.ThemePartyDay, new("每月相对固定{MinCount}天开展主题党日", "A theme party day every month"),
            new(Regulations.MemberEducation, "第十六条", SourceConfidence.Verified), BasicSystem.ThemePartyDay,
            ActivityKind.ThemePartyDay, Cadence.Monthly, 1, OrganizationScope.Branches),
        new CoverageRule(BasicSystemRuleIds.HeartToHeartTalk, new("每名党员每年至少参加{MinTimes}次谈心谈话", "Every member in a heart-to-heart talk every year"),
            new(Regulations.BranchWork, "谈心谈话", SourceConfidence.Secondary), BasicSystem.HeartToHeartTalk,
            ActivityKind.HeartToHeartTalk, CoveredMembers.AllMembers, Cadence.Yearly),
        new InactiveMemberRule(BasicSystemRuleIds.InactiveMember, new("党员不得连续{Months}个月不参加党的组织生活", "No member {Months} months in a row without organizational life"),
            new(Regulations.MemberEducation, "第三十一条", SourceConfidence.Verified), 6),
    ];
}

/// <summary>
/// The parameterized rule families the defaults are made of, for a city's own rules of the same shape: a legal aid day
/// every quarter is a frequency rule, every member at a city's annual pledge a coverage rule. A rule of another shape
/// derives from <see cref="BasicSystemRule"/>.
/// </summary>
public static class BasicSystemRules
{
    /// <summary>
    /// At least <c>MinCount</c> meetings of one kind in every slot of a cadence, for example a general meeting every
    /// quarter. Records of the same organization, kind and day count once (the same meeting entered twice, or on two
    /// platforms). With a quorum, parameter <c>RequireQuorum</c> (default 1) counts only valid meetings.
    /// </summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="title">The rule's title; <c>{MinCount}</c> stands for the number in force.</param>
    /// <param name="citation">The rule's source.</param>
    /// <param name="system">The system it belongs to.</param>
    /// <param name="kind">The activity kind counted.</param>
    /// <param name="cadence">The cadence.</param>
    /// <param name="minCount">The default minimum per slot (parameter <c>MinCount</c>).</param>
    /// <param name="scope">Which organizations it applies to.</param>
    /// <param name="quorum">Which attendance makes a meeting valid, if any.</param>
    /// <param name="severity">The severity of a miss.</param>
    public static IBasicSystemRule Frequency(RuleId id, LocalizedText title, Citation citation, BasicSystem system, ActivityKind kind, Cadence cadence,
        int minCount, OrganizationScope scope, QuorumKind quorum = QuorumKind.None, FindingSeverity severity = FindingSeverity.Violation) =>
        new FrequencyRule(id, title, citation, system, kind, cadence, minCount, scope, quorum, severity);

    /// <summary>
    /// Every member registered in the branch at the end of the slot took part in at least <c>MinTimes</c> activities of
    /// one kind in the slot (records on the same day count once), for example every member in a heart-to-heart talk once
    /// a year. Guests and people registered elsewhere are not counted.
    /// </summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="title">The rule's title; <c>{MinTimes}</c> stands for the number in force.</param>
    /// <param name="citation">The rule's source.</param>
    /// <param name="system">The system it belongs to.</param>
    /// <param name="kind">The activity kind.</param>
    /// <param name="members">Whose coverage is checked.</param>
    /// <param name="cadence">The cadence.</param>
    /// <param name="minTimes">The default number of times each member takes part (parameter <c>MinTimes</c>).</param>
    /// <param name="excusedIsCovered">Whether a member excused with a reason (请假) is covered too, as in an appraisal, which
    /// covers the members appraised, present or not; a talk needs the member there.</param>
    public static IBasicSystemRule Coverage(RuleId id, LocalizedText title, Citation citation, BasicSystem system, ActivityKind kind, CoveredMembers members,
        Cadence cadence, int minTimes = 1, bool excusedIsCovered = false) =>
        new CoverageRule(id, title, citation, system, kind, members, cadence, minTimes, excusedIsCovered);
}
