using NodaTime;
using PartyDomain.Time;

namespace PartyDomain.Organization;

/// <summary>A parent an organization had before it was re-affiliated (改隶): <see cref="ParentId"/> until the day before <see cref="Until"/>.</summary>
/// <param name="ParentId">The former parent.</param>
/// <param name="Until">The day the organization passed to its next parent (the former parent's last day is the day before).</param>
public readonly record struct FormerParent(OrganizationId ParentId, LocalDate Until);

/// <summary>
/// A party organization (党组织): the industry committee, a general branch, a branch, a joint branch or a party
/// group. Organizations form a tree through <see cref="ParentId"/> and live from <see cref="Established"/> until
/// the day before <see cref="Dissolved"/>; a reorganization is recorded as a dissolution and a new organization. A
/// re-affiliation (改隶, a branch passing from the bureau's party committee to the newly founded industry committee, say)
/// keeps the organization: its earlier parents are <see cref="FormerParents"/>, and <see cref="ParentOn"/> gives the
/// parent on a date.
/// </summary>
public sealed record PartyOrganization : DatasetRecord
{
    /// <summary>The organization's identifier.</summary>
    public required OrganizationId Id { get; init; }

    /// <summary>The organization's full name, for example 某某律师事务所党支部.</summary>
    public required string Name { get; init; }

    /// <summary>What kind of organization this is.</summary>
    public required OrganizationKind Kind { get; init; }

    /// <summary>
    /// The organization directly above, or <c>null</c> for the industry committee: from the last re-affiliation (the last
    /// <see cref="FormerParents"/> entry's <see cref="FormerParent.Until"/>) on, or from <see cref="Established"/> when there is none.
    /// </summary>
    public OrganizationId? ParentId { get; init; }

    /// <summary>The parents the organization had before its re-affiliations, oldest first (empty for most organizations).</summary>
    public IReadOnlyList<FormerParent> FormerParents { get; init; } = [];

    /// <summary>The parent on <paramref name="date"/>: the former parent whose span holds the date, or <see cref="ParentId"/>.</summary>
    /// <param name="date">The date.</param>
    public OrganizationId? ParentOn(LocalDate date)
    {
        var former = FormerParents;
        for (var i = 0; i < former.Count; i++)
        {
            if (date < former[i].Until)
            {
                return former[i].ParentId;
            }
        }

        return ParentId;
    }

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
