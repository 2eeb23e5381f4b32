using NodaTime;
using PartyDomain.Data;
using PartyDomain.Time;

namespace PartyDomain.Organization.Structure;

/// <summary>Counts of party members, split by standing.</summary>
/// <param name="Full">Full members.</param>
/// <param name="Probationary">Probationary members.</param>
public readonly record struct MemberCount(int Full, int Probationary)
{
    /// <summary>Full and probationary members together.</summary>
    public int Total => Full + Probationary;
}

/// <summary>
/// The organization structure of a city as of one date, counted once in a single pass over the dataset so that
/// every structure rule reads it without scanning records again.
/// </summary>
public sealed class StructureContext
{
    private readonly Dictionary<OrganizationId, MemberCount> _registered = [];
    private readonly Dictionary<FirmId, MemberCount> _employed = [];
    private readonly Dictionary<FirmId, List<PartyOrganization>> _covering = [];
    private readonly Dictionary<OrganizationId, int> _coveredFirms = [];
    private readonly Dictionary<OrganizationId, HashSet<PersonId>> _committee = [];
    private readonly HashSet<OrganizationId> _hasCommitteeMember = [];
    private readonly Dictionary<OrganizationId, PartyPostHolding> _secretary = [];
    private readonly HashSet<FirmId> _instructed = [];

    /// <summary>Counts the structure of <paramref name="dataset"/> as of <paramref name="asOf"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="asOf">The date.</param>
    public StructureContext(CityDataset dataset, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Dataset = dataset;
        AsOf = asOf;
        Organizations = dataset.Organizations.Where(o => o.ExistsOn(asOf)).ToArray();
        Firms = dataset.Firms.Where(f => f.ExistsOn(asOf)).ToArray();

        foreach (var r in dataset.Registrations)
        {
            if (r.IsActiveOn(asOf) && dataset.GetPerson(r.PersonId).StandingOn(asOf) is { } s && s.IsMember())
            {
                _registered[r.OrganizationId] = Add(_registered.GetValueOrDefault(r.OrganizationId), s);
            }
        }

        foreach (var e in dataset.Employments)
        {
            if (e.IsActiveOn(asOf) && dataset.GetPerson(e.PersonId).StandingOn(asOf) is { } s && s.IsMember())
            {
                _employed[e.FirmId] = Add(_employed.GetValueOrDefault(e.FirmId), s);
            }
        }

        foreach (var c in dataset.Coverages)
        {
            if (c.IsActiveOn(asOf))
            {
                if (!_covering.TryGetValue(c.FirmId, out var list))
                {
                    _covering[c.FirmId] = list = [];
                }

                list.Add(dataset.GetOrganization(c.OrganizationId));
                _coveredFirms[c.OrganizationId] = _coveredFirms.GetValueOrDefault(c.OrganizationId) + 1;
            }
        }

        foreach (var p in dataset.PartyPosts)
        {
            if (!p.IsActiveOn(asOf) || !p.Post.IsCommitteeSeat())
            {
                continue;
            }

            if (!_committee.TryGetValue(p.OrganizationId, out var seats))
            {
                _committee[p.OrganizationId] = seats = [];
            }

            seats.Add(p.PersonId);
            if (p.Post == PartyPost.CommitteeMember)
            {
                _hasCommitteeMember.Add(p.OrganizationId);
            }
            else if (p.Post == PartyPost.Secretary)
            {
                _secretary[p.OrganizationId] = p;
            }
        }

        foreach (var i in dataset.Instructors)
        {
            if (i.IsActiveOn(asOf))
            {
                _instructed.Add(i.FirmId);
            }
        }
    }

    /// <summary>The dataset.</summary>
    public CityDataset Dataset { get; }

    /// <summary>The date the structure is counted for.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The organizations that exist on <see cref="AsOf"/>.</summary>
    public IReadOnlyList<PartyOrganization> Organizations { get; }

    /// <summary>The firms that practise on <see cref="AsOf"/>.</summary>
    public IReadOnlyList<LawFirm> Firms { get; }

    /// <summary>The members whose registration <paramref name="organization"/> holds directly.</summary>
    /// <param name="organization">The organization.</param>
    public MemberCount RegisteredMembers(OrganizationId organization) => _registered.GetValueOrDefault(organization);

    /// <summary>The party members who practise at <paramref name="firm"/>, wherever their registration is held.</summary>
    /// <param name="firm">The firm.</param>
    public MemberCount EmployedMembers(FirmId firm) => _employed.GetValueOrDefault(firm);

    /// <summary>The organizations covering <paramref name="firm"/>.</summary>
    /// <param name="firm">The firm.</param>
    public IReadOnlyList<PartyOrganization> CoveringOrganizations(FirmId firm) =>
        _covering.TryGetValue(firm, out var list) ? list : [];

    /// <summary>How many firms <paramref name="organization"/> covers.</summary>
    /// <param name="organization">The organization.</param>
    public int CoveredFirmCount(OrganizationId organization) => _coveredFirms.GetValueOrDefault(organization);

    /// <summary>How many people hold committee seats (secretary, deputies, committee members) in <paramref name="organization"/>.</summary>
    /// <param name="organization">The organization.</param>
    public int CommitteeSize(OrganizationId organization) => _committee.TryGetValue(organization, out var s) ? s.Count : 0;

    /// <summary>Whether <paramref name="organization"/> has an elected committee (at least one committee member).</summary>
    /// <param name="organization">The organization.</param>
    public bool HasCommittee(OrganizationId organization) => _hasCommitteeMember.Contains(organization);

    /// <summary>The secretary's post in <paramref name="organization"/>, if filled.</summary>
    /// <param name="organization">The organization.</param>
    public PartyPostHolding? Secretary(OrganizationId organization) => _secretary.GetValueOrDefault(organization);

    /// <summary>Whether an instructor is assigned to <paramref name="firm"/>.</summary>
    /// <param name="firm">The firm.</param>
    public bool HasInstructor(FirmId firm) => _instructed.Contains(firm);

    private static MemberCount Add(MemberCount count, MemberStanding standing) =>
        standing == MemberStanding.FullMember ? count with { Full = count.Full + 1 } : count with { Probationary = count.Probationary + 1 };
}
