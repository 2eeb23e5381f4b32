using Microsoft.Extensions.DependencyInjection;
using PartyDomain.BasicSystems;
using PartyDomain.Development;
using PartyDomain.Extensibility;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Reporting;
using PartyDomain.Rules;
using PartyDomain.Training;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Tests.Reporting;

/// <summary>
/// A small city written out by hand for the 2024 report, with "today" on 15 June 2025 so the year has ended:
/// firms A (charter 2018), B (no charter), D (charter 2020) and E (closed 2023); A's own branch BA and the joint
/// branch JB covering B and D; party-school sessions, governance records, service records and organizational life.
/// Every expected figure is worked out in <see cref="AnnualSummaryFigureTests"/> from these records.
/// </summary>
internal static class ReportTestCity
{
    public const int Year = 2024;

    public static LocalDate D(int month, int day) => new(Year, month, day);

    /// <summary>The service records, kept so the test sums them itself.</summary>
    public static IReadOnlyList<ServiceRecord> Services { get; } =
    [
        new() { Indicator = IndicatorCodes.WalkInConsultations, Date = D(1, 15), Quantity = 30 },
        new() { Indicator = IndicatorCodes.WalkInConsultations, Date = D(3, 20), Quantity = 45 },
        new() { Indicator = IndicatorCodes.WalkInConsultations, Date = D(2, 1), Span = RecordSpan.Month, Quantity = 10 },
        new() { Indicator = IndicatorCodes.WalkInConsultations, Date = new LocalDate(2023, 12, 30), Quantity = 99 }, // last year
        new() { Indicator = IndicatorCodes.HotlineAnswered, Date = D(5, 1), Span = RecordSpan.Month, Quantity = 120 },
        new() { Indicator = IndicatorCodes.LegalAidCases, Date = D(6, 3), Quantity = 12 },
        new() { Indicator = IndicatorCodes.LegalAidClosed, Date = D(11, 3), Quantity = 9 },
        new() { Indicator = IndicatorCodes.AdviserPosts, Date = D(1, 2), Subject = "何家冲村" },
        new() { Indicator = IndicatorCodes.AdviserPosts, Date = D(1, 3), Subject = "浉河区政府" },
        new() { Indicator = IndicatorCodes.AdviserPosts, Date = D(7, 3), Subject = "何家冲村" },
        new() { Indicator = IndicatorCodes.CriminalCases, Date = D(4, 9), Quantity = 5 },
        new() { Indicator = IndicatorCodes.CivilCases, Date = D(4, 9), Quantity = 7 },
        new() { Indicator = IndicatorCodes.NonLitigationCases, Date = D(8, 9), Quantity = 3 },
        new() { Indicator = IndicatorCodes.ConsultationsAndDocuments, Date = D(9, 9), Quantity = 40 },
        new() { Indicator = IndicatorCodes.LitigationParticipations, Date = D(9, 10), Quantity = 6 },
        new() { Indicator = IndicatorCodes.OnSiteServices, Date = D(10, 10), Quantity = 8 },
        new() { Indicator = IndicatorCodes.VillageLegalOpinions, Date = D(12, 10), Quantity = 4 },
        // No arbitration cases and no mediated disputes are entered: F20-arbitration and F22 are missing.
    ];

    public static TestCity Create()
    {
        var city = new TestCity(new LocalDate(2025, 6, 15))
            .Firm("A", charterSince: new LocalDate(2018, 1, 1))
            .Firm("B")
            .Firm("D", charterSince: new LocalDate(2020, 1, 1))
            .Firm("E", closed: new LocalDate(2023, 3, 1), charterSince: new LocalDate(2016, 1, 1))
            .BranchOf("BA", "A")
            .JointBranch("JB", "B", "D")
            // A: three full members and a probationary one practising there, registered at BA; A-F1 directs A and is its secretary.
            .Members("A", full: 3, probationary: 1, registeredAt: "BA", employedAt: "A")
            .Secretary("A-F1", "BA").Director("A-F1", "A")
            // B: one full member, the joint branch's secretary; B is directed by a lawyer outside the party.
            .Members("B", full: 1, registeredAt: "JB", employedAt: "B")
            .Secretary("B-F1", "JB")
            .NonMember("BD").Employ("BD", "B").Director("BD", "B")
            // D: a lawyer outside the party. R: a member registered at BA who practises nowhere (not a party-member lawyer).
            .NonMember("DL").Employ("DL", "D")
            .FullMember("R").Register("R", "BA")
            // Party-school trainees of 2019: an activist and a development candidate at the time.
            .Person("X1", Standing(MemberStanding.Applicant, new(2018, 1, 1)), Standing(MemberStanding.Activist, new(2019, 1, 1)))
            .Person("X2", Standing(MemberStanding.Activist, new(2018, 1, 1)), Standing(MemberStanding.DevelopmentCandidate, new(2019, 3, 1)))
            // Admission cases: Y1 (young) applied and became an activist in 2024; Y2 became a candidate in 2024.
            .PersonBorn("Y1", new(1996, 5, 1), Standing(MemberStanding.Applicant, D(3, 1)), Standing(MemberStanding.Activist, D(5, 1)))
            .PersonBorn("Y2", new(1980, 5, 1), Standing(MemberStanding.Applicant, new(2023, 1, 10)), Standing(MemberStanding.Activist, new(2023, 3, 1)),
                Standing(MemberStanding.DevelopmentCandidate, D(4, 1)));

        city.Add(new AdmissionCase { Id = "K1", PersonId = P("Y1"), OrganizationId = O("BA"), Applied = D(3, 1), FirstTalk = D(3, 10), ActivistDesignated = D(5, 1), Contacts = [P("A-F2")] })
            .Add(new AdmissionCase
            {
                Id = "K2", PersonId = P("Y2"), OrganizationId = O("BA"), Applied = new(2023, 1, 10), FirstTalk = new(2023, 1, 20),
                ActivistDesignated = new(2023, 3, 1), Contacts = [P("A-F2")], CandidateDesignated = D(4, 1), Sponsors = [P("A-F2"), P("A-F3")],
            });

        // Training: F5 counts party-school sessions up to the year's end; F9 sessions for secretaries in the year.
        city.Add(new TrainingSession
            {
                Id = "S1", Title = "党校第一期", Start = new(2019, 5, 10), StudyHours = 8, PartySchool = true,
                Attendance = [new(P("X1")), new(P("X2")), new(P("A-F1"))],
            })
            .Add(new TrainingSession
            {
                Id = "S2", Title = "党校支部书记班", Start = D(3, 1), StudyHours = 16, PartySchool = true, Audience = TrainingAudience.Secretaries,
                Concentrated = true, Attendance = [new(P("A-F1")), new(P("B-F1"))],
            })
            .Add(new TrainingSession { Id = "S3", Title = "支部书记集中轮训", Start = D(6, 1), StudyHours = 8, Audience = TrainingAudience.Secretaries, Attendance = [new(P("B-F1"))] })
            .Add(new StudyCredit { PersonId = P("A-F2"), Platform = "xuexi-qiangguo", Date = D(6, 30), Points = 250 })
            .Add(new StudyCredit { PersonId = P("A-F3"), Platform = "xuexi-qiangguo", Date = D(12, 30), Points = 120 });

        // Governance: three matters opened in 2024 (M3 skipped the committee), one in 2023.
        city.Add(Matter("M1", MajorMatterRoute.CommitteeFirst, (D(2, 1), GoverningBody.IndustryCommittee), (D(2, 20), GoverningBody.BureauLeadershipGroup)))
            .Add(Matter("M2", MajorMatterRoute.CouncilFirst, (D(4, 1), GoverningBody.StandingCouncil), (D(4, 10), GoverningBody.IndustryCommittee), (D(5, 1), GoverningBody.BureauLeadershipGroup)))
            .Add(Matter("M3", MajorMatterRoute.CommitteeFirst, (D(7, 1), GoverningBody.StandingCouncil), (D(7, 10), GoverningBody.BureauLeadershipGroup)))
            .Add(Matter("M0", MajorMatterRoute.CommitteeFirst, (new(2023, 5, 1), GoverningBody.IndustryCommittee), (new(2023, 6, 1), GoverningBody.BureauLeadershipGroup)))
            .Add(new GovernanceDocument { Id = "G1", Title = "律师行业党委工作职责", Kind = GovernanceDocumentKind.WorkDuties, Issued = new(2020, 1, 5) })
            .Add(new GovernanceDocument { Id = "G2", Title = "律师行业党委会议议事规则", Kind = GovernanceDocumentKind.MeetingProcedures, Issued = new(2020, 1, 5) })
            .Add(new Pairing { Id = "P1", OrganizationId = O("BA"), Partner = "老城社区", From = new(2023, 1, 1) })
            .Add(new Pairing { Id = "P2", OrganizationId = O("JB"), Partner = "市监狱管教党支部", PartnerKind = PairingPartnerKind.Unit, From = new(2022, 1, 1), To = new(2023, 12, 31) })
            .Add(new Pairing { Id = "P3", OrganizationId = O("JB"), Partner = "南湾社区", From = D(5, 1) })
            .Add(new JointActivity { Id = "J1", PairingId = "P1", Date = D(3, 5), Title = "联合主题党日" })
            .Add(new JointActivity { Id = "J2", PairingId = "P1", Date = D(9, 5), Title = "社区普法" })
            .Add(new JointActivity { Id = "J3", PairingId = "P3", Date = D(6, 5), Title = "结对共建" })
            .Add(new JointActivity { Id = "J0", PairingId = "P2", Date = new(2023, 6, 5), Title = "律师会见座谈" })
            .Add(new Commendation { Id = "H1", Level = CommendationLevel.Provincial, Awarder = "省律师协会", Reason = "抗疫先进律所", Date = D(4, 1), FirmId = F("A") })
            .Add(new Commendation { Id = "H2", Level = CommendationLevel.City, Awarder = "市司法局", Reason = "优秀律所", Date = D(10, 1), FirmId = F("A") })
            .Add(new Commendation { Id = "H3", Level = CommendationLevel.Provincial, Awarder = "省律师协会", Reason = "抗疫先进个人", Date = D(4, 1), PersonId = P("A-F2") })
            .Add(new Commendation { Id = "H4", Level = CommendationLevel.National, Awarder = "司法部", Reason = "全国司法行政系统先进个人", Date = D(11, 1), PersonId = P("B-F1") })
            .Add(new Donation { Id = "DN1", Amount = 12000.50m, Purpose = "抗击疫情", Date = D(2, 10), FirmId = F("A") })
            .Add(new Donation { Id = "DN2", Amount = 30000m, Purpose = "抗击疫情", Date = D(2, 12), InKind = true })
            .Add(new Donation { Id = "DN0", Amount = 5000m, Purpose = "助学", Date = new(2023, 9, 1) });

        // Organizational life. General meetings: BA in Q1 and Q2 only, JB every quarter; organizational life meeting: BA only.
        city.Activity("BA", ActivityKind.GeneralMeeting, D(2, 10), "A-F1", "A-F2", "A-F3")
            .Activity("BA", ActivityKind.GeneralMeeting, D(5, 10), "A-F1", "A-F2", "A-F3")
            .Activity("BA", ActivityKind.OrganizationalLifeMeeting, D(12, 10), "A-F1", "A-F2", "A-F3");
        foreach (var month in new[] { 1, 4, 7, 10 })
        {
            city.Activity("JB", ActivityKind.GeneralMeeting, D(month, 20), "B-F1");
        }

        // F8: two leadership visits; F10: red education, distinct attendees A-F1, A-F2, B-F1; F11: 50 + 30 at law-popularization events.
        city.Activity("C", ActivityKind.LeadershipVisit, D(3, 15))
            .Activity("C", ActivityKind.LeadershipVisit, D(9, 15))
            .Activity("BA", ActivityKind.RedEducation, D(6, 1), "A-F1", "A-F2")
            .Activity("JB", ActivityKind.RedEducation, D(6, 2), "B-F1")
            .Activity("BA", ActivityKind.RedEducation, D(7, 1), "A-F1");
        city.Add(new ActivityRecord { Id = "LP1", OrganizationId = O("BA"), Kind = ActivityKind.LawPopularization, Date = D(3, 8), HeadCount = 50 })
            .Add(new ActivityRecord { Id = "LP2", OrganizationId = O("JB"), Kind = ActivityKind.LawPopularization, Date = D(12, 4), HeadCount = 30 })
            // F13: two meetings recorded through the online platform.
            .Add(new ActivityRecord { Id = "ON1", OrganizationId = O("BA"), Kind = ActivityKind.PartyLesson, Date = D(8, 8), SourcePlatform = "智慧党建" })
            .Add(new ActivityRecord { Id = "ON2", OrganizationId = O("JB"), Kind = ActivityKind.PartyLesson, Date = D(8, 9), SourcePlatform = "智慧党建" });

        foreach (var service in Services)
        {
            city.Add(service);
        }

        return city;
    }

    /// <summary>
    /// The report's services: the city's xuexi-qiangguo converter (100 points an hour, up to 10 hours), and only the two
    /// rules whose slots the test counts by hand: a general meeting each quarter and an organizational life meeting a year.
    /// </summary>
    public static ServiceProvider Provider(TestCity city, Action<PartyDomainBuilder>? more = null)
    {
        var services = new ServiceCollection().AddSingleton<IClock>(city.Clock);
        services.AddPartyDomain(b =>
        {
            b.AddStudyCreditConverter(new PointsPerHourConverter("xuexi-qiangguo", 100, 10));
            b.ConfigureRules(o =>
            {
                foreach (var rule in b.Rules.OfType<IBasicSystemRule>())
                {
                    if (rule.Id != BasicSystemRuleIds.GeneralMeeting && rule.Id != BasicSystemRuleIds.OrganizationalLifeMeeting)
                    {
                        o.Rules[rule.Id.Value] = new RuleSettings { Enabled = false };
                    }
                }
            });
            more?.Invoke(b);
        });
        return services.BuildServiceProvider();
    }

    public static AnnualSummary Summarize(TestCity? city = null, Action<PartyDomainBuilder>? more = null)
    {
        city ??= Create();
        using var provider = Provider(city, more);
        return provider.GetRequiredService<AnnualSummaryBuilder>().Build(city.Build(), Year);
    }

    private static MajorMatter Matter(string id, MajorMatterRoute route, params (LocalDate Date, GoverningBody Body)[] steps) => new()
    {
        Id = id,
        Title = $"重大事项{id}",
        Kind = MajorMatterKind.ImportantWork,
        Route = route,
        Steps = steps.Select(s => new MajorMatterStep(s.Date, s.Body, StepOutcome.Approved)).ToArray(),
    };
}
