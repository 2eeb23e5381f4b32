namespace PartyDomain.Reporting;

/// <summary>How a chart is drawn.</summary>
public enum ChartKind
{
    /// <summary>Horizontal bars, one per category (compliance by system or branch).</summary>
    Bars,

    /// <summary>Vertical bars grouped by category, one bar per series (services by month).</summary>
    Columns,

    /// <summary>A funnel: each category narrower than the one before (the admission pipeline).</summary>
    Funnel,
}

/// <summary>One series of a chart: a value (or nothing) per category.</summary>
/// <param name="Name">The series' name.</param>
/// <param name="Values">One value per category of the chart; <c>null</c> where there is no data.</param>
public sealed record ChartSeries(LocalizedText Name, IReadOnlyList<decimal?> Values);

/// <summary>The data of one chart of the summary; renderers draw it (the HTML page as inline SVG).</summary>
/// <param name="Id">The chart's id: <c>compliance-by-system</c>, <c>compliance-by-branch</c>, <c>services-by-month</c>, <c>admission-funnel</c>.</param>
/// <param name="Title">The title.</param>
/// <param name="Unit">The unit of the values.</param>
/// <param name="Kind">How to draw it.</param>
/// <param name="Categories">The categories, in order.</param>
/// <param name="Series">The series.</param>
public sealed record ReportChart(string Id, LocalizedText Title, LocalizedText Unit, ChartKind Kind, IReadOnlyList<LocalizedText> Categories, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Whether any value is present.</summary>
    public bool HasData => Series.Any(s => s.Values.Any(v => v is not null));
}
