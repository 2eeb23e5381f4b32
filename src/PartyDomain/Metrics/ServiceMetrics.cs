using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Metrics;

/// <summary>
/// The aggregation engine for service records and activity-based indicators. Construction ingests a dataset's service
/// records into narrow columns (dense integer keys, quantities as exact fixed-point integers); a query is then one pass
/// over the columns it needs into a dense table of groups, so grouping ten million records by indicator, month and
/// district takes a few tens of milliseconds. Sums are exact: quantities carry at most four decimal places.
/// </summary>
public sealed partial class ServiceMetrics
{
    private const long Scale = 10_000;

    // The fewest records worth a core of their own at ingest.
    private const int IngestShare = 1 << 20;

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

    // One entry per service record, as narrow as the data allows: a query's pass reads memory, so bytes are time.
    private readonly ushort[] _indicator;

    // (month − _firstMonth) × 3 + span: the month and how much time the record covers, in one column.
    private readonly ushort[] _period;
    private readonly int[] _firstDay;

    // Quantities × 10^4: in 32 bits unless a quantity needs more (then _quantity64 holds them all).
    private readonly int[] _quantity32;
    private readonly long[]? _quantity64;
    private readonly int[] _organization;
    private readonly int[] _firm;

    // District index + 1, 0 for none.
    private readonly ushort[] _district;

    // Columns no record uses stay null: member, distinct value and tags are absent from most records.
    private readonly int[]? _member;
    private readonly int[]? _distinct;
    private readonly int[]? _tagStart;
    private readonly int[] _tags;
    private readonly long _maxQuantity;

    // The absolute month (year × 12 + month − 1) of _period's month 0, and per month since it the last day of the month
    // and of its year: a month or year record is dated on its first day, so its last day follows from its period.
    private readonly int _firstMonth;
    private readonly int[] _monthEnd;
    private readonly int[] _yearEnd;

    // Per firm (by index) its district's index, -1 for none.
    private readonly int[] _firmDistrict;

    // Built on the first query of an activity indicator.
    private CoverageDays? _coverage;

    /// <summary>Ingests the service records of <paramref name="dataset"/>, checked against its indicator catalog.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <exception cref="ArgumentException">The records span more than 21,845 months, or name more than 65,534 districts or 65,536 recorded indicators.</exception>
    public ServiceMetrics(CityDataset dataset)
        : this(dataset, 0)
    {
    }

    /// <summary>Ingests in <paramref name="shares"/> shares (0: one per core, for a million records or more each), for tests.</summary>
    internal ServiceMetrics(CityDataset dataset, int shares)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        _catalog = dataset.Indicators;
        _recorded = _catalog.All.Where(i => i.IsRecorded).ToArray();
        if (_recorded.Length > ushort.MaxValue + 1)
        {
            throw new ArgumentException($"The catalog records {_recorded.Length} indicators; the engine takes at most {ushort.MaxValue + 1}.", nameof(dataset));
        }

        for (var i = 0; i < _recorded.Length; i++)
        {
            _recordedIndex[_recorded[i].Code] = i;
        }

        _organizationIndex.EnsureCapacity(dataset.Organizations.Count);
        _firmIndex.EnsureCapacity(dataset.Firms.Count);
        for (var i = 0; i < dataset.Organizations.Count; i++)
        {
            _organizationIndex[dataset.Organizations[i].Id] = i;
        }

        var firmDistrict = _firmDistrict = new int[dataset.Firms.Count];
        for (var i = 0; i < dataset.Firms.Count; i++)
        {
            _firmIndex[dataset.Firms[i].Id] = i;
            firmDistrict[i] = dataset.Firms[i].District is { Length: > 0 } district ? InternDistrict(district) : -1;
        }

        var records = dataset.Services;
        var n = records.Count;

        // The records are read in shares, one per core: each share writes its own rows of the columns and looks up
        // shared dictionaries it only reads; what needs a dictionary written (a district no firm has, distinct values,
        // tags) is noted and done afterwards in record order, so the result does not depend on the split.
        shares = shares > 0 ? Math.Min(shares, Math.Max(1, n)) : Math.Max(1, Math.Min(Environment.ProcessorCount, n / IngestShare));
        (int From, int To) Share(int s) => ((int)((long)n * s / shares), (int)((long)n * (s + 1) / shares));
        void InShares(Action<int> share)
        {
            if (shares == 1)
            {
                share(0);
            }
            else
            {
                Parallel.For(0, shares, share);
            }
        }

        var monthRange = new (int First, int Last)[shares];
        InShares(s =>
        {
            var (from, to) = Share(s);
            int first = int.MaxValue, last = int.MinValue;
            for (var r = from; r < to; r++)
            {
                var month = MonthOf(records[r].Date);
                first = Math.Min(first, month);
                last = Math.Max(last, month);
            }

            monthRange[s] = (first, last);
        });
        _firstMonth = n == 0 ? 0 : monthRange.Min(m => m.First);
        var months = n == 0 ? 0 : monthRange.Max(m => m.Last) - _firstMonth + 1;
        if (months > (ushort.MaxValue + 1) / 3)
        {
            throw new ArgumentException($"The service records span {months} months; the engine takes at most {(ushort.MaxValue + 1) / 3}.", nameof(dataset));
        }

        _monthEnd = new int[months];
        _yearEnd = new int[months];
        for (var m = 0; m < months; m++)
        {
            var month = _firstMonth + m;
            _monthEnd[m] = ActivityIndex.Day(new LocalDate(month / 12, (month % 12) + 1, 1).PlusMonths(1)) - 1;
            _yearEnd[m] = ActivityIndex.Day(new LocalDate((month / 12) + 1, 1, 1)) - 1;
        }

        ushort[] indicators = _indicator = new ushort[n], periods = _period = new ushort[n], districts = _district = new ushort[n];
        int[] firstDays = _firstDay = new int[n], quantities = _quantity32 = new int[n];
        int[] organizations = _organization = new int[n], firms = _firm = new int[n];
        var members = new StrongBox<int[]?>();
        var later = new List<int>[shares];
        var maxQuantity = new long[shares];
        var rows = records as ServiceRecord[] ?? [.. records];
        InShares(s =>
        {
            var (from, to) = Share(s);
            maxQuantity[s] = Ingest(rows, from, to, firmDistrict, members, later[s] = []);
        });
        _member = members.Value;
        _maxQuantity = maxQuantity.Length == 0 ? 0 : maxQuantity.Max();
        if (_maxQuantity > int.MaxValue)
        {
            _quantity64 = new long[n];
            for (var r = 0; r < n; r++)
            {
                _quantity64[r] = (long)(records[r].Quantity * Scale);
            }

            _quantity32 = [];
        }

        // In record order: districts of their own, distinct values, tags.
        var tags = new List<int>();
        var tagged = 0;
        var distinctValues = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in later.SelectMany(l => l))
        {
            var record = records[r];
            if (record.Member is { } member)
            {
                // Numbered in order of first appearance: the index only tells records' members apart, and a national
                // city's half a million people mostly give no service record of their own.
                if (!_memberIndex.TryGetValue(member, out var m))
                {
                    _memberIndex[member] = m = _memberIndex.Count;
                }

                _member![r] = m;
            }

            if (_district[r] == ushort.MaxValue)
            {
                _district[r] = (ushort)(InternDistrict(record.District!) + 1);
            }

            var indicator = _recorded[_indicator[r]];
            if (indicator.Aggregation == Aggregation.DistinctCount)
            {
                _distinct ??= Filled(n, -1);
                _distinct[r] = Intern(distinctValues, null, DistinctValue(record, indicator.DistinctBy));
            }

            if (record.Tags.Count > 0)
            {
                // Every record before the first tagged one starts at 0, as the new array holds.
                _tagStart ??= new int[n + 1];
                _tagStart.AsSpan(tagged, r + 1 - tagged).Fill(tags.Count);
                tagged = r + 1;
                foreach (var tag in record.Tags)
                {
                    tags.Add(Intern(_tagIndex, null, tag));
                }
            }
        }

        _tagStart?.AsSpan(tagged).Fill(tags.Count);
        _tags = [.. tags];
    }

    /// <summary>
    /// Reads records <paramref name="from"/> to <paramref name="to"/> into the columns; notes in <paramref name="noted"/> the
    /// records that need a dictionary written, and returns the largest quantity × 10^4.
    /// </summary>
    // Runs once per share over millions of records: compiled optimized at once, not first unoptimized and then replaced
    // in the middle of its loop, which left the loop reading every column through the closure.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Ingest(ServiceRecord[] records, int from, int to, int[] firmDistrict, StrongBox<int[]?> members, List<int> noted)
    {
        ushort[] indicators = _indicator, periods = _period, districts = _district;
        int[] firstDays = _firstDay, quantities = _quantity32, organizations = _organization, firms = _firm;
        var firstMonth = _firstMonth;
        var max = 0L;

        // Neighbouring records mostly share an organization and a firm, and name a handful of indicators: the last
        // organization and firm, and each indicator text instance seen, are matched before their dictionaries are asked.
        var codes = new (string? Text, int Index)[64];
        OrganizationId? lastOrganization = null;
        FirmId? lastFirm = null;
        int lastO = -1, lastF = -1;
        for (var r = from; r < to; r++)
        {
            var record = records[r];
            var code = record.Indicator;
            ref var cached = ref codes[RuntimeHelpers.GetHashCode(code.Value) & (codes.Length - 1)];
            if (!ReferenceEquals(cached.Text, code.Value))
            {
                cached = (code.Value, _recordedIndex[code]);
            }

            var i = cached.Index;
            indicators[r] = (ushort)i;
            var date = record.Date;
            periods[r] = (ushort)(((MonthOf(date) - firstMonth) * 3) + (int)record.Span);
            firstDays[r] = ActivityIndex.Day(date);

            // A quantity beyond 32 bits is noted by the maximum; the quantities are then read again into 64 bits.
            var quantity = (long)(record.Quantity * Scale);
            max = Math.Max(max, quantity);
            quantities[r] = (int)quantity;
            if (record.Organization is { } o)
            {
                if (lastOrganization is not { } known || known != o)
                {
                    (lastOrganization, lastO) = (o, _organizationIndex[o]);
                }

                organizations[r] = lastO;
            }
            else
            {
                organizations[r] = -1;
            }

            var firm = -1;
            if (record.Firm is { } f)
            {
                if (lastFirm is not { } known || known != f)
                {
                    (lastFirm, lastF) = (f, _firmIndex[f]);
                }

                firm = lastF;
            }

            firms[r] = firm;
            if (record.Member is not null)
            {
                if (Volatile.Read(ref members.Value) is null)
                {
                    Interlocked.CompareExchange(ref members.Value, Filled(records.Length, -1), null);
                }

            }

            // A record's district is most often its firm's: compare the names before hashing one.
            var named = record.District;
            var district = string.IsNullOrWhiteSpace(named) ? (firm >= 0 ? firmDistrict[firm] : -1)
                : firm >= 0 && firmDistrict[firm] >= 0 && string.Equals(named, _districts[firmDistrict[firm]], StringComparison.Ordinal) ? firmDistrict[firm]
                : _districtIndex.TryGetValue(named, out var interned) ? interned : -2;
            districts[r] = (ushort)(district + 1);
            if (district == -2 || _recorded[i].Aggregation == Aggregation.DistinctCount || record.Tags.Count > 0 || record.Member is not null)
            {
                noted.Add(r);
            }
        }

        return max;
    }

    /// <summary>The number of service records ingested.</summary>
    public int RecordCount => _indicator.Length;

    /// <summary>
    /// How many cores a query's pass over the records may use (default: all); each scans a share of the records into
    /// its own table, and the tables are added up, so the result does not depend on it. 1 keeps a query on the calling thread.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>For tests: run every query through the general pass, to compare the specialized ones against it.</summary>
    internal bool GeneralPassOnly { get; init; }

    /// <summary>The most accumulator cells (a sum and a count each) a query's pass allocates before it takes several passes or a sparse table.</summary>
    internal int CellBudget { get; init; } = 8_000_000;

    /// <summary>The fewest records worth a core of their own in a query's pass.</summary>
    internal int RecordsPerPartition { get; init; } = 1 << 20;

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
        var needed = new bool[_recorded.Length];
        foreach (var indicator in wanted)
        {
            MarkNeeded(indicator, needed);
        }

        // Per needed recorded indicator, its non-empty groups in cell order.
        var recorded = new IndicatorGroups[_recorded.Length];
        if (!GeneralPassOnly)
        {
            TryScan(query, layout, needed, recorded);
        }

        if (Array.IndexOf(needed, true) >= 0)
        {
            Aggregate(query, layout, needed, recorded);
        }

        // Recorded indicators' groups go into the table as they are; derived and activity ones are computed on top.
        var derived = new Dictionary<IndicatorCode, Dictionary<int, (decimal? Value, long Records)>>();
        if (query.Member is null)
        {
            var activityIndicators = new List<IndicatorDefinition>();
            var seen = new HashSet<IndicatorCode>();
            foreach (var indicator in wanted)
            {
                CollectActivityIndicators(indicator, activityIndicators, seen);
            }

            if (activityIndicators.Count > 0)
            {
                ActivityValues(activityIndicators, query, layout, derived);
            }
        }

        var groups = new IndicatorGroups[wanted.Length];
        for (var w = 0; w < wanted.Length; w++)
        {
            groups[w] = _recordedIndex.TryGetValue(wanted[w].Code, out var i) ? recorded[i]
                : Valued(Values(wanted[w], query, layout, recorded, derived));
        }

        return new MetricsTable(query, layout, wanted, groups);
    }

    private static IndicatorGroups Valued(Dictionary<int, (decimal? Value, long Records)> values)
    {
        var cells = values.Keys.ToArray();
        Array.Sort(cells);
        var records = new long[cells.Length];
        var decimals = new decimal?[cells.Length];
        for (var g = 0; g < cells.Length; g++)
        {
            (decimals[g], records[g]) = values[cells[g]];
        }

        return IndicatorGroups.Valued(cells, records, decimals);
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

    private static int MonthOf(LocalDate date) => (date.Year * 12) + date.Month - 1;

    private static int[] Filled(int length, int value)
    {
        var array = new int[length];
        Array.Fill(array, value);
        return array;
    }

    /// <summary>
    /// A sum of quantities × 10^4 as the quantity it stands for, exactly as <c>(decimal)sum / 10000</c> writes it (no
    /// trailing zeros after the point) but without a decimal division: a query makes one per group.
    /// </summary>
    internal static decimal Unscaled(Int128 sum)
    {
        if (sum < 0 || sum > long.MaxValue)
        {
            return (decimal)sum / Scale;
        }

        var value = (ulong)sum;
        byte scale = 4;
        while (scale > 0 && value % 10 == 0)
        {
            value /= 10;
            scale--;
        }

        return new decimal((int)(uint)value, (int)(uint)(value >> 32), 0, false, scale);
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

    private long Quantity(int r) => _quantity64 is { } wide ? wide[r] : _quantity32[r];

    private int LastDay(int r) => (_period[r] % 3) switch
    {
        (int)RecordSpan.Month => _monthEnd[_period[r] / 3],
        (int)RecordSpan.Year => _yearEnd[_period[r] / 3],
        _ => _firstDay[r],
    };

    /// <summary>
    /// The general pass, for any query: every filter, several grouping dimensions at once, distinct counts and latest
    /// values, and sums beyond 64 bits; a dense table of groups when it fits, a sparse one when not.
    /// </summary>
    private void Aggregate(MetricsQuery query, Layout layout, bool[] needed, IndicatorGroups[] recorded)
    {
        int first = ActivityIndex.Day(query.Period.Start), last = ActivityIndex.Day(query.Period.End);
        var organizations = query.Organization is { } root ? Subtree(root) : null;
        var firm = query.Firm is { } f ? (_firmIndex.TryGetValue(f, out var fi) ? fi : -2) : -1;
        var member = query.Member is { } m ? (_memberIndex.TryGetValue(m, out var mi) ? mi : -2) : -1;
        var district = query.District is { } d ? (_districtIndex.TryGetValue(d, out var di) ? di : -2) : -1;
        var tags = query.Tags.Select(t => _tagIndex.TryGetValue(t, out var ti) ? ti : -2).ToArray();
        var cells = layout.Cells;

        // The table holds the needed indicators only, each under its slot.
        var slots = Enumerable.Range(0, _recorded.Length).Where(i => needed[i]).ToArray();
        var slotOf = Filled(_recorded.Length, -1);
        for (var s = 0; s < slots.Length; s++)
        {
            slotOf[slots[s]] = s;
        }

        // Sums are exact integers (quantity × 10^4). 64 bits hold any total of this dataset unless its records are huge;
        // then the pass accumulates in 128 bits.
        var wide = (Int128)_maxQuantity * _indicator.Length > long.MaxValue;
        var dense = (long)slots.Length * cells <= CellBudget;
        var sums = dense && !wide ? new long[slots.Length * cells] : [];
        var wideSums = dense && wide ? new Int128[slots.Length * cells] : [];
        var counts = dense ? new long[slots.Length * cells] : [];
        var sparse = dense ? null : new Dictionary<long, (Int128 Sum, long Count)>();
        var special = new Dictionary<long, (HashSet<int> Distinct, int LatestDay, long Latest)>();
        var isSpecial = _recorded.Select(i => i.Aggregation is Aggregation.DistinctCount or Aggregation.Latest).ToArray();
        var filtered = organizations is not null || firm != -1 || member != -1 || district != -1 || tags.Length > 0;
        for (var r = 0; r < _indicator.Length; r++)
        {
            var indicator = _indicator[r];
            var slot = slotOf[indicator];
            if (slot < 0 || _firstDay[r] < first || LastDay(r) > last)
            {
                continue;
            }

            if (filtered && !Passes(r, organizations, firm, member, district, tags))
            {
                continue;
            }

            var period = _period[r];
            var cell = layout.Cell(_firstMonth + (period / 3), period % 3, _organization[r], _firm[r], _district[r] - 1);
            var key = ((long)slot * cells) + cell;
            var quantity = Quantity(r);
            if (isSpecial[indicator])
            {
                var acc = special.TryGetValue(key, out var a) ? a : ([], int.MinValue, 0);
                if (_recorded[indicator].Aggregation == Aggregation.DistinctCount)
                {
                    acc.Distinct.Add(_distinct![r]);
                }
                else if (_firstDay[r] >= acc.LatestDay)
                {
                    acc = (acc.Distinct, _firstDay[r], quantity);
                }

                special[key] = acc;
            }

            if (!dense)
            {
                ref var acc = ref CollectionsMarshal.GetValueRefOrAddDefault(sparse!, key, out _);
                acc = (acc.Sum + quantity, acc.Count + 1);
            }
            else if (wide)
            {
                wideSums[key] += quantity;
                counts[key]++;
            }
            else
            {
                sums[key] += quantity;
                counts[key]++;
            }
        }

        // The sparse table's keys in order are the slots in order, each with its cells in order.
        var sparseKeys = sparse is null ? [] : sparse.Keys.Order().ToArray();
        var next = 0;
        for (var s = 0; s < slots.Length; s++)
        {
            var indicator = _recorded[slots[s]];
            var cellsOf = new List<int>();
            var recordsOf = new List<long>();
            var valuesOf = new List<decimal?>();
            void Put(long key, Int128 sum, long count)
            {
                if (count == 0)
                {
                    return;
                }

                decimal value = indicator.Aggregation switch
                {
                    Aggregation.Count => count,
                    Aggregation.DistinctCount => special[key].Distinct.Count,
                    Aggregation.Latest => Unscaled(special[key].Latest),
                    _ => Unscaled(sum),
                };
                cellsOf.Add((int)(key - ((long)s * cells)));
                recordsOf.Add(count);
                valuesOf.Add(value);
            }

            if (dense)
            {
                for (var key = s * cells; key < (s + 1) * cells; key++)
                {
                    Put(key, wide ? wideSums[key] : sums[key], counts[key]);
                }
            }
            else
            {
                for (; next < sparseKeys.Length && sparseKeys[next] / cells == s; next++)
                {
                    var (sum, count) = sparse![sparseKeys[next]];
                    Put(sparseKeys[next], sum, count);
                }
            }

            recorded[slots[s]] = IndicatorGroups.Valued([.. cellsOf], [.. recordsOf], [.. valuesOf]);
        }
    }

    private bool Passes(int r, bool[]? organizations, int firm, int member, int district, int[] tags)
    {
        if ((organizations is not null && (_organization[r] < 0 || !organizations[_organization[r]]))
            || (firm != -1 && _firm[r] != firm) || (member != -1 && (_member is null || _member[r] != member))
            || (district != -1 && _district[r] - 1 != district))
        {
            return false;
        }

        if (tags.Length == 0)
        {
            return true;
        }

        if (_tagStart is null)
        {
            return false;
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
    private Dictionary<int, (decimal? Value, long Records)> Values(IndicatorDefinition indicator, MetricsQuery query, Layout layout,
        IndicatorGroups[] recorded, Dictionary<IndicatorCode, Dictionary<int, (decimal? Value, long Records)>> groups)
    {
        if (groups.TryGetValue(indicator.Code, out var known))
        {
            return known;
        }

        var result = new Dictionary<int, (decimal? Value, long Records)>();
        switch (indicator.Aggregation)
        {
            case Aggregation.Sum or Aggregation.Count or Aggregation.DistinctCount or Aggregation.Latest:
                var own = recorded[_recordedIndex[indicator.Code]];
                for (var g = 0; g < own.Count; g++)
                {
                    result[own.Cells[g]] = (own.Value(g), own.Records[g]);
                }

                break;
            case Aggregation.SumOfIndicators:
                foreach (var part in indicator.Components)
                {
                    foreach (var (cell, (value, count)) in Values(_catalog.Get(part), query, layout, recorded, groups))
                    {
                        var acc = result.GetValueOrDefault(cell, (0m, 0));
                        result[cell] = (acc.Value + (value ?? 0), acc.Records + count);
                    }
                }

                break;
            case Aggregation.Ratio:
                var numerator = Values(_catalog.Get(indicator.Numerator!.Value), query, layout, recorded, groups);
                var denominator = Values(_catalog.Get(indicator.Denominator!.Value), query, layout, recorded, groups);
                foreach (var cell in numerator.Keys.Union(denominator.Keys))
                {
                    var n = numerator.GetValueOrDefault(cell);
                    var d = denominator.GetValueOrDefault(cell);
                    result[cell] = (d.Value is { } dv && dv != 0 ? Math.Round((n.Value ?? 0) / dv * 100, 2, MidpointRounding.AwayFromZero) : null, n.Records + d.Records);
                }

                break;
            default:
                // Activity records name no member; with a member filter the activity indicators have no rows. Without
                // one they were all counted up front (see Query).
                break;
        }

        groups[indicator.Code] = result;
        return result;
    }

    /// <summary>
    /// Activity-based indicators (F8, F10, F11, F13), counted from the dataset's activity records: every one a query
    /// needs in one pass, since the pass reads millions of records and what it works out per record (organization, firm,
    /// district, group) is the same for each.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ActivityValues(List<IndicatorDefinition> indicators, MetricsQuery query, Layout layout,
        Dictionary<IndicatorCode, Dictionary<int, (decimal? Value, long Records)>> groups)
    {
        var organizations = query.Organization is { } root ? Subtree(root) : null;
        var wantedFirm = query.Firm is { } qf ? (_firmIndex.TryGetValue(qf, out var fi) ? fi : -2) : -1;
        var wantedDistrict = query.District is { } qd ? (_districtIndex.TryGetValue(qd, out var di) ? di : -2) : -1;
        var coverage = Coverage;
        var count = indicators.Count;
        var kinds = new ActivityKind?[count];
        var platforms = new string?[count];
        var aggregations = new Aggregation[count];
        var sums = new Dictionary<int, (long Value, long Records)>[count];
        var attendees = new Dictionary<int, HashSet<PersonId>>?[count];
        for (var i = 0; i < count; i++)
        {
            (kinds[i], platforms[i], aggregations[i]) = (indicators[i].ActivityKind, indicators[i].SourcePlatform, indicators[i].Aggregation);
            sums[i] = [];
            attendees[i] = aggregations[i] == Aggregation.ActivityDistinctAttendees ? [] : null;
        }

        var matches = new bool[count];
        var activities = _dataset.Activities;
        var lastOrganization = default(OrganizationId);
        var o = -1;
        for (var r = 0; r < activities.Count; r++)
        {
            var a = activities[r];
            var date = a.Date;
            if (!query.Period.Contains(date))
            {
                continue;
            }

            var any = false;
            for (var i = 0; i < count; i++)
            {
                any |= matches[i] = (kinds[i] is not { } kind || a.Kind == kind)
                    && (platforms[i] is not { } platform || (platform == "*" ? !string.IsNullOrWhiteSpace(a.SourcePlatform) : string.Equals(platform, a.SourcePlatform, StringComparison.Ordinal)));
            }

            if (!any)
            {
                continue;
            }

            // Activities come grouped by organization: the last one's index is usually this one's.
            if (o < 0 || a.OrganizationId != lastOrganization)
            {
                (lastOrganization, o) = (a.OrganizationId, _organizationIndex[a.OrganizationId]);
            }

            if ((organizations is not null && !organizations[o]) || (query.Tags.Count > 0 && !AnyTag(a.Tags, query.Tags)))
            {
                continue;
            }

            // The firm is the first one the organization (a party group: its parent) covers that day.
            var day = ActivityIndex.Day(date);
            var firm = -1;
            for (var c = coverage.Start[o]; c < coverage.Start[o + 1]; c++)
            {
                if (coverage.From[c] <= day && day <= coverage.To[c])
                {
                    firm = coverage.Firm[c];
                    break;
                }
            }

            var district = firm >= 0 ? _firmDistrict[firm] : -1;
            if ((wantedFirm != -1 && firm != wantedFirm) || (wantedDistrict != -1 && district != wantedDistrict))
            {
                continue;
            }

            var cell = layout.Cell((date.Year * 12) + date.Month - 1, (int)RecordSpan.Day, o, firm, district);
            for (var i = 0; i < count; i++)
            {
                if (!matches[i])
                {
                    continue;
                }

                ref var acc = ref CollectionsMarshal.GetValueRefOrAddDefault(sums[i], cell, out _);
                acc.Records++;
                switch (aggregations[i])
                {
                    case Aggregation.ActivityCount:
                        acc.Value++;
                        break;
                    case Aggregation.ActivityHeadCount:
                        acc.Value += a.HeadCount ?? Present(a.Attendance);
                        break;
                    case Aggregation.ActivityDistinctAttendees:
                        ref var set = ref CollectionsMarshal.GetValueRefOrAddDefault(attendees[i]!, cell, out _);
                        set ??= [];
                        var attendance = a.Attendance;
                        for (var x = 0; x < attendance.Count; x++)
                        {
                            var person = attendance[x].PersonId;
                            if (attendance[x].Status == AttendanceStatus.Present && !set.Contains(person)
                                && _dataset.GetPerson(person).StandingOn(date) is { } s && s.IsMember())
                            {
                                set.Add(person);
                            }
                        }

                        acc.Value = set.Count;
                        break;
                }
            }
        }

        // Counts are whole numbers: as decimals they read as the running decimal sums did.
        for (var i = 0; i < count; i++)
        {
            var result = new Dictionary<int, (decimal? Value, long Records)>(sums[i].Count);
            foreach (var (cell, (value, records)) in sums[i])
            {
                result[cell] = (value, records);
            }

            groups[indicators[i].Code] = result;
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

    private static int Present(IReadOnlyList<Attendance> attendance)
    {
        var present = 0;
        for (var x = 0; x < attendance.Count; x++)
        {
            present += attendance[x].Status == AttendanceStatus.Present ? 1 : 0;
        }

        return present;
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

    private sealed record CoverageDays(int[] Start, int[] Firm, int[] From, int[] To);

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

    private int InternDistrict(string district)
    {
        var d = Intern(_districtIndex, _districts, district);
        // Stored + 1 in 16 bits, with the largest value left for a district not interned yet.
        return d < ushort.MaxValue - 1 ? d
            : throw new ArgumentException($"The records name more than {ushort.MaxValue - 1} districts; the engine takes at most that many.", nameof(district));
    }

    private static int Intern(Dictionary<string, int> index, List<string>? values, string value)
    {
        if (!index.TryGetValue(value, out var i))
        {
            index[value] = i = index.Count;
            values?.Add(value);
        }

        return i;
    }

    /// <summary>
    /// How a query's groups map to cells: time bucket × organization × firm × district, each 1 when not grouped; and back,
    /// for the table's rows.
    /// </summary>
    internal sealed class Layout
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

        // Each time bucket's label, formatted once (when first read; a race only formats one twice).
        private readonly string?[] _periods;

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
            _periods = new string?[_timeBuckets];
        }

        public int Cells { get; }

        /// <summary>The number of time buckets: months (quarters) of the period's years, then the years, for whole-year records.</summary>
        public int TimeBuckets => _timeBuckets;

        public int Cell(int month, int span, int organization, int firm, int district)
        {
            var o = _organizations == 1 ? 0 : organization + 1;
            var f = _firms == 1 ? 0 : firm + 1;
            var d = _districts == 1 ? 0 : district + 1;
            return (((((TimeBucket(month, span) * _organizations) + o) * _firms) + f) * _districts) + d;
        }

        /// <summary>The time bucket of a record of <paramref name="month"/> (year × 12 + month − 1) covering <paramref name="span"/>.</summary>
        public int TimeBucket(int month, int span)
        {
            var year = (month / 12) - _firstYear;
            return _time switch
            {
                MetricGrouping.Month => span == (int)RecordSpan.Year ? _months + year : month - _firstMonth,
                MetricGrouping.Quarter => span == (int)RecordSpan.Year ? (_months / 3) + year : (month - _firstMonth) / 3,
                MetricGrouping.Year => year,
                _ => 0,
            };
        }

        /// <summary>The time group of <paramref name="cell"/>, formatted once per time bucket.</summary>
        public string? Period(int cell)
        {
            var t = cell / (_organizations * _firms * _districts);
            return _periods[t] ??= PeriodLabel(t);
        }

        public OrganizationId? Organization(int cell)
        {
            var o = cell / (_firms * _districts) % _organizations;
            return _organizations == 1 || o == 0 ? null : _owner._dataset.Organizations[o - 1].Id;
        }

        public FirmId? Firm(int cell)
        {
            var f = cell / _districts % _firms;
            return _firms == 1 || f == 0 ? null : _owner._dataset.Firms[f - 1].Id;
        }

        public string? District(int cell)
        {
            var d = cell % _districts;
            return _districts == 1 ? null : d == 0 ? "未登记区县" : _owner._districts[d - 1];
        }

        private string? PeriodLabel(int t) => _time switch
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
