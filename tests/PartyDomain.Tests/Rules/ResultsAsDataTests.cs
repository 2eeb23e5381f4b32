using PartyDomain.BasicSystems;
using PartyDomain.Dues;
using PartyDomain.Organization;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;
using PartyDomain.Tests.Organization.Structure;
using PartyDomain.Time;
using PartyDomain.Training;
using static PartyDomain.Tests.Dues.DuesTestData;

namespace PartyDomain.Tests.Rules;

/// <summary>Findings and figures carry their numbers, dates, periods and records as data, readable without parsing text.</summary>
public class ResultsAsDataTests
{
    [Fact]
    public void A_training_shortfall_carries_the_hours_expected_and_found_and_the_year()
    {
        var city = new TestCity(new LocalDate(2026, 1, 10)).FullMember("SHORT")
            .Add(Training.TrainingTestData.Session("S1", new LocalDate(2025, 4, 1), 40m, Training.TrainingTestData.Credited("SHORT", 31.5m)));

        var finding = Training.TrainingTestData.Run(city, 2025).Findings.Single(f => f.RuleId == TrainingRuleIds.MemberHours);

        finding.Should().Match<Finding>(f => f.ExpectedValue == 32m && f.FoundValue == 31.5m && f.Unit == FindingUnits.Hours);
        finding.Period.Should().BeEquivalentTo(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)));
    }

    [Fact]
    public void Dues_arrears_are_per_member_and_month_with_the_amounts_due_and_paid()
    {
        var city = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 4000m, M(2025, 1), M(2025, 6)).Pays("A", 40m, M(2025, 1), M(2025, 5), M(2025, 3));

        var arrears = Run(city, ReportingPeriod.Year(2025)).Findings.Where(f => f.RuleId == DuesRule.Arrears.Id).ToArray();

        arrears.Should().ContainSingle();
        arrears[0].Should().Match<Finding>(f => f.Subject.Id == "A" && f.ExpectedValue == 40m && f.FoundValue == 0m && f.Unit == FindingUnits.Yuan);
        arrears[0].Period.Should().BeEquivalentTo(new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)));
    }

    [Fact]
    public void The_six_months_unpaid_run_length_grows_with_the_run()
    {
        // Nothing paid from January 2025: as of 15 September, eight ended months in a row.
        var city = new TestCity(new LocalDate(2025, 9, 15)).FullMember("A").Declares("A", IncomeKind.Salary, 4000m, M(2025, 1), M(2025, 9));

        var run = Run(city, ReportingPeriod.Year(2025)).Findings.Should().ContainSingle(f => f.RuleId == DuesRule.SixMonthsUnpaid.Id).Subject;

        run.Should().Match<Finding>(f => f.FoundValue == 8m && f.ExpectedValue == 6m && f.Unit == FindingUnits.Months);
        run.Period.Should().BeEquivalentTo(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 8, 31)));
        run.AsOf.Should().Be(new LocalDate(2025, 6, 30), "raised at the sixth month");
    }

    [Fact]
    public void A_compliance_miss_carries_its_slot_counts_and_the_records_considered()
    {
        var city = new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B")
            .Activity("B", ActivityKind.GeneralMeeting, new LocalDate(2024, 2, 1), [TestCity.Present("M-F1")], id: "GM-1");

        var miss = PartyDomain.Tests.BasicSystems.ComplianceRun.Evaluate(city, ReportingPeriod.Year(2024)).Misses()
            .First(m => m.Finding.RuleId == BasicSystemRuleIds.GeneralMeeting).Finding;

        miss.Period.Should().BeEquivalentTo(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31)));
        miss.ExpectedValue.Should().Be(1m);
        miss.FoundValue.Should().Be(0m, "one member of four is no quorum");
        miss.Unit.Should().Be(FindingUnits.Activities);
        miss.Records.Should().Equal("GM-1");
    }

    [Fact]
    public void Structure_findings_carry_their_numbers_and_dates()
    {
        var city = new TestCity().Branch("B").Members("A", full: 51, registeredAt: "B")
            .Branch("T").CommitteeOf("T", 3).Election("T", new LocalDate(2022, 6, 1));

        var result = StructureCheck.Run(city);

        result.Of(StructureRuleIds.BranchSize, "B").Single().Should().Match<Finding>(f => f.ExpectedValue == 50m && f.FoundValue == 51m && f.Unit == FindingUnits.Members);
        var term = result.Of(StructureRuleIds.CommitteeTerm, "T").Single();
        (term.ExpectedDate, term.FoundDate).Should().Be((new LocalDate(2025, 6, 1), new LocalDate(2022, 6, 1)));
    }

    [Fact]
    public void F2_F3_and_F4_expose_their_parts()
    {
        var city = new TestCity().Firms("F1", "F2", "F3").BranchOf("B", "F1").JointBranch("J", "F2", "F3")
            .Members("M", full: 2, probationary: 1, registeredAt: "B", employedAt: "F1")
            .Secretary("M-F1", "B").Director("M-F1", "F1");

        var figures = StructureFigures.Compute(city.Build(), city.Today).ToDictionary(f => f.Id);

        figures["F2"].Parts.Select(p => (p.Key, p.Value)).Should().Equal(("Branch", 1m), ("JointBranch", 1m));
        figures["F3"].Parts.Select(p => (p.Key, p.Value)).Should().Equal(("FullMember", 2m), ("ProbationaryMember", 1m));
        figures["F3"].Parts.Sum(p => p.Value).Should().Be(figures["F3"].Value);
        figures["F4"].Items.Should().Equal("B");
    }

    [Fact]
    public void Activity_counts_per_kind_give_records_and_distinct_meetings()
    {
        // The same theme party day entered twice (two platforms), and another on another day.
        var city = new TestCity().Branch("B").Members("M", full: 3, registeredAt: "B")
            .Activity("B", ActivityKind.ThemePartyDay, new LocalDate(2025, 3, 5), [TestCity.Present("M-F1")], id: "T-1")
            .Activity("B", ActivityKind.ThemePartyDay, new LocalDate(2025, 3, 5), [TestCity.Present("M-F2")], id: "T-2")
            .Activity("B", ActivityKind.ThemePartyDay, new LocalDate(2025, 4, 5), [TestCity.Present("M-F2")], id: "T-3")
            .Activity("B", ActivityKind.PartyLesson, new LocalDate(2025, 4, 5), [TestCity.Present("M-F2")], id: "L-1");

        var counts = PartyDomain.Tests.BasicSystems.ComplianceRun.Evaluate(city, ReportingPeriod.Year(2025)).ActivityCounts();

        counts.Select(c => (c.Kind.Code, c.Records, c.Meetings)).Should().BeEquivalentTo([("theme-party-day", 3, 2), ("party-lesson", 1, 1)]);
    }
}
