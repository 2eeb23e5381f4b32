using Microsoft.Extensions.DependencyInjection;
using PartyDomain.BasicSystems;
using PartyDomain.Dues;
using PartyDomain.Extensibility;
using PartyDomain.Reporting;
using PartyDomain.Rules;
using static PartyDomain.Tests.Dues.DuesTestData;

namespace PartyDomain.Tests.Reporting;

/// <summary>
/// F26 with dues as the sixth system, counted by hand on a small city, and the problem list's one line per missed slot.
/// </summary>
public class SixSystemsAndProblemListTests
{
    private const int Year = 2025;

    private static readonly LocalDate Today = new(2026, 1, 15);

    /// <summary>A summary with only <paramref name="rules"/> of the basic-system rules enabled.</summary>
    private static AnnualSummary Summarize(TestCity city, params RuleId[] rules)
    {
        var services = new ServiceCollection().AddSingleton<IClock>(city.Clock);
        services.AddPartyDomain(b => b.ConfigureRules(o =>
        {
            foreach (var rule in b.Rules.OfType<IBasicSystemRule>().Where(r => !rules.Contains(r.Id)))
            {
                o.Rules[rule.Id.Value] = new RuleSettings { Enabled = false };
            }
        }));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<AnnualSummaryBuilder>().Build(city.Build(), Year);
    }

    /// <summary>
    /// Branch BA (firm A: A1, A2) and branch BB (firm B: B1), each member on a salary of 4000 (dues 1%: 40 yuan a month).
    /// Dues: A1 pays every month on time; A2 pays January–October on time, November in full but on 10 January (late),
    /// December not at all; B1 pays every month on time but March short (20). Organizational life: BA holds a general
    /// meeting each quarter and its organizational life meeting; BB general meetings in Q1 and Q2 only and no meeting.
    /// </summary>
    private static TestCity City()
    {
        var city = new TestCity(Today)
            .Firm("A").BranchOf("BA", "A").Firm("B").BranchOf("BB", "B")
            .FullMember("A1").Employ("A1", "A").Register("A1", "BA").Secretary("A1", "BA")
            .FullMember("A2").Employ("A2", "A").Register("A2", "BA")
            .FullMember("B1").Employ("B1", "B").Register("B1", "BB").Secretary("B1", "BB");
        foreach (var person in new[] { "A1", "A2", "B1" })
        {
            city.Declares(person, IncomeKind.Salary, 4000, M(2024, 12), M(Year, 12));
        }

        city.Pays("A1", 40, M(Year, 1), M(Year, 12))
            .Pays("A2", 40, M(Year, 1), M(Year, 10)).Add(Payment("A2", M(Year, 11), 40, new LocalDate(2026, 1, 10)))
            .Pays("B1", 40, M(Year, 1), M(Year, 12), M(Year, 3)).Add(OnTime("B1", M(Year, 3), 20));
        foreach (var quarter in new[] { 2, 5, 8, 11 })
        {
            city.Activity("BA", ActivityKind.GeneralMeeting, new LocalDate(Year, quarter, 10), "A1", "A2");
        }

        city.Activity("BA", ActivityKind.OrganizationalLifeMeeting, new LocalDate(Year, 12, 5), "A1", "A2")
            .Activity("BB", ActivityKind.GeneralMeeting, new LocalDate(Year, 2, 10), "B1")
            .Activity("BB", ActivityKind.GeneralMeeting, new LocalDate(Year, 5, 10), "B1");
        return city;
    }

    [Fact]
    public void Dues_are_the_sixth_system_paid_on_time_per_member_and_month_by_system_and_by_branch()
    {
        var summary = Summarize(City(), BasicSystemRuleIds.GeneralMeeting, BasicSystemRuleIds.OrganizationalLifeMeeting);

        // 36 member-months judged: A1 12 met; A2 10 met, November late, December unpaid; B1 11 met, March short.
        var dues = summary.Figure("F26-system-party-dues");
        dues.Value.Should().Be(Math.Round(33m / 36 * 100, 1));
        (dues.Share!.Numerator, dues.Share.Denominator).Should().Be((33m, 36m));

        // The two systems judged per slot: BA 5 of 5, BB 2 of 5 (pooled 7 of 10); each system weighs the same as dues.
        summary.Figure("F26").Value.Should().Be(Math.Round(((7m / 10 * 2) + (33m / 36)) / 3 * 100, 1));
        summary.Figure("F26-branch-BA").Value.Should().Be(Math.Round(((5m / 5 * 2) + (22m / 24)) / 3 * 100, 1));
        summary.Figure("F26-branch-BB").Value.Should().Be(Math.Round(((2m / 5 * 2) + (11m / 12)) / 3 * 100, 1));
        var bySystem = summary.Chart("compliance-by-system")!;
        bySystem.Categories.Select(c => c.Chinese).Should().EndWith("党费收缴");
        bySystem.Series.Single().Values[^1].Should().Be(Math.Round(33m / 36 * 100, 1));
    }

    [Fact]
    public void A_city_with_no_dues_entered_has_the_dues_part_missing_not_zero()
    {
        var city = new TestCity(Today).Firm("A").BranchOf("BA", "A").FullMember("A1").Employ("A1", "A").Register("A1", "BA")
            .Activity("BA", ActivityKind.GeneralMeeting, new LocalDate(Year, 2, 10), "A1");

        var summary = Summarize(city, BasicSystemRuleIds.GeneralMeeting);

        summary.Figure("F26-system-party-dues").IsMissing.Should().BeTrue();
        summary.Figure("F26").Value.Should().Be(25.0m, "one of four quarters met, nothing of dues judged");
    }

    [Fact]
    public void Two_missed_months_of_one_rule_are_two_lines_each_naming_its_month_with_the_secretary()
    {
        var city = new TestCity(Today).Firm("B").BranchOf("BB", "B").FullMember("B1").Employ("B1", "B").Register("B1", "BB").Secretary("B1", "BB");
        for (var month = 1; month <= 12; month++)
        {
            if (month is not (3 or 5))
            {
                city.Activity("BB", ActivityKind.ThemePartyDay, new LocalDate(Year, month, 8), "B1");
            }
        }

        var summary = Summarize(city, BasicSystemRuleIds.ThemePartyDay);

        var lines = summary.Problems.Lines.Where(l => l.Area == "基本制度落实").ToArray();
        lines.Should().HaveCount(2);
        lines.Select(l => l.Slot).Should().Equal("2025年3月", "2025年5月");
        lines.Should().OnlyContain(l => l.Branch.Contains("BB", StringComparison.Ordinal));
        lines.Should().OnlyContain(l => l.Secretary == "人员B1" && l.Citation.StartsWith('《') && l.Expected.Length > 0 && l.Found.Length > 0);
        lines.Distinct().Should().HaveCount(2, "the two months are distinct lines");
        summary.Problems.CountByBranch().Should().Contain((lines[0].Branch, summary.Problems.Lines.Count(l => l.Branch == lines[0].Branch)));

        // The summary names neither month nor rule: one sentence with the count per area.
        var text = string.Join("\n", summary.Sections.SelectMany(s => s.Blocks).OfType<ReportParagraph>().Select(p => p.Text));
        text.Should().Contain("基本制度落实2项").And.Contain("问题清单").And.NotContain("BS-THEME-PARTY-DAY").And.NotContain("2025年3月");
    }

    [Fact]
    public void F26_gives_its_change_on_the_previous_year_in_percentage_points_when_that_year_has_organizational_life()
    {
        var without = Summarize(City(), BasicSystemRuleIds.GeneralMeeting, BasicSystemRuleIds.OrganizationalLifeMeeting);
        without.Figure("F26").Previous.Should().BeNull("2024 has no organizational life on record");
        Text(without).Should().NotContain("较上年提高").And.NotContain("较上年下降").And.NotContain("个百分点");

        // 2024: both branches hold every general meeting and their organizational life meeting.
        var city = City();
        foreach (var branch in new[] { ("BA", "A1"), ("BB", "B1") })
        {
            foreach (var quarter in new[] { 2, 5, 8, 11 })
            {
                city.Activity(branch.Item1, ActivityKind.GeneralMeeting, new LocalDate(Year - 1, quarter, 10), branch.Item2);
            }

            city.Activity(branch.Item1, ActivityKind.OrganizationalLifeMeeting, new LocalDate(Year - 1, 12, 5), branch.Item2);
        }

        var with = Summarize(city, BasicSystemRuleIds.GeneralMeeting, BasicSystemRuleIds.OrganizationalLifeMeeting);
        var f26 = with.Figure("F26");
        f26.Previous.Should().NotBeNull();
        var points = Math.Round(f26.Value!.Value - f26.Previous!.Value, 1);
        Text(with).Should().Contain($"落实率{f26.Value:0.0}%，较上年{(points > 0 ? "提高" : "下降")}{Math.Abs(points):0.#}个百分点");
    }

    private static string Text(AnnualSummary summary) => string.Join("\n", summary.Sections.SelectMany(s => s.Blocks).OfType<ReportParagraph>().Select(p => p.Text));
}
