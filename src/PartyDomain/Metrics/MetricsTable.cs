using System.Collections;
using PartyDomain.Organization;

namespace PartyDomain.Metrics;

/// <summary>
/// One figure of a metrics query: an indicator's value in one group, with the unit and names a report prints. A
/// <c>null</c> <see cref="Value"/> means it cannot be computed (a ratio over zero).
/// </summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Name">The indicator's name.</param>
/// <param name="Unit">The indicator's unit.</param>
/// <param name="Period">The time group (<c>2025</c>, <c>2025-Q1</c>, <c>2025-03</c>), or <c>null</c> when not grouped by time; a month or
/// quarter query shows records of a whole year under the year.</param>
/// <param name="Organization">The organization group, when grouped by organization.</param>
/// <param name="Firm">The firm group, when grouped by firm.</param>
/// <param name="District">The district group, when grouped by district.</param>
/// <param name="Value">The value.</param>
/// <param name="Records">The number of records behind it.</param>
public sealed record MetricRow(
    IndicatorCode Indicator,
    LocalizedText Name,
    LocalizedText Unit,
    string? Period,
    OrganizationId? Organization,
    FirmId? Firm,
    string? District,
    decimal? Value,
    long Records);

/// <summary>
/// The result of a metrics query: its non-empty groups as rows, ordered by indicator (in the order the query names
/// them, or catalog order when it names none), then group.
/// <para>
/// The rows are read as <see cref="MetricRow"/>s, through <see cref="Rows"/> (all of them, by index or in order) or
/// <see cref="Of"/> (one indicator's); <see cref="Total"/> and <see cref="Count"/> read without making a row. The table is
/// columnar: a query computes every group's value and record count into compact arrays and keeps them, and a row is
/// made when read (a new, equal object on each read). The table is immutable and safe to read from several threads.
/// </para>
/// </summary>
public sealed class MetricsTable
{
    private readonly ServiceMetrics.Layout _layout;
    private readonly IndicatorDefinition[] _indicators;
    private readonly IndicatorGroups[] _groups;

    // _starts[s] is the first row of indicator s; _starts[^1] is the number of rows.
    private readonly int[] _starts;

    internal MetricsTable(MetricsQuery query, ServiceMetrics.Layout layout, IndicatorDefinition[] indicators, IndicatorGroups[] groups)
    {
        Query = query;
        _layout = layout;
        _indicators = indicators;
        _groups = groups;
        _starts = new int[groups.Length + 1];
        for (var s = 0; s < groups.Length; s++)
        {
            _starts[s + 1] = checked(_starts[s] + groups[s].Count);
        }

        Rows = new RowList(this, 0, Count);
    }

    /// <summary>The query the table answers.</summary>
    public MetricsQuery Query { get; }

    /// <summary>The number of rows.</summary>
    public int Count => _starts[^1];

    /// <summary>Every row, in order; each is made when read.</summary>
    public IReadOnlyList<MetricRow> Rows { get; }

    /// <summary>The rows of one indicator, in group order (none when it has no records in the groups or was not asked for); each is made when read.</summary>
    /// <param name="indicator">The indicator.</param>
    public IReadOnlyList<MetricRow> Of(IndicatorCode indicator)
    {
        var s = IndexOf(indicator);
        return s < 0 ? [] : new RowList(this, _starts[s], _groups[s].Count);
    }

    /// <summary>
    /// The value of an indicator's first row: its total when the query has no grouping. <c>null</c> when the indicator
    /// has no row, or its value cannot be computed.
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    public decimal? Total(IndicatorCode indicator)
    {
        var s = IndexOf(indicator);
        return s < 0 || _groups[s].Count == 0 ? null : _groups[s].Value(0);
    }

    private MetricRow Row(int row)
    {
        var (s, k) = Locate(row);
        var indicator = _indicators[s];
        var groups = _groups[s];
        var cell = groups.Cells[k];
        return new MetricRow(indicator.Code, indicator.Name, indicator.Unit, _layout.Period(cell), _layout.Organization(cell), _layout.Firm(cell),
            _layout.District(cell), groups.Value(k), groups.Records[k]);
    }

    private int IndexOf(IndicatorCode indicator)
    {
        for (var s = 0; s < _indicators.Length; s++)
        {
            if (_indicators[s].Code == indicator)
            {
                return s;
            }
        }

        return -1;
    }

    /// <summary>The indicator a row belongs to and its index among that indicator's groups.</summary>
    private (int Indicator, int Group) Locate(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);

        // The last indicator starting at or before the row: indicators without rows start where the next one does.
        int lo = 0, hi = _indicators.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_starts[mid] <= row)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return (lo, row - _starts[lo]);
    }

    /// <summary>A run of the table's rows, each made when read.</summary>
    private sealed class RowList(MetricsTable table, int start, int count) : IReadOnlyList<MetricRow>
    {
        public int Count => count;

        public MetricRow this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
                return table.Row(start + index);
            }
        }

        public IEnumerator<MetricRow> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return table.Row(start + i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>
/// One indicator's non-empty groups in cell order: each group's cell, record count and value. A value is kept as the
/// exact sum × 10^4 for sums (made a <see cref="decimal"/> only when read), as the record count for counts, and as a
/// <see cref="decimal"/> for the rest.
/// </summary>
internal sealed class IndicatorGroups
{
    private readonly long[]? _scaled;
    private readonly decimal?[]? _values;

    private IndicatorGroups(int[] cells, long[] records, long[]? scaled, decimal?[]? values)
    {
        Cells = cells;
        Records = records;
        _scaled = scaled;
        _values = values;
    }

    public static IndicatorGroups Empty { get; } = new([], [], null, null);

    /// <summary>Each group's cell in the query's layout, ascending.</summary>
    public int[] Cells { get; }

    /// <summary>Each group's number of records.</summary>
    public long[] Records { get; }

    public int Count => Cells.Length;

    /// <summary>Groups whose values are sums × 10^4.</summary>
    public static IndicatorGroups Summed(int[] cells, long[] records, long[] scaled) => new(cells, records, scaled, null);

    /// <summary>Groups whose values are their record counts.</summary>
    public static IndicatorGroups Counted(int[] cells, long[] records) => new(cells, records, null, null);

    /// <summary>Groups with values of their own.</summary>
    public static IndicatorGroups Valued(int[] cells, long[] records, decimal?[] values) => new(cells, records, null, values);

    public decimal? Value(int group) => _scaled is { } scaled ? ServiceMetrics.Unscaled(scaled[group]) : _values is { } values ? values[group] : Records[group];
}

/// <summary>A figure this year and the year before.</summary>
/// <param name="Current">This period's row.</param>
/// <param name="Previous">The same group a year earlier, if it had records.</param>
public sealed record YearOverYear(MetricRow Current, MetricRow? Previous)
{
    /// <summary>The change as a fraction (0.25 = +25 %), or <c>null</c> when there is nothing to compare with.</summary>
    public decimal? Change => Previous?.Value is { } p && p != 0 && Current.Value is { } c ? (c - p) / p : null;

    /// <summary>
    /// The change in the indicator's own unit (this year's value less last year's), or <c>null</c> when there is nothing
    /// to compare with. For a rate in percent this is the change in percentage points, the way a rate's change is told
    /// (97.3 % → 95.0 % is 2.3 points down, not 2.4 % down).
    /// </summary>
    public decimal? Difference => Previous?.Value is { } p && Current.Value is { } c ? c - p : null;
}
