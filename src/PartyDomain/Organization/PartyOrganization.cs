using NodaTime;
using PartyDomain.Data;
using PartyDomain.Time;

namespace PartyDomain.Organization;

/// <summary>
/// A party organization (党组织): the industry committee, a general branch, a branch, a joint branch or a party
/// group. Organizations form a tree through <see cref="ParentId"/> and live from <see cref="Established"/> until
/// the day before <see cref="Dissolved"/>; a reorganization is recorded as a dissolution and a new organization.
/// </summary>
public sealed record PartyOrganization : DatasetRecord
{
    /// <summary>The organization's identifier.</summary>
    public required OrganizationId Id { get; init; }

    /// <summary>The organization's full name, for example 某某律师事务所党支部.</summary>
    public required string Name { get; init; }

    /// <summary>What kind of organization this is.</summary>
    public required OrganizationKind Kind { get; init; }

    /// <summary>The organization directly above, or <c>null</c> for the industry committee.</summary>
    public OrganizationId? ParentId { get; init; }

    /// <summary>The day the organization was established (成立).</summary>
    public required LocalDate Established { get; init; }

    /// <summary>The day the organization was dissolved (撤销); it no longer exists on that day. <c>null</c> while it exists.</summary>
    public LocalDate? Dissolved { get; init; }

    /// <summary>The days the organization exists: from <see cref="Established"/> to the day before <see cref="Dissolved"/>.</summary>
    public DateRange Lifetime => new(Established, Dissolved?.PlusDays(-1));

    /// <summary>Whether the organization exists on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    public bool ExistsOn(LocalDate date) => date >= Established && (Dissolved is not { } d || date < d);
}
