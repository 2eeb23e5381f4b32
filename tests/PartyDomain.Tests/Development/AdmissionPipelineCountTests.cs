using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyDomain.Development;
using PartyDomain.Extensibility;
using PartyDomain.Rules;
using PartyDomain.Tests.Organization.Structure;
using static PartyDomain.Tests.Development.AdmissionTestData;

namespace PartyDomain.Tests.Development;

/// <summary>Counts per stage and per year, with the young (35 or younger at application, by default) counted apart.</summary>
public class AdmissionPipelineCountTests
{
    private static AdmissionCase InProgress(string person, bool candidate) => Opened(person, new LocalDate(2024, 1, 8)) with
    {
        FirstTalk = new LocalDate(2024, 1, 20),
        ActivistDesignated = new LocalDate(2024, 2, 1),
        Contacts = [TestCity.P("B-F1")],
        Assessments = [new LocalDate(2024, 8, 1), new LocalDate(2025, 2, 1)],
        CandidateDesignated = candidate ? new LocalDate(2025, 2, 1) : null,
    };

    /// <summary>
    /// Six cases: FULL (24 at application, 2020), NEW (40, applied 2025), ACT (exactly 34), OLD36 (applied on the 36th
    /// birthday), YOUNG35 (the day before the 36th birthday), GONE (24, closed).
    /// </summary>
    private static TestCity Pipeline() => City()
        .WithCase(Complete("FULL"))
        .WithCase(Opened("NEW", new LocalDate(2025, 6, 1)), birth: new LocalDate(1985, 1, 1))
        .WithCase(InProgress("ACT", candidate: false), birth: new LocalDate(1990, 1, 8))
        .WithCase(InProgress("OLD36", candidate: true), birth: new LocalDate(1988, 1, 8))
        .WithCase(InProgress("YOUNG35", candidate: true), birth: new LocalDate(1988, 1, 9))
        .WithCase(Opened("GONE", new LocalDate(2025, 1, 10)) with { FirstTalk = new LocalDate(2025, 1, 20), Closed = new LocalDate(2025, 3, 1) },
            birth: new LocalDate(2000, 6, 1));

    private static (string Key, int Total, int Young)[] Rows(IReadOnlyList<PipelineCount> counts) => counts.Select(c => (c.Key, c.Total, c.Young)).ToArray();

    [Fact]
    public void Young_means_35_or_younger_on_the_day_of_application()
    {
        var result = Run(Pipeline());

        result.Case("FULL").Young.Should().BeTrue();
        result.Case("NEW").Young.Should().BeFalse();
        result.Case("ACT").Young.Should().BeTrue();
        result.Case("YOUNG35").Young.Should().BeTrue("35 years and 364 days old");
        result.Case("OLD36").Young.Should().BeFalse("36 on the day of application");
        result.Cases.Should().OnlyContain(c => c.Violations.Count == 0);
    }

    [Fact]
    public void People_are_counted_per_stage_with_the_young_apart()
    {
        var result = Run(Pipeline());

        Rows(result.ByStage).Should().Equal(
            ("Activist", 1, 1),
            ("Applicant", 1, 0),
            ("Candidate", 2, 1),
            ("Closed", 1, 1),
            ("FullMember", 1, 1));
    }

    [Fact]
    public void Milestones_are_counted_per_year_with_the_young_apart()
    {
        var result = Run(Pipeline());

        Rows(result.Applications).Should().Equal(("2020", 1, 1), ("2024", 3, 2), ("2025", 2, 1));
        Rows(result.Activists).Should().Equal(("2020", 1, 1), ("2024", 3, 2));
        Rows(result.Candidates).Should().Equal(("2021", 1, 1), ("2025", 2, 1));
        Rows(result.Admitted).Should().Equal(("2021", 1, 1));
        Rows(result.Converted).Should().Equal(("2022", 1, 1));
    }

    [Fact]
    public void A_vote_not_yet_approved_is_not_counted_as_an_admission()
    {
        var voted = InProgress("VOTED", candidate: true) with
        {
            Sponsors = [TestCity.P("B-F1"), TestCity.P("B-F2")],
            PoliticalReview = new LocalDate(2025, 3, 1),
            PoliticalReviewPassed = true,
            TrainingDays = 3,
            AdmissionVote = Vote(new LocalDate(2025, 5, 1)),
        };

        var result = Run(City().WithCase(voted));

        result.ByStage.Should().ContainSingle().Which.Key.Should().Be("AwaitingApproval");
        result.Admitted.Should().BeEmpty();
    }

    [Fact]
    public void The_young_age_threshold_is_configurable()
    {
        var result = Run(Pipeline(), development: new DevelopmentOptions { YoungAgeThreshold = 30 });

        Rows(result.ByStage).Should().Equal(
            ("Activist", 1, 0),
            ("Applicant", 1, 0),
            ("Candidate", 2, 0),
            ("Closed", 1, 1),
            ("FullMember", 1, 1));
        new DevelopmentOptions().YoungAgeThreshold.Should().Be(35);
    }

    [Fact]
    public void An_empty_pipeline_counts_nothing()
    {
        var result = Run(City());

        result.Cases.Should().BeEmpty();
        result.ByStage.Should().BeEmpty();
        result.Applications.Should().BeEmpty();
        result.Rules.Should().HaveCount(AdmissionRule.Defaults.Count);
    }

    [Fact]
    public void The_pipeline_resolves_from_the_container_with_the_configured_threshold_and_rules()
    {
        var city = Pipeline();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(city.Clock);
        services.AddPartyDomain(b => b.ConfigureRules(o => o.Set(AdmissionRule.Talk.Id, "Months", 2)));
        services.Configure<DevelopmentOptions>(o => o.YoungAgeThreshold = 30);
        using var provider = services.BuildServiceProvider();

        var pipeline = provider.GetRequiredService<AdmissionPipeline>();
        var result = pipeline.Evaluate(city.Build());

        provider.GetRequiredService<AdmissionPipeline>().Should().BeSameAs(pipeline);
        result.Case("ACT").Young.Should().BeFalse("34 is over the configured 30");
        result.Rules.Single(r => r.Id == AdmissionRule.Talk.Id)["Months"].Should().Be(2);
    }

    [Fact]
    public void A_threshold_that_is_not_an_age_is_refused_by_the_container()
    {
        var services = new ServiceCollection();
        services.AddPartyDomain();
        services.Configure<DevelopmentOptions>(o => o.YoungAgeThreshold = 0);
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<AdmissionPipeline>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*YoungAgeThreshold*");
    }

    [Fact]
    public void Rules_disabled_in_the_container_raise_nothing()
    {
        var city = City().WithCase(Opened(Applicant, new LocalDate(2025, 1, 2)));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(city.Clock);
        services.AddPartyDomain(b => b.ConfigureRules(o => o.Disable(AdmissionRule.Talk.Id)));
        using var provider = services.BuildServiceProvider();

        var result = provider.GetRequiredService<AdmissionPipeline>().Evaluate(city.Build());

        result.Cases[0].Violations.Should().BeEmpty("the one rule the case breaks is disabled");
        result.Rules.Single(r => r.Id == AdmissionRule.Talk.Id).Enabled.Should().BeFalse();
        Run(city).Cases[0].Of(AdmissionRule.Talk).Should().ContainSingle("by default the talk is overdue");
        provider.GetRequiredService<IEnumerable<IRule>>().Select(r => r.Id).Should().Contain(AdmissionRule.Defaults.Select(r => r.Id));
    }
}
