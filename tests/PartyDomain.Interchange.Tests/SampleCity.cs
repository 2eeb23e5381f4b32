using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Tests;
using PartyDomain.Training;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Interchange.Tests;

/// <summary>A small valid city with at least one record of every table, and values that stress the format.</summary>
internal static class SampleCity
{
    public static TestCity Create()
    {
        var city = new TestCity()
            .Firm("F1", founded: new LocalDate(2012, 3, 5), charterSince: new LocalDate(2018, 7, 1))
            .Firm("F2")
            .BranchOf("B1", "F1")
            .JointBranch("J1", "F2")
            .PartyGroup("G1", "B1")
            .FullMember("M1")
            .FullMember("M2", new LocalDate(2016, 7, 1))
            .Probationary("M3", new LocalDate(2024, 12, 1))
            .Activist("A1")
            .NonMember("L1")
            .Register("M1", "B1")
            .Register("M2", "B1", to: new LocalDate(2019, 12, 31))
            .Register("M2", "J1", from: new LocalDate(2020, 1, 1))
            .Register("M3", "J1")
            .Employ("M1", "F1")
            .Employ("M2", "F2")
            .Employ("L1", "F1")
            .Secretary("M1", "B1")
            .Post("M2", "J1", PartyPost.Secretary)
            .Director("L1", "F1")
            .FirmPost("M2", "F2", FirmPost.Partner)
            .Instructor("M2", "F1", from: new LocalDate(2023, 1, 1))
            .Election("B1", new LocalDate(2023, 6, 1), termYears: 3)
            .Activity("B1", ActivityKind.GeneralMeeting, new LocalDate(2025, 3, 5), [Present("M1"), Excused("M2", "出差, 北京"), Absent("A1")], id: "ACT-1")
            .Add(new ActivityRecord
            {
                Id = "ACT-2",
                OrganizationId = O("J1"),
                Kind = ActivityKind.LawPopularization,
                Date = new LocalDate(2025, 4, 1),
                Title = "民法典进社区，\"美好生活\"",
                HeadCount = 120,
                SourcePlatform = "智慧党建",
                Tags = ["民法典", "普法"],
            })
            .Add(new Person
            {
                Id = P("X1"),
                Name = "王 小明",
                BirthDate = new LocalDate(1990, 2, 28),
                IdNumber = new SensitiveText("41150219900228123X"),
                Phone = new SensitiveText("13800001234"),
                Lawyer = new LawyerProfile("14115201810012345", new LocalDate(2018, 10, 1)),
            })
            .Add(new ServiceRecord { Id = "S1", Indicator = new IndicatorCode("hotline-calls"), Date = new LocalDate(2025, 1, 2), Quantity = 12.5m, Firm = F("F1"), Channel = "12348热线" })
            .Add(new ServiceRecord
            {
                Indicator = new IndicatorCode("walk-in-consultations"),
                Date = new LocalDate(2025, 2, 1),
                Span = RecordSpan.Month,
                Quantity = 3,
                Member = P("M1"),
                Organization = O("B1"),
                District = "平桥区",
                Subject = "某公司",
                Tags = ["法律顾问"],
            })
            .Add(new TrainingSession
            {
                Id = "T1",
                Title = "支部书记集中轮训",
                Organizer = "市律师行业党校",
                Start = new LocalDate(2025, 5, 10),
                End = new LocalDate(2025, 5, 12),
                StudyHours = 24,
                Audience = TrainingAudience.Secretaries | TrainingAudience.Cadres,
                Concentrated = true,
                PartySchool = true,
                Attendance = [new TrainingAttendance(P("M1")), new TrainingAttendance(P("M2"), 8.5m)],
            })
            .Add(new StudyCredit { PersonId = P("M1"), Platform = "xuexi-qiangguo", Date = new LocalDate(2025, 3, 31), Points = 1500 })
            .Add(new MemberIncome { PersonId = P("M1"), Month = new YearMonth(2025, 1), Kind = IncomeKind.IrregularIncome, Amount = 12000.5m })
            .Add(new MemberIncome { PersonId = P("M3"), Month = new YearMonth(2025, 1), Kind = IncomeKind.NoIncome })
            .Add(new DuesPayment { PersonId = P("M1"), Month = new YearMonth(2025, 1), Amount = 120.50m, PaidOn = new LocalDate(2025, 1, 20) })
            .Add(new AdmissionCase
            {
                Id = "AC-1",
                PersonId = P("M3"),
                OrganizationId = O("J1"),
                Applied = new LocalDate(2022, 3, 1),
                FirstTalk = new LocalDate(2022, 3, 20),
                ActivistDesignated = new LocalDate(2022, 6, 1),
                Contacts = [P("M2")],
                Assessments = [new LocalDate(2022, 12, 1), new LocalDate(2023, 6, 1)],
                CandidateDesignated = new LocalDate(2023, 7, 1),
                Sponsors = [P("M2"), P("M1")],
                PoliticalReview = new LocalDate(2024, 9, 1),
                PoliticalReviewPassed = true,
                TrainingDays = 3,
                TrainingHours = 24,
                PreReview = new LocalDate(2024, 10, 1),
                AdmissionVote = new AdmissionVote(new LocalDate(2024, 11, 1), 10, 9, 9),
                Approved = new LocalDate(2024, 12, 1),
                Oath = new LocalDate(2024, 12, 5),
            })
            .Add(new MajorMatter
            {
                Id = "MM-1",
                Title = "修订律师协会会员违规行为处分规则",
                Kind = MajorMatterKind.ImportantWork,
                Route = MajorMatterRoute.CommitteeFirst,
                Steps =
                [
                    new MajorMatterStep(new LocalDate(2025, 2, 10), GoverningBody.IndustryCommittee, StepOutcome.Approved),
                    new MajorMatterStep(new LocalDate(2025, 3, 1), GoverningBody.BureauLeadershipGroup, StepOutcome.Approved),
                ],
            })
            .Add(new GovernanceDocument { Id = "D-1", Title = "律师行业党委工作职责", Kind = GovernanceDocumentKind.WorkDuties, Issued = new LocalDate(2024, 5, 1), Issuer = "市律师行业党委" })
            .Add(new Pairing { Id = "PR-1", OrganizationId = O("B1"), Partner = "五星社区", From = new LocalDate(2024, 1, 1) })
            .Add(new JointActivity { Id = "JA-1", PairingId = "PR-1", Date = new LocalDate(2025, 5, 4), Title = "联合主题党日", Participants = 30 })
            .Add(new Commendation { Id = "CM-1", Level = CommendationLevel.Provincial, Awarder = "省律师协会", Reason = "优秀律师", Date = new LocalDate(2024, 12, 20), PersonId = P("M1") })
            .Add(new Donation { Id = "DN-1", Amount = 5000.5m, Purpose = "防汛救灾", Date = new LocalDate(2024, 7, 20), InKind = true, FirmId = F("F1") });
        return city;
    }

    public static CityDataset Build() => Create().Build();
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pd-interchange-" + Guid.NewGuid().ToString("N"));

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
