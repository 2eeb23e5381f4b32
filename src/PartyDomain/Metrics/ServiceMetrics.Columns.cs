using System.Runtime.CompilerServices;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Organization;

namespace PartyDomain.Metrics;

// The columnar copy: the service records ingested into narrow columns, one entry per record, with dense integer keys
// and quantities as exact fixed-point integers. A query's pass reads memory, so bytes are time.
public sealed partial class ServiceMetrics
{
    private const long Scale = 10_000;

    // The fewest records worth a core of their own at ingest.
    private const int IngestShare = 1 << 20;

    // The recorded indicator of each record, by index in _recorded.
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

    /// <summary>The number of service records ingested.</summary>
    public int RecordCount => _indicator.Length;

    /// <summary>
    /// Numbers the recorded indicators, organizations and firms densely, and gives each firm its district's number
    /// (<see cref="_firmDistrict"/>, -1 for none).
    /// </summary>
    private int[] NumberKeys()
    {
        for (var i = 0; i < _recorded.Length; i++)
        {
            _recordedIndex[_recorded[i].Code] = i;
        }

        var organizations = _dataset.Organizations;
        var firms = _dataset.Firms;
        _organizationIndex.EnsureCapacity(organizations.Count);
        _firmIndex.EnsureCapacity(firms.Count);
        for (var i = 0; i < organizations.Count; i++)
        {
            _organizationIndex[organizations[i].Id] = i;
        }

        var firmDistrict = new int[firms.Count];
        for (var i = 0; i < firms.Count; i++)
        {
            _firmIndex[firms[i].Id] = i;
            firmDistrict[i] = firms[i].District is { Length: > 0 } district ? InternDistrict(district) : -1;
        }

        return firmDistrict;
    }

    /// <summary>
    /// Makes the period column of records <paramref name="from"/> to <paramref name="to"/>, which <see cref="Ingest"/> left
    /// holding the span alone, (month − <see cref="_firstMonth"/>) × 3 + span, from each record's month in <paramref name="monthOf"/>.
    /// </summary>
    private void AddMonths(int[] monthOf, int from, int to)
    {
        var periods = _period;
        var firstMonth = _firstMonth;
        for (var r = from; r < to; r++)
        {
            periods[r] = (ushort)(((monthOf[r] - firstMonth) * 3) + periods[r]);
        }
    }

    /// <summary>Per month from <paramref name="firstMonth"/> on, the last day of the month and of its year.</summary>
    private static (int[] MonthEnd, int[] YearEnd) MonthEnds(int firstMonth, int months)
    {
        var monthEnd = new int[months];
        var yearEnd = new int[months];
        for (var m = 0; m < months; m++)
        {
            var month = firstMonth + m;
            monthEnd[m] = ActivityIndex.Day(new LocalDate(month / 12, (month % 12) + 1, 1).PlusMonths(1)) - 1;
            yearEnd[m] = ActivityIndex.Day(new LocalDate((month / 12) + 1, 1, 1)) - 1;
        }

        return (monthEnd, yearEnd);
    }

    /// <summary>
    /// Reads records <paramref name="from"/> to <paramref name="to"/> into the columns, each record's month (year × 12 +
    /// month − 1) into <paramref name="monthOf"/> and its span alone into the period column (<see cref="AddMonths"/> adds
    /// the month once the first is known); notes in <paramref name="noted"/> the records that need a dictionary written,
    /// and returns the largest quantity × 10^4 and the first and last month.
    /// </summary>
    // Runs once per share over millions of records: compiled optimized at once, not first unoptimized and then replaced
    // in the middle of its loop, which left the loop reading every column through the closure.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (long MaxQuantity, (int First, int Last) Months) Ingest(ServiceRecord[] records, int from, int to, StrongBox<int[]?> members, List<int> noted, int[] monthOf)
    {
        ushort[] indicators = _indicator, periods = _period, districts = _district;
        int[] firstDays = _firstDay, quantities = _quantity32, organizations = _organization, firms = _firm, firmDistrict = _firmDistrict;
        int first = int.MaxValue, last = int.MinValue;
        var max = 0L;

        // Neighbouring records mostly share an organization and a firm, and name a handful of indicators: the last
        // organization and firm, and each indicator text instance seen, are matched before their dictionaries are asked.
        var codes = new InstanceCache<int>(64);
        var organizationIndex = new LastLookup<OrganizationId>(_organizationIndex);
        var firmIndex = new LastLookup<FirmId>(_firmIndex);
        for (var r = from; r < to; r++)
        {
            var record = records[r];
            var code = record.Indicator;
            if (!codes.TryGet(code.Value, out var i))
            {
                codes.Set(code.Value, i = _recordedIndex[code]);
            }

            indicators[r] = (ushort)i;
            var date = record.Date;
            var month = monthOf[r] = MonthOf(date);
            (first, last) = (Math.Min(first, month), Math.Max(last, month));
            periods[r] = (ushort)record.Span;
            firstDays[r] = ActivityIndex.Day(date);

            // A quantity beyond 32 bits is noted by the maximum; the quantities are then read again into 64 bits.
            var quantity = (long)(record.Quantity * Scale);
            max = Math.Max(max, quantity);
            quantities[r] = (int)quantity;
            organizations[r] = record.Organization is { } o ? organizationIndex[o] : -1;
            var firm = record.Firm is { } f ? firmIndex[f] : -1;
            firms[r] = firm;
            if (record.Member is not null && Volatile.Read(ref members.Value) is null)
            {
                Interlocked.CompareExchange(ref members.Value, Filled(records.Length, -1), null);
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

        return (max, (first, last));
    }

    /// <summary>Every record's quantity × 10^4 in 64 bits, for records whose largest quantity does not fit in 32.</summary>
    private static long[] Quantities64(ServiceRecord[] records)
    {
        var wide = new long[records.Length];
        for (var r = 0; r < records.Length; r++)
        {
            wide[r] = (long)(records[r].Quantity * Scale);
        }

        return wide;
    }

    /// <summary>
    /// What the shares left, in record order so the numbers do not depend on the split: members numbered, districts of
    /// their own, distinct values and tags interned. Returns the distinct-value and tag columns.
    /// </summary>
    private (int[]? Distinct, int[]? TagStart, int[] Tags) InternNoted(ServiceRecord[] records, IEnumerable<int> noted)
    {
        int[]? distinct = null, tagStart = null;
        var tags = new List<int>();
        var tagged = 0;
        var distinctValues = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in noted)
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
                distinct ??= Filled(records.Length, -1);
                distinct[r] = Intern(distinctValues, null, DistinctValue(record, indicator.DistinctBy));
            }

            if (record.Tags.Count > 0)
            {
                // Every record before the first tagged one starts at 0, as the new array holds.
                tagStart ??= new int[records.Length + 1];
                tagStart.AsSpan(tagged, r + 1 - tagged).Fill(tags.Count);
                tagged = r + 1;
                foreach (var tag in record.Tags)
                {
                    tags.Add(Intern(_tagIndex, null, tag));
                }
            }
        }

        tagStart?.AsSpan(tagged).Fill(tags.Count);
        return (distinct, tagStart, [.. tags]);
    }

    private long Quantity(int r) => _quantity64 is { } wide ? wide[r] : _quantity32[r];

    private int LastDay(int r) => (_period[r] % 3) switch
    {
        (int)RecordSpan.Month => _monthEnd[_period[r] / 3],
        (int)RecordSpan.Year => _yearEnd[_period[r] / 3],
        _ => _firstDay[r],
    };

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
    /// The records split into shares for ingest, one per core, each of a million records or more (or as many as a test
    /// asks). Each share writes its own rows of the columns and only reads shared dictionaries; what needs a dictionary
    /// written is noted and done afterwards in record order, so the result does not depend on the split.
    /// </summary>
    private readonly struct IngestShares
    {
        private readonly int _records;

        public IngestShares(int records, int shares)
        {
            _records = records;
            Count = shares > 0 ? Math.Min(shares, Math.Max(1, records)) : Math.Max(1, Math.Min(Environment.ProcessorCount, records / IngestShare));
        }

        public int Count { get; }

        /// <summary>The records of share <paramref name="s"/>.</summary>
        public (int From, int To) this[int s] => ((int)((long)_records * s / Count), (int)((long)_records * (s + 1) / Count));

        /// <summary>Runs <paramref name="share"/> for every share, in parallel when there are several.</summary>
        public void Run(Action<int> share)
        {
            if (Count == 1)
            {
                share(0);
            }
            else
            {
                Parallel.For(0, Count, share);
            }
        }
    }
}
