using PartyDomain.BasicSystems;
using PartyDomain.Time;
using static PartyDomain.BasicSystems.BasicSystemRuleIds;
using static PartyDomain.BasicSystems.SlotOutcome;
using static PartyDomain.Tests.BasicSystems.ComplianceRun;

namespace PartyDomain.Tests.BasicSystems;

/// <summary>Roll-ups computed by hand, and evaluation of a subtree.</summary>
public class RollUpTests
{
    private static readonly ReportingPeriod SecondQuarter = ReportingPeriod.Quarter(2025, 2);

    /// <summary>
    /// The second quarter of 2025 as of 2025-06-15 (April and May ended, June and the quarter running), with two rules:
    /// the quarterly general meeting (三会一课) and the monthly theme party day (主题党日).
    /// <code>
    ///            district   theme Apr  May     Jun      general Q2   met missed pending
    ///   B1       浉河区      Met       Missed  Pending  Met           2   1      1
    ///   B2       平桥区      Met       Met     Met      Pending       3   0      1
    ///   B3       (none)     Missed    Missed  Pending  Pending       0   2      2
    ///   B4       浉河区      n/a       n/a     Pending  n/a           0   0      1    (founded 1 June)
    /// </code>
    /// </summary>
    private static ComplianceResult Evaluate()
    {
        var city = new TestCity().FirmIn("F1", "浉河区").FirmIn("F2", "平桥区")
            .Branch("B1").Cover("B1", "F1").Members("M", full: 4, registeredAt: "B1")
            .Branch("B2").Cover("B2", "F2").Members("N", full: 3, registeredAt: "B2")
            .Branch("B3").Members("P", full: 3, registeredAt: "B3")
            .Branch("B4", established: D(2025, 6, 1)).Cover("B4", "F1", from: D(2025, 6, 1))
            .Activity("B1", ActivityKind.ThemePartyDay, D(2025, 4, 10), "M-F1")
            .Activity("B1", ActivityKind.GeneralMeeting, D(2025, 4, 20), "M-F1", "M-F2", "M-F3")
            .Activity("B2", ActivityKind.ThemePartyDay, D(2025, 4, 5), "N-F1")
            .Activity("B2", ActivityKind.ThemePartyDay, D(2025, 5, 5), "N-F1")
            .Activity("B2", ActivityKind.ThemePartyDay, D(2025, 6, 5), "N-F1");
        return ComplianceRun.Evaluate(city, SecondQuarter, rules: Only(GeneralMeeting, ThemePartyDay));
    }

    private static (string Key, int Met, int Missed, int Pending, decimal? Rate) Row(ComplianceRate r) => (r.Key, r.Met, r.Missed, r.Pending, r.Rate);

    [Fact]
    public void The_outcomes_behind_the_rates()
    {
        var result = Evaluate();

        result.Of("B1", ThemePartyDay).Should().Equal(Met, Missed, Pending);
        result.Of("B1", GeneralMeeting).Should().Equal(Met);
        result.Of("B2", ThemePartyDay).Should().Equal(Met, Met, Met);
        result.Of("B2", GeneralMeeting).Should().Equal(Pending);
        result.Of("B3", ThemePartyDay).Should().Equal(Missed, Missed, Pending);
        result.Of("B4", ThemePartyDay).Should().Equal(NotApplicable, NotApplicable, Pending);
        result.Of("B4", GeneralMeeting).Should().Equal(NotApplicable);
    }

    [Fact]
    public void Rate_by_system()
    {
        Evaluate().RateBySystem().Select(Row).Should().BeEquivalentTo(new[]
        {
            ("theme-party-day", 4, 3, 3, (decimal?)(4m / 7)),
            ("three-meetings-one-lesson", 1, 0, 2, (decimal?)1m),
        });
        Evaluate().RateBySystem().Single(r => r.Key == "theme-party-day").Name.Chinese.Should().Be("主题党日");
    }

    [Fact]
    public void Rate_by_rule()
    {
        Evaluate().RateByRule().Select(Row).Should().Equal(
            ("BS-GENERAL-MEETING", 1, 0, 2, (decimal?)1m),
            ("BS-THEME-PARTY-DAY", 4, 3, 3, (decimal?)(4m / 7)));
    }

    [Fact]
    public void Rate_by_organization_leaves_out_organizations_with_nothing_judged_and_has_no_rate_when_only_pending()
    {
        var rates = Evaluate().RateByOrganization();

        rates.Select(Row).Should().Equal(
            ("B1", 2, 1, 1, (decimal?)(2m / 3)),
            ("B2", 3, 0, 1, (decimal?)1m),
            ("B3", 0, 2, 2, (decimal?)0m),
            ("B4", 0, 0, 1, (decimal?)null));
        rates[0].Name.Chinese.Should().Be("B1党支部");
    }

    [Fact]
    public void Rate_by_district_follows_the_covered_firm_and_puts_the_rest_under_unregistered()
    {
        Evaluate().RateByDistrict().Select(Row).Should().BeEquivalentTo(new[]
        {
            ("浉河区", 2, 1, 2, (decimal?)(2m / 3)),
            ("平桥区", 3, 0, 1, (decimal?)1m),
            ("未登记区县", 0, 2, 2, (decimal?)0m),
        });
    }

    [Fact]
    public void Overall_and_F26()
    {
        var result = Evaluate();

        Row(result.Overall()).Should().Be(("overall", 5, 3, 5, (decimal?)(5m / 8)));
        var f26 = ComplianceFigures.F26(result);
        f26.Value.Should().Be(62.5m);
        f26.Share!.Numerator.Should().Be(5);
        f26.Share.Denominator.Should().Be(8);
    }

    [Fact]
    public void A_party_group_is_rated_in_its_branchs_district_and_a_firm_without_a_district_is_unregistered()
    {
        var city = new TestCity().FirmIn("F2", "平桥区").FirmIn("F3", "")
            .Branch("B2").Cover("B2", "F2").PartyGroup("G", "B2")
            .Branch("B5").Cover("B5", "F3").PartyGroup("G5", "B5")
            .Activity("G", ActivityKind.GroupMeeting, D(2025, 4, 3))
            .Activity("G5", ActivityKind.GroupMeeting, D(2025, 5, 3));

        var result = ComplianceRun.Evaluate(city, SecondQuarter, rules: Only(GroupMeeting));

        result.RateByDistrict().Select(Row).Should().BeEquivalentTo(new[]
        {
            ("平桥区", 1, 1, 1, (decimal?)0.5m),
            ("未登记区县", 1, 1, 1, (decimal?)0.5m),
        });
    }

    [Fact]
    public void A_coverage_that_ended_before_the_period_does_not_decide_the_district()
    {
        var city = new TestCity().FirmIn("F1", "平桥区").FirmIn("F2", "浉河区")
            .Branch("B").Cover("B", "F1").Cover("B", "F2", from: D(2020, 1, 1), to: D(2022, 12, 31))
            .Branch("OLD").Cover("OLD", "F2", to: D(2022, 12, 31))
            .Activity("B", ActivityKind.ThemePartyDay, D(2025, 4, 3))
            .Activity("OLD", ActivityKind.ThemePartyDay, D(2025, 4, 3));

        var result = ComplianceRun.Evaluate(city, SecondQuarter, rules: Only(ThemePartyDay));

        result.RateByDistrict().Select(r => (r.Key, r.Met)).Should().BeEquivalentTo(new[] { ("平桥区", 1), ("未登记区县", 1) });
    }

    // ---- subtree ---------------------------------------------------------------------------------------------------

    /// <summary>C ⊃ GB ⊃ {B1 ⊃ G, B2}; C ⊃ B3. Nothing held in 2024, so every judged slot is missed.</summary>
    private static TestCity Tree() => new TestCity()
        .GeneralBranch("GB")
        .Branch("B1", parent: "GB").PartyGroup("G", "B1").Members("M", full: 3, registeredAt: "B1")
        .Branch("B2", parent: "GB").Members("N", full: 3, registeredAt: "B2")
        .Branch("B3").Members("P", full: 3, registeredAt: "B3")
        .Activity("B1", ActivityKind.ThemePartyDay, D(2024, 3, 3), "M-F1")
        .Activity("G", ActivityKind.GroupMeeting, D(2024, 3, 4), "M-F2");

    [Fact]
    public void A_subtree_evaluation_covers_only_the_organizations_under_the_root()
    {
        var whole = ComplianceRun.Evaluate(Tree(), ReportingPeriod.Year(2024));
        var subtree = ComplianceRun.Evaluate(Tree(), ReportingPeriod.Year(2024), root: "GB");

        subtree.Organizations.Select(o => o.Id.Value).Should().BeEquivalentTo("GB", "B1", "G", "B2");
        subtree.Invoking(r => r.Outcomes(TestCity.O("B3"), ThemePartyDay)).Should().Throw<KeyNotFoundException>();
        subtree.Of("B1", ThemePartyDay).Should().Equal(whole.Of("B1", ThemePartyDay));
        subtree.Of("G", GroupMeeting).Should().Equal(whole.Of("G", GroupMeeting));
        subtree.Misses().Select(m => m.Finding.Subject.Id).Distinct().Should().BeEquivalentTo("B1", "G", "B2");
        subtree.MemberFindings.Select(f => f.Subject.Id).Should().NotContain(id => id.StartsWith("P-", StringComparison.Ordinal))
            .And.Contain("N-F1");
        whole.MemberFindings.Select(f => f.Subject.Id).Should().Contain("P-F1");

        var rated = whole.RateByOrganization().Where(r => r.Key is "B1" or "B2" or "G").ToArray();
        subtree.Overall().Met.Should().Be(rated.Sum(r => r.Met));
        subtree.Overall().Missed.Should().Be(rated.Sum(r => r.Missed));
    }

    [Fact]
    public void A_branch_as_root_brings_its_party_groups()
    {
        var result = ComplianceRun.Evaluate(Tree(), ReportingPeriod.Year(2024), root: "B1");

        result.Organizations.Select(o => o.Id.Value).Should().BeEquivalentTo("B1", "G");
        result.RateByOrganization().Select(r => r.Key).Should().Equal("B1", "G");
    }

    [Fact]
    public void An_unknown_root_is_refused()
    {
        FluentActions.Invoking(() => ComplianceRun.Evaluate(Tree(), ReportingPeriod.Year(2024), root: "NOPE")).Should().Throw<KeyNotFoundException>();
    }
}
