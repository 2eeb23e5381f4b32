using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PartyDomain.BasicSystems;
using PartyDomain.Organization;

namespace PartyDomain.Metrics;

// The activity values: indicators counted from the dataset's activity records (F8, F10, F11, F13) rather than from
// service records. An activity counts in its organization, in the firm that organization covers on the day, and in
// that firm's district.
public sealed partial class ServiceMetrics
{
    // Built on the first query of an activity indicator.
    private CoverageDays? _coverage;

    /// <summary>
    /// The values by group of every activity indicator <paramref name="wanted"/> is computed from, counted in one pass. Activity
    /// records name no member: with a member filter the activity indicators have no rows.
    /// </summary>
    private Dictionary<IndicatorCode, Dictionary<int, (decimal? Value, long Records)>> ActivityValues(IEnumerable<IndicatorDefinition> wanted, MetricsQuery query, Layout layout)
    {
        var values = new Dictionary<IndicatorCode, Dictionary<int, (decimal? Value, long Records)>>();
        var activityIndicators = new List<IndicatorDefinition>();
        var seen = new HashSet<IndicatorCode>();
        foreach (var indicator in wanted)
        {
            CollectActivityIndicators(indicator, activityIndicators, seen);
        }

        if (query.Member is null && activityIndicators.Count > 0)
        {
            CountActivities(activityIndicators, query, layout, values);
        }

        return values;
    }

    /// <summary>The activity indicators <paramref name="indicator"/> is computed from (itself, when it is one), each once.</summary>
    private void CollectActivityIndicators(IndicatorDefinition indicator, List<IndicatorDefinition> found, HashSet<IndicatorCode> seen)
    {
        if (!seen.Add(indicator.Code))
        {
            return;
        }

        switch (indicator.Aggregation)
        {
            case Aggregation.ActivityCount or Aggregation.ActivityHeadCount or Aggregation.ActivityDistinctAttendees:
                found.Add(indicator);
                break;
            case Aggregation.SumOfIndicators:
                foreach (var part in indicator.Components)
                {
                    CollectActivityIndicators(_catalog.Get(part), found, seen);
                }

                break;
            case Aggregation.Ratio:
                CollectActivityIndicators(_catalog.Get(indicator.Numerator!.Value), found, seen);
                CollectActivityIndicators(_catalog.Get(indicator.Denominator!.Value), found, seen);
                break;
        }
    }

    /// <summary>
    /// Counts every activity indicator of <paramref name="indicators"/> into <paramref name="groups"/>, in one pass over the
    /// activity records, since the pass reads millions of records and what it works out per record (organization, firm,
    /// district, group) is the same for each.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountActivities(List<IndicatorDefinition> indicators, MetricsQuery query, Layout layout,
        Dictionary<IndicatorCode, Dictionary<int, (decimal? Value, long Records)>> groups)
    {
        var organizations = query.Organization is { } root ? Subtree(root) : null;
        var wantedFirm = query.Firm is { } qf ? (_firmIndex.TryGetValue(qf, out var fi) ? fi : -2) : -1;
        var wantedDistrict = query.District is { } qd ? (_districtIndex.TryGetValue(qd, out var di) ? di : -2) : -1;
        var coverage = Coverage;
        var counters = indicators.Select(i => new ActivityCounter(i)).ToArray();
        var matches = new bool[counters.Length];
        var activities = _dataset.Activities;

        // Activities come grouped by organization: the last one's index is usually this one's.
        var organizationIndex = new LastLookup<OrganizationId>(_organizationIndex);
        for (var r = 0; r < activities.Count; r++)
        {
            var a = activities[r];
            var date = a.Date;
            if (!query.Period.Contains(date))
            {
                continue;
            }

            var any = false;
            for (var i = 0; i < counters.Length; i++)
            {
                any |= matches[i] = counters[i].Counts(a);
            }

            if (!any)
            {
                continue;
            }

            var o = organizationIndex[a.OrganizationId];
            if ((organizations is not null && !organizations[o]) || (query.Tags.Count > 0 && !AnyTag(a.Tags, query.Tags)))
            {
                continue;
            }

            var firm = coverage.FirmOn(o, ActivityIndex.Day(date));
            var district = firm >= 0 ? _firmDistrict[firm] : -1;
            if ((wantedFirm != -1 && firm != wantedFirm) || (wantedDistrict != -1 && district != wantedDistrict))
            {
                continue;
            }

            var cell = layout.Cell((date.Year * 12) + date.Month - 1, (int)RecordSpan.Day, o, firm, district);
            for (var i = 0; i < counters.Length; i++)
            {
                if (matches[i])
                {
                    counters[i].Add(cell, a, _dataset);
                }
            }
        }

        foreach (var counter in counters)
        {
            groups[counter.Indicator.Code] = counter.Values();
        }
    }

    private static bool AnyTag(IReadOnlyList<string> tags, IReadOnlyList<string> wanted)
    {
        for (var t = 0; t < tags.Count; t++)
        {
            if (wanted.Contains(tags[t]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Per organization (by index), the firms its activities count for: its coverage records, a party group's its parent's, as days.</summary>
    private CoverageDays Coverage => LazyInitializer.EnsureInitialized(ref _coverage, () =>
    {
        var organizations = _dataset.Organizations;
        var start = new int[organizations.Count + 1];
        List<int> firms = [], from = [], to = [];
        for (var o = 0; o < organizations.Count; o++)
        {
            var organization = organizations[o];
            var covering = organization.Kind == OrganizationKind.PartyGroup && organization.ParentId is { } p ? p : organization.Id;
            foreach (var c in _dataset.CoverageSpan(covering))
            {
                firms.Add(_firmIndex[c.FirmId]);
                from.Add(ActivityIndex.Day(c.From));
                to.Add(c.To is { } t ? ActivityIndex.Day(t) : int.MaxValue);
            }

            start[o + 1] = firms.Count;
        }

        return new CoverageDays(start, [.. firms], [.. from], [.. to]);
    });

    /// <summary>Per organization (by index), its coverage records from <c>Start[o]</c> to <c>Start[o + 1]</c>: firm index and days.</summary>
    private sealed record CoverageDays(int[] Start, int[] Firm, int[] From, int[] To)
    {
        /// <summary>The firm an activity of organization <paramref name="o"/> on <paramref name="day"/> counts for: the first one covered that day, -1 for none.</summary>
        public int FirmOn(int o, int day)
        {
            for (var c = Start[o]; c < Start[o + 1]; c++)
            {
                if (From[c] <= day && day <= To[c])
                {
                    return Firm[c];
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// One activity indicator's rule and running values: which activities it counts (of its kind, from its source
    /// platform, any platform for <c>*</c>) and what each adds to its group (one; the head count, or those present; the
    /// members present not counted yet in the group).
    /// </summary>
    private sealed class ActivityCounter(IndicatorDefinition indicator)
    {
        private readonly ActivityKind? _kind = indicator.ActivityKind;
        private readonly string? _platform = indicator.SourcePlatform;
        private readonly Aggregation _aggregation = indicator.Aggregation;
        private readonly Dictionary<int, (long Value, long Records)> _sums = [];
        private readonly Dictionary<int, HashSet<PersonId>>? _attendees = indicator.Aggregation == Aggregation.ActivityDistinctAttendees ? [] : null;

        public IndicatorDefinition Indicator { get; } = indicator;

        /// <summary>Whether the indicator counts <paramref name="activity"/>, wherever it took place.</summary>
        public bool Counts(ActivityRecord activity) =>
            (_kind is not { } kind || activity.Kind == kind)
            && (_platform is not { } platform || (platform == "*" ? !string.IsNullOrWhiteSpace(activity.SourcePlatform) : string.Equals(platform, activity.SourcePlatform, StringComparison.Ordinal)));

        /// <summary>Adds <paramref name="activity"/> to the group of <paramref name="cell"/>.</summary>
        public void Add(int cell, ActivityRecord activity, Data.CityDataset dataset)
        {
            ref var acc = ref CollectionsMarshal.GetValueRefOrAddDefault(_sums, cell, out _);
            acc.Records++;
            switch (_aggregation)
            {
                case Aggregation.ActivityCount:
                    acc.Value++;
                    break;
                case Aggregation.ActivityHeadCount:
                    acc.Value += activity.HeadCount ?? Present(activity.Attendance);
                    break;
                case Aggregation.ActivityDistinctAttendees:
                    ref var set = ref CollectionsMarshal.GetValueRefOrAddDefault(_attendees!, cell, out _);
                    set ??= [];
                    var attendance = activity.Attendance;
                    for (var x = 0; x < attendance.Count; x++)
                    {
                        var person = attendance[x].PersonId;
                        if (attendance[x].Status == AttendanceStatus.Present && !set.Contains(person)
                            && dataset.GetPerson(person).StandingOn(activity.Date) is { } s && s.IsMember())
                        {
                            set.Add(person);
                        }
                    }

                    acc.Value = set.Count;
                    break;
            }
        }

        /// <summary>The values by group. Counts are whole numbers: as decimals they read as the running decimal sums did.</summary>
        public Dictionary<int, (decimal? Value, long Records)> Values()
        {
            var result = new Dictionary<int, (decimal? Value, long Records)>(_sums.Count);
            foreach (var (cell, (value, records)) in _sums)
            {
                result[cell] = (value, records);
            }

            return result;
        }

        private static int Present(IReadOnlyList<Attendance> attendance)
        {
            var present = 0;
            for (var x = 0; x < attendance.Count; x++)
            {
                present += attendance[x].Status == AttendanceStatus.Present ? 1 : 0;
            }

            return present;
        }
    }
}
