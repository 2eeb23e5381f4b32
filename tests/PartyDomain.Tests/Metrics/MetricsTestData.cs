using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Metrics;
using PartyDomain.Time;

namespace PartyDomain.Tests.Metrics;

/// <summary>Service records, public events and catalogs for the metrics tests, on top of <see cref="TestCity"/>.</summary>
internal static class MetricsTestData
{
    /// <summary>A service record of <paramref name="indicator"/>.</summary>
    public static TestCity Service(
        this TestCity city,
        IndicatorCode indicator,
        LocalDate date,
        decimal quantity = 1,
        string? member = null,
        string? firm = null,
        string? organization = null,
        string? district = null,
        string? subject = null,
        string? channel = null,
        RecordSpan span = RecordSpan.Day,
        string? id = null,
        IReadOnlyList<string>? tags = null,
        RecordOrigin? origin = null) =>
        city.Add(new ServiceRecord
        {
            Id = id,
            Indicator = indicator,
            Date = date,
            Span = span,
            Quantity = quantity,
            Member = member is null ? null : TestCity.P(member),
            Firm = firm is null ? null : TestCity.F(firm),
            Organization = organization is null ? null : TestCity.O(organization),
            District = district,
            Subject = subject,
            Channel = channel,
            Tags = tags ?? [],
            Origin = origin,
        });

    /// <summary>A whole month's figure, dated on the first of <paramref name="month"/>.</summary>
    public static TestCity MonthFigure(this TestCity city, IndicatorCode indicator, int year, int month, decimal quantity, string? organization = null) =>
        city.Service(indicator, new LocalDate(year, month, 1), quantity, organization: organization, span: RecordSpan.Month);

    /// <summary>A whole year's figure, dated on 1 January of <paramref name="year"/>.</summary>
    public static TestCity YearFigure(this TestCity city, IndicatorCode indicator, int year, decimal quantity, string? organization = null) =>
        city.Service(indicator, new LocalDate(year, 1, 1), quantity, organization: organization, span: RecordSpan.Year);

    /// <summary>An activity with a head count, a source platform and tags, besides the attendance.</summary>
    public static TestCity Event(
        this TestCity city,
        string id,
        string organization,
        ActivityKind kind,
        LocalDate on,
        int? headCount = null,
        string? platform = null,
        IReadOnlyList<string>? tags = null,
        params Attendance[] attendance) =>
        city.Add(new ActivityRecord
        {
            Id = id,
            OrganizationId = TestCity.O(organization),
            Kind = kind,
            Date = on,
            HeadCount = headCount,
            SourcePlatform = platform,
            Tags = tags ?? [],
            Attendance = attendance,
        });

    /// <summary>A builder holding the city's records, checked against <paramref name="catalog"/>.</summary>
    public static CityDatasetBuilder Builder(this TestCity city, IndicatorCatalog catalog)
    {
        var builder = city.Builder();
        builder.Indicators = catalog;
        return builder;
    }

    /// <summary>Builds the city against <paramref name="catalog"/>.</summary>
    public static CityDataset Build(this TestCity city, IndicatorCatalog catalog) => city.Builder(catalog).Build();

    /// <summary>The metrics engine over the city, built against <paramref name="catalog"/> (the built-in one when <c>null</c>).</summary>
    public static ServiceMetrics Metrics(this TestCity city, IndicatorCatalog? catalog = null) =>
        new(catalog is null ? city.Build() : city.Build(catalog));

    /// <summary>Runs a query for <paramref name="period"/>.</summary>
    public static MetricsTable Query(this ServiceMetrics metrics, ReportingPeriod period, MetricGrouping groupBy = MetricGrouping.None, params IndicatorCode[] indicators) =>
        metrics.Query(new MetricsQuery { Period = period, GroupBy = groupBy, Indicators = indicators });

    /// <summary>A service problem's essentials, for comparing lists of problems.</summary>
    public static (string Code, string Entity, string Key, string Field, string? Value) Essentials(this DatasetProblem p) =>
        (p.Code, p.Entity, p.Key, p.Field, p.Value);

    public static IndicatorCode Code(string code) => new(code);

    /// <summary>A plain summed indicator of the city's own, counted in 条.</summary>
    public static IndicatorDefinition OwnSum(string code, MetricDimensions dimensions = MetricDimensions.All) => new()
    {
        Code = new(code),
        Name = new($"{code}中文", $"{code} English"),
        Unit = Units.Items,
        Aggregation = Aggregation.Sum,
        Category = new("本市特色", "City's own"),
        Dimensions = dimensions,
    };

    public static LocalDate D(int year, int month, int day) => new(year, month, day);
}
