using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Time;
using static PartyDomain.Tests.Metrics.MetricsTestData;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Tests.Metrics;

/// <summary>
/// The activity indicators (F8, F10, F11, F13) are counted in one pass with dense indexes; on random cities every query
/// gives what the straightforward per-indicator count over the public dataset API gives (the engine's earlier algorithm).
/// </summary>
public class ActivityIndicatorEquivalenceTests
{
    private static readonly IndicatorCode[] ActivityIndicators =
        [IndicatorCodes.LeadershipVisits, IndicatorCodes.RedEducationAttendees, IndicatorCodes.LawPopularizationParticipants, IndicatorCodes.PlatformRecordedActivities];

    private static readonly string[] Districts = ["浉河区", "平桥区", "罗山县"];

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_query_counts_what_the_per_indicator_count_gives(int seed)
    {
        var dataset = RandomCity(new Random(seed)).Build();
        var metrics = new ServiceMetrics(dataset);
        var groupings = new[]
        {
            MetricGrouping.None, MetricGrouping.Month, MetricGrouping.Organization, MetricGrouping.Firm, MetricGrouping.District,
            MetricGrouping.Month | MetricGrouping.Firm | MetricGrouping.District, MetricGrouping.Organization | MetricGrouping.Firm,
        };
        var filters = new Func<MetricsQuery, MetricsQuery>[]
        {
            q => q,
            q => q with { Organization = O("G0") },
            q => q with { Firm = F("F1") },
            q => q with { District = Districts[1] },
            q => q with { District = "无此区" },
            q => q with { Tags = ["a"] },
        };
        foreach (var period in new[] { ReportingPeriod.Year(2025), ReportingPeriod.Year(2024), ReportingPeriod.Month(new YearMonth(2025, 3)) })
        {
            foreach (var grouping in groupings)
            {
                foreach (var filter in filters)
                {
                    var query = filter(new MetricsQuery { Period = period, GroupBy = grouping, Indicators = ActivityIndicators });
                    var actual = metrics.Query(query).Rows.ToDictionary(r => (r.Indicator, r.Period, r.Organization, r.Firm, r.District), r => (r.Value, r.Records));
                    actual.Should().BeEquivalentTo(Expected(dataset, query), $"seed {seed}, {period}, {grouping}, {query}");
                }
            }
        }
    }

    private static TestCity RandomCity(Random random)
    {
        var city = new TestCity(today: new LocalDate(2026, 6, 1));
        // Few distinct days, so that activities fall on the first and last days of coverages and standings.
        var days = Enumerable.Range(0, 40).Select(_ => new LocalDate(2023, 6, 1).PlusDays(random.Next(1000))).ToArray();
        LocalDate Day() => days[random.Next(days.Length)];
        for (var f = 0; f < 8; f++)
        {
            city = f % 4 == 3 ? city.Firm($"F{f}") : city.FirmIn($"F{f}", Districts[random.Next(Districts.Length)]);
        }

        for (var g = 0; g < 2; g++)
        {
            city.GeneralBranch($"G{g}").Cover($"G{g}", $"F{random.Next(8)}");
        }

        for (var b = 0; b < 10; b++)
        {
            city.Branch($"B{b}", parent: random.Next(3) switch { 0 => "G0", 1 => "G1", _ => Committee });
            foreach (var f in Enumerable.Range(0, 8).OrderBy(_ => random.Next()).Take(random.Next(3)))
            {
                var from = random.Next(3) == 0 ? Day() : LongAgo;
                city.Cover($"B{b}", $"F{f}", from, random.Next(3) == 0 ? LocalDate.Max(from, Day()) : null);
            }
        }

        for (var p = 0; p < 5; p++)
        {
            city.PartyGroup($"PG{p}", $"B{random.Next(10)}");
        }

        for (var p = 0; p < 30; p++)
        {
            _ = random.Next(4) switch
            {
                0 => city.FullMember($"P{p}"),
                1 => city.FullMember($"P{p}", Day()),
                2 => city.Probationary($"P{p}", Day()),
                _ => city.NonMember($"P{p}"),
            };
        }

        string[] organizations = [Committee, "G0", "G1", .. Enumerable.Range(0, 10).Select(b => $"B{b}"), .. Enumerable.Range(0, 5).Select(p => $"PG{p}")];
        ActivityKind[] kinds = [ActivityKind.LeadershipVisit, ActivityKind.RedEducation, ActivityKind.LawPopularization, ActivityKind.OrganizationalLifeMeeting];
        string?[] platforms = [null, null, "", " ", "学习强国", "智慧党建"];
        for (var a = 0; a < 400; a++)
        {
            var attendance = Enumerable.Range(0, 30).Where(_ => random.Next(6) == 0)
                .Select(p => new Attendance(new PersonId($"P{p}"), random.Next(4) == 0 ? AttendanceStatus.Absent : AttendanceStatus.Present)).ToArray();
            city.Event($"A{a}", organizations[random.Next(organizations.Length)], kinds[random.Next(kinds.Length)], Day(),
                headCount: random.Next(3) == 0 ? random.Next(100) : null, platform: platforms[random.Next(platforms.Length)],
                tags: random.Next(3) switch { 0 => ["a"], 1 => ["b", "a"], _ => [] }, attendance: attendance);
        }

        return city;
    }

    /// <summary>The earlier algorithm: per indicator, a pass over the activities through the dataset's public lookups.</summary>
    private static Dictionary<(IndicatorCode, string?, OrganizationId?, FirmId?, string?), (decimal?, long)> Expected(CityDataset dataset, MetricsQuery query)
    {
        var expected = new Dictionary<(IndicatorCode, string?, OrganizationId?, FirmId?, string?), (decimal?, long)>();
        foreach (var code in ActivityIndicators)
        {
            var indicator = dataset.Indicators.Get(code);
            var attendees = new Dictionary<(IndicatorCode, string?, OrganizationId?, FirmId?, string?), HashSet<PersonId>>();
            foreach (var a in dataset.Activities)
            {
                if (!query.Period.Contains(a.Date) || (indicator.ActivityKind is { } kind && a.Kind != kind)
                    || (indicator.SourcePlatform is { } platform && (platform == "*" ? string.IsNullOrWhiteSpace(a.SourcePlatform) : platform != a.SourcePlatform))
                    || (query.Organization is { } root && !Within(dataset, a.OrganizationId, root))
                    || (query.Tags.Count > 0 && !a.Tags.Any(query.Tags.Contains)))
                {
                    continue;
                }

                var organization = dataset.GetOrganization(a.OrganizationId);
                var covering = organization.Kind == OrganizationKind.PartyGroup && organization.ParentId is { } parent ? parent : organization.Id;
                var firms = dataset.FirmsCoveredBy(covering, a.Date);
                FirmId? firm = firms.Count > 0 ? firms[0] : null;
                var district = firm is { } f && dataset.GetFirm(f).District is { Length: > 0 } name ? name : null;
                if ((query.Firm is { } wanted && firm != wanted) || (query.District is not null && district != query.District))
                {
                    continue;
                }

                var key = (code,
                    (query.GroupBy & MetricGrouping.Month) != 0 ? $"{a.Date.Year:D4}-{a.Date.Month:D2}" : null,
                    (query.GroupBy & MetricGrouping.Organization) != 0 ? a.OrganizationId : (OrganizationId?)null,
                    (query.GroupBy & MetricGrouping.Firm) != 0 ? firm : null,
                    (query.GroupBy & MetricGrouping.District) != 0 ? district ?? "未登记区县" : null);
                var (value, records) = expected.GetValueOrDefault(key, (0m, 0));
                switch (indicator.Aggregation)
                {
                    case Aggregation.ActivityCount:
                        expected[key] = (value + 1, records + 1);
                        break;
                    case Aggregation.ActivityHeadCount:
                        expected[key] = (value + (a.HeadCount ?? a.Attendance.Count(x => x.Status == AttendanceStatus.Present)), records + 1);
                        break;
                    default:
                        var set = attendees.TryGetValue(key, out var known) ? known : attendees[key] = [];
                        set.UnionWith(a.Attendance.Where(x => x.Status == AttendanceStatus.Present && dataset.GetPerson(x.PersonId).StandingOn(a.Date) is { } s && s.IsMember())
                            .Select(x => x.PersonId));
                        expected[key] = (set.Count, records + 1);
                        break;
                }
            }
        }

        return expected;
    }

    private static bool Within(CityDataset dataset, OrganizationId organization, OrganizationId root)
    {
        for (OrganizationId? o = organization; o is { } id; o = dataset.GetOrganization(id).ParentId)
        {
            if (id == root)
            {
                return true;
            }
        }

        return false;
    }
}
