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
