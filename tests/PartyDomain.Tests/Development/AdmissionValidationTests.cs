using PartyDomain.Data;
using PartyDomain.Development;
using static PartyDomain.Tests.Development.AdmissionTestData;

namespace PartyDomain.Tests.Development;

/// <summary>The dataset builder checks admission cases, naming entity "AdmissionCase", field and value.</summary>
public class AdmissionValidationTests
{
    private const string Entity = nameof(AdmissionCase);

    private static IReadOnlyList<DatasetProblem> Validate(AdmissionCase c) => City().WithCase(c).Validate();

    private static DatasetProblem Single(AdmissionCase c) => Validate(c).Should().ContainSingle().Subject;

    private static void ShouldName(DatasetProblem problem, string code, string field, string? value)
    {
        problem.Code.Should().Be(code);
        problem.Entity.Should().Be(Entity);
        problem.Key.Should().Be($"K-{Applicant} ({Applicant})");
        problem.Field.Should().Be(field);
        problem.Value.Should().Be(value);
        problem.Describe(TextLanguage.English).Should().Contain(Entity).And.Contain(field);
    }

    [Fact]
    public void A_complete_case_is_valid()
    {
        Validate(Complete()).Should().BeEmpty();
        City().WithCase(Complete()).Build().AdmissionCases.Should().ContainSingle();
    }

    [Fact]
    public void An_unknown_person_is_named()
    {
        var problem = City().Add(Complete("GHOST")).Validate().Should().ContainSingle().Subject;

        problem.Code.Should().Be("unknown-reference");
        problem.Entity.Should().Be(Entity);
        problem.Key.Should().Be("K-GHOST (GHOST)");
        problem.Field.Should().Be("PersonId");
        problem.Value.Should().Be("GHOST");
    }

    [Fact]
    public void An_unknown_organization_is_named() =>
        ShouldName(Single(Complete() with { OrganizationId = TestCity.O("NOWHERE") }), "unknown-reference", nameof(AdmissionCase.OrganizationId), "NOWHERE");

    [Fact]
    public void An_unknown_sponsor_is_named() =>
        ShouldName(Single(Complete() with { Sponsors = [TestCity.P("B-F1"), TestCity.P("GHOST")] }), "unknown-reference", nameof(AdmissionCase.Sponsors), "GHOST");

    [Fact]
    public void An_unknown_contact_is_named() =>
        ShouldName(Single(Complete() with { Contacts = [TestCity.P("GHOST")] }), "unknown-reference", nameof(AdmissionCase.Contacts), "GHOST");

    /// <summary>The activist's contact often becomes a sponsor, so one unknown id in both lists is an ordinary mistake.</summary>
    [Fact]
    public void An_unknown_person_who_is_both_contact_and_sponsor_is_named_in_each_field()
    {
        var problems = Validate(Complete() with { Contacts = [TestCity.P("GHOST")], Sponsors = [TestCity.P("B-F1"), TestCity.P("GHOST")] });

        problems.Select(p => (p.Field, p.Value)).Should().BeEquivalentTo([(nameof(AdmissionCase.Contacts), "GHOST"), (nameof(AdmissionCase.Sponsors), "GHOST")]);
    }

    [Fact]
    public void A_talk_before_the_application_is_out_of_order()
    {
        var problem = Single(Complete() with { FirstTalk = new LocalDate(2020, 3, 1) });

        ShouldName(problem, "out-of-order", nameof(AdmissionCase.FirstTalk), "2020-03-01");
        problem.Message.English.Should().Contain("Applied").And.Contain("2020-03-02");
    }

    [Fact]
    public void A_candidacy_before_the_activist_designation_is_out_of_order()
    {
        var problem = Validate(Complete() with { CandidateDesignated = new LocalDate(2020, 4, 9) })
            .Should().ContainSingle(p => p.Field == nameof(AdmissionCase.CandidateDesignated)).Subject;

        ShouldName(problem, "out-of-order", nameof(AdmissionCase.CandidateDesignated), "2020-04-09");
        problem.Message.English.Should().Contain(nameof(AdmissionCase.ActivistDesignated));
    }

    [Fact]
    public void An_approval_before_the_vote_is_out_of_order()
    {
        var problem = Single(Complete() with { Approved = new LocalDate(2021, 8, 31), Oath = null });

        ShouldName(problem, "out-of-order", nameof(AdmissionCase.Approved), "2021-08-31");
        problem.Message.English.Should().Contain("2021-09-01");
    }

    [Fact]
    public void A_conversion_approved_before_its_vote_is_out_of_order() =>
        ShouldName(Single(Complete() with { ConversionApproved = new LocalDate(2022, 8, 31) }), "out-of-order", nameof(AdmissionCase.ConversionApproved), "2022-08-31");

    [Fact]
    public void An_assessment_before_the_activist_designation_is_out_of_order() =>
        ShouldName(Single(Complete() with { Assessments = [new LocalDate(2020, 4, 9), new LocalDate(2020, 10, 1), new LocalDate(2021, 4, 1)] }),
            "out-of-order", nameof(AdmissionCase.Assessments), "2020-04-09");

    [Fact]
    public void More_in_favour_than_present_is_invalid() =>
        ShouldName(Single(Complete() with { AdmissionVote = Vote(VoteDay, 10, 5, 6) }), "invalid-value", nameof(AdmissionCase.AdmissionVote), "10/5/6");

    [Theory]
    [InlineData(10, 11, 6)]
    [InlineData(0, 0, 0)]
    [InlineData(10, 6, -1)]
    public void Impossible_conversion_vote_counts_are_invalid(int expected, int present, int inFavour) =>
        ShouldName(Single(Complete() with { ConversionVote = Vote(ProbationEnd, expected, present, inFavour) }), "invalid-value", nameof(AdmissionCase.ConversionVote),
            $"{expected}/{present}/{inFavour}");

    [Fact]
    public void Approved_without_a_vote_is_missing_the_vote()
    {
        var problem = Validate(Complete() with { AdmissionVote = null, ConversionVote = null, ConversionApproved = null })
            .Should().ContainSingle().Subject;

        ShouldName(problem, "missing-value", nameof(AdmissionCase.AdmissionVote), null);
        problem.Message.English.Should().Be("approved without a recorded vote");
    }

    [Fact]
    public void A_conversion_approved_without_its_vote_is_missing_the_vote() =>
        ShouldName(Single(Complete() with { ConversionVote = null }), "missing-value", nameof(AdmissionCase.ConversionVote), null);

    [Fact]
    public void A_review_result_without_its_date_is_missing_the_date() =>
        ShouldName(Single(Complete() with { PoliticalReview = null }), "missing-value", nameof(AdmissionCase.PoliticalReview), null);

    [Fact]
    public void A_duplicate_case_id_is_named()
    {
        var city = City().WithCase(Complete()).Add(Complete() with { Applied = new LocalDate(2020, 3, 3) });

        var problem = city.Validate().Should().ContainSingle().Subject;

        ShouldName(problem, "duplicate-id", nameof(AdmissionCase.Id), $"K-{Applicant}");
    }

    [Fact]
    public void A_milestone_in_the_future_is_named() =>
        ShouldName(Single(Opened(Applicant, new LocalDate(2025, 6, 1)) with { FirstTalk = new LocalDate(2025, 6, 16) }), "future-date", nameof(AdmissionCase.FirstTalk), "2025-06-16");

    [Fact]
    public void Building_refuses_an_invalid_case_and_lists_every_problem()
    {
        var act = () => City().Add(Complete("GHOST") with { OrganizationId = TestCity.O("NOWHERE"), FirstTalk = new LocalDate(2020, 1, 1) }).Build();

        act.Should().Throw<DatasetValidationException>().Which.Problems.Select(p => p.Field)
            .Should().BeEquivalentTo(["PersonId", nameof(AdmissionCase.OrganizationId), nameof(AdmissionCase.FirstTalk)]);
    }
}
