using System.Globalization;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;

namespace PartyDomain.Metrics;

/// <summary>How much time a service record covers.</summary>
public enum RecordSpan
{
    /// <summary>One day.</summary>
    Day,

    /// <summary>A whole month, for figures only known monthly.</summary>
    Month,

    /// <summary>A whole year, for figures only known yearly.</summary>
    Year,
}

/// <summary>
/// A quantity of one indicator (公共法律服务记录): a day's, month's or year's count, with optional member, firm,
/// organization, district, channel, subject and tags. Quantities carry at most four decimal places.
/// </summary>
public sealed record ServiceRecord : DatasetRecord
{
    /// <summary>The kind: keyed by its id when it has one, otherwise by its content (re-importing it overwrites it).</summary>
    public static RecordKind<ServiceRecord> Declaration { get; } = new(
        "services",
        new("服务记录", "service record"),
        static r => r.Id is { } id ? RecordKey.Id(id) : new RecordKey(ContentKey(r), OwnId: false),
        static r => r.Id ?? $"{r.Indicator} {RecordKey.Day(r.Date)} {r.Quantity.ToString(CultureInfo.InvariantCulture)}")
    {
        Check = CheckOne,
    };

    // Checks records against the built-in indicators when the builder was given none.
    private static readonly IndicatorCatalog DefaultIndicators = IndicatorCatalog.CreateDefault();

    /// <summary>The record's identifier, unique within the city, if the source has one.</summary>
    public string? Id { get; init; }

    /// <summary>The indicator.</summary>
    public required IndicatorCode Indicator { get; init; }

    /// <summary>The day, or the first day of the month or year the record covers.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>How much time the record covers; a month or year record is dated on its first day.</summary>
    public RecordSpan Span { get; init; } = RecordSpan.Day;

    /// <summary>The quantity; not negative, at most four decimal places.</summary>
    public decimal Quantity { get; init; } = 1;

    /// <summary>The member who gave the service.</summary>
    public PersonId? Member { get; init; }

    /// <summary>The firm.</summary>
    public FirmId? Firm { get; init; }

    /// <summary>The organization.</summary>
    public OrganizationId? Organization { get; init; }

    /// <summary>The district; when empty, the firm's district is used.</summary>
    public string? District { get; init; }

    /// <summary>The channel, for example 12348热线, 公共法律服务中心, 工作站, 心贴心微信群.</summary>
    public string? Channel { get; init; }

    /// <summary>What the service was about (the advised unit, the case number), for distinct counts.</summary>
    public string? Subject { get; init; }

    /// <summary>Free tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The days the record covers.</summary>
    public DateInterval Days => Span switch
    {
        RecordSpan.Month => new DateInterval(Date, Date.PlusMonths(1).PlusDays(-1)),
        RecordSpan.Year => new DateInterval(Date, Date.PlusYears(1).PlusDays(-1)),
        _ => new DateInterval(Date, Date),
    };

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;

    // A service record without an identifier is known by its content: re-importing it overwrites it, and identical
    // records are told apart by their position (#2, #3 ...). The key starts with the record's date, so rows written in
    // key order also fill a store's (city, date) index in order.
    private static string ContentKey(ServiceRecord r)
    {
        var text = new CanonicalText(stackalloc char[256]);
        try
        {
            text.Part(r.Indicator.Value);
            text.Part(r.Date);
            text.Part(r.Span.ToString());
            text.Part(r.Quantity);
            text.Part(r.Member?.Value);
            text.Part(r.Firm?.Value);
            text.Part(r.Organization?.Value);
            text.Part(r.District);
            text.Part(r.Channel);
            text.Part(r.Subject);
            text.Part(r.Tags.Count == 0 ? string.Empty : DatasetRecordKeys.Join([.. r.Tags]));

            // "2025-03-01/h:" and 32 hex digits.
            Span<char> key = stackalloc char[64];
            var length = CanonicalText.FormatDate(r.Date, key);
            "/h:".CopyTo(key[length..]);
            text.Hash(key.Slice(length + 3, 32));
            return new string(key[..(length + 35)]);
        }
        finally
        {
            text.Dispose();
        }
    }

    private static void CheckOne(ServiceRecord r, RecordCheck check)
    {
        check.UniqueId(r.Id, nameof(Id));
        check.NotFuture(r.Date, nameof(Date));
        if (r.Span == RecordSpan.Month && r.Date.Day != 1 || r.Span == RecordSpan.Year && (r.Date.Day != 1 || r.Date.Month != 1))
        {
            check.Report("invalid-value", nameof(Date), RecordKey.Day(r.Date), new("按月或按年的记录须以该月或该年第一天为日期", "a month or year record is dated on the first day of its month or year"));
        }

        if (r.Quantity < 0)
        {
            check.Report("invalid-value", nameof(Quantity), r.Quantity.ToString(CultureInfo.InvariantCulture), new("数量不能为负数", "the quantity cannot be negative"));
        }
        else if (decimal.Round(r.Quantity, 4) != r.Quantity || r.Quantity > 100_000_000_000m)
        {
            check.Report("invalid-value", nameof(Quantity), r.Quantity.ToString(CultureInfo.InvariantCulture), new("数量最多保留4位小数且不超过1000亿", "the quantity has more than four decimal places or exceeds 100 billion"));
        }

        if (r.Member is { } member)
        {
            check.Person(member, nameof(Member));
        }

        if (r.Firm is { } firm)
        {
            check.Firm(firm, nameof(Firm));
        }

        if (r.Organization is { } organization)
        {
            check.Organization(organization, nameof(Organization));
        }

        var indicators = check.Catalog<IndicatorCatalog>() ?? DefaultIndicators;
        if (!indicators.TryGet(r.Indicator, out var indicator))
        {
            check.Unknown(nameof(Indicator), r.Indicator.Value, new("统计指标", "indicator"));
            return;
        }

        if (!indicator.IsRecorded)
        {
            check.Report("invalid-kind", nameof(Indicator), r.Indicator.Value, new("该指标由其他指标或活动记录计算得出，不能直接录入", "the indicator is computed from other indicators or activity records and takes no records"));
            return;
        }

        Dimension(MetricDimensions.Member, r.Member?.Value, nameof(Member));
        Dimension(MetricDimensions.Firm, r.Firm?.Value, nameof(Firm));
        Dimension(MetricDimensions.Organization, r.Organization?.Value, nameof(Organization));
        Dimension(MetricDimensions.District, r.District, nameof(District));
        Dimension(MetricDimensions.Channel, r.Channel, nameof(Channel));
        Dimension(MetricDimensions.Subject, r.Subject, nameof(Subject));
        if (indicator.Aggregation == Aggregation.DistinctCount && !Has(indicator.DistinctBy))
        {
            check.Report("missing-value", indicator.DistinctBy.ToString(), null, new($"指标 {indicator.Code} 按{indicator.DistinctBy}去重计数，该项必填", $"indicator {indicator.Code} counts distinct {indicator.DistinctBy} values, so it is required"));
        }

        void Dimension(MetricDimensions dimension, string? value, string field)
        {
            if (!string.IsNullOrWhiteSpace(value) && (indicator.Dimensions & dimension) == 0)
            {
                check.Report("dimension-not-allowed", field, value, new($"指标 {indicator.Code} 不按该维度统计", $"indicator {indicator.Code} does not allow this dimension"));
            }
        }

        bool Has(MetricDimensions dimension) => dimension switch
        {
            MetricDimensions.Member => r.Member is not null,
            MetricDimensions.Firm => r.Firm is not null,
            MetricDimensions.Organization => r.Organization is not null,
            MetricDimensions.District => !string.IsNullOrWhiteSpace(r.District),
            MetricDimensions.Channel => !string.IsNullOrWhiteSpace(r.Channel),
            MetricDimensions.Subject => !string.IsNullOrWhiteSpace(r.Subject),
            _ => false,
        };
    }
}

/// <summary>The dataset's service records and the indicators they were checked against.</summary>
public static class ServiceRecords
{
    // The indicators of a dataset whose builder was given none: the built-in catalog, one copy per dataset.
    private static readonly DerivedIndex<IndicatorCatalog> BuiltIn = new(static _ => IndicatorCatalog.CreateDefault());

    extension(CityDataset dataset)
    {
        /// <summary>All service records.</summary>
        public IReadOnlyList<ServiceRecord> Services => dataset.Records<ServiceRecord>();

        /// <summary>The indicators the service records were checked against (the builder's, or the built-in catalog).</summary>
        public IndicatorCatalog Indicators => dataset.Catalog<IndicatorCatalog>() ?? dataset.Indexes.Derived(BuiltIn);
    }
}

/// <summary>The indicators a dataset builder checks service records against.</summary>
public static class BuilderIndicators
{
    extension(CityDatasetBuilder builder)
    {
        /// <summary>The indicators service records are checked against and the dataset keeps a copy of; the built-in catalog unless set.</summary>
        public IndicatorCatalog Indicators
        {
            get => builder.Catalog<IndicatorCatalog>() ?? builder.Use(IndicatorCatalog.CreateDefault());
            set => builder.Use(value);
        }
    }
}
