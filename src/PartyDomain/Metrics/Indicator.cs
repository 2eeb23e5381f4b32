using PartyDomain.BasicSystems;

namespace PartyDomain.Metrics;

/// <summary>
/// Identifies an indicator (统计指标): an open vocabulary of codes such as <c>hotline-answered</c>; a city adds its own.
/// Codes compare case-insensitively and are kept in lower case.
/// </summary>
public readonly struct IndicatorCode : IEquatable<IndicatorCode>
{
    private readonly string? _code;

    /// <summary>Creates a code.</summary>
    /// <param name="code">The code text; not empty.</param>
    public IndicatorCode(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        _code = code.Trim().ToLowerInvariant();
    }

    /// <summary>The code text.</summary>
    public string Value => _code ?? string.Empty;

    /// <inheritdoc />
    public bool Equals(IndicatorCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IndicatorCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The code text.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two codes.</summary>
    /// <param name="left">The left code.</param>
    /// <param name="right">The right code.</param>
    public static bool operator ==(IndicatorCode left, IndicatorCode right) => left.Equals(right);

    /// <summary>Compares two codes.</summary>
    /// <param name="left">The left code.</param>
    /// <param name="right">The right code.</param>
    public static bool operator !=(IndicatorCode left, IndicatorCode right) => !left.Equals(right);
}

/// <summary>The units figures are counted in.</summary>
public static class Units
{
    /// <summary>人次: person-times.</summary>
    public static LocalizedText PersonTimes { get; } = new("人次", "person-times");

    /// <summary>件: cases or items.</summary>
    public static LocalizedText Cases { get; } = new("件", "cases");

    /// <summary>家: firms or units served (for example adviser posts).</summary>
    public static LocalizedText Establishments { get; } = new("家", "units");

    /// <summary>次: times.</summary>
    public static LocalizedText Times { get; } = new("次", "times");

    /// <summary>条: items (opinions).</summary>
    public static LocalizedText Items { get; } = new("条", "items");

    /// <summary>万元: ten thousand yuan.</summary>
    public static LocalizedText TenThousandYuan { get; } = new("万元", "10k yuan");

    /// <summary>%: a percentage.</summary>
    public static LocalizedText Percent { get; } = new("%", "%");

    /// <summary>人: people.</summary>
    public static LocalizedText People { get; } = new("人", "people");
}

/// <summary>How an indicator's value is worked out.</summary>
public enum Aggregation
{
    /// <summary>The sum of the records' quantities.</summary>
    Sum,

    /// <summary>The number of records.</summary>
    Count,

    /// <summary>The number of distinct values of <see cref="IndicatorDefinition.DistinctBy"/> among the records (for example adviser posts held).</summary>
    DistinctCount,

    /// <summary>The quantity of the latest record (for a figure reported as a level, not a flow).</summary>
    Latest,

    /// <summary>The sum of the values of <see cref="IndicatorDefinition.Components"/> (for example cases = criminal + civil + ...).</summary>
    SumOfIndicators,

    /// <summary><see cref="IndicatorDefinition.Numerator"/> ÷ <see cref="IndicatorDefinition.Denominator"/>, as a percentage.</summary>
    Ratio,

    /// <summary>The number of activity records of <see cref="IndicatorDefinition.ActivityKind"/> (any kind when unset) and <see cref="IndicatorDefinition.SourcePlatform"/> (F8, F13).</summary>
    ActivityCount,

    /// <summary>The sum of the head counts of activity records of <see cref="IndicatorDefinition.ActivityKind"/> (F11).</summary>
    ActivityHeadCount,

    /// <summary>The number of distinct people present at activity records of <see cref="IndicatorDefinition.ActivityKind"/> (F10).</summary>
    ActivityDistinctAttendees,
}

/// <summary>The ways a figure may be broken down; an indicator lists the ones its records may carry.</summary>
[Flags]
public enum MetricDimensions
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>The member (party-member lawyer) who gave the service.</summary>
    Member = 1,

    /// <summary>The law firm.</summary>
    Firm = 2,

    /// <summary>The party organization.</summary>
    Organization = 4,

    /// <summary>The district (区县).</summary>
    District = 8,

    /// <summary>The channel (hotline, center, workstation, WeChat group, ...).</summary>
    Channel = 16,

    /// <summary>What the service was about: the advised unit, the case; used by distinct counts.</summary>
    Subject = 32,

    /// <summary>Every dimension.</summary>
    All = Member | Firm | Organization | District | Channel | Subject,
}

/// <summary>
/// The definition of an indicator: code, names, unit, how it aggregates, its category and the dimensions its records
/// may carry. Indicators are data, not code paths: the built-in catalog and a city's own are registered the same way.
/// </summary>
public sealed record IndicatorDefinition
{
    /// <summary>The indicator's code.</summary>
    public required IndicatorCode Code { get; init; }

    /// <summary>Its name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Its unit.</summary>
    public required LocalizedText Unit { get; init; }

    /// <summary>How its value is worked out.</summary>
    public required Aggregation Aggregation { get; init; }

    /// <summary>Its category, for example 公共法律服务 or 村居法律顾问.</summary>
    public LocalizedText Category { get; init; } = new("其他", "Other");

    /// <summary>The dimensions its records may carry; a record carrying another is refused.</summary>
    public MetricDimensions Dimensions { get; init; } = MetricDimensions.All;

    /// <summary>The dimension counted by <see cref="Aggregation.DistinctCount"/>.</summary>
    public MetricDimensions DistinctBy { get; init; } = MetricDimensions.Subject;

    /// <summary>The indicators summed by <see cref="Aggregation.SumOfIndicators"/>.</summary>
    public IReadOnlyList<IndicatorCode> Components { get; init; } = [];

    /// <summary>The numerator of a <see cref="Aggregation.Ratio"/>.</summary>
    public IndicatorCode? Numerator { get; init; }

    /// <summary>The denominator of a <see cref="Aggregation.Ratio"/>.</summary>
    public IndicatorCode? Denominator { get; init; }

    /// <summary>The activity kind counted by the activity aggregations.</summary>
    public ActivityKind? ActivityKind { get; init; }

    /// <summary>For the activity aggregations: only records from this source platform; <c>*</c> for any platform (F13).</summary>
    public string? SourcePlatform { get; init; }

    /// <summary>The report figure it feeds, for example <c>F17</c>, if any.</summary>
    public string? Figure { get; init; }

    /// <summary>Whether reports leave it out (a city hides an indicator it does not count).</summary>
    public bool Hidden { get; init; }

    /// <summary>Whether service records carry it (as opposed to derived and activity indicators).</summary>
    public bool IsRecorded => Aggregation is Aggregation.Sum or Aggregation.Count or Aggregation.DistinctCount or Aggregation.Latest;
}
