using System.Text.Json;
using PartyDomain.BasicSystems;
using PartyDomain.Development;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Reporting;
using PartyDomain.Rules;
using PartyDomain.Training;
using static PartyDomain.Tests.Reporting.ReportTestCity;

namespace PartyDomain.Tests.Reporting;

/// <summary>
/// Every figure of the 2024 summary of <see cref="ReportTestCity"/>, worked out here from the records themselves (not
/// through the engines) and compared with the summary's JSON. <c>null</c> means the figure must be reported missing.
/// </summary>
public class AnnualSummaryFigureTests
{
    private static readonly LocalDate YearEnd = new(Year, 12, 31);

    private static bool In2024(LocalDate d) => d.Year == Year;

    /// <summary>The expected figures, each computed from the test city's records.</summary>
    private static Dictionary<string, object?> Expected()
    {
        var city = Create();
        var records = city.Records;
        decimal Sum(IndicatorCode code) => Services.Where(s => s.Indicator == code && In2024(s.Date)).Sum(s => s.Quantity);
        decimal? SumOrMissing(IndicatorCode code) => Services.Any(s => s.Indicator == code && In2024(s.Date)) ? Sum(code) : null;

        var orgs = records.OfType<PartyOrganization>().ToArray();
        var branches = orgs.Count(o => o.Kind is OrganizationKind.Branch or OrganizationKind.JointBranch);
        var firms = records.OfType<LawFirm>().Where(f => f.Closed is not { } c || c > YearEnd).ToArray();
        var charters = firms.Count(f => f.CharterIncludesPartyBuildingSince <= YearEnd);
        var matters = records.OfType<MajorMatter>().Where(m => In2024(m.Steps.Min(s => s.Date))).ToArray();
        var pairings = records.OfType<Pairing>().Count(p => p.From <= YearEnd && (p.To is not { } to || to.Year >= Year));
        var commendations = records.OfType<Commendation>().Where(c => In2024(c.Date)).ToArray();
        var activities = records.OfType<ActivityRecord>().Where(a => In2024(a.Date)).ToArray();
        var cases = records.OfType<AdmissionCase>().ToArray();
        var criminal = Sum(IndicatorCodes.CriminalCases);
        var civil = Sum(IndicatorCodes.CivilCases);
        var nonLitigation = Sum(IndicatorCodes.NonLitigationCases);

        return new()
        {
            ["F1"] = "2010-01", // TestCity's committee, established 2010-01-01
            ["F1-secretaries"] = null, // the committee C has no post on record
            ["F1-deputies"] = null,
            ["F1-members"] = null,
            ["F2"] = (decimal)branches,
            ["F2-cross"] = 1m, // A-F1 sits on BA's committee (secretary) and directs A, which BA covers; B-F1 holds no firm post
            ["F2-cross-branches"] = 1m,
            ["F3"] = 5m, // A-F1, A-F2, A-F3, A-P1 at A and B-F1 at B; R practises nowhere, BD and DL are not members
            ["F4"] = 1m, // BA's secretary A-F1 directs A; JB's secretary B-F1 does not direct B or D
            ["F5"] = (decimal)records.OfType<TrainingSession>().Count(s => s.PartySchool && s.Start <= YearEnd),
            ["F5-activists"] = 1m, // X1
            ["F5-candidates"] = 1m, // X2
            ["F5-cadres"] = 2m, // the secretaries A-F1 and B-F1
            ["F5-trainees"] = 4m,
            ["F6"] = (decimal)charters,
            ["F7"] = (decimal)matters.Length,
            ["F7-committee-first"] = (decimal)matters.Count(m => m.Route == MajorMatterRoute.CommitteeFirst),
            ["F7-council-first"] = (decimal)matters.Count(m => m.Route == MajorMatterRoute.CouncilFirst),
            ["F8"] = (decimal)activities.Count(a => a.Kind == ActivityKind.LeadershipVisit),
            ["F9"] = (decimal)records.OfType<TrainingSession>().Count(s => In2024(s.Start) && s.Audience.HasFlag(TrainingAudience.Secretaries)),
            ["F10"] = (decimal)activities.Where(a => a.Kind == ActivityKind.RedEducation).SelectMany(a => a.Attendance).Select(a => a.PersonId).Distinct().Count(),
            ["F11"] = (decimal)activities.Where(a => a.Kind == ActivityKind.LawPopularization).Sum(a => a.HeadCount ?? 0),
            ["F12"] = 2.5m + 1m, // 250 and 120 points at 100 an hour, rounded down to half hours
            ["F13"] = (decimal)activities.Count(a => !string.IsNullOrWhiteSpace(a.SourcePlatform)),
            ["F14"] = (decimal)pairings,
            ["F14-activities"] = (decimal)records.OfType<JointActivity>().Count(a => In2024(a.Date)),
            ["F15"] = records.OfType<Donation>().Where(d => In2024(d.Date)).Sum(d => d.Amount) / 10000m,
            ["F15-firms"] = (decimal)commendations.Where(c => c.FirmId is not null).Select(c => c.FirmId).Distinct().Count(),
            ["F15-lawyers"] = (decimal)commendations.Where(c => c.PersonId is not null).Select(c => c.PersonId).Distinct().Count(),
            ["F15-national"] = (decimal)commendations.Count(c => c.Level == CommendationLevel.National),
            ["F16"] = Sum(IndicatorCodes.WalkInConsultations),
            ["F17"] = Sum(IndicatorCodes.HotlineAnswered),
            ["F18"] = Sum(IndicatorCodes.LegalAidCases),
            ["F18-closed"] = Sum(IndicatorCodes.LegalAidClosed),
            ["F19"] = (decimal)Services.Where(s => s.Indicator == IndicatorCodes.AdviserPosts && In2024(s.Date)).Select(s => s.Subject).Distinct().Count(),
            ["F20"] = criminal + civil + nonLitigation, // total = the sum of the four, arbitration not entered
            ["F20-criminal"] = criminal,
            ["F20-civil"] = civil,
            ["F20-non-litigation"] = nonLitigation,
            ["F20-arbitration"] = SumOrMissing(IndicatorCodes.ArbitrationCases),
            ["F21"] = Sum(IndicatorCodes.ConsultationsAndDocuments),
            ["F22"] = SumOrMissing(IndicatorCodes.DisputesMediated),
            ["F23"] = Sum(IndicatorCodes.LitigationParticipations),
            ["F24"] = Sum(IndicatorCodes.OnSiteServices),
            ["F25"] = Sum(IndicatorCodes.VillageLegalOpinions),
            // General meetings: BA met Q1, Q2 and missed Q3, Q4; JB met all four. Organizational life meeting: BA met, JB missed.
            ["F26"] = Math.Round(7m / 10 * 100, 1),
            ["F26-system-three-meetings-one-lesson"] = Math.Round(6m / 8 * 100, 1),
            ["F26-system-organizational-life-meeting"] = Math.Round(1m / 2 * 100, 1),
            ["F26-system-party-dues"] = null, // no dues declared or paid: not entered, and F26 is the five systems' rate
            ["F26-branch-BA"] = Math.Round(3m / 5 * 100, 1),
            ["F26-branch-JB"] = Math.Round(4m / 5 * 100, 1),
            ["DEV-applications"] = (decimal)cases.Count(c => In2024(c.Applied)),
            ["DEV-activists"] = (decimal)cases.Count(c => c.ActivistDesignated is { } d && In2024(d)),
            ["DEV-candidates"] = (decimal)cases.Count(c => c.CandidateDesignated is { } d && In2024(d)),
            ["DEV-admitted"] = 0m,
            ["DEV-admitted-young"] = 0m,
            ["DEV-admitted-young-others"] = 0m,
            ["DEV-converted"] = 0m,
        };
    }

    private static JsonDocument Json(AnnualSummary summary)
    {
        using var stream = new MemoryStream();
        new JsonReportRenderer().Render(summary, stream);
        return JsonDocument.Parse(stream.ToArray());
    }

    [Fact]
    public void Every_figure_in_the_json_equals_the_one_worked_out_from_the_records()
    {
        using var json = Json(Summarize());
        var figures = json.RootElement.GetProperty("figures");
        var expected = Expected();

        var actual = figures.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        actual.Keys.Should().BeEquivalentTo(expected.Keys, "the summary holds every figure F1–F26, their parts and nothing unexpected");
        foreach (var (id, value) in expected)
        {
            var figure = actual[id];
            switch (value)
            {
                case null:
                    figure.GetProperty("status").GetString().Should().Be("missing", id);
                    figure.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null, id);
                    figure.GetProperty("missingReason").GetString().Should().NotBeNullOrWhiteSpace(id);
                    break;
                case string text:
                    figure.GetProperty("value").GetString().Should().Be(text, id);
                    break;
                default:
                    figure.GetProperty("status").GetString().Should().Be("computed", id);
                    figure.GetProperty("value").GetDecimal().Should().Be((decimal)value, id);
                    break;
            }

            figure.GetProperty("unit").GetString().Should().NotBeNull(id);
            figure.GetProperty("filter").GetString().Should().NotBeNullOrWhiteSpace(id);
            figure.GetProperty("source").GetString().Should().NotBeNullOrWhiteSpace(id);
        }
    }

    [Fact]
    public void Shares_carry_their_counts()
    {
        using var json = Json(Summarize());
        var figures = json.RootElement.GetProperty("figures");

        static (decimal, decimal) Share(JsonElement f) => (f.GetProperty("share").GetProperty("numerator").GetDecimal(), f.GetProperty("share").GetProperty("denominator").GetDecimal());
        Share(figures.GetProperty("F4")).Should().Be((1m, 2m));
        Share(figures.GetProperty("F6")).Should().Be((2m, 3m), "A and D of the three firms practising at the year's end (E closed in 2023)");
        Share(figures.GetProperty("F26")).Should().Be((7m, 10m));
    }

    [Fact]
    public void Filters_write_the_year_with_nian_the_way_the_summary_reads()
    {
        var figures = Summarize().Figures;

        figures.Select(f => f.Filter.Chinese).Should().NotContain(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"(?<![\d\-])\d{4}(?!年)\p{IsCJKUnifiedIdeographs}"),
            "the engines write \"2025内\"; every filter of the summary says \"2025年内\"");
        figures.Single(f => f.Id == "F26").Filter.Chinese.Should().StartWith("2024年六项基本制度");
        figures.Where(f => f.Id.StartsWith("F26-branch-", StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(f => f.Filter.Chinese.StartsWith("2024年该党支部", StringComparison.Ordinal), "branch figures share one filter, rewritten once");
    }

    [Fact]
    public void The_text_says_data_not_entered_for_a_missing_figure_and_never_prints_xx()
    {
        var summary = Summarize();
        var text = string.Join("\n", summary.Sections.SelectMany(s => s.Blocks).OfType<ReportParagraph>().Select(p => p.Text));

        text.Should().Contain("参与化解各类纠纷调解数据未录入", "F22 has no records");
        text.Should().Contain("仲裁案件数据未录入");
        text.Should().Contain("解答来电120人次").And.Contain("党员律师5人").And.Contain("占比50.0%");
        text.Should().NotContain("XX").And.NotContain("{");
    }

    [Fact]
    public void A_city_with_no_records_of_a_kind_reports_those_figures_missing_not_zero()
    {
        var summary = Summarize(new TestCity(new LocalDate(2025, 6, 15)).Firm("A").BranchOf("BA", "A").Members("A", full: 3, registeredAt: "BA", employedAt: "A"));

        summary.Figure("F2").Value.Should().Be(1);
        foreach (var id in new[] { "F5", "F7", "F8", "F9", "F12", "F14", "F15", "F15-firms", "F16", "F17", "F20", "F22", "F26", "DEV-applications" })
        {
            summary.Figure(id).IsMissing.Should().BeTrue(id);
            summary.Figure(id).Format(TextLanguage.Chinese).Should().Be("数据未录入", id);
        }

        summary.Figure("F4").IsMissing.Should().BeTrue("no firm director is on record");
    }

    [Fact]
    public void The_findings_name_the_matter_approved_without_the_committee_and_cite_the_rule()
    {
        var summary = Summarize();

        summary.Findings.Where(f => f.Area == "governance").Should().ContainSingle()
            .Which.Finding.Should().Match<Finding>(f => f.RuleId == GovernanceRule.CommitteeReview.Id && f.Subject.Id == "M3" && f.Citation == GovernanceRule.CommitteeReview.Citation);
        summary.Findings.Should().Contain(f => f.Area == "compliance" && f.Finding.Subject.Id == "JB");
    }

    [Fact]
    public void The_charts_hold_compliance_by_system_and_branch_services_by_month_and_the_funnel()
    {
        var summary = Summarize();

        summary.Chart("compliance-by-branch")!.Series.Single().Values.Should().Equal(60.0m, 80.0m);
        var months = summary.Chart("services-by-month")!;
        months.Series.Single(s => s.Name.Chinese.Contains("现场来访", StringComparison.Ordinal)).Values.Take(3).Should().Equal(30m, 10m, 45m);
        summary.Chart("admission-funnel")!.Series.Single().Values.Should().Equal(1m, 1m, 1m, 0m, 0m);
    }

    [Fact]
    public void A_large_city_s_branch_chart_shows_the_lowest_twenty_and_every_branch_keeps_its_figure()
    {
        var city = new TestCity(new LocalDate(2025, 6, 15));
        for (var i = 1; i <= 25; i++)
        {
            var branch = $"B{i:D2}";
            city.Firm($"F{i:D2}").BranchOf(branch, $"F{i:D2}").Members(branch, full: 1, registeredAt: branch, employedAt: $"F{i:D2}");
            // Branch i holds min(i − 1, 4) general meetings and no organizational life meeting: 0 to 4 of 5 slots met.
            for (var q = 0; q < Math.Min(i - 1, 4); q++)
            {
                city.Activity(branch, ActivityKind.GeneralMeeting, new LocalDate(Year, (q * 3) + 2, 1), $"{branch}-F1");
            }
        }

        var summary = Summarize(city);

        var chart = summary.Chart("compliance-by-branch")!;
        chart.Categories.Should().HaveCount(20);
        chart.Title.Chinese.Should().Contain("25个中最低的20个");
        chart.Series.Single().Values.Take(5).Should().Equal(0m, 20m, 40m, 60m, 80m);
        summary.Figures.Count(f => f.Id.StartsWith("F26-branch-", StringComparison.Ordinal)).Should().Be(25);
    }
}
