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

/// <summary>The rows of a metrics query, ordered by indicator (catalog order), then group.</summary>
/// <param name="Query">The query.</param>
/// <param name="Rows">The rows.</param>
public sealed record MetricsTable(MetricsQuery Query, IReadOnlyList<MetricRow> Rows)
{
    /// <summary>The rows of one indicator.</summary>
    /// <param name="indicator">The indicator.</param>
    public IEnumerable<MetricRow> Of(IndicatorCode indicator) => Rows.Where(r => r.Indicator == indicator);

    /// <summary>The value of an indicator when the query has no grouping, or <c>null</c>.</summary>
    /// <param name="indicator">The indicator.</param>
    public decimal? Total(IndicatorCode indicator) => Rows.FirstOrDefault(r => r.Indicator == indicator)?.Value;
}

/// <summary>A figure this year and the year before.</summary>
/// <param name="Current">This period's row.</param>
/// <param name="Previous">The same group a year earlier, if it had records.</param>
public sealed record YearOverYear(MetricRow Current, MetricRow? Previous)
{
    /// <summary>The change as a fraction (0.25 = +25 %), or <c>null</c> when there is nothing to compare with.</summary>
    public decimal? Change => Previous?.Value is { } p && p != 0 && Current.Value is { } c ? (c - p) / p : null;
}
