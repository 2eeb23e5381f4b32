using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Tests.Organization.Structure;
using PartyDomain.Training;
using static PartyDomain.Tests.Training.TrainingTestData;

namespace PartyDomain.Tests.Training;

/// <summary>The hours ledger (学时台账): one entry per person and year.</summary>
public class TrainingLedgerTests
{
    private static readonly LocalDate March = new(2025, 3, 10);

    [Fact]
    public void A_session_credits_its_study_hours_to_every_attendee()
    {
        var city = new TestCity().FullMember("A").FullMember("B").Add(Session("S1", March, 8m, "A", "B"));

        var result = Run(city, 2025);

        result.Year.Should().Be(2025);
        result.Entry("A").SessionHours.Should().Be(8m);
        result.Entry("B").SessionHours.Should().Be(8m);
        result.Entry("A").TotalHours.Should().Be(8m);
    }

    [Fact]
    public void Credited_hours_override_the_sessions_hours_for_that_attendee_only()
    {
        var city = new TestCity().FullMember("A").FullMember("B")
            .Add(Session("S1", March, 8m, Credited("A", 3.5m), Full("B")));

        var result = Run(city, 2025);

        result.Entry("A").SessionHours.Should().Be(3.5m, "A left at noon");
        result.Entry("B").SessionHours.Should().Be(8m);
    }

    [Fact]
    public void Credited_zero_hours_counts_as_zero_not_as_the_full_session()
    {
        var city = new TestCity().FullMember("A").Add(Session("S1", March, 8m, Credited("A", 0m)));

        Run(city, 2025).Entry("A").SessionHours.Should().Be(0m);
    }

    [Fact]
    public void Hours_add_up_over_the_year_and_only_concentrated_sessions_count_as_concentrated_trainings()
    {
        var city = new TestCity().FullMember("A")
            .Add(Session("S1", new LocalDate(2025, 1, 1), 8m, "A") with { Concentrated = true })
            .Add(Session("S2", new LocalDate(2025, 4, 1), 4m, "A"))
            .Add(Session("S3", new LocalDate(2025, 5, 1), 16m, "A") with { Concentrated = true, End = new LocalDate(2025, 5, 2) });

        var entry = Run(city, 2025).Entry("A");

        entry.SessionHours.Should().Be(28m);
        entry.ConcentratedTrainings.Should().Be(2);
    }

    [Fact]
    public void A_session_counts_in_the_year_it_starts()
    {
        var city = new TestCity().FullMember("A")
            .Add(Session("OLD", new LocalDate(2024, 12, 31), 8m, "A") with { End = new LocalDate(2025, 1, 2) })
            .Add(Session("NEW", new LocalDate(2025, 1, 1), 2m, "A"));

        Run(city, 2025).Entry("A").SessionHours.Should().Be(2m);
        Run(city, 2024).Entry("A").SessionHours.Should().Be(8m);
    }

    [Fact]
    public void Study_credits_are_converted_by_the_registered_converter_and_added_to_the_total()
    {
        var city = new TestCity().FullMember("A")
            .Add(Session("S1", March, 30m, "A"))
            .Add(Credit("A", new LocalDate(2025, 2, 1), 400m))
            .Add(Credit("A", new LocalDate(2025, 5, 1), 600m));

        var entry = Run(city, 2025, null, ExampleConverter()).Entry("A");

        entry.CreditHours.Should().Be(3m, "1,000 points at 300 points an hour make 3.33 hours, rounded down to the half hour");
        entry.SessionHours.Should().Be(30m);
        entry.TotalHours.Should().Be(33m);
    }

    [Fact]
    public void The_yearly_cap_applies_to_the_sum_of_a_persons_credits_not_to_each_credit()
    {
        var city = new TestCity().FullMember("A").FullMember("B")
            .Add(Credit("A", new LocalDate(2025, 1, 31), 2000m))
            .Add(Credit("A", new LocalDate(2025, 2, 28), 2000m))
            .Add(Credit("A", new LocalDate(2025, 3, 31), 1000m))
            .Add(Credit("B", new LocalDate(2025, 1, 31), 1000m));

        var result = Run(city, 2025, null, ExampleConverter());

        result.Entry("A").CreditHours.Should().Be(8m, "5,000 points would be 16.5 hours, capped at 8");
        result.Entry("B").CreditHours.Should().Be(3m, "each person has a cap of their own");
    }

    [Fact]
    public void The_cap_is_per_year()
    {
        var city = new TestCity().FullMember("A")
            .Add(Credit("A", new LocalDate(2024, 12, 31), 5000m))
            .Add(Credit("A", new LocalDate(2025, 1, 1), 1000m));

        Run(city, 2024, null, ExampleConverter()).Entry("A").CreditHours.Should().Be(8m);
        Run(city, 2025, null, ExampleConverter()).Entry("A").CreditHours.Should().Be(3m, "last year's points do not use up this year's cap");
    }

    [Fact]
    public void The_converter_gets_one_persons_credits_of_one_year_in_date_order()
    {
        var converter = new RecordingConverter();
        var city = new TestCity().FullMember("A").FullMember("B")
            .Add(Credit("A", new LocalDate(2025, 5, 1), 1m))
            .Add(Credit("B", new LocalDate(2025, 4, 1), 1m))
            .Add(Credit("A", new LocalDate(2025, 2, 1), 1m))
            .Add(Credit("A", new LocalDate(2024, 2, 1), 1m));

        Run(city, 2025, null, converter);

        converter.Calls.Should().HaveCount(2);
        var a = converter.Calls.Single(c => c.Person == TestCity.P("A"));
        a.Year.Should().Be(2025);
        a.Dates.Should().Equal(new LocalDate(2025, 2, 1), new LocalDate(2025, 5, 1));
    }

    [Fact]
    public void Platform_names_match_the_converter_regardless_of_case_and_surrounding_spaces()
    {
        var city = new TestCity().FullMember("A")
            .Add(Credit("A", new LocalDate(2025, 1, 31), 600m, "Xuexi-Qiangguo"))
            .Add(Credit("A", new LocalDate(2025, 2, 28), 600m, " xuexi-qiangguo "));

        var result = Run(city, 2025, null, ExampleConverter());

        result.Entry("A").CreditHours.Should().Be(4m, "both credits are one platform's: 1,200 points");
        result.Of(new RuleId("TR-CREDIT-CONVERTER")).Should().BeEmpty();
    }

    [Fact]
    public void Credits_of_a_platform_without_a_converter_are_reported_never_silently_dropped()
    {
        var city = new TestCity().FullMember("A").FullMember("B")
            .Add(Credit("A", new LocalDate(2025, 1, 31), 900m, "other-app"))
            .Add(Credit("B", new LocalDate(2025, 2, 28), 900m, "other-app"))
            .Add(Credit("A", new LocalDate(2025, 2, 28), 900m));

        var result = Run(city, 2025, null, ExampleConverter());

        var finding = result.Of(new RuleId("TR-CREDIT-CONVERTER")).Should().ContainSingle("the platform is reported once, not once per person").Subject;
        finding.Severity.Should().Be(FindingSeverity.Warning);
        finding.Subject.Id.Should().Be("other-app");
        finding.Found.ShouldMention("other-app");
        finding.AsOf.Should().Be(new LocalDate(2025, 6, 15), "the year is under way: as of today");
        result.Entry("A").CreditHours.Should().Be(3m, "the converted platform still counts; the unconverted one adds nothing");
    }

    [Fact]
    public void Without_any_converter_every_platform_with_credits_is_reported()
    {
        var city = new TestCity().FullMember("A")
            .Add(Credit("A", new LocalDate(2025, 1, 31), 900m))
            .Add(Credit("A", new LocalDate(2025, 1, 31), 900m, "other-app"));

        var result = Run(city, 2025);

        result.Of(new RuleId("TR-CREDIT-CONVERTER")).Select(f => f.Subject.Id).Should().BeEquivalentTo(Xuexi, "other-app");
    }

    [Fact]
    public void A_member_the_whole_year_is_in_the_ledger_even_without_any_hours()
    {
        var city = new TestCity().FullMember("A").Probationary("P").NonMember("N");

        var result = Run(city, 2025);

        result.Entry("A").Should().Be(new LedgerEntry(TestCity.P("A"), 2025, 0m, 0m, 0, Member: true, Cadre: false, MemberMonths: 12));
        result.Entry("P").Member.Should().BeTrue("a probationary member is a member");
        result.Ledger.Should().NotContain(e => e.PersonId == TestCity.P("N"));
    }

    [Fact]
    public void Someone_admitted_during_the_year_or_who_left_is_not_a_member_for_the_year_but_their_hours_are_kept()
    {
        var city = new TestCity()
            .AdmittedMidYear("NEW")
            .Person("LEFT", TestCity.Standing(MemberStanding.FullMember, TestCity.LongAgo), TestCity.Standing(MemberStanding.Ceased, new LocalDate(2025, 3, 1)))
            .Add(Session("S1", new LocalDate(2025, 2, 1), 4m, "NEW", "LEFT"));

        var result = Run(city, 2025);

        result.Entry("NEW").Member.Should().BeFalse("not a member on 1 January");
        result.Entry("LEFT").Member.Should().BeFalse("not a member today");
        result.Entry("NEW").SessionHours.Should().Be(4m);
    }

    [Fact]
    public void Membership_is_judged_on_1_January_and_on_the_last_day_of_a_past_year()
    {
        var city = new TestCity()
            .Person("JAN1", TestCity.Standing(MemberStanding.ProbationaryMember, new LocalDate(2024, 1, 1)))
            .Person("JAN2", TestCity.Standing(MemberStanding.ProbationaryMember, new LocalDate(2024, 1, 2)))
            .Person("OUT", TestCity.Standing(MemberStanding.FullMember, TestCity.LongAgo), TestCity.Standing(MemberStanding.Ceased, new LocalDate(2025, 1, 1)));

        var result = Run(city, 2024);

        result.Entry("JAN1").Member.Should().BeTrue();
        result.Entry("JAN2").Should().Match<LedgerEntry>(e => !e.Member && e.AdmittedDuringYear && e.MemberMonths == 12, "admitted on 2 January: a member in every month");
        result.Entry("OUT").Member.Should().BeTrue("a member on 31 December 2024, the reference day of a past year");
    }

    [Fact]
    public void A_committee_seat_held_at_some_time_in_the_year_makes_a_cadre()
    {
        var city = new TestCity().Branch("B").PartyGroup("G", "B")
            .FullMember("SEC").Secretary("SEC", "B", to: new LocalDate(2025, 1, 1))
            .FullMember("DEP").Post("DEP", "B", PartyPost.DeputySecretary, from: new LocalDate(2025, 6, 15))
            .FullMember("CM").Post("CM", "B", PartyPost.CommitteeMember)
            .FullMember("GL").Post("GL", "G", PartyPost.GroupLeader)
            .FullMember("EX").Post("EX", "B", PartyPost.CommitteeMember, to: new LocalDate(2024, 12, 31));

        var result = Run(city, 2025);

        result.Entry("SEC").Cadre.Should().BeTrue("the seat was held on 1 January");
        result.Entry("DEP").Cadre.Should().BeTrue("the seat is held from today");
        result.Entry("CM").Cadre.Should().BeTrue();
        result.Entry("GL").Cadre.Should().BeFalse("a group leader holds no committee seat");
        result.Entry("EX").Cadre.Should().BeFalse("the seat ended the year before");
    }

    [Fact]
    public void Two_converters_for_the_same_platform_are_refused()
    {
        var act = () => new TrainingEvaluator(DefaultTrainingRequirements.Create(), [ExampleConverter(), new CityXuexiConverter("XUEXI-QIANGGUO")],
            Microsoft.Extensions.Options.Options.Create(new RuleOptions()), Microsoft.Extensions.Options.Options.Create(new TrainingOptions()), new TestCity().Clock.InShanghai());

        act.Should().Throw<ArgumentException>().WithMessage("*xuexi-qiangguo*");
    }

    private sealed class RecordingConverter : IStudyCreditConverter
    {
        public string Platform => Xuexi;

        public List<(PersonId Person, int Year, LocalDate[] Dates)> Calls { get; } = [];

        public decimal HoursFor(PersonId person, int year, IReadOnlyList<StudyCredit> credits)
        {
            Calls.Add((person, year, credits.Select(c => c.Date).ToArray()));
            return 0m;
        }
    }
}
