using PartyDomain.BasicSystems;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;
using PartyDomain.Tests.Organization.Structure;
using static PartyDomain.BasicSystems.BasicSystemRuleIds;
using static PartyDomain.BasicSystems.SlotOutcome;
using static PartyDomain.Tests.BasicSystems.ComplianceRun;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Tests.BasicSystems;

/// <summary>The secretary's lesson, appraisal and talk coverage, and six months without organizational life.</summary>
public class MemberRulesTests
{
    // ---- BS-SECRETARY-LECTURE -------------------------------------------------------------------------------------

    /// <summary>Branch B whose secretary was S1 until 31 March 2025 and is S2 from 1 April 2025.</summary>
    private static TestCity SecretaryChange() => new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B")
        .FullMemberOf("S1", "B").FullMemberOf("S2", "B")
        .Secretary("S1", "B", to: D(2025, 3, 31)).Secretary("S2", "B", from: D(2025, 4, 1));

    private static SlotOutcome Lecture(TestCity city, LocalDate? today = null, Action<RuleOptions>? configure = null) =>
        Evaluate(city, ReportingPeriod.Year(2025), configure, today: today).Of("B", SecretaryLecture).Single();

    [Fact]
    public void A_lesson_by_the_secretary_meets_the_year_before_it_ends()
    {
        var city = SecretaryChange().Lesson("B", D(2025, 5, 10), "S2", "M-F1");

        Lecture(city).Should().Be(Met);
    }

    [Fact]
    public void A_lesson_by_someone_else_does_not_count_and_the_year_is_missed_once_over()
    {
        var city = SecretaryChange().Lesson("B", D(2025, 5, 10), "M-F1", "M-F2");

        Lecture(city).Should().Be(Pending);
        Lecture(city, D(2026, 1, 2)).Should().Be(Missed);
        Evaluate(city, ReportingPeriod.Year(2025)).Of("B", PartyLesson)[1].Should().Be(Met, "it is still a party lesson");
    }

    [Fact]
    public void The_lecturer_must_be_the_secretary_on_the_lessons_day()
    {
        Lecture(SecretaryChange().Lesson("B", D(2025, 3, 31), "S1"), D(2026, 1, 2)).Should().Be(Met, "S1 was secretary on 31 March");
        Lecture(SecretaryChange().Lesson("B", D(2025, 4, 1), "S2"), D(2026, 1, 2)).Should().Be(Met, "S2 is secretary from 1 April");
        Lecture(SecretaryChange().Lesson("B", D(2025, 4, 1), "S1"), D(2026, 1, 2)).Should().Be(Missed, "S1 is no longer secretary");
        Lecture(SecretaryChange().Lesson("B", D(2025, 3, 31), "S2"), D(2026, 1, 2)).Should().Be(Missed, "S2 was not yet secretary");
    }

    [Fact]
    public void The_secretary_of_another_branch_does_not_count()
    {
        var city = SecretaryChange().Branch("B2").FullMemberOf("S3", "B2").Secretary("S3", "B2")
            .Lesson("B", D(2025, 5, 10), "S3", "M-F1");

        Lecture(city, D(2026, 1, 2)).Should().Be(Missed);
    }

    [Fact]
    public void A_branch_without_a_secretary_is_not_applicable()
    {
        var city = new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B").Lesson("B", D(2024, 5, 10), "M-F1");

        Evaluate(city, ReportingPeriod.Year(2024)).Of("B", SecretaryLecture).Should().Equal(NotApplicable);
    }

    [Fact]
    public void MinLessons_is_tuned_by_rule_id_and_duplicate_records_of_one_lesson_count_once()
    {
        var oneLessonTwice = SecretaryChange()
            .Lesson("B", D(2025, 5, 10), "S2", "M-F1")
            .Lesson("B", D(2025, 5, 10), "S2", "M-F1");
        var twoLessons = SecretaryChange()
            .Lesson("B", D(2025, 2, 10), "S1", "M-F1")
            .Lesson("B", D(2025, 5, 10), "S2", "M-F1");

        void Two(RuleOptions o) => o.Set(SecretaryLecture, "MinLessons", 2);

        Lecture(oneLessonTwice, D(2026, 1, 2), Two).Should().Be(Missed);
        Lecture(twoLessons, D(2026, 1, 2), Two).Should().Be(Met, "each lesson was given by the secretary of its day");
    }

    // ---- BS-DEMOCRATIC-APPRAISAL and BS-HEART-TO-HEART-TALK --------------------------------------------------------

    /// <summary>Three full and one probationary member registered in B; 2024 has ended.</summary>
    private static TestCity Coverage() => new TestCity().Branch("B").Members("M", full: 3, probationary: 1, registeredAt: "B").NonMember("GUEST");

    private static SlotResult? Appraisal(TestCity city) => Evaluate(city, ReportingPeriod.Year(2024)).Slot("B", DemocraticAppraisal, "2024");

    private static SlotResult? Talks(TestCity city) => Evaluate(city, ReportingPeriod.Year(2024)).Slot("B", HeartToHeartTalk, "2024");

    [Fact]
    public void Every_full_member_is_appraised_and_probationary_members_are_not_required()
    {
        var city = Coverage().Activity("B", ActivityKind.DemocraticAppraisal, D(2024, 12, 20), "M-F1", "M-F2", "M-F3");

        Appraisal(city).Should().Match<SlotResult>(r => r.Outcome == Met && r.Found == 3 && r.Expected == 3);
    }

    [Fact]
    public void A_full_member_not_appraised_misses_the_year_and_guests_do_not_stand_in()
    {
        var city = Coverage().Activity("B", ActivityKind.DemocraticAppraisal, D(2024, 12, 20),
            [Present("M-F1"), Present("M-F2"), Absent("M-F3"), Present("M-P1"), Present("GUEST")]);

        Appraisal(city).Should().Match<SlotResult>(r => r.Outcome == Missed && r.Found == 2 && r.Expected == 3);
    }

    [Fact]
    public void A_full_member_excused_with_a_reason_is_appraised()
    {
        // 《党员教育管理工作条例》第十八条: every full member is appraised; one on leave (请假) is appraised all the same —
        // the rule counts members appraised, not the meeting's attendance.
        var city = Coverage().Activity("B", ActivityKind.DemocraticAppraisal, D(2024, 12, 20),
            [Present("M-F1"), Present("M-F2"), Excused("M-F3")]);

        Appraisal(city).Should().Match<SlotResult>(r => r.Outcome == Met && r.Found == 3 && r.Expected == 3);
    }

    [Fact]
    public void A_member_excused_from_a_talk_has_not_had_one()
    {
        var city = Coverage().Activity("B", ActivityKind.HeartToHeartTalk, D(2024, 12, 20),
            [Present("M-F1"), Present("M-F2"), Present("M-P1"), Excused("M-F3")]);

        Talks(city).Should().Match<SlotResult>(r => r.Outcome == Missed && r.Found == 3 && r.Expected == 4);
    }

    [Fact]
    public void Appraisal_spread_over_several_sessions_covers_the_members()
    {
        var city = Coverage()
            .Activity("B", ActivityKind.DemocraticAppraisal, D(2024, 3, 20), "M-F1")
            .Activity("B", ActivityKind.DemocraticAppraisal, D(2024, 12, 20), "M-F2", "M-F3");

        Appraisal(city)!.Outcome.Should().Be(Met);
    }

    [Fact]
    public void Full_members_are_those_registered_on_the_reference_day()
    {
        // OUT left the branch in June 2024 (not required); IN joined in October 2024 (required, not appraised).
        var city = Coverage().Branch("B2")
            .FullMember("OUT").Register("OUT", "B", to: D(2024, 6, 30)).Register("OUT", "B2", from: D(2024, 7, 1))
            .FullMember("IN").Register("IN", "B2", to: D(2024, 9, 30)).Register("IN", "B", from: D(2024, 10, 1))
            .Activity("B", ActivityKind.DemocraticAppraisal, D(2024, 12, 20), "M-F1", "M-F2", "M-F3");

        Appraisal(city).Should().Match<SlotResult>(r => r.Outcome == Missed && r.Found == 3 && r.Expected == 4);
    }

    [Fact]
    public void A_member_appraised_in_another_branch_is_not_covered_here()
    {
        var city = Coverage().Branch("B2")
            .Activity("B", ActivityKind.DemocraticAppraisal, D(2024, 12, 20), "M-F1", "M-F2")
            .Activity("B2", ActivityKind.DemocraticAppraisal, D(2024, 12, 21), "M-F3");

        Appraisal(city)!.Outcome.Should().Be(Missed);
    }

    [Fact]
    public void Every_member_including_probationary_members_takes_part_in_a_heart_to_heart_talk()
    {
        var fullOnly = Coverage().FullMemberOf("SEC", "B").Secretary("SEC", "B")
            .Activity("B", ActivityKind.HeartToHeartTalk, D(2024, 4, 1), "SEC", "M-F1")
            .Activity("B", ActivityKind.HeartToHeartTalk, D(2024, 4, 2), "SEC", "M-F2")
            .Activity("B", ActivityKind.HeartToHeartTalk, D(2024, 4, 3), "M-F3", "M-F1");
        var everyone = Coverage().FullMemberOf("SEC", "B").Secretary("SEC", "B")
            .Activity("B", ActivityKind.HeartToHeartTalk, D(2024, 4, 1), "SEC", "M-F1")
            .Activity("B", ActivityKind.HeartToHeartTalk, D(2024, 4, 2), "SEC", "M-F2")
            .Activity("B", ActivityKind.HeartToHeartTalk, D(2024, 4, 3), "M-F3", "M-P1");

        Talks(fullOnly).Should().Match<SlotResult>(r => r.Outcome == Missed && r.Found == 4 && r.Expected == 5);
        Talks(everyone).Should().Match<SlotResult>(r => r.Outcome == Met && r.Found == 5 && r.Expected == 5);
    }

    [Fact]
    public void Coverage_is_pending_until_the_year_ends_and_MinTimes_is_tunable()
    {
        var city = Coverage().Activity("B", ActivityKind.DemocraticAppraisal, D(2025, 3, 1), "M-F1", "M-F2");

        Evaluate(city, ReportingPeriod.Year(2025)).Of("B", DemocraticAppraisal).Should().Equal(Pending);
        var twice = Coverage().Activity("B", ActivityKind.DemocraticAppraisal, D(2024, 3, 1), "M-F1", "M-F2", "M-F3")
            .Activity("B", ActivityKind.DemocraticAppraisal, D(2024, 9, 1), "M-F1", "M-F2");
        Evaluate(twice, ReportingPeriod.Year(2024), o => o.Set(DemocraticAppraisal, "MinTimes", 2)).Slot("B", DemocraticAppraisal, "2024")
            .Should().Match<SlotResult>(r => r.Outcome == Missed && r.Found == 2 && r.Expected == 3);
    }

    [Fact]
    public void Coverage_is_met_before_the_year_ends_once_everyone_took_part()
    {
        var city = Coverage().Activity("B", ActivityKind.DemocraticAppraisal, D(2025, 3, 1), "M-F1", "M-F2", "M-F3");

        Evaluate(city, ReportingPeriod.Year(2025)).Of("B", DemocraticAppraisal).Should().Equal(Met);
    }

    [Fact]
    public void A_branch_of_probationary_members_only_has_nobody_to_appraise_but_still_talks()
    {
        var city = new TestCity().Branch("B").Members("M", full: 0, probationary: 2, registeredAt: "B");

        var result = Evaluate(city, ReportingPeriod.Year(2024));

        result.Of("B", DemocraticAppraisal).Should().Equal(NotApplicable);
        result.Of("B", HeartToHeartTalk).Should().Equal(Missed);
    }

    // ---- BS-INACTIVE-MEMBER ---------------------------------------------------------------------------------------

    /// <summary>
    /// Today is 2025-06-15, so six months back is 2024-12-15. Branch B with party group G; branch B2 next door.
    /// MOVED was registered in B only on 2025-01-10; ADMITTED was registered long ago but admitted only on 2025-02-01.
    /// </summary>
    private static TestCity Inactivity()
    {
        var city = new TestCity().Branch("B").PartyGroup("G", "B").Branch("B2")
            .FullMemberOf("ATTENDED", "B")
            .FullMemberOf("EXCUSED", "B")
            .FullMemberOf("ABSENT", "B")
            .FullMemberOf("OLD", "B")
            .FullMemberOf("ELSEWHERE", "B")
            .FullMemberOf("GROUP", "B")
            .Probationary("PROBATIONARY", since: D(2024, 1, 1)).Register("PROBATIONARY", "B", from: D(2024, 1, 1))
            .FullMember("MOVED").Register("MOVED", "B2", to: D(2025, 1, 9)).Register("MOVED", "B", from: D(2025, 1, 10))
            .Person("ADMITTED", Standing(MemberStanding.Activist, LongAgo), Standing(MemberStanding.ProbationaryMember, D(2025, 2, 1)))
            .Register("ADMITTED", "B")
            .FullMemberOf("B2-MEMBER", "B2")
            .NonMember("GUEST");
        return city
            .Activity("B", ActivityKind.ThemePartyDay, D(2025, 3, 1),
                [Present("ATTENDED"), Excused("EXCUSED"), Absent("ABSENT"), Absent("PROBATIONARY"), Present("GUEST"), Present("B2-MEMBER")])
            .Activity("B", ActivityKind.ThemePartyDay, D(2024, 11, 1), "OLD", "ABSENT")
            .Activity("B2", ActivityKind.ThemePartyDay, D(2025, 4, 1), "ELSEWHERE", "B2-MEMBER")
            .Activity("G", ActivityKind.GroupMeeting, D(2025, 5, 1), "GROUP");
    }

    [Fact]
    public void Members_six_months_without_attending_or_being_excused_in_their_own_branch_are_flagged()
    {
        var result = Evaluate(Inactivity(), ReportingPeriod.Year(2025));

        result.MemberFindings.Where(f => f.RuleId == InactiveMember).Select(f => f.Subject.Id)
            .Should().BeEquivalentTo("ABSENT", "OLD", "ELSEWHERE", "PROBATIONARY");
    }

    [Fact]
    public void Inactivity_findings_are_about_the_person_cite_article_31_and_say_since_when()
    {
        var finding = Evaluate(Inactivity(), ReportingPeriod.Year(2025)).MemberFindings.Single(f => f.Subject.Id == "OLD");

        finding.ShouldBe(InactiveMember, FindingSeverity.Warning, SubjectKind.Person, "OLD", D(2025, 6, 15));
        finding.Subject.Name.Should().Be("人员OLD");
        finding.Citation.Document.Should().Be(Regulations.MemberEducation);
        finding.Citation.Provision.Should().Be("第三十一条");
        finding.Found.ShouldMention("2024-12-15", "2025-06-15");
    }

    [Fact]
    public void Inactivity_never_changes_a_members_standing_and_raises_no_slot_outcomes()
    {
        var city = Inactivity();
        var before = city.Records.OfType<Person>().ToDictionary(p => p.Id, p => p.Standings.ToArray());
        var dataset = city.Build();

        var result = PartyDomainEngines.Create(city.Clock).Compliance.Evaluate(dataset, ReportingPeriod.Year(2025));

        result.MemberFindings.Should().Contain(f => f.Subject.Id == "ABSENT");
        foreach (var person in dataset.People)
        {
            person.Standings.Should().Equal(before[person.Id]);
        }

        dataset.PersonOf("ABSENT").StandingOn(D(2025, 6, 15)).Should().Be(MemberStanding.FullMember);
        result.Of("B", InactiveMember).Should().Equal(NotApplicable);
        result.Misses().Should().NotContain(m => m.Finding.RuleId == InactiveMember);
        result.Results().Should().NotContain(r => r.Rule.Id == InactiveMember);
    }

    [Fact]
    public void Inactivity_is_read_at_the_end_of_a_past_period()
    {
        // For 2024 the reference day is 31 December 2024: six months back is 30 June 2024. OLD attended on 1 November.
        var result = Evaluate(Inactivity(), ReportingPeriod.Year(2024));

        var flagged = result.MemberFindings.Select(f => f.Subject.Id).ToArray();
        flagged.Should().NotContain("OLD").And.Contain("ATTENDED", "its theme party day of 2025 is after the period");
        result.MemberFindings.Should().OnlyContain(f => f.AsOf == D(2024, 12, 31));
    }

    [Fact]
    public void Months_is_tunable_and_the_rule_can_be_switched_off()
    {
        // With three months (since 2025-03-15) the theme party day of 1 March no longer counts.
        var three = Evaluate(Inactivity(), ReportingPeriod.Year(2025), o => o.Set(InactiveMember, "Months", 3));
        var off = Evaluate(Inactivity(), ReportingPeriod.Year(2025), o => o.Disable(InactiveMember));

        three.MemberFindings.Select(f => f.Subject.Id).Should().Contain(["ATTENDED", "EXCUSED"]).And.NotContain("GROUP");
        three.Rules.Single(r => r.Id == InactiveMember)["Months"].Should().Be(3);
        off.MemberFindings.Should().BeEmpty();
    }
}
