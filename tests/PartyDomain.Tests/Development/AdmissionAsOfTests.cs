using PartyDomain.Development;
using PartyDomain.Organization;
using PartyDomain.Reporting;
using PartyDomain.Rules;
using PartyDomain.Tests.Organization.Structure;
using static PartyDomain.Tests.Development.AdmissionTestData;

namespace PartyDomain.Tests.Development;

/// <summary>The pipeline judged as of a date (a report's period end), and the young lawyers (青年律师) counted apart.</summary>
public class AdmissionAsOfTests
{
    private static readonly LocalDate Today = new(2026, 3, 1);
    private static readonly LocalDate YearEnd = new(2025, 12, 31);

    /// <summary>
    /// LATE applied on 2025-12-15 and had the first talk on 2026-02-10 (due 2026-01-15: late, but only in 2026);
    /// ACT applied in 2025 and was designated an activist in 2026; NEW applied in 2026.
    /// </summary>
    private static TestCity City2026() => City(Today)
        .WithCase(Opened("LATE", new LocalDate(2025, 12, 15)) with { FirstTalk = new LocalDate(2026, 2, 10) })
        .WithCase(Opened("ACT", new LocalDate(2025, 5, 1)) with
        {
            FirstTalk = new LocalDate(2025, 5, 10), ActivistDesignated = new LocalDate(2026, 1, 5), Assessments = [new LocalDate(2026, 2, 1)],
        })
        .WithCase(Opened("NEW", new LocalDate(2026, 1, 20)));

    private static PipelineResult Run(TestCity city, LocalDate asOf) =>
        PartyDomainEngines.Create(city.Clock).Admissions.Evaluate(city.Build(), asOf).KeepRules();

    [Fact]
    public void As_of_the_end_of_2025_the_events_of_2026_have_not_happened()
    {
        var result = Run(City2026(), YearEnd);

        result.AsOf.Should().Be(YearEnd);
        result.Cases.Select(c => c.Case.PersonId.Value).Should().BeEquivalentTo(["LATE", "ACT"], "NEW applied in 2026");
        result.Case("LATE").ShouldPass("the talk was not due until 2026-01-15");
        result.Case("LATE").Stage.Should().Be(AdmissionStage.Applicant);
        result.Case("LATE").Due.Should().Be(new LocalDate(2026, 1, 15));
        result.Case("ACT").Stage.Should().Be(AdmissionStage.Applicant, "the designation came in 2026");
        result.Activists.Should().BeEmpty();
        result.Cases.SelectMany(c => c.Violations).Should().NotContain(f => f.AsOf > YearEnd);
    }

    [Fact]
    public void As_of_today_the_same_cases_show_2026()
    {
        var result = Run(City2026(), Today);

        result.Cases.Should().HaveCount(3);
        result.Case("LATE").Violations.Should().ContainSingle().Which.RuleId.Should().Be(AdmissionRule.Talk.Id);
        result.Case("ACT").Stage.Should().Be(AdmissionStage.Activist);
    }

    [Fact]
    public void A_step_due_by_the_date_and_taken_only_after_it_is_late_as_of_the_date()
    {
        // Applied 2025-10-01, talk due 2025-11-01, held 2026-02-10: as of the year's end it is overdue and not yet held.
        var city = City(Today).WithCase(Opened("SLOW", new LocalDate(2025, 10, 1)) with { FirstTalk = new LocalDate(2026, 2, 10) });

        var talk = Run(city, YearEnd).Case("SLOW").Violations.Should().ContainSingle().Subject;

        talk.AsOf.Should().Be(YearEnd);
        talk.Found.English.Should().Be("no talk yet");
        talk.ExpectedDate.Should().Be(new LocalDate(2025, 11, 1));
        talk.FoundDate.Should().BeNull();
        talk.Records.Should().Equal("K-SLOW");
    }

    [Fact]
    public void A_2025_report_made_in_2026_lists_no_2026_development_findings()
    {
        var city = City2026();

        var summary = PartyDomainEngines.Create(city.Clock).Reports.Build(city.Build(), 2025);

        summary.Findings.Should().NotContain(f => f.Area == "development" && f.Finding.AsOf > YearEnd);
        summary.Findings.Should().NotContain(f => f.Area == "development" && f.Finding.RuleId == AdmissionRule.Talk.Id);
    }

    [Fact]
    public void Young_lawyers_are_practising_lawyers_aged_35_or_under_at_application_and_other_young_people_are_apart()
    {
        // LAWYER practises (licensed before applying); CLERK has no practice certificate; TRAINEE was licensed after applying;
        // SENIOR is a lawyer over 35. All admitted in 2021.
        var city = City()
            .WithCase(Complete("LAWYER"))
            .WithCase(Complete("CLERK"))
            .WithCase(Complete("TRAINEE"))
            .WithCase(Complete("SENIOR"), birth: new LocalDate(1970, 1, 1))
            .Update("CLERK", p => p with { Lawyer = null })
            .Update("TRAINEE", p => p with { Lawyer = new LawyerProfile("1411520220001", new LocalDate(2022, 1, 1)) });

        var result = AdmissionTestData.Run(city);

        result.Case("LAWYER").YoungLawyer.Should().BeTrue();
        result.Case("CLERK").Should().Match<AdmissionCaseResult>(c => c.Young && !c.Lawyer && !c.YoungLawyer);
        result.Case("TRAINEE").Should().Match<AdmissionCaseResult>(c => c.Young && !c.Lawyer, "licensed after the application");
        result.Case("SENIOR").Should().Match<AdmissionCaseResult>(c => !c.Young && c.Lawyer && !c.YoungLawyer);
        var admitted = result.Admitted.Should().ContainSingle().Subject;
        admitted.Should().Be(new PipelineCount("2021", 4, 3, 1));
        admitted.YoungOthers.Should().Be(2);
    }
}
