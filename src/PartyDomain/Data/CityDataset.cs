using System.Diagnostics.CodeAnalysis;
using NodaTime;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Data;

/// <summary>
/// The validated, immutable, indexed snapshot of one city's data that every engine reads. Build it with
/// <see cref="CityDatasetBuilder"/>, which refuses data with integrity problems. All "as of date D" questions
/// (members of an organization, its secretary and committee, firms covered, a member's firm and registration)
/// are answered here from indexes built once.
/// </summary>
public sealed class CityDataset
{
    private static readonly Comparison<ITimeBound> ByFrom = (a, b) => a.From.CompareTo(b.From);

    private readonly Dictionary<OrganizationId, PartyOrganization> _organizations;
    private readonly Dictionary<FirmId, LawFirm> _firms;
    private readonly Dictionary<PersonId, Person> _people;
    private readonly GroupIndex<OrganizationId, PartyOrganization> _children;
    private readonly GroupIndex<OrganizationId, MembershipRegistration> _registrationsByOrganization;
    private readonly GroupIndex<PersonId, MembershipRegistration> _registrationsByPerson;
    private readonly GroupIndex<FirmId, FirmEmployment> _employmentsByFirm;
    private readonly GroupIndex<PersonId, FirmEmployment> _employmentsByPerson;
    private readonly GroupIndex<FirmId, FirmPostHolding> _firmPostsByFirm;
    private readonly GroupIndex<PersonId, FirmPostHolding> _firmPostsByPerson;
    private readonly GroupIndex<OrganizationId, PartyPostHolding> _partyPostsByOrganization;
    private readonly GroupIndex<PersonId, PartyPostHolding> _partyPostsByPerson;
    private readonly GroupIndex<OrganizationId, FirmCoverage> _coverageByOrganization;
    private readonly GroupIndex<FirmId, FirmCoverage> _coverageByFirm;
    private readonly GroupIndex<FirmId, InstructorAssignment> _instructorsByFirm;
    private readonly GroupIndex<OrganizationId, CommitteeElection> _electionsByOrganization;

    internal CityDataset(CityInfo city, LocalDate today, CityDatasetBuilder.Records records)
    {
        City = city;
        Today = today;
        Organizations = records.Organizations.ToArray();
        Firms = records.Firms.ToArray();
        People = records.People.ToArray();
        Registrations = records.Registrations.ToArray();
        Employments = records.Employments.ToArray();
        FirmPosts = records.FirmPosts.ToArray();
        PartyPosts = records.PartyPosts.ToArray();
        Coverages = records.Coverages.ToArray();
        Instructors = records.Instructors.ToArray();
        Elections = records.Elections.ToArray();

        _organizations = Organizations.ToDictionary(o => o.Id);
        _firms = Firms.ToDictionary(f => f.Id);
        _people = People.ToDictionary(p => p.Id);
        _children = new(Organizations.Where(o => o.ParentId is not null).ToArray(), o => o.ParentId!.Value);
        _registrationsByOrganization = new(Registrations, r => r.OrganizationId, ByFrom);
        _registrationsByPerson = new(Registrations, r => r.PersonId, ByFrom);
        _employmentsByFirm = new(Employments, e => e.FirmId, ByFrom);
        _employmentsByPerson = new(Employments, e => e.PersonId, ByFrom);
        _firmPostsByFirm = new(FirmPosts, p => p.FirmId, ByFrom);
        _firmPostsByPerson = new(FirmPosts, p => p.PersonId, ByFrom);
        _partyPostsByOrganization = new(PartyPosts, p => p.OrganizationId, ByFrom);
        _partyPostsByPerson = new(PartyPosts, p => p.PersonId, ByFrom);
        _coverageByOrganization = new(Coverages, c => c.OrganizationId, ByFrom);
        _coverageByFirm = new(Coverages, c => c.FirmId, ByFrom);
        _instructorsByFirm = new(Instructors, i => i.FirmId, ByFrom);
        _electionsByOrganization = new(Elections, e => e.OrganizationId, (a, b) => a.ElectedOn.CompareTo(b.ElectedOn));
    }

    /// <summary>The city the data belongs to.</summary>
    public CityInfo City { get; }

    /// <summary>The day the data was validated against: no record in it is dated later.</summary>
    public LocalDate Today { get; }

    /// <summary>All party organizations.</summary>
    public IReadOnlyList<PartyOrganization> Organizations { get; }

    /// <summary>All law firms.</summary>
    public IReadOnlyList<LawFirm> Firms { get; }

    /// <summary>All people.</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>All membership registrations, current and past.</summary>
    public IReadOnlyList<MembershipRegistration> Registrations { get; }

    /// <summary>All lawyers' employments at firms, current and past.</summary>
    public IReadOnlyList<FirmEmployment> Employments { get; }

    /// <summary>All firm posts, current and past.</summary>
    public IReadOnlyList<FirmPostHolding> FirmPosts { get; }

    /// <summary>All posts in party organizations, current and past.</summary>
    public IReadOnlyList<PartyPostHolding> PartyPosts { get; }

    /// <summary>All coverages of firms by organizations, current and past.</summary>
    public IReadOnlyList<FirmCoverage> Coverages { get; }

    /// <summary>All instructor assignments, current and past.</summary>
    public IReadOnlyList<InstructorAssignment> Instructors { get; }

    /// <summary>All committee elections.</summary>
    public IReadOnlyList<CommitteeElection> Elections { get; }

    /// <summary>The organization with <paramref name="id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <exception cref="KeyNotFoundException">No organization has that identifier.</exception>
    public PartyOrganization GetOrganization(OrganizationId id) =>
        _organizations.TryGetValue(id, out var o) ? o : throw new KeyNotFoundException($"No organization '{id}' in the dataset of {City.Name}.");

    /// <summary>Finds the organization with <paramref name="id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="organization">The organization, when found.</param>
    public bool TryGetOrganization(OrganizationId id, [MaybeNullWhen(false)] out PartyOrganization organization) =>
        _organizations.TryGetValue(id, out organization);

    /// <summary>The firm with <paramref name="id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <exception cref="KeyNotFoundException">No firm has that identifier.</exception>
    public LawFirm GetFirm(FirmId id) =>
        _firms.TryGetValue(id, out var f) ? f : throw new KeyNotFoundException($"No law firm '{id}' in the dataset of {City.Name}.");

    /// <summary>Finds the firm with <paramref name="id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="firm">The firm, when found.</param>
    public bool TryGetFirm(FirmId id, [MaybeNullWhen(false)] out LawFirm firm) => _firms.TryGetValue(id, out firm);

    /// <summary>The person with <paramref name="id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <exception cref="KeyNotFoundException">No person has that identifier.</exception>
    public Person GetPerson(PersonId id) =>
        _people.TryGetValue(id, out var p) ? p : throw new KeyNotFoundException($"No person '{id}' in the dataset of {City.Name}.");

    /// <summary>Finds the person with <paramref name="id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="person">The person, when found.</param>
    public bool TryGetPerson(PersonId id, [MaybeNullWhen(false)] out Person person) => _people.TryGetValue(id, out person);

    /// <summary>The organizations directly under <paramref name="id"/> that exist on <paramref name="date"/>.</summary>
    /// <param name="id">The parent organization.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<PartyOrganization> ChildrenOf(OrganizationId id, LocalDate date) =>
        _children[id].Where(o => o.ExistsOn(date)).ToArray();

    /// <summary>The organization <paramref name="id"/> and every organization below it that exists on <paramref name="date"/>, parents first.</summary>
    /// <param name="id">The root of the subtree.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<PartyOrganization> SubtreeOf(OrganizationId id, LocalDate date)
    {
        var root = GetOrganization(id);
        var result = new List<PartyOrganization>();
        if (!root.ExistsOn(date))
        {
            return result;
        }

        var queue = new Queue<PartyOrganization>();
        queue.Enqueue(root);
        while (queue.TryDequeue(out var o))
        {
            result.Add(o);
            foreach (var child in _children[o.Id])
            {
                if (child.ExistsOn(date))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The party members (probationary and full) whose registration is held by <paramref name="id"/> on
    /// <paramref name="date"/>, or by any organization in its subtree when <paramref name="includeSubtree"/> is set.
    /// </summary>
    /// <param name="id">The organization.</param>
    /// <param name="date">The date.</param>
    /// <param name="includeSubtree">Whether to include members registered in organizations below.</param>
    public IReadOnlyList<Person> MembersOf(OrganizationId id, LocalDate date, bool includeSubtree = false)
    {
        var organizations = includeSubtree ? SubtreeOf(id, date).Select(o => o.Id) : [id];
        var result = new List<Person>();
        foreach (var organization in organizations)
        {
            foreach (var registration in _registrationsByOrganization[organization])
            {
                if (registration.IsActiveOn(date) && _people[registration.PersonId].StandingOn(date) is { } s && s.IsMember())
                {
                    result.Add(_people[registration.PersonId]);
                }
            }
        }

        return result;
    }

    /// <summary>The registration that holds for <paramref name="person"/> on <paramref name="date"/>, if any.</summary>
    /// <param name="person">The member.</param>
    /// <param name="date">The date.</param>
    public MembershipRegistration? RegistrationOf(PersonId person, LocalDate date) => ActiveOn(_registrationsByPerson[person], date);

    /// <summary>Every registration of <paramref name="person"/>, oldest first: the transfer history.</summary>
    /// <param name="person">The member.</param>
    public IReadOnlyList<MembershipRegistration> RegistrationHistoryOf(PersonId person) => _registrationsByPerson[person];

    /// <summary>The secretary of <paramref name="organization"/> on <paramref name="date"/>, if the post is filled.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="date">The date.</param>
    public PartyPostHolding? SecretaryOf(OrganizationId organization, LocalDate date)
    {
        foreach (var post in _partyPostsByOrganization[organization])
        {
            if (post.Post == PartyPost.Secretary && post.IsActiveOn(date))
            {
                return post;
            }
        }

        return null;
    }

    /// <summary>The committee seats (secretary, deputies, committee members) of <paramref name="organization"/> held on <paramref name="date"/>.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<PartyPostHolding> CommitteeOf(OrganizationId organization, LocalDate date) =>
        _partyPostsByOrganization[organization].Where(p => p.Post.IsCommitteeSeat() && p.IsActiveOn(date)).ToArray();

    /// <summary>
    /// Whether <paramref name="organization"/> has an elected committee (支部委员会) on <paramref name="date"/>: at least one
    /// committee member besides the secretary and deputies, who may serve without a committee.
    /// </summary>
    /// <param name="organization">The organization.</param>
    /// <param name="date">The date.</param>
    public bool HasCommittee(OrganizationId organization, LocalDate date) =>
        _partyPostsByOrganization[organization].Any(p => p.Post == PartyPost.CommitteeMember && p.IsActiveOn(date));

    /// <summary>Every post in a party organization held by <paramref name="person"/> on <paramref name="date"/>.</summary>
    /// <param name="person">The person.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<PartyPostHolding> PartyPostsOf(PersonId person, LocalDate date) =>
        _partyPostsByPerson[person].Where(p => p.IsActiveOn(date)).ToArray();

    /// <summary>The firms <paramref name="organization"/> covers on <paramref name="date"/>.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<FirmId> FirmsCoveredBy(OrganizationId organization, LocalDate date) =>
        _coverageByOrganization[organization].Where(c => c.IsActiveOn(date)).Select(c => c.FirmId).Distinct().ToArray();

    /// <summary>The organizations that cover <paramref name="firm"/> on <paramref name="date"/>.</summary>
    /// <param name="firm">The firm.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<PartyOrganization> OrganizationsCovering(FirmId firm, LocalDate date) =>
        _coverageByFirm[firm].Where(c => c.IsActiveOn(date)).Select(c => _organizations[c.OrganizationId]).Distinct().ToArray();

    /// <summary>The firm <paramref name="person"/> practises at on <paramref name="date"/>, if any.</summary>
    /// <param name="person">The lawyer.</param>
    /// <param name="date">The date.</param>
    public FirmEmployment? EmploymentOf(PersonId person, LocalDate date) => ActiveOn(_employmentsByPerson[person], date);

    /// <summary>Every employment of <paramref name="person"/>, oldest first.</summary>
    /// <param name="person">The lawyer.</param>
    public IReadOnlyList<FirmEmployment> EmploymentHistoryOf(PersonId person) => _employmentsByPerson[person];

    /// <summary>The employments at <paramref name="firm"/> that hold on <paramref name="date"/>.</summary>
    /// <param name="firm">The firm.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<FirmEmployment> EmploymentsAt(FirmId firm, LocalDate date) =>
        _employmentsByFirm[firm].Where(e => e.IsActiveOn(date)).ToArray();

    /// <summary>The director of <paramref name="firm"/> on <paramref name="date"/>, if known.</summary>
    /// <param name="firm">The firm.</param>
    /// <param name="date">The date.</param>
    public FirmPostHolding? DirectorOf(FirmId firm, LocalDate date)
    {
        foreach (var post in _firmPostsByFirm[firm])
        {
            if (post.Post == FirmPost.Director && post.IsActiveOn(date))
            {
                return post;
            }
        }

        return null;
    }

    /// <summary>Every firm post held by <paramref name="person"/> on <paramref name="date"/>.</summary>
    /// <param name="person">The person.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<FirmPostHolding> FirmPostsOf(PersonId person, LocalDate date) =>
        _firmPostsByPerson[person].Where(p => p.IsActiveOn(date)).ToArray();

    /// <summary>The instructors assigned to <paramref name="firm"/> on <paramref name="date"/>.</summary>
    /// <param name="firm">The firm.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<InstructorAssignment> InstructorsOf(FirmId firm, LocalDate date) =>
        _instructorsByFirm[firm].Where(i => i.IsActiveOn(date)).ToArray();

    /// <summary>Every committee election of <paramref name="organization"/>, oldest first.</summary>
    /// <param name="organization">The organization.</param>
    public IReadOnlyList<CommitteeElection> ElectionsOf(OrganizationId organization) => _electionsByOrganization[organization];

    /// <summary>
    /// The cross-appointments (双向交叉任职) on <paramref name="date"/>: a committee seat in an organization held by a
    /// person who also holds a management post in a firm that organization covers.
    /// </summary>
    /// <param name="date">The date.</param>
    public IReadOnlyList<CrossAppointment> CrossAppointments(LocalDate date)
    {
        var result = new List<CrossAppointment>();
        foreach (var seat in PartyPosts)
        {
            if (!seat.Post.IsCommitteeSeat() || !seat.IsActiveOn(date))
            {
                continue;
            }

            foreach (var firmPost in _firmPostsByPerson[seat.PersonId])
            {
                if (firmPost.IsActiveOn(date) && _coverageByOrganization[seat.OrganizationId].Any(c => c.FirmId == firmPost.FirmId && c.IsActiveOn(date)))
                {
                    result.Add(new CrossAppointment(seat.PersonId, seat.OrganizationId, seat.Post, firmPost.FirmId, firmPost.Post));
                }
            }
        }

        return result;
    }

    internal IReadOnlyList<MembershipRegistration> RegistrationsHeldBy(OrganizationId organization) => _registrationsByOrganization[organization];

    internal IReadOnlyList<FirmEmployment> EmploymentsAtAnyTime(FirmId firm) => _employmentsByFirm[firm];

    internal IReadOnlyList<PartyPostHolding> PartyPostsIn(OrganizationId organization) => _partyPostsByOrganization[organization];

    internal IReadOnlyList<FirmCoverage> CoverageOf(FirmId firm) => _coverageByFirm[firm];

    internal IReadOnlyList<FirmCoverage> CoverageBy(OrganizationId organization) => _coverageByOrganization[organization];

    private static T? ActiveOn<T>(IReadOnlyList<T> records, LocalDate date)
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
