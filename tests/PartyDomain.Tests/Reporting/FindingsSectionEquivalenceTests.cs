using PartyDomain.Reporting;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Tests.Reporting;

/// <summary>
/// The findings section keeps the first 20 findings of each area in one pass; on random findings (many of equal
/// severity and subject, so the order among equals matters) it lists what grouping and a stable sort list.
/// </summary>
public class FindingsSectionEquivalenceTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 15)]
    [InlineData(3, 60)]
    [InlineData(4, 400)]
    public void Lists_the_first_findings_of_each_area_as_a_stable_sort_does(int seed, int count)
    {
        var random = new Random(seed);
        string[] areas = ["dues", "structure", "compliance"];
        var findings = Enumerable.Range(0, count).Select(i => new ReportFinding(areas[random.Next(areas.Length)], new Finding(
            new RuleId("R"), new("规则", "rule"), new Citation("条例", null, SourceConfidence.Verified), (FindingSeverity)random.Next(3),
            new FindingSubject(SubjectKind.Person, $"P{random.Next(8)}", "某人"), TestCity.DefaultToday, new("应当", "expected"), new($"第{i}项", $"item {i}")))).ToArray();
        var dataset = new TestCity().Build();
        var period = ReportingPeriod.Year(2025);
        var section = BuiltInReportSections.Create().Single(s => s.Id == BuiltInReportSections.Findings);

        foreach (var language in new[] { TextLanguage.Chinese, TextLanguage.English })
        {
            var context = new ReportContext(dataset, period, TestCity.DefaultToday, language, ReportTemplates.CreateDefault(), [], [], findings, new PartyDomain.Metrics.ServiceMetrics(dataset));

            var blocks = section.Compose(context)!.Blocks;
            var groups = findings.GroupBy(f => f.Area).ToArray();
            var headings = blocks.OfType<ReportSubheading>().ToArray();
            var lists = blocks.OfType<ReportList>().ToArray();

            headings.Should().HaveCount(groups.Length);
            lists.Should().HaveCount(groups.Length);
            for (var g = 0; g < groups.Length; g++)
            {
                var area = groups[g].ToArray();
                headings[g].Text.Should().Contain(area.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                lists[g].Items.Take(20).Should().Equal(area.OrderByDescending(f => f.Finding.Severity).ThenBy(f => f.Finding.Subject.Id, StringComparer.Ordinal).Take(20)
                    .Select(f => f.Finding.Describe(language)));
                lists[g].Items.Should().HaveCount(Math.Min(area.Length, 21));
                if (area.Length > 20)
                {
                    lists[g].Items[^1].Should().Contain((area.Length - 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
