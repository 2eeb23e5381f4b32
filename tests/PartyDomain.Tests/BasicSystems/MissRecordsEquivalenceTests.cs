using PartyDomain.BasicSystems;
using PartyDomain.Rules;
using PartyDomain.Time;
using static PartyDomain.Tests.BasicSystems.ComplianceRun;

namespace PartyDomain.Tests.BasicSystems;

/// <summary>
/// The records listed with each miss are read from the activity index's per-kind blocks; these tests hold them to the
/// plain scan they replaced (the organization's records in date order, filtered by window and kinds) on random data:
/// records out of order, several on one day, branches founded and dissolved within the year, and a rule of two kinds.
/// </summary>
public class MissRecordsEquivalenceTests
{
    private static readonly ActivityKind[] Kinds =
        [ActivityKind.ThemePartyDay, ActivityKind.GeneralMeeting, ActivityKind.PartyLesson, ActivityKind.CommitteeMeeting, ActivityKind.GroupMeeting];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_records_of_each_miss_are_those_of_the_plain_scan(int seed)
    {
        var city = RandomCity(seed);
        var dataset = city.Build();
        var rules = DefaultBasicSystemRules.Create().Append(new TwoKindsRule()).ToArray();
        var result = Evaluator(city, rules: rules).Evaluate(dataset, ReportingPeriod.Year(2024));

        var misses = result.Misses();
        misses.Should().Contain(m => m.Finding.RuleId == TwoKindsRule.Key && m.RecordsConsidered.Count > 1, "the data must exercise the merge of two kinds");
        misses.Should().Contain(m => m.Finding.RuleId != TwoKindsRule.Key && m.RecordsConsidered.Count > 0);
        foreach (var miss in misses)
        {
            var organization = dataset.GetOrganization(TestCity.O(miss.Finding.Subject.Id));
            var rule = rules.Single(r => r.Id == miss.Finding.RuleId);
            var from = LocalDate.Max(miss.Slot.Covered.Start, organization.Established);
            var expected = dataset.ActivitiesOf(organization.Id)
                .Where(a => a.Date >= from && a.Date <= miss.Finding.AsOf && rule.Kinds.Contains(a.Kind))
                .Select(a => a.Id);
            miss.RecordsConsidered.Should().Equal(expected, $"{miss.Describe(TextLanguage.English)}");
        }
    }

    private static TestCity RandomCity(int seed)
    {
        var random = new Random(seed);
        var city = new TestCity(new LocalDate(2025, 3, 1));
        var activities = new List<(string Organization, ActivityKind Kind, LocalDate On)>();
        for (var b = 0; b < 12; b++)
        {
            var id = $"B{b}";
            LocalDate? established = b % 4 == 1 ? new LocalDate(2024, 1, 1).PlusDays(random.Next(10, 200)) : null;
            LocalDate? dissolved = b % 4 == 2 ? new LocalDate(2024, 6, 1).PlusDays(random.Next(0, 150)) : null;
            city.Branch(id, established: established, dissolved: dissolved);
            var group = established is null && dissolved is null;
            if (group)
            {
                city.Members($"{id}-M", full: 3, registeredAt: id).PartyGroup($"{id}-G", id);
            }

            // Records inside the branch's life, as the dataset requires.
            var first = established ?? new LocalDate(2024, 1, 1);
            var last = dissolved?.PlusDays(-1) ?? new LocalDate(2024, 12, 31);
            for (var n = random.Next(5, 40); n > 0; n--)
            {
                var on = first.PlusDays(random.Next(0, Period.DaysBetween(first, last) + 1));
                activities.Add((group && random.Next(5) == 0 ? $"{id}-G" : id, Kinds[random.Next(Kinds.Length)], on));
                if (random.Next(5) == 0)
                {
                    activities.Add((id, Kinds[random.Next(Kinds.Length)], on));
                }
            }
        }

        foreach (var (organization, kind, on) in activities.OrderBy(_ => random.Next()))
        {
            city.Activity(organization, kind, on);
        }

        return city;
    }

    /// <summary>Misses every judged slot; considers party lessons and theme party days together.</summary>
    private sealed class TwoKindsRule() : BasicSystemRule(Key, new("两类活动", "Two kinds"), new("本市规定", null, SourceConfidence.Local),
        BasicSystem.ThreeMeetingsOneLesson, Cadence.Quarterly, OrganizationScope.Branches, [ActivityKind.PartyLesson, ActivityKind.ThemePartyDay], FindingSeverity.Warning)
    {
        public static readonly RuleId Key = new("CITY-TWO-KINDS");

        public override void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes)
        {
            foreach (var organization in context.Organizations.Where(AppliesTo))
            {
                foreach (var slot in context.Slots(Cadence))
                {
                    if (context.Window(organization, slot) is { Judged: true, Ended: true })
                    {
                        outcomes.Set(organization, slot, SlotOutcome.Missed, 0, 1);
                    }
                }
            }
        }

        public override (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected) => (new("-", "-"), new("-", "-"));
    }
}
