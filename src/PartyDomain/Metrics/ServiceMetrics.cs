using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;
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
// The engine in parts, each a file: the columnar copy (ServiceMetrics.Columns.cs), the specialized pass for a report's
// queries (.Scan.cs), the general pass for any other (.General.cs), the derived indicators (.Derived.cs), the activity
// values (.Activities.cs) and the map between groups and table cells (.Layout.cs). This file runs a query through them.
public sealed partial class ServiceMetrics
{
    private readonly CityDataset _dataset;
    private readonly IndicatorCatalog _catalog;

    // The dense numbers the columns hold: recorded indicators, organizations and firms by their index in the catalog's
    // or the dataset's order; members, districts and tags in order of first appearance.
    private readonly IndicatorDefinition[] _recorded;
    private readonly Dictionary<IndicatorCode, int> _recordedIndex = [];
    private readonly Dictionary<OrganizationId, int> _organizationIndex = [];
    private readonly Dictionary<FirmId, int> _firmIndex = [];
    private readonly Dictionary<PersonId, int> _memberIndex = [];
    private readonly List<string> _districts = [];
    private readonly Dictionary<string, int> _districtIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tagIndex = new(StringComparer.Ordinal);

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

        _firmDistrict = NumberKeys();
        var records = dataset.Services as ServiceRecord[] ?? [.. dataset.Services];
        var n = records.Length;
        var split = new IngestShares(n, shares);
        (_indicator, _period, _district) = (new ushort[n], new ushort[n], new ushort[n]);
        (_firstDay, _quantity32, _organization, _firm) = (new int[n], new int[n], new int[n], new int[n]);
        var members = new StrongBox<int[]?>();
        var noted = new List<int>[split.Count];
        var maxQuantity = new long[split.Count];

        // The months are kept as the one pass over the records reads them, and made relative to the first once it is
        // known: a pass of its own for the month span read every record twice (millions of objects, each a cache miss).
        var monthOf = new int[n];
        var monthRange = new (int First, int Last)[split.Count];
        split.Run(s =>
        {
            var (from, to) = split[s];
            (maxQuantity[s], monthRange[s]) = Ingest(records, from, to, members, noted[s] = [], monthOf);
        });
        _firstMonth = n == 0 ? 0 : monthRange.Min(m => m.First);
        var months = n == 0 ? 0 : monthRange.Max(m => m.Last) - _firstMonth + 1;
        if (months > (ushort.MaxValue + 1) / 3)
        {
            throw new ArgumentException($"The service records span {months} months; the engine takes at most {(ushort.MaxValue + 1) / 3}.", nameof(dataset));
        }

        (_monthEnd, _yearEnd) = MonthEnds(_firstMonth, months);
        split.Run(s =>
        {
            var (from, to) = split[s];
            AddMonths(monthOf, from, to);
        });
        _member = members.Value;
        _maxQuantity = maxQuantity.Max();
        if (_maxQuantity > int.MaxValue)
        {
            _quantity64 = Quantities64(records);
            _quantity32 = [];
        }

        (_distinct, _tagStart, _tags) = InternNoted(records, noted.SelectMany(l => l));
    }

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

        // The recorded indicators the wanted ones are made of, each one's non-empty groups in cell order: the
        // specialized pass takes what it can, the general pass the rest.
        var needed = new bool[_recorded.Length];
        foreach (var indicator in wanted)
        {
            MarkNeeded(indicator, needed);
        }

        var recorded = new IndicatorGroups[_recorded.Length];
        if (!GeneralPassOnly)
        {
            TryScan(query, layout, needed, recorded);
        }

        if (Array.IndexOf(needed, true) >= 0)
        {
            Aggregate(query, layout, needed, recorded);
        }

        // Recorded indicators' groups go into the table as they are; activity and derived ones are computed on top.
        var computed = ActivityValues(wanted, query, layout);
        var groups = new IndicatorGroups[wanted.Length];
        for (var w = 0; w < wanted.Length; w++)
        {
            groups[w] = _recordedIndex.TryGetValue(wanted[w].Code, out var i) ? recorded[i]
                : Valued(Values(wanted[w], query, layout, recorded, computed));
        }

        return new MetricsTable(query, layout, wanted, groups);
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

    /// <summary>Per organization (by index), whether it is <paramref name="root"/> or below it.</summary>
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
}
