using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Training;

namespace PartyDomain.Tests.Training;

/// <summary>Sessions, credits and evaluator runs for the training tests.</summary>
internal static class TrainingTestData
{
    /// <summary>The platform of the example converter (学习强国).</summary>
    public const string Xuexi = "xuexi-qiangguo";

    /// <summary>The documented example: 300 points an hour, at most 8 hours a year.</summary>
    public static PointsPerHourConverter ExampleConverter() => new(Xuexi, 300m, 8m);

    /// <summary>A one-day session of <paramref name="hours"/> study hours, credited in full to every attendee.</summary>
    public static TrainingSession Session(string id, LocalDate start, decimal hours, params string[] attendees) => new()
    {
        Id = id,
        Title = $"培训班{id}",
        Organizer = "市律师行业党校",
        Start = start,
        StudyHours = hours,
        Attendance = attendees.Select(a => new TrainingAttendance(TestCity.P(a))).ToArray(),
    };

    /// <summary>A session with explicit attendance (credited hours where given).</summary>
    public static TrainingSession Session(string id, LocalDate start, decimal hours, params TrainingAttendance[] attendance) =>
        Session(id, start, hours, Array.Empty<string>()) with { Attendance = attendance };

    public static TrainingAttendance Credited(string person, decimal hours) => new(TestCity.P(person), hours);

    public static TrainingAttendance Full(string person) => new(TestCity.P(person));

    public static StudyCredit Credit(string person, LocalDate date, decimal points, string platform = Xuexi) =>
        new() { PersonId = TestCity.P(person), Platform = platform, Date = date, Points = points };

    /// <summary>An evaluator with the default requirements, tuned by <paramref name="configure"/>, with <paramref name="converters"/>.</summary>
    public static TrainingEvaluator Evaluator(TestCity city, Action<RuleOptions>? configure = null, params IStudyCreditConverter[] converters)
    {
        var options = new RuleOptions();
        configure?.Invoke(options);
        return new TrainingEvaluator(DefaultTrainingRequirements.Create(), converters, Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Options.Options.Create(new TrainingOptions()), city.Clock.InShanghai());
    }

    /// <summary>Builds <paramref name="city"/> and evaluates <paramref name="year"/>.</summary>
    public static TrainingResult Run(TestCity city, int year, Action<RuleOptions>? configure = null, params IStudyCreditConverter[] converters) =>
        Evaluator(city, configure, converters).Evaluate(city.Build(), year);

    public static LedgerEntry Entry(this TrainingResult result, string person) => result.Ledger.Single(e => e.PersonId == TestCity.P(person));

    public static IReadOnlyList<Finding> Of(this TrainingResult result, RuleId rule)
    {
        // The missing-converter notice is the evaluator's own, not a tunable rule: it always runs.
        if (rule != new RuleId("TR-CREDIT-CONVERTER"))
        {
            PartyDomain.Tests.Rules.RuleRan.Check(result.Rules, rule);
        }

        return result.Findings.Where(f => f.RuleId == rule).ToArray();
    }

    public static IReadOnlyList<Finding> Of(this TrainingResult result, RuleId rule, string person) =>
        result.Of(rule).Where(f => f.Subject.Kind == SubjectKind.Person && f.Subject.Id == person).ToArray();

    /// <summary>Someone who became a member in the middle of 2025 (probationary from 1 April).</summary>
    public static TestCity AdmittedMidYear(this TestCity city, string id) =>
        city.Person(id, TestCity.Standing(MemberStanding.DevelopmentCandidate, TestCity.LongAgo), TestCity.Standing(MemberStanding.ProbationaryMember, new LocalDate(2025, 4, 1)));
}

/// <summary>A city's own conversion: one hour for every 100 points, at most 20 hours; recorded calls show it was used.</summary>
internal sealed class CityXuexiConverter(string platform = TrainingTestData.Xuexi) : IStudyCreditConverter
{
    public string Platform { get; } = platform;

    public List<(PersonId Person, int Year, int Credits)> Calls { get; } = [];

    public decimal HoursFor(PersonId person, int year, IReadOnlyList<StudyCredit> credits)
    {
        Calls.Add((person, year, credits.Count));
        return Math.Min(20m, Math.Floor(credits.Sum(c => c.Points) / 100m));
    }
}
