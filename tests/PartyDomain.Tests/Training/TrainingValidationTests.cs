using PartyDomain.Data;
using PartyDomain.Training;
using static PartyDomain.Tests.Training.TrainingTestData;

namespace PartyDomain.Tests.Training;

/// <summary>The dataset builder checks sessions and credits, naming entity, field and value.</summary>
public class TrainingValidationTests
{
    private static readonly LocalDate March = new(2025, 3, 10);

    private static TestCity City() => new TestCity().FullMember("A").FullMember("B");

    private static DatasetProblem Single(TestCity city) => city.Validate().Should().ContainSingle().Subject;

    [Fact]
    public void Clean_sessions_and_credits_pass()
    {
        var city = City()
            .Add(Session("S1", March, 8m, Credited("A", 8m), Credited("B", 0m)) with { End = March.PlusDays(2) })
            .Add(Credit("A", March, 0m));

        city.Validate().Should().BeEmpty();
        city.Build().TrainingSessions.Should().ContainSingle();
        city.Build().StudyCredits.Should().ContainSingle();
    }

    [Fact]
    public void An_unknown_attendee_is_named()
    {
        var problem = Single(City().Add(Session("S1", March, 8m, "A", "GHOST")));

        problem.Code.Should().Be("unknown-reference");
        problem.Entity.Should().Be(nameof(TrainingSession));
        problem.Key.Should().Be("S1 (2025-03-10)");
        problem.Field.Should().Be(nameof(TrainingSession.Attendance));
        problem.Value.Should().Be("GHOST");
        problem.Describe(TextLanguage.English).Should().Contain("TrainingSession").And.Contain("Attendance").And.Contain("GHOST");
    }

    [Fact]
    public void Credited_hours_above_the_sessions_hours_are_named()
    {
        var problem = Single(City().Add(Session("S1", March, 8m, Credited("A", 8.5m))));

        problem.Code.Should().Be("invalid-value");
        problem.Entity.Should().Be(nameof(TrainingSession));
        problem.Field.Should().Be(nameof(TrainingSession.Attendance));
        problem.Value.Should().Be("A: 8.5");
        problem.Message.English.Should().Contain("8");
    }

    [Fact]
    public void Negative_credited_hours_are_named()
    {
        var problem = Single(City().Add(Session("S1", March, 8m, Credited("A", -1m))));

        problem.Code.Should().Be("invalid-value");
        problem.Value.Should().Be("A: -1");
    }

    [Fact]
    public void A_person_listed_twice_in_one_session_is_named()
    {
        var problem = Single(City().Add(Session("S1", March, 8m, "A", "A")));

        problem.Code.Should().Be("duplicate-value");
        problem.Field.Should().Be(nameof(TrainingSession.Attendance));
        problem.Value.Should().Be("A");
    }

    [Fact]
    public void Negative_points_are_named()
    {
        var problem = Single(City().Add(Credit("A", March, -5m)));

        problem.Code.Should().Be("invalid-value");
        problem.Entity.Should().Be(nameof(StudyCredit));
        problem.Key.Should().Be($"A {Xuexi} 2025-03-10");
        problem.Field.Should().Be(nameof(StudyCredit.Points));
        problem.Value.Should().Be("-5");
    }

    [Fact]
    public void A_credit_of_an_unknown_person_is_named()
    {
        var problem = Single(City().Add(Credit("GHOST", March, 5m)));

        problem.Code.Should().Be("unknown-reference");
        problem.Entity.Should().Be(nameof(StudyCredit));
        problem.Field.Should().Be("PersonId");
        problem.Value.Should().Be("GHOST");
    }

    [Fact]
    public void A_credit_without_a_platform_is_named()
    {
        var problem = Single(City().Add(Credit("A", March, 5m, " ")));

        problem.Code.Should().Be("missing-value");
        problem.Field.Should().Be(nameof(StudyCredit.Platform));
    }

    [Fact]
    public void A_duplicate_session_id_is_named()
    {
        var problem = Single(City().Add(Session("S1", March, 8m, "A")).Add(Session("S1", March.PlusDays(7), 4m, "B")));

        problem.Code.Should().Be("duplicate-id");
        problem.Entity.Should().Be(nameof(TrainingSession));
        problem.Key.Should().Be("S1 (2025-03-17)", "the second record is the one at fault");
        problem.Field.Should().Be(nameof(TrainingSession.Id));
        problem.Value.Should().Be("S1");
    }

    [Fact]
    public void A_session_ending_before_it_starts_is_named()
    {
        var problem = Single(City().Add(Session("S1", March, 8m, "A") with { End = March.PlusDays(-1) }));

        problem.Code.Should().Be("end-before-start");
        problem.Entity.Should().Be(nameof(TrainingSession));
        problem.Field.Should().Be(nameof(TrainingSession.End));
        problem.Value.Should().Be("2025-03-09");
        problem.Message.English.Should().Contain("2025-03-10");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.125")]
    public void Study_hours_must_be_non_negative_with_two_decimals_at_most(string hours)
    {
        var problem = Single(City().Add(Session("S1", March, decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), "A")));

        problem.Code.Should().Be("invalid-value");
        problem.Field.Should().Be(nameof(TrainingSession.StudyHours));
        problem.Value.Should().Be(hours);
    }

    [Fact]
    public void Future_sessions_and_credits_are_named()
    {
        var future = new LocalDate(2025, 6, 16);

        var problems = City().Add(Session("S1", future, 8m, "A")).Add(Credit("A", future, 5m)).Validate();

        problems.Should().HaveCount(2).And.OnlyContain(p => p.Code == "future-date" && p.Value == "2025-06-16");
        problems.Select(p => (p.Entity, p.Field)).Should().BeEquivalentTo([(nameof(TrainingSession), nameof(TrainingSession.Start)), (nameof(StudyCredit), nameof(StudyCredit.Date))]);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_building_refuses_the_data()
    {
        var city = City()
            .Add(Session("S1", March, 8m, Credited("GHOST", 9m)) with { End = March.PlusDays(-1) })
            .Add(Credit("A", March, -1m));

        var act = () => city.Build();

        act.Should().Throw<DatasetValidationException>().Which.Problems.Select(p => p.Code)
            .Should().BeEquivalentTo(["unknown-reference", "invalid-value", "end-before-start", "invalid-value"]);
    }
}
