using PartyDomain.Organization;
using PartyDomain.Training;
using static PartyDomain.Tests.Training.TrainingTestData;

namespace PartyDomain.Tests.Training;

/// <summary>
/// The evaluator groups a year's study credits per person and platform with each platform's spelling normalized once;
/// this test holds it to the LINQ grouping it replaced on random data: spellings that differ in case and spaces, an
/// unconverted platform, credits of other years and out of date order. The converter is asked for the same groups, in
/// the same order, with the same credits in the same order.
/// </summary>
public class CreditGroupingEquivalenceTests
{
    private static readonly string[] Spellings = [Xuexi, " XUEXI-qiangguo ", "Xuexi-Qiangguo", "beihai-app", "other-app", " Other-App"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_converter_sees_the_groups_of_the_plain_grouping(int seed)
    {
        var random = new Random(seed);
        var city = new TestCity(new LocalDate(2026, 1, 15));
        var credits = new List<StudyCredit>();
        for (var p = 0; p < 30; p++)
        {
            city.FullMember($"P{p}");
            for (var n = random.Next(0, 12); n > 0; n--)
            {
                credits.Add(Credit($"P{p}", new LocalDate(2024 + random.Next(2), 1 + random.Next(12), 1 + random.Next(28)), random.Next(1, 900),
                    Spellings[random.Next(Spellings.Length)]));
            }
        }

        foreach (var credit in credits.OrderBy(_ => random.Next()))
        {
            city.Add(credit);
        }

        var dataset = city.Build();
        var recorder = new Recorder(Xuexi);
        var beihai = new Recorder("BEIHAI-APP");
        var result = new TrainingEvaluator(DefaultTrainingRequirements.Create(), [recorder, beihai], Microsoft.Extensions.Options.Options.Create(new PartyDomain.Rules.RuleOptions()), Microsoft.Extensions.Options.Options.Create(new TrainingOptions()), city.Clock.InShanghai()).Evaluate(dataset, 2025);

        // The replaced grouping, as it was.
        var expected = dataset.StudyCredits.Where(c => c.Date.Year == 2025).GroupBy(c => (c.PersonId, c.Platform.Trim().ToLowerInvariant()))
            .Select(g => (Person: g.Key.PersonId, Platform: g.Key.Item2, Credits: string.Join(",", g.OrderBy(c => c.Date).Select(Describe))))
            .ToArray();
        recorder.Calls.Concat(beihai.Calls).OrderBy(c => c.Order).Select(c => (c.Person, c.Platform, c.Credits))
            .Should().Equal(expected.Where(g => g.Platform is Xuexi or "beihai-app"));
        result.Findings.Where(f => f.RuleId.ToString() == "TR-CREDIT-CONVERTER").Select(f => f.Subject.Id)
            .Should().Equal(expected.Select(g => g.Platform).Where(p => p is not (Xuexi or "beihai-app")).Distinct());
        foreach (var person in dataset.People)
        {
            var hours = expected.Where(g => g.Person == person.Id && g.Platform is Xuexi or "beihai-app").Sum(g => g.Credits.Split(',').Length);
            (result.Ledger.SingleOrDefault(e => e.PersonId == person.Id)?.CreditHours ?? 0).Should().Be(hours);
        }
    }

    private static string Describe(StudyCredit c) => $"{c.Date:uuuu-MM-dd}/{c.Points}/{c.Platform}";

    /// <summary>Records every call, in the order made across converters; credits one hour per credit.</summary>
    private sealed class Recorder(string platform) : IStudyCreditConverter
    {
        private static int s_order;

        public string Platform { get; } = platform;

        public List<(int Order, PersonId Person, string Platform, string Credits)> Calls { get; } = [];

        public decimal HoursFor(PersonId person, int year, IReadOnlyList<StudyCredit> credits)
        {
            Calls.Add((Interlocked.Increment(ref s_order), person, Platform.ToLowerInvariant(), string.Join(",", credits.Select(Describe))));
            return credits.Count;
        }
    }
}
