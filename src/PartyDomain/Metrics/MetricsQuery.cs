using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Metrics;

/// <summary>What a metrics query breaks its figures down by.</summary>
[Flags]
public enum MetricGrouping
{
    /// <summary>One total per indicator.</summary>
    None = 0,

    /// <summary>By calendar year.</summary>
    Year = 1,

    /// <summary>By calendar quarter.</summary>
    Quarter = 2,

    /// <summary>By calendar month.</summary>
    Month = 4,

    /// <summary>By party organization.</summary>
    Organization = 8,

    /// <summary>By law firm.</summary>
    Firm = 16,

    /// <summary>By district.</summary>
    District = 32,
}

/// <summary>
/// A query over service records (and the activity-based indicators): a period, filters, and what to group by. Every
/// row is per indicator; a record counts when all the days it covers fall inside the period, so a record of a whole
/// year counts in a yearly query and not in a quarterly one.
/// </summary>
public sealed record MetricsQuery
{
    /// <summary>The period.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>The indicators wanted; every visible one when empty.</summary>
    public IReadOnlyList<IndicatorCode> Indicators { get; init; } = [];

    /// <summary>Only records of this organization or organizations under it.</summary>
    public OrganizationId? Organization { get; init; }

    /// <summary>Only records of this firm.</summary>
    public FirmId? Firm { get; init; }

    /// <summary>Only records of this member.</summary>
    public PersonId? Member { get; init; }

    /// <summary>Only records of this district.</summary>
    public string? District { get; init; }

    /// <summary>Only records carrying at least one of these tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>What to break figures down by, besides the indicator. Year, quarter and month are exclusive.</summary>
    public MetricGrouping GroupBy { get; init; }
}
