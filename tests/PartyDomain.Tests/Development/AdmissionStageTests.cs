using PartyDomain.Development;
using static PartyDomain.Tests.Development.AdmissionTestData;

namespace PartyDomain.Tests.Development;

/// <summary>Where each case stands today, and what is due next.</summary>
public class AdmissionStageTests
{
    private static readonly LocalDate Today = TestCity.DefaultToday;

    /// <summary>A case in progress in 2024–2025, cut after the milestone a test needs.</summary>
    private static AdmissionCase Recent() => Opened(Applicant, new LocalDate(2024, 1, 8)) with
    {
        FirstTalk = new LocalDate(2024, 1, 20),
        ActivistDesignated = new LocalDate(2024, 2, 1),
        Contacts = [TestCity.P("B-F1"), TestCity.P("B-F2")],
        Assessments = [new LocalDate(2024, 8, 1), new LocalDate(2025, 2, 1)],
        CandidateDesignated = new LocalDate(2025, 2, 1),
        Sponsors = [TestCity.P("B-F1"), TestCity.P("B-F2")],
    };

    private static void ShouldBeAt(AdmissionCaseResult result, AdmissionStage stage, string? next, LocalDate? due)
    {
        result.ShouldPass();
        result.Stage.Should().Be(stage);
        result.NextStep?.English.Should().Be(next);
        if (next is null)
        {
            result.NextStep.Should().BeNull();
        }
        else
        {
            result.NextStep!.Chinese.Should().NotBeNullOrWhiteSpace();
        }

        result.Due.Should().Be(due);
    }

    [Fact]
    public void An_applicant_awaits_the_talk_due_a_month_after_the_application()
    {
        ShouldBeAt(Check(Opened(Applicant, new LocalDate(2025, 6, 1))), AdmissionStage.Applicant, "the first talk", new LocalDate(2025, 7, 1));
    }

    [Fact]
    public void After_the_talk_the_applicant_awaits_designation_with_no_deadline()
    {
        ShouldBeAt(Check(Opened(Applicant, new LocalDate(2025, 6, 1)) with { FirstTalk = new LocalDate(2025, 6, 10) }),
            AdmissionStage.Applicant, "designation as an activist", null);
    }

    [Fact]
    public void An_activist_awaits_the_next_half_yearly_assessment()
    {
        var designated = Recent() with { Assessments = [], CandidateDesignated = null, Sponsors = [] };
        ShouldBeAt(Check(designated with { ActivistDesignated = new LocalDate(2025, 1, 10) }), AdmissionStage.Activist, "the half-yearly assessment", new LocalDate(2025, 7, 10));

        var assessed = designated with { Assessments = [new LocalDate(2024, 8, 1), new LocalDate(2025, 2, 1)] };
        ShouldBeAt(Check(assessed), AdmissionStage.Activist, "the half-yearly assessment", new LocalDate(2025, 8, 1));
    }

    [Fact]
    public void A_candidate_moves_through_review_training_pre_review_and_the_vote()
    {
        var candidate = Recent();
        ShouldBeAt(Check(candidate), AdmissionStage.Candidate, "the political review", null);

        var reviewed = candidate with { PoliticalReview = new LocalDate(2025, 4, 1), PoliticalReviewPassed = true };
        ShouldBeAt(Check(reviewed), AdmissionStage.Candidate, "the concentrated training", null);

        var trained = reviewed with { TrainingHours = 24m };
        ShouldBeAt(Check(trained), AdmissionStage.Candidate, "the higher committee's pre-review", null);

        var preReviewed = trained with { PreReview = new LocalDate(2025, 5, 20) };
        ShouldBeAt(Check(preReviewed), AdmissionStage.Candidate, "the general meeting's admission vote", null);
    }

    [Fact]
    public void Voted_in_the_case_awaits_approval_due_three_months_after_the_vote()
    {
        var voted = Recent() with
        {
            PoliticalReview = new LocalDate(2025, 4, 1),
            PoliticalReviewPassed = true,
            TrainingDays = 3,
            PreReview = new LocalDate(2025, 5, 20),
            AdmissionVote = Vote(new LocalDate(2025, 6, 1)),
        };

        ShouldBeAt(Check(voted), AdmissionStage.AwaitingApproval, "the higher committee approves the admission", new LocalDate(2025, 9, 1));
    }

    [Fact]
    public void A_probationary_member_awaits_the_conversion_vote_due_when_probation_ends_then_its_approval()
    {
        var probationary = Complete() with { ConversionVote = null, ConversionApproved = null };
        ShouldBeAt(Check(probationary, today: new LocalDate(2022, 6, 1)), AdmissionStage.Probationary, "the conversion vote when probation ends", ProbationEnd);

        var extended = probationary with { ExtensionMonths = 6 };
        ShouldBeAt(Check(extended, today: new LocalDate(2022, 6, 1)), AdmissionStage.Probationary, "the conversion vote when probation ends", new LocalDate(2023, 3, 1));

        var voted = Complete() with { ConversionApproved = null };
        ShouldBeAt(Check(voted, today: new LocalDate(2022, 9, 10)), AdmissionStage.Probationary, "the higher committee approves the conversion", null);
    }

    [Fact]
    public void A_converted_member_has_nothing_left_to_do()
    {
        ShouldBeAt(Check(Complete()), AdmissionStage.FullMember, null, null);
    }

    [Fact]
    public void A_closed_case_has_no_next_step_and_no_deadlines_after_closing()
    {
        var closed = Recent() with
        {
            PoliticalReview = new LocalDate(2024, 12, 1),
            PoliticalReviewPassed = true,
            TrainingDays = 3,
            AdmissionVote = Vote(new LocalDate(2025, 2, 10)),
            Closed = new LocalDate(2025, 3, 1),
        };

        ShouldBeAt(Check(closed), AdmissionStage.Closed, null, null);
    }

    [Fact]
    public void The_stage_is_judged_as_of_the_clocks_today()
    {
        var city = City(new LocalDate(2022, 3, 1)).WithCase(Complete() with { ConversionVote = null, ConversionApproved = null });

        var result = Run(city).Cases[0];

        result.Stage.Should().Be(AdmissionStage.Probationary);
        result.ShouldPass("probation ends on 2022-09-01, after this today");
    }
}
