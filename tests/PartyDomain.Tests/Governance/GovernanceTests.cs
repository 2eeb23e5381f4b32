using PartyDomain.Governance;
using PartyDomain.Rules;
using PartyDomain.Time;
using static PartyDomain.Testing.TestCity;
using PartyDomain.Tests.Rules;

namespace PartyDomain.Tests.Governance;

public class GovernanceTests
{
    private static readonly ReportingPeriod Y2024 = ReportingPeriod.Year(2024);

    private static LocalDate D(int month, int day) => new(2024, month, day);

    private static MajorMatter Matter(string id, MajorMatterRoute route, params (LocalDate Date, GoverningBody Body, StepOutcome Outcome)[] steps) => new()
    {
        Id = id, Title = $"事项{id}", Kind = MajorMatterKind.Expenditure, Route = route,
        Steps = steps.Select(s => new MajorMatterStep(s.Date, s.Body, s.Outcome)).ToArray(),
    };

    private static IReadOnlyList<Finding> Check(MajorMatter matter, RuleOptions? options = null)
    {
        var city = new TestCity().Add(matter);
        return new GovernanceEvaluator(GovernanceRule.Defaults, Microsoft.Extensions.Options.Options.Create(options ?? new RuleOptions())).Evaluate(city.Build(), Y2024).Findings;
    }

    private const GoverningBody Committee = GoverningBody.IndustryCommittee;
    private const GoverningBody Council = GoverningBody.StandingCouncil;
    private const GoverningBody Bureau = GoverningBody.BureauLeadershipGroup;
    private const StepOutcome Yes = StepOutcome.Approved;

    [Fact]
    public void A_matter_that_follows_either_route_raises_nothing()
    {
        Check(Matter("M1", MajorMatterRoute.CommitteeFirst, (D(1, 5), Committee, Yes), (D(1, 20), Bureau, Yes))).Should().BeEmpty();
        Check(Matter("M2", MajorMatterRoute.CouncilFirst, (D(1, 5), Council, Yes), (D(1, 8), Committee, Yes), (D(1, 20), Bureau, Yes))).Should().BeEmpty();
    }

    [Fact]
    public void A_matter_approved_without_the_committee_is_a_violation_citing_the_pre_review_rule()
    {
        var finding = Check(Matter("M3", MajorMatterRoute.CouncilFirst, (D(1, 5), Council, Yes), (D(1, 20), Bureau, Yes))).Should().ContainSingle().Subject;

        finding.RuleId.Should().Be(GovernanceRule.CommitteeReview.Id);
        finding.Severity.Should().Be(FindingSeverity.Violation);
        finding.Subject.Should().Be(new FindingSubject(SubjectKind.Matter, "M3", "事项M3"));
        finding.Citation.Confidence.Should().Be(SourceConfidence.Local);
        finding.Describe(TextLanguage.Chinese).Should().Contain("无党委会通过的记录").And.Contain("依据");
    }

    [Fact]
    public void Steps_out_of_the_route_s_order_or_dated_backwards_are_violations()
    {
        Check(Matter("M4", MajorMatterRoute.CouncilFirst, (D(1, 5), Committee, Yes), (D(1, 8), Council, Yes), (D(1, 20), Bureau, Yes)))
            .Should().ContainSingle().Which.RuleId.Should().Be(GovernanceRule.StepOrder.Id);
        Check(Matter("M5", MajorMatterRoute.CommitteeFirst, (D(1, 5), Bureau, Yes), (D(1, 8), Committee, Yes)))
            .Should().ContainSingle().Which.Found.Chinese.Should().Contain("党委会").And.Contain("局党组");
        Check(Matter("M6", MajorMatterRoute.CommitteeFirst, (D(2, 5), Committee, Yes), (D(1, 20), Bureau, Yes)))
            .Should().ContainSingle().Which.Found.English.Should().Contain("dated before");
    }

    [Fact]
    public void A_missing_final_approval_is_raised_once_the_configured_days_have_passed_and_not_for_a_rejected_matter()
    {
        Check(Matter("M7", MajorMatterRoute.CommitteeFirst, (D(12, 1), Committee, Yes))).Should().BeEmpty("60 days have not passed by the year's end");
        Check(Matter("M8", MajorMatterRoute.CommitteeFirst, (D(3, 1), Committee, Yes)))
            .Should().ContainSingle().Which.Should().Match<Finding>(f => f.RuleId == GovernanceRule.FinalApproval.Id && f.Severity == FindingSeverity.Warning);
        Check(Matter("M9", MajorMatterRoute.CommitteeFirst, (D(3, 1), Committee, StepOutcome.Rejected))).Should().BeEmpty();

        var tuned = new RuleOptions();
        tuned.Rules[GovernanceRule.FinalApproval.Id.Value] = new RuleSettings { Parameters = { ["Days"] = 10 } };
        Check(Matter("M10", MajorMatterRoute.CommitteeFirst, (D(12, 1), Committee, Yes)), tuned).Should().ContainSingle().Which.Expected.Chinese.Should().Contain("10天");
        tuned.Rules[GovernanceRule.FinalApproval.Id.Value].Enabled = false;
        Check(Matter("M11", MajorMatterRoute.CommitteeFirst, (D(3, 1), Committee, Yes)), tuned).Should().BeEmpty();
    }

    [Fact]
    public void Only_matters_first_taken_up_in_the_period_are_checked_and_counted()
    {
        var city = new TestCity()
            .Add(Matter("OLD", MajorMatterRoute.CouncilFirst, (new(2023, 12, 20), Council, Yes), (D(1, 20), Bureau, Yes)))
            .Add(Matter("NEW", MajorMatterRoute.CouncilFirst, (D(2, 1), Council, Yes), (D(2, 3), Committee, Yes), (D(2, 20), Bureau, Yes)));
        var dataset = city.Build();

        new GovernanceEvaluator(GovernanceRule.Defaults, Microsoft.Extensions.Options.Options.Create(new RuleOptions())).Evaluate(dataset, Y2024).ShouldFindNothing("the 2023 matter belongs to 2023's report");
        var figures = GovernanceEvaluator.Figures(dataset, Y2024).ToDictionary(f => f.Id, f => f.Value);
        figures["F7"].Should().Be(1);
        figures["F7-council-first"].Should().Be(1);
        figures["F7-committee-first"].Should().Be(0);
    }

    [Fact]
    public void Bad_governance_records_are_all_reported_naming_record_field_and_value()
    {
        var city = new TestCity()
            .Firm("A").BranchOf("BA", "A")
            .Add(Matter("M1", MajorMatterRoute.CommitteeFirst))
            .Add(Matter("M1", MajorMatterRoute.CommitteeFirst, (D(1, 1), Committee, Yes)))
            .Add(new GovernanceDocument { Id = "G1", Title = " ", Kind = GovernanceDocumentKind.GuidanceOpinion, Issued = new(2030, 1, 1) })
            .Add(new Pairing { Id = "P1", OrganizationId = O("NOPE"), Partner = "老城社区", From = D(1, 1) })
            .Add(new Pairing { Id = "P2", OrganizationId = O("BA"), Partner = "南湾社区", From = D(3, 1), To = D(6, 30) })
            .Add(new JointActivity { Id = "J1", PairingId = "P9", Date = D(2, 1), Title = "共建" })
            .Add(new JointActivity { Id = "J2", PairingId = "P2", Date = D(8, 1), Title = "共建" })
            .Add(new Commendation { Id = "H1", Level = CommendationLevel.City, Awarder = "市司法局", Reason = "优秀", Date = D(1, 1), FirmId = F("A"), PersonId = P("X") })
            .Add(new Commendation { Id = "H2", Level = CommendationLevel.City, Awarder = "市司法局", Reason = "优秀", Date = D(1, 1) })
            .Add(new Donation { Id = "DN1", Amount = 10.001m, Purpose = "助学", Date = D(1, 1), FirmId = F("ZZ") })
            .Add(new Donation { Id = "DN2", Amount = -5, Purpose = "助学", Date = D(1, 1), Origin = new PartyDomain.RecordOrigin("donations.csv", 3) });

        var problems = city.Validate().Select(p => p.ToString()).ToArray();

        problems.Should().Contain(p => p.Contains("MajorMatter [M1] Steps", StringComparison.Ordinal) && p.Contains("没有任何研究步骤", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("MajorMatter [M1] Id = 'M1'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("GovernanceDocument [G1] Title", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("GovernanceDocument [G1] Issued = '2030-01-01'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("Pairing [P1 (NOPE ↔ 老城社区)] OrganizationId = 'NOPE'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("JointActivity [J1 (P9 2024-02-01)] PairingId = 'P9'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("JointActivity [J2 (P2 2024-08-01)] Date", StringComparison.Ordinal) && p.Contains("P2", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("Commendation [H1] FirmId", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("Commendation [H1] PersonId = 'X'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("Commendation [H2] FirmId", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("Donation [DN1] Amount = '10.001'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("Donation [DN1] FirmId = 'ZZ'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.StartsWith("donations.csv row 3: Donation [DN2] Amount = '-5'", StringComparison.Ordinal));
        problems.Should().HaveCount(13);
    }
}
