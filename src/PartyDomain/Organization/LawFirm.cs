using NodaTime;

namespace PartyDomain.Organization;

/// <summary>
/// A law firm (律师事务所). Who directs it and who works there are time-bound records of their own
/// (<see cref="FirmPostHolding"/>, <see cref="FirmEmployment"/>), so the firm itself holds only what rarely changes.
/// </summary>
public sealed record LawFirm : DatasetRecord
{
    /// <summary>The firm's identifier.</summary>
    public required FirmId Id { get; init; }

    /// <summary>The firm's registered name.</summary>
    public required string Name { get; init; }

    /// <summary>The 18-character unified social credit code (统一社会信用代码), if known; checked against GB 32100-2015.</summary>
    public string? CreditCode { get; init; }

    /// <summary>The district (区县) the firm is registered in.</summary>
    public string? District { get; init; }

    /// <summary>The day the firm was founded, if known.</summary>
    public LocalDate? Founded { get; init; }

    /// <summary>The day the firm closed (注销); it no longer practises on that day. <c>null</c> while it practises.</summary>
    public LocalDate? Closed { get; init; }

    /// <summary>Since when the firm's charter includes party building (党建写入章程), or <c>null</c> if it does not.</summary>
    public LocalDate? CharterIncludesPartyBuildingSince { get; init; }

    /// <summary>Whether the firm practises on <paramref name="date"/> (an unknown founding date counts as always founded).</summary>
    /// <param name="date">The date.</param>
    public bool ExistsOn(LocalDate date) => (Founded is not { } f || date >= f) && (Closed is not { } c || date < c);

    /// <summary>Whether the firm's charter includes party building on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    public bool CharterIncludesPartyBuildingOn(LocalDate date) => CharterIncludesPartyBuildingSince is { } s && date >= s;
}
