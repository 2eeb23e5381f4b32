using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

/// <summary>A party member on a <see cref="StructureContext"/>'s date, with the registration and the employment that hold then.</summary>
/// <param name="Person">The member.</param>
/// <param name="Standing">Full or probationary.</param>
/// <param name="Registration">The registration that holds on the date, if any.</param>
/// <param name="Employment">The employment that holds on the date, if any.</param>
public readonly record struct MemberPlacement(Person Person, MemberStanding Standing, MembershipRegistration? Registration, FirmEmployment? Employment);

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
    private readonly Dictionary<OrganizationId, int> _committee = [];
    private readonly HashSet<OrganizationId> _hasCommitteeMember = [];
    private readonly Dictionary<OrganizationId, PartyPostHolding> _secretary = [];
    private readonly HashSet<FirmId> _instructed = [];
    private readonly List<(Person Person, MembershipRegistration Registration)> _movedMembers = [];
    private readonly List<MemberPlacement> _members;

    /// <summary>Counts the structure of <paramref name="dataset"/> as of <paramref name="asOf"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="asOf">The date.</param>
    // Runs once over every person of the city: compiled optimized at once rather than started unoptimized and
    // replaced in the middle of its loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public StructureContext(CityDataset dataset, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Dataset = dataset;
        AsOf = asOf;
        Organizations = dataset.Organizations.Where(o => o.ExistsOn(asOf)).ToArray();
        Firms = dataset.Firms.Where(f => f.ExistsOn(asOf)).ToArray();

        // Sized for everyone once rather than grown (and copied) member by member: most people are members.
        _members = new(dataset.People.Count);

        // One pass over people in the dataset's order: a person's standing is read once, then their registrations and
        // employments by position.
        var ix = dataset.Indexes;
        var people = ix.PersonArray;
        var registrations = ix.RegistrationsByPerson;
        var employmentsAt = ix.EmploymentsByPerson;
        for (var p = 0; p < people.Length; p++)
        {
            var person = people[p];
            if (person.StandingOn(asOf) is not { } standing || !standing.IsMember())
            {
                continue;
            }

            var registration = ActiveOn(registrations.Group(p), asOf);
            if (registration is not null)
            {
                Increment(_registered, registration.OrganizationId, standing);
            }

            var employments = employmentsAt.Group(p);
            var employment = ActiveOn(employments, asOf);
            if (employment is not null)
            {
                Increment(_employed, employment.FirmId, standing);
            }

            _members.Add(new(person, standing, registration, employment));
            if (employments.Length >= 2 && registration is not null)
            {
                _movedMembers.Add((person, registration));
            }
        }

        foreach (var organization in Organizations)
        {
            foreach (var c in dataset.CoverageSpan(organization.Id))
            {
                if (c.IsActiveOn(asOf))
                {
                    ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_covering, c.FirmId, out _);
                    (list ??= new List<PartyOrganization>(1)).Add(organization);
                    _coveredFirms[organization.Id] = _coveredFirms.GetValueOrDefault(organization.Id) + 1;
                }
            }

            // Committee seats: distinct holders, counted without a set since a committee has a handful of seats.
            var posts = dataset.PartyPostSpan(organization.Id);
            var seats = 0;
            for (var i = 0; i < posts.Length; i++)
            {
                var p = posts[i];
                if (!p.Post.IsCommitteeSeat() || !p.IsActiveOn(asOf))
                {
                    continue;
                }

                var counted = false;
                for (var j = 0; j < i && !counted; j++)
                {
                    counted = posts[j].PersonId == p.PersonId && posts[j].Post.IsCommitteeSeat() && posts[j].IsActiveOn(asOf);
                }

                seats += counted ? 0 : 1;
                if (p.Post == PartyPost.CommitteeMember)
                {
                    _hasCommitteeMember.Add(organization.Id);
                }
                else if (p.Post == PartyPost.Secretary)
                {
                    _secretary[organization.Id] = p;
                }
            }

            if (seats > 0)
            {
                _committee[organization.Id] = seats;
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

    /// <summary>
    /// Every party member (full or probationary) on <see cref="AsOf"/>, in the dataset's order, with the registration and
    /// the employment that hold then: a rule that looks at members reads them here instead of looking each one up.
    /// </summary>
    public IReadOnlyList<MemberPlacement> Members => _members;

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
    public int CommitteeSize(OrganizationId organization) => _committee.GetValueOrDefault(organization);

    /// <summary>
    /// Whether <paramref name="organization"/> has a committee: at least <see cref="PartyPostExtensions.MinimumCommitteeSeats"/>
    /// (3) distinct people in secretary, deputy or committee-member seats (《中国共产党支部工作条例（试行）》第六章).
    /// </summary>
    /// <param name="organization">The organization.</param>
    public bool HasCommittee(OrganizationId organization) => CommitteeSize(organization) >= PartyPostExtensions.MinimumCommitteeSeats;

    /// <summary>
    /// Whether <paramref name="organization"/> has a committee or an elected committee member: a committee in some form,
    /// whose size and term are checked even when it is short of seats.
    /// </summary>
    internal bool HasCommitteeInSomeForm(OrganizationId organization) => HasCommittee(organization) || _hasCommitteeMember.Contains(organization);

    /// <summary>The secretary's post in <paramref name="organization"/>, if filled.</summary>
    /// <param name="organization">The organization.</param>
    public PartyPostHolding? Secretary(OrganizationId organization) => _secretary.GetValueOrDefault(organization);

    /// <summary>
    /// The members on <see cref="AsOf"/> with a registration then and more than one employment on record, in the
    /// dataset's order: the only people whose registration can have been left with a former firm.
    /// </summary>
    internal IReadOnlyList<(Person Person, MembershipRegistration Registration)> MovedMembers => _movedMembers;

    /// <summary>Whether an instructor is assigned to <paramref name="firm"/>.</summary>
    /// <param name="firm">The firm.</param>
    public bool HasInstructor(FirmId firm) => _instructed.Contains(firm);

    private static void Increment<TKey>(Dictionary<TKey, MemberCount> counts, TKey key, MemberStanding standing)
        where TKey : notnull
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        count = standing == MemberStanding.FullMember ? count with { Full = count.Full + 1 } : count with { Probationary = count.Probationary + 1 };
    }

    private static T? ActiveOn<T>(ReadOnlySpan<T> records, LocalDate date)
        where T : class, ITimeBound
    {
        foreach (var record in records)
        {
            if (record.IsActiveOn(date))
            {
                return record;
            }
        }

        return null;
    }
}
