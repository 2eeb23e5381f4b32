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
    private readonly DatasetIndexes _ix;

    private readonly IDatasetCatalog[] _catalogs;

    internal CityDataset(CityInfo city, LocalDate today, DatasetIndexes indexes, IDatasetCatalog[] catalogs)
    {
        _catalogs = catalogs;
        City = city;
        Today = today;
        _ix = indexes;
        Organizations = indexes.OrganizationArray;
        Firms = indexes.FirmArray;
        People = indexes.PersonArray;
        Registrations = indexes.RegistrationArray;
        Employments = indexes.EmploymentArray;
        FirmPosts = indexes.FirmPostArray;
        PartyPosts = indexes.PartyPostArray;
        Coverages = indexes.CoverageArray;
        Instructors = indexes.InstructorArray;
        Elections = indexes.ElectionArray;
        indexes.Dataset = this;
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

    /// <summary>The records of a declared kind (<see cref="DatasetRecord.Declared"/>), in the order they were added; empty when there are none.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    public IReadOnlyList<T> Records<T>()
        where T : DatasetRecord => _ix.Records<T>();

    /// <summary>The dataset's catalog of type <typeparamref name="TCatalog"/> (a copy of the builder's), or <c>null</c> when the builder had none.</summary>
    /// <typeparam name="TCatalog">The catalog's type.</typeparam>
    public TCatalog? Catalog<TCatalog>()
        where TCatalog : class, IDatasetCatalog => _catalogs.OfType<TCatalog>().FirstOrDefault();

    /// <summary>The declared kinds the dataset holds records of, parents before the kinds that refer to them.</summary>
    public IReadOnlyList<RecordKind> Kinds => _ix.Kinds;

    internal IReadOnlyList<IDatasetCatalog> Catalogs => _catalogs;

    /// <summary>The backbone's record types and their records, parents before the records naming them; the declared kinds follow them.</summary>
    internal static IReadOnlyList<(Type Type, Func<CityDataset, IReadOnlyList<DatasetRecord>> Records)> Backbone { get; } =
    [
        (typeof(PartyOrganization), d => d.Organizations),
        (typeof(LawFirm), d => d.Firms),
        (typeof(Person), d => d.People),
        (typeof(MembershipRegistration), d => d.Registrations),
        (typeof(FirmEmployment), d => d.Employments),
        (typeof(FirmPostHolding), d => d.FirmPosts),
        (typeof(PartyPostHolding), d => d.PartyPosts),
        (typeof(FirmCoverage), d => d.Coverages),
        (typeof(InstructorAssignment), d => d.Instructors),
        (typeof(CommitteeElection), d => d.Elections),
    ];

    /// <summary>
    /// Every record, parents before the records that refer to them: what a <see cref="CityDatasetBuilder"/> takes
    /// back (<see cref="CityDatasetBuilder.AddRange"/>) to build this dataset with more records merged in.
    /// </summary>
    public IEnumerable<DatasetRecord> Records() => Backbone.SelectMany(b => b.Records(this)).Concat(Kinds.SelectMany(_ix.Records));

    /// <summary>The organization with <paramref name="id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <exception cref="KeyNotFoundException">No organization has that identifier.</exception>
    public PartyOrganization GetOrganization(OrganizationId id) =>
        _ix.Organizations.TryGetValue(id, out var o) ? o : throw new KeyNotFoundException($"No organization '{id}' in the dataset of {City.Name}.");

    /// <summary>Finds the organization with <paramref name="id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="organization">The organization, when found.</param>
    public bool TryGetOrganization(OrganizationId id, [MaybeNullWhen(false)] out PartyOrganization organization) =>
        _ix.Organizations.TryGetValue(id, out organization);

    /// <summary>The firm with <paramref name="id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <exception cref="KeyNotFoundException">No firm has that identifier.</exception>
    public LawFirm GetFirm(FirmId id) =>
        _ix.Firms.TryGetValue(id, out var f) ? f : throw new KeyNotFoundException($"No law firm '{id}' in the dataset of {City.Name}.");

    /// <summary>Finds the firm with <paramref name="id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="firm">The firm, when found.</param>
    public bool TryGetFirm(FirmId id, [MaybeNullWhen(false)] out LawFirm firm) => _ix.Firms.TryGetValue(id, out firm);

    /// <summary>The person with <paramref name="id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <exception cref="KeyNotFoundException">No person has that identifier.</exception>
    public Person GetPerson(PersonId id) =>
        _ix.TryGetPerson(id, out var p) ? p : throw new KeyNotFoundException($"No person '{id}' in the dataset of {City.Name}.");

    /// <summary>Finds the person with <paramref name="id"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="person">The person, when found.</param>
    public bool TryGetPerson(PersonId id, [MaybeNullWhen(false)] out Person person) => _ix.TryGetPerson(id, out person);

    /// <summary>The organizations directly under <paramref name="id"/> on <paramref name="date"/> (their parent as of that date) that exist then.</summary>
    /// <param name="id">The parent organization.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<PartyOrganization> ChildrenOf(OrganizationId id, LocalDate date) =>
        _ix.Children[id].Where(l => l.Child.ExistsOn(date) && l.Child.ParentOn(date) == id).Select(l => l.Child).ToArray();

    /// <summary>
    /// The organization <paramref name="id"/> and every organization below it that exists on <paramref name="date"/>, parents
    /// first; each organization's parent is the one it had on that date (<see cref="PartyOrganization.ParentOn"/>).
    /// </summary>
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
            foreach (var (_, child) in _ix.Children.Span(o.Id))
            {
                if (child.ExistsOn(date) && child.ParentOn(date) == o.Id)
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
            foreach (var registration in _ix.RegistrationsByOrganization.Span(organization))
            {
                if (registration.IsActiveOn(date) && _ix.TryGetPerson(registration.PersonId, out var person) && person.StandingOn(date) is { } s && s.IsMember())
                {
                    result.Add(person);
                }
            }
        }

        return result;
    }

    /// <summary>The registration that holds for <paramref name="person"/> on <paramref name="date"/>, if any.</summary>
    /// <param name="person">The member.</param>
    /// <param name="date">The date.</param>
    public MembershipRegistration? RegistrationOf(PersonId person, LocalDate date) => ActiveOn(_ix.RegistrationsByPerson.Span(person), date);

    /// <summary>Every registration of <paramref name="person"/>, oldest first: the transfer history.</summary>
    /// <param name="person">The member.</param>
    public IReadOnlyList<MembershipRegistration> RegistrationHistoryOf(PersonId person) => _ix.RegistrationsByPerson[person];

    /// <summary>The secretary of <paramref name="organization"/> on <paramref name="date"/>, if the post is filled.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="date">The date.</param>
    public PartyPostHolding? SecretaryOf(OrganizationId organization, LocalDate date)
    {
        foreach (var post in _ix.PartyPostsByOrganization.Span(organization))
        {
            if (post.Post == PartyPost.Secretary && post.IsActiveOn(date))
            {
                return post;
            }
        }

        return null;
    }

    /// <summary>The name of <paramref name="organization"/>'s secretary on <paramref name="date"/>, or <c>null</c> when the post is vacant.</summary>
    internal string? SecretaryNameOf(OrganizationId organization, LocalDate date) =>
        SecretaryOf(organization, date) is { } post && TryGetPerson(post.PersonId, out var person) ? person.Name : null;

    /// <summary>The committee seats (secretary, deputies, committee members) of <paramref name="organization"/> held on <paramref name="date"/>.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<PartyPostHolding> CommitteeOf(OrganizationId organization, LocalDate date) =>
        _ix.PartyPostsByOrganization[organization].Where(p => p.Post.IsCommitteeSeat() && p.IsActiveOn(date)).ToArray();

    /// <summary>
    /// Whether <paramref name="organization"/> has a committee (支部委员会) on <paramref name="date"/>: at least
    /// <see cref="PartyPostExtensions.MinimumCommitteeSeats"/> (3) distinct people hold secretary, deputy or committee-member
    /// seats. Source: 《中国共产党支部工作条例（试行）》第六章 (3 to 5 members, the secretary included).
    /// </summary>
    /// <param name="organization">The organization.</param>
    /// <param name="date">The date.</param>
    public bool HasCommittee(OrganizationId organization, LocalDate date) =>
        _ix.PartyPostsByOrganization[organization].Where(p => p.Post.IsCommitteeSeat() && p.IsActiveOn(date)).Select(p => p.PersonId).Distinct().Count()
            >= PartyPostExtensions.MinimumCommitteeSeats;

    /// <summary>Every post in a party organization held by <paramref name="person"/> on <paramref name="date"/>.</summary>
    /// <param name="person">The person.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<PartyPostHolding> PartyPostsOf(PersonId person, LocalDate date) =>
        _ix.PartyPostsByPerson[person].Where(p => p.IsActiveOn(date)).ToArray();

    /// <summary>The firms <paramref name="organization"/> covers on <paramref name="date"/>.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<FirmId> FirmsCoveredBy(OrganizationId organization, LocalDate date) =>
        _ix.CoverageByOrganization[organization].Where(c => c.IsActiveOn(date)).Select(c => c.FirmId).Distinct().ToArray();

    /// <summary>The organizations that cover <paramref name="firm"/> on <paramref name="date"/>.</summary>
    /// <param name="firm">The firm.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<PartyOrganization> OrganizationsCovering(FirmId firm, LocalDate date) =>
        _ix.CoverageByFirm[firm].Where(c => c.IsActiveOn(date)).Select(c => _ix.Organizations[c.OrganizationId]).Distinct().ToArray();

    /// <summary>The firm <paramref name="person"/> practises at on <paramref name="date"/>, if any.</summary>
    /// <param name="person">The lawyer.</param>
    /// <param name="date">The date.</param>
    public FirmEmployment? EmploymentOf(PersonId person, LocalDate date) => ActiveOn(_ix.EmploymentsByPerson.Span(person), date);

    /// <summary>Every employment of <paramref name="person"/>, oldest first.</summary>
    /// <param name="person">The lawyer.</param>
    public IReadOnlyList<FirmEmployment> EmploymentHistoryOf(PersonId person) => _ix.EmploymentsByPerson[person];

    /// <summary>The employments at <paramref name="firm"/> that hold on <paramref name="date"/>.</summary>
    /// <param name="firm">The firm.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<FirmEmployment> EmploymentsAt(FirmId firm, LocalDate date) =>
        _ix.EmploymentsByFirm[firm].Where(e => e.IsActiveOn(date)).ToArray();

    /// <summary>The director of <paramref name="firm"/> on <paramref name="date"/>, if known.</summary>
    /// <param name="firm">The firm.</param>
    /// <param name="date">The date.</param>
    public FirmPostHolding? DirectorOf(FirmId firm, LocalDate date)
    {
        foreach (var post in _ix.FirmPostsByFirm.Span(firm))
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
        _ix.FirmPostsByPerson[person].Where(p => p.IsActiveOn(date)).ToArray();

    /// <summary>The instructors assigned to <paramref name="firm"/> on <paramref name="date"/>.</summary>
    /// <param name="firm">The firm.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<InstructorAssignment> InstructorsOf(FirmId firm, LocalDate date) =>
        _ix.InstructorsByFirm[firm].Where(i => i.IsActiveOn(date)).ToArray();

    /// <summary>Every committee election of <paramref name="organization"/>, oldest first.</summary>
    /// <param name="organization">The organization.</param>
    public IReadOnlyList<CommitteeElection> ElectionsOf(OrganizationId organization) => _ix.ElectionsByOrganization[organization];

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

            foreach (var firmPost in _ix.FirmPostsByPerson[seat.PersonId])
            {
                if (firmPost.IsActiveOn(date) && _ix.CoverageByOrganization[seat.OrganizationId].Any(c => c.FirmId == firmPost.FirmId && c.IsActiveOn(date)))
                {
                    result.Add(new CrossAppointment(seat.PersonId, seat.OrganizationId, seat.Post, firmPost.FirmId, firmPost.Post));
                }
            }
        }

        return result;
    }

    internal ReadOnlySpan<MembershipRegistration> RegistrationSpan(PersonId person) => _ix.RegistrationsByPerson.Span(person);

    internal ReadOnlySpan<FirmEmployment> EmploymentSpan(PersonId person) => _ix.EmploymentsByPerson.Span(person);

    internal ReadOnlySpan<FirmCoverage> CoverageSpan(OrganizationId organization) => _ix.CoverageByOrganization.Span(organization);

    internal ReadOnlySpan<PartyPostHolding> PartyPostSpan(OrganizationId organization) => _ix.PartyPostsByOrganization.Span(organization);

    internal DatasetIndexes Indexes => _ix;

    internal ReadOnlySpan<CommitteeElection> ElectionSpan(OrganizationId organization) => _ix.ElectionsByOrganization.Span(organization);

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
