using PartyDomain.Development;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Tests.Organization.Structure;
using static PartyDomain.Tests.Development.AdmissionTestData;

namespace PartyDomain.Tests.Development;

/// <summary>Every timeline and eligibility boundary of 《发展党员工作细则》, on both sides.</summary>
public class AdmissionTimelineTests
{
    private static readonly LocalDate Today = TestCity.DefaultToday;

    [Fact]
    public void A_case_that_went_by_the_book_has_no_violations()
    {
        var result = Check(Complete());

        result.ShouldPass();
        result.Stage.Should().Be(AdmissionStage.FullMember);
        result.NextStep.Should().BeNull();
        result.Due.Should().BeNull();
        result.Young.Should().BeTrue();
    }

    // ---- age ---------------------------------------------------------------------------------------------------------

    [Fact]
    public void Exactly_18_on_the_day_of_application_passes()
    {
        Check(Complete(), birth: new LocalDate(2002, 3, 2)).ShouldPass();
    }

    [Fact]
    public void One_day_short_of_18_fails()
    {
        var finding = Check(Complete(), birth: new LocalDate(2002, 3, 3)).ShouldViolate(AdmissionRule.Age, Applied);

        finding.Found.ShouldMention("2020-03-02", "2002-03-03", "18");
        finding.Citation.Provision.Should().Be("第五条");
        finding.Citation.Confidence.Should().Be(SourceConfidence.Verified);
    }

    /// <summary>
    /// Someone born on 29 February turns 18, as the library counts, on 28 February of a common year: NodaTime's
    /// <c>PlusYears</c> clamps 2004-02-29 + 18 years to 2022-02-28, which is also how 《民法典》第二百零三条 ends a period
    /// without a corresponding day (the last day of the month). Counting the birthday as 1 March would refuse the
    /// application of 2022-02-28; this test pins the library's behaviour so a change is deliberate.
    /// </summary>
    [Fact]
    public void Born_on_a_leap_day_one_is_18_on_28_February_of_a_common_year()
    {
        var leap = new LocalDate(2004, 2, 29);
        leap.PlusYears(18).Should().Be(new LocalDate(2022, 2, 28), "NodaTime clamps to the last day of February");
        AdmissionCase Applying(LocalDate on) => Opened(Applicant, on) with { FirstTalk = on.PlusDays(7) };

        Check(Applying(new LocalDate(2022, 2, 28)), birth: leap).ShouldPass();
        Check(Applying(new LocalDate(2022, 2, 27)), birth: leap).ShouldViolate(AdmissionRule.Age, new LocalDate(2022, 2, 27));
        Check(Applying(new LocalDate(2022, 3, 1)), birth: leap).ShouldPass();
    }

    [Fact]
    public void Without_a_birth_date_the_age_cannot_be_checked_and_that_is_reported()
    {
        var city = City().Person(Applicant, StandingsFor(Complete())).Employ(Applicant, Firm).Add(Complete());

        var result = Run(city).Cases[0];

        result.ShouldViolate(AdmissionRule.Age, Applied).Found.English.Should().Contain("no birth date");
        result.Young.Should().BeFalse("nobody is counted young without a birth date");
    }

    [Fact]
    public void The_minimum_age_is_configurable()
    {
        var finding = Check(Complete(), birth: new LocalDate(2001, 3, 2), configure: o => o.Set(AdmissionRule.Age.Id, "MinYears", 20))
            .ShouldViolate(AdmissionRule.Age, Applied);
        finding.Expected.ShouldMention("20");
        finding.RuleTitle.Chinese.Should().Be("年满20岁方可申请入党");
    }

    // ---- the first talk ----------------------------------------------------------------------------------------------

    [Fact]
    public void A_talk_exactly_one_month_after_the_application_passes_and_a_day_later_fails()
    {
        Check(Complete() with { FirstTalk = new LocalDate(2020, 4, 2) }).ShouldPass();

        var finding = Check(Complete() with { FirstTalk = new LocalDate(2020, 4, 3) }).ShouldViolate(AdmissionRule.Talk, new LocalDate(2020, 4, 3));
        finding.Expected.ShouldMention("2020-04-02");
        finding.Found.ShouldMention("2020-04-03");
    }

    [Fact]
    public void A_month_after_31_January_is_28_February()
    {
        var applied = new LocalDate(2025, 1, 31);

        Check(Opened(Applicant, applied) with { FirstTalk = new LocalDate(2025, 2, 28) }).ShouldPass();
        Check(Opened(Applicant, applied) with { FirstTalk = new LocalDate(2025, 3, 1) }).ShouldViolate(AdmissionRule.Talk, new LocalDate(2025, 3, 1));
    }

    [Fact]
    public void A_missing_talk_before_its_deadline_is_only_the_next_step_with_its_due_date()
    {
        var result = Check(Opened(Applicant, new LocalDate(2025, 5, 15)));

        result.ShouldPass("the deadline is today");
        result.Stage.Should().Be(AdmissionStage.Applicant);
        result.NextStep!.English.Should().Be("the first talk");
        result.Due.Should().Be(Today);
    }

    [Fact]
    public void A_missing_talk_after_its_deadline_is_a_violation_as_of_today()
    {
        var result = Check(Opened(Applicant, new LocalDate(2025, 5, 14)));

        result.ShouldViolate(AdmissionRule.Talk, Today).Found.English.Should().Be("no talk yet");
        result.Due.Should().Be(new LocalDate(2025, 6, 14), "the next step stays the talk, overdue");
    }

    [Fact]
    public void A_case_closed_before_the_talk_was_due_has_no_missing_talk()
    {
        var withdrawn = Opened(Applicant, new LocalDate(2025, 1, 10)) with { Closed = new LocalDate(2025, 1, 20) };

        var result = Check(withdrawn);

        result.Stage.Should().Be(AdmissionStage.Closed);
        result.Of(AdmissionRule.Talk).Should().BeEmpty("the application was withdrawn ten days after it was made, before any talk was due");
    }

    [Fact]
    public void A_case_closed_after_the_talk_was_due_without_a_talk_keeps_the_violation()
    {
        var closed = Opened(Applicant, new LocalDate(2025, 1, 10)) with { Closed = new LocalDate(2025, 3, 1) };

        Check(closed).Of(AdmissionRule.Talk).Should().ContainSingle();
    }

    [Fact]
    public void The_talk_deadline_is_configurable()
    {
        Check(Complete() with { FirstTalk = new LocalDate(2020, 4, 3) }, configure: o => o.Set(AdmissionRule.Talk.Id, "Months", 2)).ShouldPass();
    }

    // ---- activist: contacts, assessments, a year before candidacy --------------------------------------------------

    [Fact]
    public void Exactly_one_year_as_an_activist_before_candidacy_passes_and_a_day_less_fails()
    {
        Check(Complete() with { CandidateDesignated = new LocalDate(2021, 4, 10) }).ShouldPass();

        var finding = Check(Complete() with { CandidateDesignated = new LocalDate(2021, 4, 9) }).ShouldViolate(AdmissionRule.ActivistYear, new LocalDate(2021, 4, 9));
        finding.Expected.ShouldMention("2021-04-10");
        finding.Citation.Provision.Should().Be("第十三条");
    }

    [Fact]
    public void An_activist_designated_on_29_February_may_become_a_candidate_on_28_February_a_year_later()
    {
        var leap = new LocalDate(2020, 2, 29);
        AdmissionCase Designated(LocalDate candidacy) => Complete() with
        {
            Applied = new LocalDate(2020, 1, 6),
            FirstTalk = new LocalDate(2020, 1, 20),
            ActivistDesignated = leap,
            Assessments = [new LocalDate(2020, 8, 29), new LocalDate(2021, 2, 1)],
            CandidateDesignated = candidacy,
        };

        Check(Designated(new LocalDate(2021, 2, 28))).ShouldPass("2020-02-29 plus a year is 2021-02-28 in NodaTime");
        Check(Designated(new LocalDate(2021, 2, 27))).ShouldViolate(AdmissionRule.ActivistYear, new LocalDate(2021, 2, 27));
    }

    [Fact]
    public void A_candidacy_without_any_activist_designation_breaks_the_activist_year()
    {
        var skipped = Complete() with { ActivistDesignated = null, Contacts = [], Assessments = [] };

        Check(skipped).Of(AdmissionRule.ActivistYear).Should().ContainSingle();
    }

    [Fact]
    public void The_activist_year_is_configurable()
    {
        Check(Complete(), configure: o => o.Set(AdmissionRule.ActivistYear.Id, "Years", 2)).ShouldViolate(AdmissionRule.ActivistYear, Candidate)
            .RuleTitle.Chinese.Should().Be("经过2年以上培养教育和考察方可列为发展对象");
    }

    [Theory]
    [InlineData(true, "B-F1")]
    [InlineData(true, "B-F1", "B-F2")]
    [InlineData(false)]
    [InlineData(false, "B-F1", "B-F2", "B-F3")]
    [InlineData(false, "B-P1")]
    [InlineData(false, "B-F1", "B-P1")]
    public void One_or_two_full_members_are_the_activists_contacts(bool passes, params string[] contacts)
    {
        var result = Check(Complete() with { Contacts = contacts.Select(TestCity.P).ToArray() });

        if (passes)
        {
            result.ShouldPass();
        }
        else
        {
            result.ShouldViolate(AdmissionRule.Contacts, Activist).Found.ShouldMention(contacts.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            result.Violations.Should().ContainSingle();
        }
    }

    [Fact]
    public void A_contact_listed_twice_counts_once()
    {
        Check(Complete() with { Contacts = [TestCity.P("B-F1"), TestCity.P("B-F1")] }, configure: o => o.Set(AdmissionRule.Contacts.Id, "MinContacts", 2))
            .Of(AdmissionRule.Contacts).Should().ContainSingle("only one person is the activist's contact");
        Check(Complete() with { Contacts = [TestCity.P("B-F1"), TestCity.P("B-F1"), TestCity.P("B-F2")] })
            .Of(AdmissionRule.Contacts).Should().BeEmpty("two people are the contacts");
    }

    [Fact]
    public void A_contact_must_be_a_full_member_on_the_designation_day()
    {
        var onTheDay = City().FullMember("NEWFULL", since: Activist).WithCase(Complete() with { Contacts = [TestCity.P("NEWFULL")] });
        var dayAfter = City().FullMember("NEWFULL", since: Activist.PlusDays(1)).WithCase(Complete() with { Contacts = [TestCity.P("NEWFULL")] });

        Run(onTheDay).Cases[0].ShouldPass();
        Run(dayAfter).Cases[0].ShouldViolate(AdmissionRule.Contacts, Activist);
    }

    [Fact]
    public void An_assessment_exactly_six_months_after_designation_passes_and_a_day_later_fails()
    {
        Check(Complete() with { Assessments = [new LocalDate(2020, 10, 10), new LocalDate(2021, 4, 1)] }).ShouldPass();

        var finding = Check(Complete() with { Assessments = [new LocalDate(2020, 10, 11), new LocalDate(2021, 4, 1)] })
            .ShouldViolate(AdmissionRule.Assessment, new LocalDate(2020, 10, 11));
        finding.Found.ShouldMention("2020-04-10", "2020-10-11");
    }

    [Fact]
    public void The_gap_between_two_assessments_is_six_months_at_most()
    {
        var candidacy = new LocalDate(2021, 4, 20);

        Check(Complete() with { Assessments = [new LocalDate(2021, 4, 10), new LocalDate(2020, 10, 10)], CandidateDesignated = candidacy })
            .ShouldPass("assessments are taken in date order");
        Check(Complete() with { Assessments = [new LocalDate(2020, 10, 10), new LocalDate(2021, 4, 11)], CandidateDesignated = candidacy })
            .ShouldViolate(AdmissionRule.Assessment, new LocalDate(2021, 4, 11));
    }

    [Fact]
    public void The_last_assessment_must_be_within_six_months_of_candidacy()
    {
        Check(Complete() with { Assessments = [new LocalDate(2020, 10, 10)], CandidateDesignated = new LocalDate(2021, 4, 10) }).ShouldPass();
        Check(Complete() with { Assessments = [new LocalDate(2020, 10, 10)], CandidateDesignated = new LocalDate(2021, 4, 11) })
            .ShouldViolate(AdmissionRule.Assessment, new LocalDate(2021, 4, 11));
    }

    [Fact]
    public void An_activist_without_an_assessment_for_more_than_six_months_is_overdue_as_of_today()
    {
        AdmissionCase Activist(LocalDate designated) => Opened(Applicant, new LocalDate(2024, 11, 1)) with
        {
            FirstTalk = new LocalDate(2024, 11, 10),
            ActivistDesignated = designated,
            Contacts = [TestCity.P("B-F1")],
        };

        var due = Check(Activist(new LocalDate(2024, 12, 15)));
        due.ShouldPass();
        due.Due.Should().Be(Today);

        Check(Activist(new LocalDate(2024, 12, 14))).ShouldViolate(AdmissionRule.Assessment, Today);
    }

    [Fact]
    public void The_assessment_interval_is_configurable()
    {
        Check(Complete(), configure: o => o.Set(AdmissionRule.Assessment.Id, "Months", 5)).Of(AdmissionRule.Assessment).Should().NotBeEmpty();
    }

    // ---- before the vote: sponsors, political review, training, leaving --------------------------------------------

    [Fact]
    public void Two_full_member_sponsors_on_the_vote_day_pass()
    {
        Check(Complete() with { Sponsors = [TestCity.P("B-F3"), TestCity.P("B-F4")] }).ShouldPass();
    }

    [Fact]
    public void A_probationary_sponsor_fails()
    {
        var finding = Check(Complete() with { Sponsors = [TestCity.P("B-F1"), TestCity.P("B-P1")] }).ShouldViolate(AdmissionRule.Sponsors, VoteDay);

        finding.Found.English.Should().Be("2 sponsors, 1 full members on the vote's day");
    }

    [Theory]
    [InlineData("B-F1")]
    [InlineData("B-F1", "B-F1")]
    [InlineData("B-F1", "B-F2", "B-F3")]
    [InlineData("B-F1", "GONE")]
    public void Sponsors_are_exactly_two_distinct_full_members(params string[] sponsors)
    {
        var city = City()
            .Person("GONE", TestCity.Standing(MemberStanding.FullMember, TestCity.LongAgo), TestCity.Standing(MemberStanding.Ceased, new LocalDate(2021, 1, 1)))
            .WithCase(Complete() with { Sponsors = sponsors.Select(TestCity.P).ToArray() });

        Run(city).Cases[0].ShouldViolate(AdmissionRule.Sponsors, VoteDay);
    }

    [Fact]
    public void A_sponsor_must_be_a_full_member_on_the_vote_day_itself()
    {
        AdmissionCase WithNewSponsor() => Complete() with { Sponsors = [TestCity.P("B-F1"), TestCity.P("NEWFULL")] };

        Run(City().FullMember("NEWFULL", since: VoteDay).WithCase(WithNewSponsor())).Cases[0].ShouldPass();
        Run(City().FullMember("NEWFULL", since: VoteDay.PlusDays(1)).WithCase(WithNewSponsor())).Cases[0].ShouldViolate(AdmissionRule.Sponsors, VoteDay);
    }

    [Fact]
    public void No_political_review_conclusion_no_admission()
    {
        Check(Complete() with { PoliticalReview = null, PoliticalReviewPassed = null })
            .ShouldViolate(AdmissionRule.PoliticalReview, VoteDay).Found.English.Should().Be("no political-review conclusion");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void A_failed_or_unrecorded_review_result_fails(bool? passed)
    {
        Check(Complete() with { PoliticalReviewPassed = passed }).ShouldViolate(AdmissionRule.PoliticalReview, VoteDay)
            .Found.English.Should().Contain("did not pass");
    }

    [Fact]
    public void The_review_must_conclude_by_the_vote_day()
    {
        Check(Complete() with { PoliticalReview = VoteDay }).ShouldPass();
        Check(Complete() with { PoliticalReview = VoteDay.PlusDays(1) }).ShouldViolate(AdmissionRule.PoliticalReview, VoteDay)
            .Found.ShouldMention("2021-09-02");
    }

    [Theory]
    [InlineData(3, null, true)]
    [InlineData(null, 24.0, true)]
    [InlineData(2, 24.0, true)]
    [InlineData(3, 0.0, true)]
    [InlineData(2, 23.5, false)]
    [InlineData(2, null, false)]
    [InlineData(null, 23.99, false)]
    [InlineData(null, null, false)]
    public void Training_of_at_least_three_days_or_24_hours(int? days, double? hours, bool passes)
    {
        var result = Check(Complete() with { TrainingDays = days, TrainingHours = (decimal?)hours });

        if (passes)
        {
            result.ShouldPass();
        }
        else
        {
            result.ShouldViolate(AdmissionRule.Training, VoteDay).Expected.ShouldMention("3", "24");
        }
    }

    [Fact]
    public void Leaving_the_firm_within_three_months_of_the_vote_blocks_admission()
    {
        var finding = Check(Complete(), employedUntil: new LocalDate(2021, 12, 1)).ShouldViolate(AdmissionRule.Leaving, VoteDay);

        finding.Found.ShouldMention("2021-12-01");
        Check(Complete(), employedUntil: VoteDay).ShouldViolate(AdmissionRule.Leaving, VoteDay);
    }

    [Fact]
    public void Leaving_the_day_after_the_three_months_does_not()
    {
        Check(Complete(), employedUntil: new LocalDate(2021, 12, 2)).ShouldPass();
        Check(Complete(), employedUntil: new LocalDate(2021, 12, 2), configure: o => o.Set(AdmissionRule.Leaving.Id, "Months", 4))
            .Of(AdmissionRule.Leaving).Should().ContainSingle("the city made it four months");
    }

    // ---- the votes ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(10, 6, 6, true)]
    [InlineData(10, 10, 6, true)]
    [InlineData(9, 5, 5, true)]
    [InlineData(10, 5, 5, false)]
    [InlineData(10, 6, 5, false)]
    [InlineData(10, 10, 5, false)]
    [InlineData(10, 6, 4, false)]
    [InlineData(9, 4, 4, false)]
    public void The_vote_needs_more_than_half_present_and_more_than_half_of_those_expected_in_favour(int expected, int present, int inFavour, bool passes)
    {
        var result = Check(Complete() with { AdmissionVote = Vote(VoteDay, expected, present, inFavour) });

        if (passes)
        {
            result.ShouldPass();
        }
        else
        {
            result.ShouldViolate(AdmissionRule.Vote, VoteDay).Found.English.Should().Be($"{expected} expected, {present} present, {inFavour} in favour");
        }
    }

    [Fact]
    public void In_favour_is_counted_against_the_members_expected_not_those_present()
    {
        var result = Check(Complete() with { AdmissionVote = Vote(VoteDay, 10, 6, 4) });

        result.ShouldViolate(AdmissionRule.Vote, VoteDay);
        result.Of(AdmissionRule.Vote).Should().ContainSingle("4 of 6 present is a majority of those present, but not of the 10 expected");
    }

    [Theory]
    [InlineData(10, 5, 5, false)]
    [InlineData(10, 6, 5, false)]
    [InlineData(10, 6, 6, true)]
    public void The_conversion_vote_follows_the_same_quorum_and_majority(int expected, int present, int inFavour, bool passes)
    {
        var result = Check(Complete() with { ConversionVote = Vote(ProbationEnd, expected, present, inFavour) });

        if (passes)
        {
            result.ShouldPass();
        }
        else
        {
            result.ShouldViolate(AdmissionRule.ConversionVote, ProbationEnd);
            result.Of(AdmissionRule.Vote).Should().BeEmpty("the admission vote was fine");
        }
    }

    // ---- approval, probation, conversion -----------------------------------------------------------------------------

    [Fact]
    public void Approval_exactly_three_months_after_the_vote_passes_and_a_day_later_fails()
    {
        Check(Complete() with { Approved = new LocalDate(2021, 12, 1), Oath = null }).ShouldPass();

        Check(Complete() with { Approved = new LocalDate(2021, 12, 2), Oath = null }).ShouldViolate(AdmissionRule.Approval, new LocalDate(2021, 12, 2))
            .Expected.ShouldMention("2021-12-01");
    }

    [Fact]
    public void A_missing_approval_is_due_for_three_months_then_a_violation_as_of_today()
    {
        AdmissionCase Voted(LocalDate vote) => Complete() with
        {
            Applied = new LocalDate(2023, 1, 2),
            FirstTalk = new LocalDate(2023, 1, 20),
            ActivistDesignated = new LocalDate(2023, 2, 1),
            Assessments = [new LocalDate(2023, 8, 1), new LocalDate(2024, 2, 1), new LocalDate(2024, 8, 1)],
            CandidateDesignated = new LocalDate(2024, 9, 1),
            PoliticalReview = new LocalDate(2024, 12, 1),
            PreReview = new LocalDate(2025, 1, 10),
            AdmissionVote = Vote(vote),
            Approved = null,
            Oath = null,
            ConversionVote = null,
            ConversionApproved = null,
        };

        var pending = Check(Voted(new LocalDate(2025, 3, 15)));
        pending.ShouldPass();
        pending.Stage.Should().Be(AdmissionStage.AwaitingApproval);
        pending.Due.Should().Be(Today);

        Check(Voted(new LocalDate(2025, 3, 14))).ShouldViolate(AdmissionRule.Approval, Today).Found.English.Should().Be("not approved yet");
    }

    [Fact]
    public void A_conversion_vote_before_probation_ends_fails()
    {
        Check(Complete() with { ConversionVote = Vote(ProbationEnd.PlusDays(-1), 10, 9, 9) })
            .ShouldViolate(AdmissionRule.Probation, ProbationEnd.PlusDays(-1)).Expected.ShouldMention("2022-09-01");
    }

    [Fact]
    public void A_missing_conversion_vote_is_due_on_the_last_day_and_a_violation_the_day_after()
    {
        AdmissionCase Probationary(LocalDate vote) => Complete() with
        {
            Applied = new LocalDate(2022, 1, 4),
            FirstTalk = new LocalDate(2022, 1, 20),
            ActivistDesignated = new LocalDate(2022, 2, 1),
            Assessments = [new LocalDate(2022, 8, 1), new LocalDate(2023, 2, 1)],
            CandidateDesignated = new LocalDate(2023, 3, 1),
            PoliticalReview = new LocalDate(2023, 6, 1),
            PreReview = new LocalDate(2024, 5, 1),
            AdmissionVote = Vote(vote),
            Approved = new LocalDate(2024, 7, 1),
            Oath = new LocalDate(2024, 7, 1),
            ConversionVote = null,
            ConversionApproved = null,
        };

        var pending = Check(Probationary(new LocalDate(2024, 6, 15)));
        pending.ShouldPass();
        pending.Stage.Should().Be(AdmissionStage.Probationary);
        pending.Due.Should().Be(Today);

        Check(Probationary(new LocalDate(2024, 6, 14))).ShouldViolate(AdmissionRule.Probation, Today).Expected.ShouldMention("2025-06-14");
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(9, true)]
    [InlineData(12, true)]
    [InlineData(5, false)]
    [InlineData(13, false)]
    [InlineData(0, false)]
    public void Probation_may_be_extended_once_by_six_to_twelve_months(int months, bool passes)
    {
        var end = ProbationEnd.PlusMonths(months);
        var result = Check(Complete() with { ExtensionMonths = months, ConversionVote = Vote(end, 10, 9, 9), ConversionApproved = end.PlusMonths(1) });

        if (passes)
        {
            result.ShouldPass();
        }
        else
        {
            result.ShouldViolate(AdmissionRule.Probation, end).Found.ShouldMention(months.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void After_an_extension_the_conversion_vote_waits_for_the_extended_end()
    {
        Check(Complete() with { ExtensionMonths = 6 }, standings: StandingsFor(Complete()))
            .Of(AdmissionRule.Probation).Should().ContainSingle().Which.Found.English.Should().Contain("voted early");
    }

    [Fact]
    public void The_extension_bounds_are_configurable()
    {
        var end = ProbationEnd.PlusMonths(3);
        Check(Complete() with { ExtensionMonths = 3, ConversionVote = Vote(end, 10, 9, 9), ConversionApproved = end.PlusMonths(1) },
            configure: o => o.Set(AdmissionRule.Probation.Id, "MinExtensionMonths", 3)).ShouldPass();
    }

    // ---- standing consistency ----------------------------------------------------------------------------------------

    [Fact]
    public void A_probationary_standing_from_another_day_than_the_vote_is_a_contradiction()
    {
        var standings = new[]
        {
            TestCity.Standing(MemberStanding.Activist, Activist),
            TestCity.Standing(MemberStanding.ProbationaryMember, new LocalDate(2021, 10, 15)),
            TestCity.Standing(MemberStanding.FullMember, ProbationEnd),
        };

        var finding = Check(Complete(), standings: standings).ShouldViolate(AdmissionRule.Standing, VoteDay);

        finding.Expected.ShouldMention("2021-09-01");
        finding.Found.ShouldMention("2021-10-15");
        finding.Citation.Document.Should().Be("中国共产党章程");
    }

    [Fact]
    public void An_approved_case_whose_person_was_never_probationary_is_a_contradiction()
    {
        var standings = new[] { TestCity.Standing(MemberStanding.Activist, Activist), TestCity.Standing(MemberStanding.FullMember, ProbationEnd) };

        Check(Complete(), standings: standings).ShouldViolate(AdmissionRule.Standing, VoteDay).Found.English.Should().Contain("no probationary standing");
    }

    [Fact]
    public void A_full_standing_from_another_day_than_the_end_of_probation_is_a_contradiction()
    {
        var standings = new[]
        {
            TestCity.Standing(MemberStanding.ProbationaryMember, VoteDay),
            TestCity.Standing(MemberStanding.FullMember, new LocalDate(2022, 10, 1)),
        };

        var finding = Check(Complete(), standings: standings).ShouldViolate(AdmissionRule.Standing, ProbationEnd);

        finding.Expected.ShouldMention("2022-09-01");
        finding.Found.ShouldMention("2022-10-01");
    }

    [Fact]
    public void A_conversion_approved_while_the_person_is_still_probationary_is_a_contradiction()
    {
        var standings = new[] { TestCity.Standing(MemberStanding.ProbationaryMember, VoteDay) };

        Check(Complete(), standings: standings).ShouldViolate(AdmissionRule.Standing, ProbationEnd).Found.English.Should().Contain("no full standing");
    }

    [Fact]
    public void After_an_extension_full_membership_starts_at_the_extended_end()
    {
        var end = ProbationEnd.PlusMonths(6);
        var extended = Complete() with { ExtensionMonths = 6, ConversionVote = Vote(end, 10, 9, 9), ConversionApproved = end.PlusMonths(1) };
        var fullTooEarly = new[] { TestCity.Standing(MemberStanding.ProbationaryMember, VoteDay), TestCity.Standing(MemberStanding.FullMember, ProbationEnd) };

        Check(extended).ShouldPass("the standings follow the extended end, 2023-03-01");
        Check(extended, standings: fullTooEarly).ShouldViolate(AdmissionRule.Standing, end).Expected.ShouldMention("2023-03-01");
    }

    [Fact]
    public void Before_approval_the_standing_is_not_compared()
    {
        var voted = Complete() with { Approved = null, Oath = null, ConversionVote = null, ConversionApproved = null, AdmissionVote = Vote(new LocalDate(2025, 4, 1)) };

        Check(voted, standings: [TestCity.Standing(MemberStanding.DevelopmentCandidate, Candidate)]).Of(AdmissionRule.Standing).Should().BeEmpty();
    }

    [Fact]
    public void The_pipeline_reports_contradictions_and_never_changes_a_standing()
    {
        var standings = new[] { TestCity.Standing(MemberStanding.FullMember, new LocalDate(2021, 10, 15)) };
        var dataset = City().WithCase(Complete(), standings: standings).Build();

        var result = PartyDomainEngines.Create(new TestCity().Clock).Admissions.Evaluate(dataset).KeepRules();

        result.Cases[0].Of(AdmissionRule.Standing).Should().HaveCount(2);
        dataset.GetPerson(TestCity.P(Applicant)).Standings.Should().Equal(standings);
        dataset.GetPerson(TestCity.P(Applicant)).StandingOn(VoteDay).Should().BeNull();
    }

    // ---- tuning -----------------------------------------------------------------------------------------------------

    [Fact]
    public void A_disabled_rule_raises_nothing_and_severity_is_tuned_by_id()
    {
        var bad = Complete() with { TrainingDays = 1, TrainingHours = null, FirstTalk = new LocalDate(2020, 5, 1) };

        Check(bad, configure: o => o.Disable(AdmissionRule.Training.Id)).Violations.Select(v => v.RuleId).Should().Equal(AdmissionRule.Talk.Id);
        Check(bad, configure: o => o.WithSeverity(AdmissionRule.Talk.Id, FindingSeverity.Warning))
            .Of(AdmissionRule.Talk).Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Warning);
    }

    [Fact]
    public void Every_rule_is_cited_and_reported_with_the_settings_it_ran_with()
    {
        var result = Run(City().WithCase(Complete()), o => o.Set(AdmissionRule.Talk.Id, "Months", 2));

        AdmissionRule.Defaults.Should().HaveCount(14);
        AdmissionRule.Defaults.Select(r => r.Id.Value).Should().OnlyHaveUniqueItems().And.OnlyContain(id => id.StartsWith("DEV-", StringComparison.Ordinal));
        AdmissionRule.Defaults.Should().OnlyContain(r => r.Citation.Document.Length > 0 && r.DefaultSeverity == FindingSeverity.Violation);
        result.Rules.Should().HaveCount(14);
        result.Rules.Single(r => r.Id == AdmissionRule.Talk.Id)["Months"].Should().Be(2);
        result.Rules.Single(r => r.Id == AdmissionRule.Training.Id)["MinHours"].Should().Be(24);
        result.Rules.Single(r => r.Id == AdmissionRule.Probation.Id)["MaxExtensionMonths"].Should().Be(12);
        result.Rules.Single(r => r.Id == AdmissionRule.Contacts.Id)["MaxContacts"].Should().Be(2);
    }

    [Fact]
    public void Tuning_an_unknown_parameter_is_refused()
    {
        var act = () => new AdmissionPipeline(Microsoft.Extensions.Options.Options.Create(new RuleOptions().Set(AdmissionRule.Vote.Id, "Quorum", 2)), Microsoft.Extensions.Options.Options.Create(new DevelopmentOptions()), new TestCity().Clock.InShanghai());

        act.Should().Throw<RuleConfigurationException>();
    }
}
