using NodaTime.Testing;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Time;
using PartyDomain.Training;

namespace PartyDomain.EntityFrameworkCore.Tests;

/// <summary>A small city with at least one record of every type a dataset holds, nested values and empty optionals alike.</summary>
internal static class SampleCity
{
    public static LocalDate Today { get; } = new(2025, 6, 15);

    public static FakeClock Clock() => new(Today.At(new LocalTime(10, 0)).InZoneStrictly(PartyDomainTime.DefaultZone).ToInstant());

    public static CityDataset Build(string cityId = "411500", string cityName = "信阳市", int services = 3) =>
        new CityDatasetBuilder(new CityInfo(cityId, cityName), Today).AddRange(Records(services)).Build();

    public static List<DatasetRecord> Records(int services = 3)
    {
        var since = new LocalDate(2015, 1, 1);
        PersonId a = new("P1"), b = new("P2"), c = new("P3"), applicant = new("P4"), instructor = new("P5");
        OrganizationId committee = new("C"), branch = new("B1");
        FirmId firm = new("F1");
        var origin = new RecordOrigin("members.csv", 2);
        var records = new List<DatasetRecord>
        {
            new PartyOrganization { Id = committee, Name = "信阳市律师行业党委", Kind = OrganizationKind.IndustryCommittee, Established = new(2010, 1, 1) },
            new PartyOrganization { Id = branch, Name = "某某律师事务所党支部", Kind = OrganizationKind.Branch, ParentId = committee, Established = since },
            // Founded under the bureau's own party committee before the industry committee existed (改隶 on 2010-01-01).
            new PartyOrganization { Id = new("BUREAU"), Name = "市司法局机关党委", Kind = OrganizationKind.IndustryCommittee, Established = new(2005, 1, 1) },
            new PartyOrganization
            {
                Id = new("J0"), Name = "老城联合党支部", Kind = OrganizationKind.JointBranch, ParentId = committee, Established = new(2008, 3, 1),
                FormerParents = [new FormerParent(new("BUREAU"), new(2010, 1, 1))],
            },
            new LawFirm { Id = firm, Name = "河南某某律师事务所", District = "浉河区", Founded = new(2012, 3, 1), CharterIncludesPartyBuildingSince = new(2018, 1, 1) },
            new Person
            {
                Id = a, Name = "张三", BirthDate = new(1980, 5, 1), IdNumber = new SensitiveText("411502198005010011"), Phone = new SensitiveText("13800001111"),
                Standings = [new(MemberStanding.FullMember, new(2005, 7, 1))], Lawyer = new LawyerProfile("14115200510000001", new(2006, 1, 1)), Origin = origin,
            },
            new Person { Id = b, Name = "李四", Standings = [new(MemberStanding.ProbationaryMember, new(2023, 1, 1)), new(MemberStanding.FullMember, new(2024, 1, 1))], Lawyer = new LawyerProfile("14115201910000002") },
            new Person { Id = c, Name = "王五", Standings = [new(MemberStanding.FullMember, new(2010, 7, 1))] },
            new Person { Id = applicant, Name = "赵六", BirthDate = new(1995, 2, 3), Standings = [new(MemberStanding.Applicant, new(2024, 3, 1)), new(MemberStanding.Activist, new(2024, 6, 1))] },
            new Person { Id = instructor, Name = "钱七" },
            new MembershipRegistration { PersonId = a, OrganizationId = branch, From = since },
            new MembershipRegistration { PersonId = b, OrganizationId = branch, From = new(2023, 1, 1) },
            new MembershipRegistration { PersonId = c, OrganizationId = committee, From = since, To = new(2019, 12, 31) },
            new MembershipRegistration { PersonId = c, OrganizationId = branch, From = new(2020, 1, 1) },
            new FirmEmployment { PersonId = a, FirmId = firm, From = since },
            new FirmEmployment { PersonId = b, FirmId = firm, From = new(2019, 1, 1) },
            new FirmPostHolding { PersonId = a, FirmId = firm, Post = FirmPost.Director, From = since },
            new PartyPostHolding { PersonId = a, OrganizationId = branch, Post = PartyPost.Secretary, From = since },
            new PartyPostHolding { PersonId = c, OrganizationId = branch, Post = PartyPost.CommitteeMember, Portfolio = "组织委员", From = new(2020, 1, 1) },
            new FirmCoverage { OrganizationId = branch, FirmId = firm, From = since },
            new InstructorAssignment { PersonId = instructor, FirmId = firm, From = new(2021, 1, 1), To = new(2023, 12, 31) },
            new CommitteeElection { OrganizationId = branch, ElectedOn = new(2023, 5, 1), TermYears = 3 },
            new ActivityRecord
            {
                Id = "A1", OrganizationId = branch, Kind = ActivityKind.GeneralMeeting, Date = new(2025, 3, 10), Title = "学习民法典",
                Attendance = [new(a, AttendanceStatus.Present), new(b, AttendanceStatus.Excused, "出差"), new(c, AttendanceStatus.Absent)], Tags = ["民法典"],
            },
            new ActivityRecord { Id = "A2", OrganizationId = branch, Kind = ActivityKind.PartyLesson, Date = new(2024, 11, 5), Lecturer = a, Attendance = [new(a, AttendanceStatus.Present)] },
            new TrainingSession
            {
                Id = "T1", Title = "支部书记集中轮训", Organizer = "市律师行业党校", Start = new(2025, 4, 1), End = new(2025, 4, 3), StudyHours = 24.5m,
                Audience = TrainingAudience.Secretaries | TrainingAudience.Cadres, Concentrated = true, PartySchool = true,
                Attendance = [new(a), new(c, 12m)],
            },
            new StudyCredit { PersonId = a, Platform = "xuexi-qiangguo", Date = new(2025, 5, 31), Points = 1234.5m },
            new MemberIncome { PersonId = a, Month = new(2025, 3), Kind = IncomeKind.IrregularIncome, Amount = 20000m },
            new DuesPayment { PersonId = a, Month = new(2025, 3), Amount = 200m, PaidOn = new(2025, 4, 2) },
            // Two identical payments the same day: both are kept (natural key plus position).
            new DuesPayment { PersonId = b, Month = new(2025, 3), Amount = 10m, PaidOn = new(2025, 4, 2) },
            new DuesPayment { PersonId = b, Month = new(2025, 3), Amount = 10m, PaidOn = new(2025, 4, 2) },
            new AdmissionCase
            {
                Id = "D1", PersonId = applicant, OrganizationId = branch, Applied = new(2024, 3, 1), FirstTalk = new(2024, 3, 20),
                ActivistDesignated = new(2024, 6, 1), Contacts = [a, c], Assessments = [new(2024, 12, 1)],
            },
        };
        records.AddRange(
        [
            new MajorMatter
            {
                Id = "M1", Title = "年度党建经费预算", Kind = MajorMatterKind.Expenditure, Route = MajorMatterRoute.CommitteeFirst,
                Steps = [new(new(2025, 2, 10), GoverningBody.IndustryCommittee, StepOutcome.Approved), new(new(2025, 2, 20), GoverningBody.StandingCouncil, StepOutcome.Approved)],
            },
            new GovernanceDocument { Id = "G1", Title = "党委工作规则", Kind = GovernanceDocumentKind.MeetingProcedures, Issued = new(2023, 1, 5), Issuer = "信阳市律师行业党委" },
            new Pairing { Id = "PR1", OrganizationId = branch, Partner = "某某社区", From = new(2024, 1, 1) },
            new JointActivity { Id = "J1", PairingId = "PR1", Date = new(2025, 3, 5), Title = "社区普法", Participants = 30 },
            new Commendation { Id = "K1", Level = CommendationLevel.Provincial, Awarder = "中共河南省委", Reason = "先进基层党组织", Date = new(2024, 7, 1), FirmId = firm },
            new Donation { Id = "DN1", Amount = 5000m, Purpose = "助学", Date = new(2025, 1, 20), PersonId = a, InKind = false },
        ]);
        for (var i = 0; i < services; i++)
        {
            // One without an id: it is known by its content.
            records.Add(new ServiceRecord
            {
                Id = i == 0 ? null : $"S{i}", Indicator = IndicatorCodes.HotlineCalls, Date = new LocalDate(2025, 1, 1).PlusDays(i % 150),
                Quantity = 1.25m + i, Member = i % 2 == 0 ? a : null, Firm = firm, Channel = "12348热线", Tags = i % 3 == 0 ? ["夜间"] : [],
            });
        }

        return records;
    }
}
