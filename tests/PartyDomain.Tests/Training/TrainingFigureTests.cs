using PartyDomain.Figures;
using PartyDomain.Organization;
using PartyDomain.Time;
using PartyDomain.Training;
using static PartyDomain.Tests.Training.TrainingTestData;

namespace PartyDomain.Tests.Training;

/// <summary>F5 (party school), F9 (secretaries' trainings) and F12 (converted credits).</summary>
public class TrainingFigureTests
{
    private static readonly ReportingPeriod Year2024 = ReportingPeriod.Year(2024);

    private static decimal Value(IReadOnlyList<Figure> figures, string id) => figures.Single(f => f.Id == id).Value;

    private static IReadOnlyList<Figure> Figures(TestCity city, ReportingPeriod period) =>
        Evaluator(city, null, ExampleConverter()).Figures(city.Build(), period);

    /// <summary>Party-school sessions in 2019, 2023, 2024 and 2025, and trainees of every kind.</summary>
    private static TestCity PartySchool() => new TestCity().Branch("B")
        .Activist("ACT")
        .Person("BOTH", TestCity.Standing(MemberStanding.Activist, new LocalDate(2022, 1, 1)), TestCity.Standing(MemberStanding.DevelopmentCandidate, new LocalDate(2024, 1, 1)))
        .Person("CAND", TestCity.Standing(MemberStanding.DevelopmentCandidate, TestCity.LongAgo))
        .FullMember("CAD").Secretary("CAD", "B")
        .FullMember("MEM")
        .FullMember("LATEPOST").Post("LATEPOST", "B", PartyPost.CommitteeMember, from: new LocalDate(2024, 12, 1))
        .Activist("LATE")
        .Activist("OTHER")
        .Add(Session("PS1", new LocalDate(2019, 5, 10), 24m, "ACT", "CAD") with { PartySchool = true })
        .Add(Session("PS2", new LocalDate(2023, 6, 1), 24m, "ACT", "BOTH", "CAND", "MEM", "LATEPOST") with { PartySchool = true })
        .Add(Session("PS3", new LocalDate(2024, 11, 1), 24m, "BOTH") with { PartySchool = true })
        .Add(Session("PS4", new LocalDate(2025, 3, 1), 24m, "LATE") with { PartySchool = true })
        .Add(Session("NOTSCHOOL", new LocalDate(2024, 5, 1), 24m, "OTHER"));

    [Fact]
    public void F5_counts_party_school_sessions_from_the_first_one_to_the_periods_end()
    {
        var figures = Figures(PartySchool(), Year2024);

        var f5 = figures.Single(f => f.Id == "F5");
        f5.Value.Should().Be(3, "2019, 2023 and 2024; the 2025 session is after the period and one session was not the school's");
        f5.Basis.Chinese.Should().Contain("2019-05-10").And.Contain("2024-12-31");
        f5.Basis.English.Should().Contain("2019-05-10").And.Contain("2024-12-31");
        Value(Figures(PartySchool(), ReportingPeriod.Year(2025)), "F5").Should().Be(4);
        Value(Figures(PartySchool(), ReportingPeriod.Year(2019)), "F5").Should().Be(1);
    }

    [Fact]
    public void F5_counts_distinct_trainees_by_their_standing_or_post_on_the_session_day()
    {
        var figures = Figures(PartySchool(), Year2024);

        Value(figures, "F5-activists").Should().Be(2, "ACT twice but once, and BOTH while an activist in 2023");
        Value(figures, "F5-candidates").Should().Be(2, "CAND, and BOTH once a candidate in 2024");
        Value(figures, "F5-cadres").Should().Be(1, "CAD holds a post; MEM holds none and LATEPOST took the seat after the session");
        Value(figures, "F5-trainees").Should().Be(4, "distinct people: BOTH, trained as an activist and again as a candidate, counts once");
    }

    [Fact]
    public void F5_without_any_party_school_session_is_zero()
    {
        var figures = Figures(new TestCity().Activist("A").Add(Session("S", new LocalDate(2024, 2, 1), 8m, "A")), Year2024);

        Value(figures, "F5").Should().Be(0);
        Value(figures, "F5-trainees").Should().Be(0);
        figures.Single(f => f.Id == "F5").Basis.English.Should().Contain("—");
    }

    [Fact]
    public void F9_counts_sessions_for_secretaries_in_the_period()
    {
        var city = new TestCity().FullMember("A")
            .Add(Session("SEC0", new LocalDate(2023, 12, 31), 8m, "A") with { Audience = TrainingAudience.Secretaries })
            .Add(Session("SEC1", new LocalDate(2024, 3, 1), 8m, "A") with { Audience = TrainingAudience.Secretaries })
            .Add(Session("SEC2", new LocalDate(2024, 9, 1), 8m, "A") with { Audience = TrainingAudience.Secretaries | TrainingAudience.Cadres })
            .Add(Session("ALL", new LocalDate(2024, 4, 1), 8m, "A"))
            .Add(Session("CADRES", new LocalDate(2024, 4, 2), 8m, "A") with { Audience = TrainingAudience.Cadres });

        Value(Figures(city, Year2024), "F9").Should().Be(2);
        Value(Figures(city, ReportingPeriod.Quarter(2024, 1)), "F9").Should().Be(1);
        Value(Figures(city, ReportingPeriod.Year(2023)), "F9").Should().Be(1);
        Figures(city, Year2024).Single(f => f.Id == "F9").Unit.English.Should().Be("sessions");
    }

    [Fact]
    public void F12_sums_the_converted_credit_hours_of_the_year()
    {
        var city = new TestCity().FullMember("A").FullMember("B").FullMember("C")
            .Add(Credit("A", new LocalDate(2024, 3, 1), 1000m))
            .Add(Credit("B", new LocalDate(2024, 3, 1), 5000m))
            .Add(Credit("C", new LocalDate(2024, 3, 1), 3000m, "other-app"))
            .Add(Credit("A", new LocalDate(2025, 3, 1), 3000m));

        var f12 = Figures(city, Year2024).Single(f => f.Id == "F12");

        f12.Value.Should().Be(11m, "3 hours for A and B's 8-hour cap; the unconverted platform adds nothing");
        f12.Unit.Chinese.Should().Be("学时");
        Value(Figures(city, ReportingPeriod.Year(2025)), "F12").Should().Be(8m);
        Value(PartyDomainEngines.Create(city.Clock).Training.Figures(city.Build(), Year2024), "F12").Should().Be(0m, "without a converter nothing is converted");
    }

    [Fact]
    public void F12_reuses_an_evaluation_of_the_same_year_and_evaluates_afresh_for_another()
    {
        var city = new TestCity().FullMember("A").FullMember("B")
            .Add(Credit("A", new LocalDate(2024, 3, 1), 1000m))
            .Add(Credit("B", new LocalDate(2025, 3, 1), 5000m));
        var evaluator = Evaluator(city, null, ExampleConverter());
        var dataset = city.Build();
        var year2025 = evaluator.Evaluate(dataset, 2025);

        Value(evaluator.Figures(dataset, Year2024, evaluator.Evaluate(dataset, 2024)), "F12").Should().Be(3m);
        Value(evaluator.Figures(dataset, Year2024, year2025), "F12").Should().Be(3m, "an evaluation of 2025 says nothing about 2024");
        Value(evaluator.Figures(dataset, ReportingPeriod.Year(2025), year2025), "F12").Should().Be(8m);
        Value(evaluator.Figures(dataset, ReportingPeriod.Year(2025), year2025 with { Ledger = [] }), "F12").Should().Be(0m, "the given ledger is the one summed");
    }

    [Fact]
    public void Every_figure_has_both_languages_a_unit_and_a_basis()
    {
        var figures = Figures(PartySchool(), Year2024);

        figures.Select(f => f.Id).Should().Equal("F5", "F5-activists", "F5-candidates", "F5-cadres", "F5-trainees", "F9", "F12");
        figures.Should().OnlyContain(f => f.Name.Chinese.Length > 0 && f.Name.English.Length > 0 && f.Unit.Chinese.Length > 0 && f.Basis.English.Length > 0);
    }
}
