using System.Globalization;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Metrics;

/// <summary>
/// The aggregation engine for service records and activity-based indicators. Construction ingests a dataset's service
/// records into plain columns (dense integer keys, quantities as exact fixed-point integers); a query is then one pass
/// over those columns into a dense table of groups, so grouping ten million records by indicator, month and district
/// takes tens of milliseconds. Sums are exact: quantities carry at most four decimal places.
/// </summary>
public sealed class ServiceMetrics
{
    private const long Scale = 10_000;

    private readonly CityDataset _dataset;
    private readonly IndicatorCatalog _catalog;
    private readonly IndicatorDefinition[] _recorded;
    private readonly Dictionary<IndicatorCode, int> _recordedIndex = [];
    private readonly Dictionary<OrganizationId, int> _organizationIndex = [];
    private readonly Dictionary<FirmId, int> _firmIndex = [];
    private readonly Dictionary<PersonId, int> _memberIndex = [];
    private readonly List<string> _districts = [];
    private readonly Dictionary<string, int> _districtIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tagIndex = new(StringComparer.Ordinal);

    // One entry per service record.
    private readonly int[] _indicator;
    private readonly int[] _firstDay;
    private readonly int[] _lastDay;
    private readonly int[] _month;
    private readonly byte[] _span;
    private readonly long[] _quantity;
    private readonly int[] _organization;
    private readonly int[] _firm;
    private readonly int[] _member;
    private readonly int[] _district;
    private readonly int[] _distinct;
    private readonly int[] _tagStart;
    private readonly long _maxQuantity;
    private readonly int[] _tags;

    /// <summary>Ingests the service records of <paramref name="dataset"/>, checked against its indicator catalog.</summary>
    /// <param name="dataset">The dataset.</param>
    public ServiceMetrics(CityDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        _catalog = dataset.Indicators;
        _recorded = _catalog.All.Where(i => i.IsRecorded).ToArray();
        for (var i = 0; i < _recorded.Length; i++)
        {
            _recordedIndex[_recorded[i].Code] = i;
        }

        for (var i = 0; i < dataset.Organizations.Count; i++)
        {
            _organizationIndex[dataset.Organizations[i].Id] = i;
        }

        for (var i = 0; i < dataset.Firms.Count; i++)
        {
            _firmIndex[dataset.Firms[i].Id] = i;
            if (dataset.Firms[i].District is { Length: > 0 } district)
            {
                Intern(_districtIndex, _districts, district);
            }
        }

        for (var i = 0; i < dataset.People.Count; i++)
        {
            _memberIndex[dataset.People[i].Id] = i;
        }

        var records = dataset.Services;
        var n = records.Count;
        _indicator = new int[n];
        _firstDay = new int[n];
        _lastDay = new int[n];
        _month = new int[n];
        _span = new byte[n];
        _quantity = new long[n];
        _organization = new int[n];
        _firm = new int[n];
        _member = new int[n];
        _district = new int[n];
        _distinct = new int[n];
        _tagStart = new int[n + 1];
        var tags = new List<int>();
        var distinctValues = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < n; r++)
        {
            var record = records[r];
            var indicator = _recorded[_recordedIndex[record.Indicator]];
            _indicator[r] = _recordedIndex[record.Indicator];
            var days = record.Days;
            _firstDay[r] = ActivityIndex.Day(days.Start);
            _lastDay[r] = ActivityIndex.Day(days.End);
            _month[r] = (record.Date.Year * 12) + record.Date.Month - 1;
            _span[r] = (byte)record.Span;
            _quantity[r] = (long)(record.Quantity * Scale);
            _maxQuantity = Math.Max(_maxQuantity, _quantity[r]);
            _organization[r] = record.Organization is { } o ? _organizationIndex[o] : -1;
            _firm[r] = record.Firm is { } f ? _firmIndex[f] : -1;
            _member[r] = record.Member is { } m ? _memberIndex[m] : -1;
            var district = !string.IsNullOrWhiteSpace(record.District) ? record.District
                : record.Firm is { } firm && dataset.GetFirm(firm).District is { Length: > 0 } d ? d : null;
            _district[r] = district is null ? -1 : Intern(_districtIndex, _districts, district);
            _distinct[r] = indicator.Aggregation == Aggregation.DistinctCount ? Intern(distinctValues, null, DistinctValue(record, indicator.DistinctBy)) : -1;
            _tagStart[r] = tags.Count;
            foreach (var tag in record.Tags)
            {
                tags.Add(Intern(_tagIndex, null, tag));
            }
        }

        _tagStart[n] = tags.Count;
        _tags = [.. tags];
    }

    /// <summary>The number of service records ingested.</summary>
    public int RecordCount => _indicator.Length;

    /// <summary>Runs <paramref name="query"/>.</summary>
    /// <param name="query">The query.</param>
    /// <exception cref="ArgumentException">The query names an unknown indicator, or groups by more than one time unit.</exception>
    public MetricsTable Query(MetricsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var time = query.GroupBy & (MetricGrouping.Year | MetricGrouping.Quarter | MetricGrouping.Month);
        if (time != 0 && (time & (time - 1)) != 0)
        {
            throw new ArgumentException("Group by one of year, quarter or month, not several.", nameof(query));
        }

        var wanted = query.Indicators.Count > 0
            ? query.Indicators.Distinct().Select(c => _catalog.TryGet(c, out var i) ? i : throw new ArgumentException($"No indicator '{c}' is registered.", nameof(query))).ToArray()
            : _catalog.All.Where(i => !i.Hidden).ToArray();
        var layout = new Layout(this, query, time);
        var groups = new Dictionary<IndicatorCode, Dictionary<long, (decimal? Value, long Records)>>();
        var needed = new bool[_recorded.Length];
        foreach (var indicator in wanted)
        {
            MarkNeeded(indicator, needed);
        }

        Aggregate(query, layout, needed, groups);
        var rows = new List<MetricRow>();
        foreach (var indicator in wanted)
        {
            var values = Values(indicator, query, layout, groups);
            foreach (var (key, (value, count)) in values.OrderBy(v => v.Key))
            {
                rows.Add(layout.Row(indicator, key, value, count));
            }
        }

        return new MetricsTable(query, rows);
    }

    /// <summary>Runs <paramref name="query"/> for its period and for the same period a year earlier, and pairs the rows.</summary>
    /// <param name="query">The query.</param>
    public IReadOnlyList<YearOverYear> CompareWithPreviousYear(MetricsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The same calendar days a year earlier: February ends on the 29th in a leap year.
        static LocalDate Back(LocalDate date, bool monthEnd) => monthEnd
            ? new YearMonth(date.Year - 1, date.Month).OnDayOfMonth(CalendarSystem.Iso.GetDaysInMonth(date.Year - 1, date.Month))
            : date.PlusYears(-1);
        var end = query.Period.End;
        var previousPeriod = ReportingPeriod.Of(new DateInterval(query.Period.Start.PlusYears(-1), Back(end, end.PlusDays(1).Day == 1)));
        var current = Query(query);
        var previous = Query(query with { Period = previousPeriod });
        static string Shift(string? period) => period is null ? string.Empty
            : int.Parse(period[..4], CultureInfo.InvariantCulture) + 1 + period[4..];
        var earlier = previous.Rows.ToDictionary(r => (r.Indicator, Shift(r.Period), r.Organization, r.Firm, r.District));
        return current.Rows.Select(r => new YearOverYear(r, earlier.GetValueOrDefault((r.Indicator, r.Period ?? string.Empty, r.Organization, r.Firm, r.District)))).ToArray();
    }

    private void MarkNeeded(IndicatorDefinition indicator, bool[] needed)
    {
        if (_recordedIndex.TryGetValue(indicator.Code, out var i))
        {
            needed[i] = true;
        }

        foreach (var part in indicator.Components.Concat(new[] { indicator.Numerator, indicator.Denominator }.OfType<IndicatorCode>()))
        {
            MarkNeeded(_catalog.Get(part), needed);
        }
    }

    /// <summary>The single pass: sums and counts of every needed recorded indicator into a dense table of groups.</summary>
    private void Aggregate(MetricsQuery query, Layout layout, bool[] needed, Dictionary<IndicatorCode, Dictionary<long, (decimal? Value, long Records)>> groups)
    {
        int first = ActivityIndex.Day(query.Period.Start), last = ActivityIndex.Day(query.Period.End);
        var organizations = query.Organization is { } root ? Subtree(root) : null;
        var firm = query.Firm is { } f ? (_firmIndex.TryGetValue(f, out var fi) ? fi : -2) : -1;
        var member = query.Member is { } m ? (_memberIndex.TryGetValue(m, out var mi) ? mi : -2) : -1;
        var district = query.District is { } d ? (_districtIndex.TryGetValue(d, out var di) ? di : -2) : -1;
        var tags = query.Tags.Select(t => _tagIndex.TryGetValue(t, out var ti) ? ti : -2).ToArray();
        var cells = layout.Cells;

        // Sums are exact integers (quantity × 10^4). 64 bits hold any total of this dataset unless its records are huge;
        // then the pass accumulates in 128 bits.
        var wide = (Int128)_maxQuantity * _indicator.Length > long.MaxValue;
        var dense = (long)_recorded.Length * cells <= 8_000_000;
        var sums = dense && !wide ? new long[_recorded.Length * cells] : [];
        var wideSums = dense && wide ? new Int128[_recorded.Length * cells] : [];
        var counts = dense ? new long[_recorded.Length * cells] : [];
        var sparse = dense ? null : new Dictionary<long, (Int128 Sum, long Count)>();
        var special = new Dictionary<long, (HashSet<int> Distinct, int LatestDay, long Latest)>();
        var isSpecial = _recorded.Select(i => i.Aggregation is Aggregation.DistinctCount or Aggregation.Latest).ToArray();
        var filtered = organizations is not null || firm != -1 || member != -1 || district != -1 || tags.Length > 0;
        for (var r = 0; r < _indicator.Length; r++)
        {
            var indicator = _indicator[r];
            if (!needed[indicator] || _firstDay[r] < first || _lastDay[r] > last)
            {
                continue;
            }

            if (filtered && !Passes(r, organizations, firm, member, district, tags))
            {
                continue;
            }

            var cell = layout.Cell(_month[r], _span[r], _organization[r], _firm[r], _district[r]);
            if (isSpecial[indicator])
            {
                var key = ((long)indicator * cells) + cell;
                var acc = special.TryGetValue(key, out var a) ? a : ([], int.MinValue, 0);
                if (_recorded[indicator].Aggregation == Aggregation.DistinctCount)
                {
                    acc.Distinct.Add(_distinct[r]);
                }
                else if (_firstDay[r] >= acc.LatestDay)
                {
                    acc = (acc.Distinct, _firstDay[r], _quantity[r]);
                }

                special[key] = acc;
            }

            if (dense)
            {
                var at = (indicator * cells) + cell;
                if (wide)
                {
                    wideSums[at] += _quantity[r];
                }
                else
                {
                    sums[at] += _quantity[r];
                }

                counts[at]++;
            }
            else
            {
                var key = ((long)indicator * cells) + cell;
                var acc = sparse!.GetValueOrDefault(key);
                sparse![key] = (acc.Sum + _quantity[r], acc.Count + 1);
            }
        }

        for (var i = 0; i < _recorded.Length; i++)
        {
            if (!needed[i])
            {
                continue;
            }

            var values = new Dictionary<long, (decimal? Value, long Records)>();
            var indicator = _recorded[i];
            void Put(long cell, Int128 sum, long count)
            {
                if (count == 0)
                {
                    return;
                }

                var key = ((long)i * cells) + cell;
                decimal value = indicator.Aggregation switch
                {
                    Aggregation.Count => count,
                    Aggregation.DistinctCount => special[key].Distinct.Count,
                    Aggregation.Latest => (decimal)special[key].Latest / Scale,
                    _ => (decimal)sum / Scale,
                };
                values[cell] = (value, count);
            }

            if (dense)
            {
                for (var c = 0; c < cells; c++)
                {
                    Put(c, wide ? wideSums[(i * cells) + c] : sums[(i * cells) + c], counts[(i * cells) + c]);
                }
            }
            else
            {
                foreach (var (key, (sum, count)) in sparse!)
                {
                    if (key / cells == i)
                    {
                        Put(key % cells, sum, count);
                    }
                }
            }

            groups[indicator.Code] = values;
        }
    }

    private bool Passes(int r, bool[]? organizations, int firm, int member, int district, int[] tags)
    {
        if ((organizations is not null && (_organization[r] < 0 || !organizations[_organization[r]]))
            || (firm != -1 && _firm[r] != firm) || (member != -1 && _member[r] != member) || (district != -1 && _district[r] != district))
        {
            return false;
        }

        if (tags.Length == 0)
        {
            return true;
        }

        for (var t = _tagStart[r]; t < _tagStart[r + 1]; t++)
        {
            if (Array.IndexOf(tags, _tags[t]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The values of any indicator by group: recorded ones from the pass, derived and activity ones on top.</summary>
    private Dictionary<long, (decimal? Value, long Records)> Values(IndicatorDefinition indicator, MetricsQuery query, Layout layout,
        Dictionary<IndicatorCode, Dictionary<long, (decimal? Value, long Records)>> groups)
    {
        if (groups.TryGetValue(indicator.Code, out var known))
        {
            return known;
        }

        var result = new Dictionary<long, (decimal? Value, long Records)>();
        switch (indicator.Aggregation)
        {
            case Aggregation.SumOfIndicators:
                foreach (var part in indicator.Components)
                {
                    foreach (var (cell, (value, count)) in Values(_catalog.Get(part), query, layout, groups))
                    {
                        var acc = result.GetValueOrDefault(cell, (0m, 0));
                        result[cell] = (acc.Value + (value ?? 0), acc.Records + count);
                    }
                }

                break;
            case Aggregation.Ratio:
                var numerator = Values(_catalog.Get(indicator.Numerator!.Value), query, layout, groups);
                var denominator = Values(_catalog.Get(indicator.Denominator!.Value), query, layout, groups);
                foreach (var cell in numerator.Keys.Union(denominator.Keys))
                {
                    var n = numerator.GetValueOrDefault(cell);
                    var d = denominator.GetValueOrDefault(cell);
                    result[cell] = (d.Value is { } dv && dv != 0 ? Math.Round((n.Value ?? 0) / dv * 100, 2, MidpointRounding.AwayFromZero) : null, n.Records + d.Records);
                }

                break;
            default:
                // Activity records name no member; with a member filter the activity indicators have no rows.
                if (query.Member is null)
                {
                    ActivityValues(indicator, query, layout, result);
                }

                break;
        }

        groups[indicator.Code] = result;
        return result;
    }

    /// <summary>Activity-based indicators (F8, F10, F11, F13): counted from the dataset's activity records.</summary>
    private void ActivityValues(IndicatorDefinition indicator, MetricsQuery query, Layout layout, Dictionary<long, (decimal? Value, long Records)> result)
    {
        var organizations = query.Organization is { } root ? Subtree(root) : null;
        var district = query.District;
        var attendees = new Dictionary<long, HashSet<PersonId>>();
        foreach (var a in _dataset.Activities)
        {
            if (!query.Period.Contains(a.Date) || (indicator.ActivityKind is { } kind && a.Kind != kind)
                || (indicator.SourcePlatform is { } platform && (platform == "*" ? string.IsNullOrWhiteSpace(a.SourcePlatform) : !string.Equals(platform, a.SourcePlatform, StringComparison.Ordinal))))
            {
                continue;
            }

            var o = _organizationIndex[a.OrganizationId];
            if ((organizations is not null && !organizations[o]) || (query.Tags.Count > 0 && !a.Tags.Any(query.Tags.Contains)))
            {
                continue;
            }

            var firm = FirmOf(a.OrganizationId, a.Date);
            if (query.Firm is { } wantedFirm && firm != wantedFirm)
            {
                continue;
            }

            var d = firm is { } f && _dataset.GetFirm(f).District is { Length: > 0 } name ? name : null;
            if (district is not null && d != district)
            {
                continue;
            }

            var cell = layout.Cell((a.Date.Year * 12) + a.Date.Month - 1, (byte)RecordSpan.Day, o, firm is { } ff ? _firmIndex[ff] : -1,
                d is null ? -1 : _districtIndex[d]);
            var acc = result.GetValueOrDefault(cell, (0m, 0));
            switch (indicator.Aggregation)
            {
                case Aggregation.ActivityCount:
                    result[cell] = (acc.Value + 1, acc.Records + 1);
                    break;
                case Aggregation.ActivityHeadCount:
                    result[cell] = (acc.Value + (a.HeadCount ?? a.Attendance.Count(x => x.Status == AttendanceStatus.Present)), acc.Records + 1);
                    break;
                case Aggregation.ActivityDistinctAttendees:
                    if (!attendees.TryGetValue(cell, out var set))
                    {
                        attendees[cell] = set = [];
                    }

                    foreach (var x in a.Attendance)
                    {
                        if (x.Status == AttendanceStatus.Present && _dataset.GetPerson(x.PersonId).StandingOn(a.Date) is { } s && s.IsMember())
                        {
                            set.Add(x.PersonId);
                        }
                    }

                    result[cell] = (set.Count, acc.Records + 1);
                    break;
            }
        }
    }

    private FirmId? FirmOf(OrganizationId organization, LocalDate date)
    {
        var o = _dataset.GetOrganization(organization);
        var covering = o.Kind == OrganizationKind.PartyGroup && o.ParentId is { } p ? p : organization;
        var firms = _dataset.FirmsCoveredBy(covering, date);
        return firms.Count > 0 ? firms[0] : null;
    }

    private bool[] Subtree(OrganizationId root)
    {
        var inside = new bool[_dataset.Organizations.Count];
        if (!_organizationIndex.TryGetValue(root, out var r))
        {
            throw new KeyNotFoundException($"No organization '{root}' in the dataset.");
        }

        inside[r] = true;
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < inside.Length; i++)
            {
                if (!inside[i] && _dataset.Organizations[i].ParentId is { } p && inside[_organizationIndex[p]])
                {
                    inside[i] = changed = true;
                }
            }
        }
        while (changed);
        return inside;
    }

    private static string DistinctValue(ServiceRecord r, MetricDimensions dimension) => dimension switch
    {
        MetricDimensions.Member => r.Member?.Value ?? string.Empty,
        MetricDimensions.Firm => r.Firm?.Value ?? string.Empty,
        MetricDimensions.Organization => r.Organization?.Value ?? string.Empty,
        MetricDimensions.District => r.District ?? string.Empty,
        MetricDimensions.Channel => r.Channel ?? string.Empty,
        _ => r.Subject ?? string.Empty,
    };

    private static int Intern(Dictionary<string, int> index, List<string>? values, string value)
    {
        if (!index.TryGetValue(value, out var i))
        {
            index[value] = i = index.Count;
            values?.Add(value);
        }

        return i;
    }

    /// <summary>How a query's groups map to cells: time bucket × organization × firm × district, each 1 when not grouped.</summary>
    private sealed class Layout
    {
        private readonly ServiceMetrics _owner;
        private readonly MetricGrouping _time;
        private readonly int _firstMonth;
        private readonly int _months;
        private readonly int _firstYear;
        private readonly int _timeBuckets;
        private readonly int _organizations;
        private readonly int _firms;
        private readonly int _districts;

        public Layout(ServiceMetrics owner, MetricsQuery query, MetricGrouping time)
        {
            _owner = owner;
            _time = time;
            _firstYear = query.Period.Start.Year;
            var years = query.Period.End.Year - _firstYear + 1;
            _firstMonth = query.Period.Start.Year * 12;
            _months = years * 12;
            _timeBuckets = time switch
            {
                MetricGrouping.Month => _months + years,
                MetricGrouping.Quarter => (_months / 3) + years,
                MetricGrouping.Year => years,
                _ => 1,
            };
            _organizations = (query.GroupBy & MetricGrouping.Organization) != 0 ? owner._dataset.Organizations.Count + 1 : 1;
            _firms = (query.GroupBy & MetricGrouping.Firm) != 0 ? owner._dataset.Firms.Count + 1 : 1;

            _districts = (query.GroupBy & MetricGrouping.District) != 0 ? owner._districts.Count + 1 : 1;
            Cells = checked(_timeBuckets * _organizations * _firms * _districts);
        }

        public int Cells { get; }

        public int Cell(int month, byte span, int organization, int firm, int district)
        {
            var year = (month / 12) - _firstYear;
            var t = _time switch
            {
                MetricGrouping.Month => span == (byte)RecordSpan.Year ? _months + year : month - _firstMonth,
                MetricGrouping.Quarter => span == (byte)RecordSpan.Year ? (_months / 3) + year : (month - _firstMonth) / 3,
                MetricGrouping.Year => year,
                _ => 0,
            };
            var o = _organizations == 1 ? 0 : organization + 1;
            var f = _firms == 1 ? 0 : firm + 1;
            var d = _districts == 1 ? 0 : district + 1;
            return (((((t * _organizations) + o) * _firms) + f) * _districts) + d;
        }

        public MetricRow Row(IndicatorDefinition indicator, long cell, decimal? value, long records)
        {
            var d = (int)(cell % _districts);
            cell /= _districts;
            var f = (int)(cell % _firms);
            cell /= _firms;
            var o = (int)(cell % _organizations);
            var t = (int)(cell / _organizations);
            return new MetricRow(indicator.Code, indicator.Name, indicator.Unit, Period(t),
                _organizations == 1 || o == 0 ? null : _owner._dataset.Organizations[o - 1].Id,
                _firms == 1 || f == 0 ? null : _owner._dataset.Firms[f - 1].Id,
                _districts == 1 ? null : d == 0 ? "未登记区县" : _owner._districts[d - 1],
                value, records);
        }

        private string? Period(int t) => _time switch
        {
            MetricGrouping.Month when t < _months => $"{_firstYear + (t / 12):D4}-{(t % 12) + 1:D2}",
            MetricGrouping.Month => $"{_firstYear + t - _months:D4}",
            MetricGrouping.Quarter when t < _months / 3 => $"{_firstYear + (t / 4):D4}-Q{(t % 4) + 1}",
            MetricGrouping.Quarter => $"{_firstYear + t - (_months / 3):D4}",
            MetricGrouping.Year => $"{_firstYear + t:D4}",
            _ => null,
        };
    }
}
