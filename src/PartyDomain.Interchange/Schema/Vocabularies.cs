using PartyDomain.BasicSystems;
using PartyDomain.Dues;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Training;

namespace PartyDomain.Interchange.Schema;

/// <summary>The values of every closed choice in the format, with their codes, Chinese names and common aliases.</summary>
internal static class Vocabularies
{
    public static Vocabulary<OrganizationKind> OrganizationKinds { get; } = new Vocabulary<OrganizationKind>()
        .Add(OrganizationKind.IndustryCommittee, "industry-committee", "行业党委", "党委", "律师行业党委")
        .Add(OrganizationKind.GeneralBranch, "general-branch", "党总支", "总支")
        .Add(OrganizationKind.Branch, "branch", "党支部", "支部")
        .Add(OrganizationKind.JointBranch, "joint-branch", "联合党支部", "联合支部")
        .Add(OrganizationKind.PartyGroup, "party-group", "党小组");

    public static Vocabulary<MemberStanding> Standings { get; } = new Vocabulary<MemberStanding>()
        .Add(MemberStanding.Applicant, "applicant", "入党申请人", "申请人")
        .Add(MemberStanding.Activist, "activist", "入党积极分子", "积极分子")
        .Add(MemberStanding.DevelopmentCandidate, "development-candidate", "发展对象")
        .Add(MemberStanding.ProbationaryMember, "probationary-member", "预备党员")
        .Add(MemberStanding.FullMember, "full-member", "正式党员")
        .Add(MemberStanding.Ceased, "ceased", "已终止", "终止", "出党");

    public static Vocabulary<FirmPost> FirmPosts { get; } = new Vocabulary<FirmPost>()
        .Add(FirmPost.Director, "director", "主任", "律所主任")
        .Add(FirmPost.Partner, "partner", "合伙人")
        .Add(FirmPost.Management, "management", "管理委员会成员", "管委会成员", "副主任");

    public static Vocabulary<PartyPost> PartyPosts { get; } = new Vocabulary<PartyPost>()
        .Add(PartyPost.Secretary, "secretary", "书记")
        .Add(PartyPost.DeputySecretary, "deputy-secretary", "副书记")
        .Add(PartyPost.CommitteeMember, "committee-member", "委员", "支委")
        .Add(PartyPost.GroupLeader, "group-leader", "党小组组长", "组长");

    public static Vocabulary<AttendanceStatus> Attendance { get; } = new Vocabulary<AttendanceStatus>()
        .Add(AttendanceStatus.Present, "present", "出席", "参加", "到会")
        .Add(AttendanceStatus.Absent, "absent", "缺席")
        .Add(AttendanceStatus.Excused, "excused", "请假");

    public static Vocabulary<RecordSpan> Spans { get; } = new Vocabulary<RecordSpan>()
        .Add(RecordSpan.Day, "day", "日")
        .Add(RecordSpan.Month, "month", "月")
        .Add(RecordSpan.Year, "year", "年");

    public static Vocabulary<TrainingAudience> Audiences { get; } = new Vocabulary<TrainingAudience>()
        .Add(TrainingAudience.None, "none", "无")
        .Add(TrainingAudience.Activists, "activists", "入党积极分子", "积极分子")
        .Add(TrainingAudience.Candidates, "candidates", "发展对象")
        .Add(TrainingAudience.Cadres, "cadres", "党务干部")
        .Add(TrainingAudience.Secretaries, "secretaries", "支部书记")
        .Add(TrainingAudience.AllMembers, "all-members", "全体党员");

    public static Vocabulary<IncomeKind> IncomeKinds { get; } = new Vocabulary<IncomeKind>()
        .Add(IncomeKind.Salary, "salary", "工资收入", "工资")
        .Add(IncomeKind.IrregularIncome, "irregular-income", "不固定收入")
        .Add(IncomeKind.Pension, "pension", "离退休费", "退休金")
        .Add(IncomeKind.NoIncome, "no-income", "无收入");

    public static Vocabulary<MajorMatterKind> MajorMatterKinds { get; } = new Vocabulary<MajorMatterKind>()
        .Add(MajorMatterKind.Decision, "decision", "重大决策")
        .Add(MajorMatterKind.Expenditure, "expenditure", "重大开支")
        .Add(MajorMatterKind.ImportantWork, "important-work", "重要工作");

    public static Vocabulary<MajorMatterRoute> Routes { get; } = new Vocabulary<MajorMatterRoute>()
        .Add(MajorMatterRoute.CommitteeFirst, "committee-first", "党委会先行决定", "党委先议")
        .Add(MajorMatterRoute.CouncilFirst, "council-first", "常务理事会先行通过", "理事会先议");

    public static Vocabulary<GoverningBody> Bodies { get; } = new Vocabulary<GoverningBody>()
        .Add(GoverningBody.IndustryCommittee, "industry-committee", "党委会", "行业党委")
        .Add(GoverningBody.StandingCouncil, "standing-council", "常务理事会")
        .Add(GoverningBody.BureauLeadershipGroup, "bureau-leadership-group", "局党组");

    public static Vocabulary<StepOutcome> Outcomes { get; } = new Vocabulary<StepOutcome>()
        .Add(StepOutcome.Approved, "approved", "通过", "批准")
        .Add(StepOutcome.Rejected, "rejected", "否决", "不通过")
        .Add(StepOutcome.Returned, "returned", "退回修改", "退回");

    public static Vocabulary<GovernanceDocumentKind> DocumentKinds { get; } = new Vocabulary<GovernanceDocumentKind>()
        .Add(GovernanceDocumentKind.WorkDuties, "work-duties", "工作职责")
        .Add(GovernanceDocumentKind.MeetingProcedures, "meeting-procedures", "会议议事规则", "议事规则")
        .Add(GovernanceDocumentKind.GuidanceOpinion, "guidance-opinion", "指导意见")
        .Add(GovernanceDocumentKind.Other, "other", "其他");

    public static Vocabulary<PairingPartnerKind> PartnerKinds { get; } = new Vocabulary<PairingPartnerKind>()
        .Add(PairingPartnerKind.Community, "community", "社区", "村")
        .Add(PairingPartnerKind.Unit, "unit", "单位");

    public static Vocabulary<CommendationLevel> CommendationLevels { get; } = new Vocabulary<CommendationLevel>()
        .Add(CommendationLevel.National, "national", "全国", "国家级")
        .Add(CommendationLevel.Provincial, "provincial", "省级", "省")
        .Add(CommendationLevel.City, "city", "市级", "市");

    /// <summary>Audience flags as a list: <c>activists;candidates</c>.</summary>
    public static string FormatAudience(TrainingAudience audience, TextLanguage language) =>
        audience == TrainingAudience.None ? Audiences.Format(TrainingAudience.None, language)
            : string.Join(";", Audiences.Values.Where(v => v != TrainingAudience.None && audience.HasFlag(v)).Select(v => Audiences.Format(v, language)));
}
