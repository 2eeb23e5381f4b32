using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Governance;
using PartyDomain.Interchange.Writing;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Training;

namespace PartyDomain.Interchange.Schema;

/// <summary>
/// What a template tells the staff who fill it in: what each table holds, and one example row per table. The examples
/// are one small valid city (its ids refer to each other), written by the tables' own writers, so an example row has
/// exactly the form a real row takes; reading skips a row marked as the example only when it is still that row.
/// </summary>
internal static class TemplateGuide
{
    /// <summary>The header of the column marking the example row, and the mark, in Chinese and English.</summary>
    public static readonly LocalizedText Marker = new("示例", "example");

    /// <summary>Sheets and files of a template that are not tables: the instructions and the lists behind the dropdowns.</summary>
    public static readonly LocalizedText InstructionsSheet = new("说明", "instructions");

    /// <summary>The hidden sheet holding the dropdowns' lists.</summary>
    public static readonly LocalizedText ChoicesSheet = new("可选值", "choices");

    /// <summary>The instructions file of a CSV folder.</summary>
    public const string ReadmeFile = "README.txt";

    private static readonly HashSet<string> GuideNames = new(
        new[] { InstructionsSheet.Chinese, InstructionsSheet.English, ChoicesSheet.Chinese, ChoicesSheet.English, "readme" }.Select(Names.Normalize),
        StringComparer.Ordinal);

    /// <summary>Whether a sheet or a CSV folder's file (<c>README.txt</c>, <c>说明.txt</c>) is a template's guide rather than a table.</summary>
    public static bool IsGuide(string name) => GuideNames.Contains(Names.Normalize(name));

    /// <summary>Whether <paramref name="header"/> heads the example marker column.</summary>
    public static bool IsMarker(string header)
    {
        var key = Names.Normalize(header);
        return key == Names.Normalize(Marker.Chinese) || key == Names.Normalize(Marker.English);
    }

    /// <summary>What each table holds, in the order to fill them.</summary>
    public static LocalizedText Description(Table table) => Descriptions[table.Name];

    /// <summary>The example row of <paramref name="table"/>, in column order, as <paramref name="context"/> writes it.</summary>
    public static string?[]? Example(Table table, WriteContext context) => table.Write(ExampleCity.Value, context).LastOrDefault();

    private static readonly Dictionary<string, LocalizedText> Descriptions = new(StringComparer.Ordinal)
    {
        ["city"] = new("本市的编码和名称，只填一行。", "The city's code and name: one row."),
        ["organizations"] = new("律师行业党委、党总支、党支部、联合党支部、党小组，每个组织一行；先填上级组织。", "The industry committee, general branches, branches, joint branches and party groups, one row each; parents first."),
        ["firms"] = new("律师事务所，每所一行。", "The law firms, one row each."),
        ["people"] = new("党员、入党积极分子和律师等人员，每人一行；政治身份填在“政治身份”表。", "Members, activists, lawyers: one row per person; standings go in the standings table."),
        ["standings"] = new("每人政治身份的每次变化（入党申请人、积极分子、发展对象、预备党员、正式党员），一次一行。", "Each change of a person's standing, one row each."),
        ["registrations"] = new("党员的组织关系：所在党组织及起止日期；转接时结束旧的一行、新增一行。", "Where each member is registered, with dates; a transfer ends one row and starts another."),
        ["employments"] = new("人员在律所执业的经历及起止日期。", "Who practises at which firm, with dates."),
        ["firm_posts"] = new("律所主任、合伙人、管委会成员等律所职务。", "Firm posts: director, partner, management."),
        ["party_posts"] = new("书记、副书记、委员、党小组组长等党内职务。", "Party posts: secretary, deputy, committee member, group leader."),
        ["coverage"] = new("党组织覆盖的律所（联合党支部覆盖多所）。", "Which firms each organization covers (a joint branch covers several)."),
        ["instructors"] = new("派驻律所的党建指导员。", "Party-building instructors assigned to firms."),
        ["elections"] = new("党组织的换届选举日期和任期。", "Committee elections and their terms."),
        ["activities"] = new("三会一课、主题党日等组织生活，每次活动一行；出勤填在“活动出勤”表。", "Organizational life, one row per meeting or event; attendance goes in the next table."),
        ["activity_attendance"] = new("每次活动每人的出勤情况（出席、缺席、请假及事由）。", "Who attended each activity, was absent or excused (with the reason)."),
        ["services"] = new("公共法律服务等服务指标的记录：日期、指标、数量。", "Service records: date, indicator, quantity."),
        ["training_sessions"] = new("培训班次：名称、日期、学时、培训对象。", "Training sessions: title, dates, hours, audience."),
        ["training_attendance"] = new("参加各培训班次的人员及认定学时。", "Who attended each training session, with the hours credited."),
        ["study_credits"] = new("学习平台（如学习强国）的积分。", "Points from study platforms."),
        ["incomes"] = new("党员每月的收入申报，用于计算党费。", "Members' monthly income declarations, for dues."),
        ["dues_payments"] = new("党费缴纳记录：所属月份、金额、缴纳日期。", "Dues payments: month, amount, day paid."),
        ["admission_cases"] = new("发展党员案卷：从申请到转正的各环节日期和表决情况。", "Admission cases, from application to full membership."),
        ["major_matters"] = new("重大事项（重大决策、重大开支、重要工作）。", "Major matters: decisions, expenditures, important work."),
        ["major_matter_steps"] = new("重大事项的每一步决策程序：日期、决策机构、结果。", "Each step of a major matter: day, body, outcome."),
        ["governance_documents"] = new("印发的制度文件。", "Governance documents issued."),
        ["pairings"] = new("党组织与社区、单位的结对联建。", "Pairings of organizations with communities or units."),
        ["joint_activities"] = new("结对双方开展的联建活动。", "Joint activities of a pairing."),
        ["commendations"] = new("律所或个人获得的表彰。", "Commendations of firms or people."),
        ["donations"] = new("律所或个人的捐款捐物。", "Donations by firms or people."),
    };

    private static readonly Lazy<CityDataset> ExampleCity = new(BuildExample);

    private static CityDataset BuildExample()
    {
        PersonId member = new("P0001"), sponsor = new("P0002");
        OrganizationId committee = new("C01"), branch = new("B01");
        FirmId firm = new("F01");
        var d = (int y, int m, int day) => new LocalDate(y, m, day);
        var builder = new CityDatasetBuilder(new CityInfo("411500", "信阳市"), d(2025, 12, 31));
        builder.Add(new PartyOrganization { Id = committee, Name = "信阳市律师行业党委", Kind = OrganizationKind.IndustryCommittee, Established = d(2019, 10, 1) })
            .Add(new PartyOrganization { Id = branch, Name = "示例律师事务所党支部", Kind = OrganizationKind.Branch, ParentId = committee, Established = d(2020, 3, 1) })
            .Add(new LawFirm
            {
                Id = firm,
                Name = "示例律师事务所",
                CreditCode = "31411500MD0000001" + UnifiedSocialCreditCode.CheckCharacter("31411500MD0000001"),
                District = "浉河区",
                Founded = d(2012, 3, 5),
                CharterIncludesPartyBuildingSince = d(2018, 7, 1),
            })
            .Add(new Person
            {
                Id = sponsor,
                Name = "李四",
                Standings = [new(MemberStanding.FullMember, d(2005, 7, 1))],
            })
            .Add(new Person
            {
                Id = member,
                Name = "张三",
                BirthDate = d(1990, 5, 20),
                Lawyer = new LawyerProfile("14115201810012345", d(2018, 10, 1)),
                Standings = [new(MemberStanding.Applicant, d(2021, 3, 1)), new(MemberStanding.ProbationaryMember, d(2023, 6, 1)), new(MemberStanding.FullMember, d(2024, 6, 1))],
            })
            .Add(new MembershipRegistration { PersonId = sponsor, OrganizationId = branch, From = d(2020, 3, 1) })
            .Add(new MembershipRegistration { PersonId = member, OrganizationId = branch, From = d(2023, 6, 1) })
            .Add(new FirmEmployment { PersonId = member, FirmId = firm, From = d(2018, 10, 1) })
            .Add(new FirmPostHolding { PersonId = sponsor, FirmId = firm, Post = FirmPost.Director, From = d(2012, 3, 5) })
            .Add(new PartyPostHolding { PersonId = sponsor, OrganizationId = branch, Post = PartyPost.Secretary, From = d(2023, 1, 10) })
            .Add(new FirmCoverage { OrganizationId = branch, FirmId = firm, From = d(2020, 3, 1) })
            .Add(new InstructorAssignment { PersonId = sponsor, FirmId = firm, From = d(2024, 1, 1) })
            .Add(new CommitteeElection { OrganizationId = branch, ElectedOn = d(2023, 1, 10), TermYears = 3 })
            .Add(new ActivityRecord
            {
                Id = "A2025-001",
                OrganizationId = branch,
                Kind = ActivityKind.GeneralMeeting,
                Date = d(2025, 3, 5),
                Title = "学习党的二十届三中全会精神",
                HeadCount = 2,
                Attendance = [new(sponsor, AttendanceStatus.Present), new(member, AttendanceStatus.Excused, "出庭")],
            })
            .Add(new ServiceRecord { Id = "S2025-001", Indicator = IndicatorCodes.WalkInConsultations, Date = d(2025, 3, 6), Quantity = 12, Member = member, Firm = firm, Organization = branch, District = "浉河区", Channel = "公共法律服务站" })
            .Add(new TrainingSession
            {
                Id = "T2025-01",
                Title = "党员律师集中轮训",
                Organizer = "市律师行业党委",
                Start = d(2025, 5, 10),
                End = d(2025, 5, 12),
                StudyHours = 24,
                Audience = TrainingAudience.AllMembers,
                Concentrated = true,
                Attendance = [new(member, 24)],
            })
            .Add(new StudyCredit { PersonId = member, Platform = "学习强国", Date = d(2025, 3, 31), Points = 1500 })
            .Add(new MemberIncome { PersonId = member, Month = new YearMonth(2025, 1), Kind = IncomeKind.IrregularIncome, Amount = 12000 })
            .Add(new DuesPayment { PersonId = member, Month = new YearMonth(2025, 1), Amount = 120, PaidOn = d(2025, 1, 20) })
            .Add(new AdmissionCase
            {
                Id = "FZ2021-01",
                PersonId = member,
                OrganizationId = branch,
                Applied = d(2021, 3, 1),
                FirstTalk = d(2021, 3, 20),
                ActivistDesignated = d(2021, 6, 1),
                Contacts = [sponsor],
                CandidateDesignated = d(2022, 7, 1),
                Sponsors = [sponsor],
                PoliticalReview = d(2023, 3, 1),
                PoliticalReviewPassed = true,
                TrainingDays = 3,
                TrainingHours = 24,
                AdmissionVote = new AdmissionVote(d(2023, 6, 1), 10, 9, 9),
                Approved = d(2023, 6, 1),
            })
            .Add(new MajorMatter
            {
                Id = "ZD2025-01",
                Title = "年度党建工作经费预算",
                Kind = MajorMatterKind.Expenditure,
                Route = MajorMatterRoute.CommitteeFirst,
                Steps = [new(d(2025, 2, 10), GoverningBody.IndustryCommittee, StepOutcome.Approved)],
            })
            .Add(new GovernanceDocument { Id = "WJ2024-01", Title = "律师行业党委工作职责", Kind = GovernanceDocumentKind.WorkDuties, Issued = d(2024, 5, 1), Issuer = "市律师行业党委" })
            .Add(new Pairing { Id = "JD-01", OrganizationId = branch, Partner = "五星社区", PartnerKind = PairingPartnerKind.Community, From = d(2024, 1, 1) })
            .Add(new JointActivity { Id = "LJ2025-01", PairingId = "JD-01", Date = d(2025, 5, 4), Title = "民法典进社区", Participants = 30 })
            .Add(new Commendation { Id = "BZ2024-01", Level = CommendationLevel.City, Awarder = "市司法局", Reason = "优秀党员律师", Date = d(2024, 6, 28), PersonId = member })
            .Add(new Donation { Id = "JZ2024-01", Amount = 5000, Purpose = "防汛救灾", Date = d(2024, 7, 20), FirmId = firm });
        return builder.TryBuild(out var problems)
            ?? throw new InvalidOperationException("The template's example city is invalid: " + string.Join("; ", problems));
    }
}
