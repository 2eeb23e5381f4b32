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
}
