using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Data;

/// <summary>
/// Every lookup a <see cref="CityDataset"/> answers from, built once from the builder's records. The validator
/// checks the records through the same indexes (overlaps are found group by group), so building a dataset indexes
/// its records once, not twice.
/// </summary>
internal sealed class DatasetIndexes
{
    private static readonly Comparison<ITimeBound> ByFrom = (a, b) => a.From.CompareTo(b.From);

    private readonly Lazy<GroupIndex<OrganizationId, (OrganizationId Parent, PartyOrganization Child)>> _children;
    private readonly Lazy<GroupIndex<OrganizationId, MembershipRegistration>> _registrationsByOrganization;
    private readonly Lazy<GroupIndex<FirmId, FirmEmployment>> _employmentsByFirm;
    private readonly Lazy<GroupIndex<PersonId, FirmPostHolding>> _firmPostsByPerson;
    private readonly Lazy<GroupIndex<PersonId, PartyPostHolding>> _partyPostsByPerson;
    private readonly Lazy<GroupIndex<FirmId, FirmCoverage>> _coverageByFirm;
    private readonly Lazy<GroupIndex<FirmId, InstructorAssignment>> _instructorsByFirm;
    private readonly Lazy<GroupIndex<OrganizationId, CommitteeElection>> _electionsByOrganization;
    private readonly Dictionary<Type, Array> _kindArrays;
    private readonly Lazy<PersonId[]> _personIds;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, Lazy<object>> _derived = new(ReferenceEqualityComparer.Instance);

    public DatasetIndexes(CityDatasetBuilder.Records records)
    {
        Organizations = FirstById(records.Organizations, o => o.Id);
        Firms = FirstById(records.Firms, f => f.Id);
        PersonPositions = Positions(records.People, p => p.Id, out var duplicates);
        DuplicatePeople = duplicates;
        // What the validator needs is built now; the rest when a query first asks for it. Person-keyed groups are
        // numbered by the people's positions, so an engine walking people in order reads each one's group by position.
        var positions = PersonPositions;
        RegistrationsByPerson = new(records.Registrations, r => r.PersonId, ByFrom, positions);
        EmploymentsByPerson = new(records.Employments, e => e.PersonId, ByFrom, positions);
        FirmPostsByFirm = new(records.FirmPosts, p => p.FirmId, ByFrom);
        PartyPostsByOrganization = new(records.PartyPosts, p => p.OrganizationId, ByFrom);
        CoverageByOrganization = new(records.Coverages, c => c.OrganizationId, ByFrom);

        // Snapshots: the builder's lists may change after Build, the dataset's arrays never do.
        var organizations = OrganizationArray = records.Organizations.ToArray();
        FirmArray = records.Firms.ToArray();
        PersonArray = records.People.ToArray();
        var registrations = RegistrationArray = records.Registrations.ToArray();
        var employments = EmploymentArray = records.Employments.ToArray();
        var firmPosts = FirmPostArray = records.FirmPosts.ToArray();
        var partyPosts = PartyPostArray = records.PartyPosts.ToArray();
        var coverages = CoverageArray = records.Coverages.ToArray();
        var instructors = InstructorArray = records.Instructors.ToArray();
        var elections = ElectionArray = records.Elections.ToArray();
        Kinds = RecordKinds.Ordered(records.Kinds.Keys);
        _kindArrays = records.Kinds.ToDictionary(k => k.Key.RecordType, k => k.Value.ToArray());
        _children = new(() => new(ParentLinks(organizations), link => link.Parent));
        _registrationsByOrganization = new(() => new(registrations, r => r.OrganizationId, ByFrom));
        _employmentsByFirm = new(() => new(employments, e => e.FirmId, ByFrom));
        _firmPostsByPerson = new(() => new(firmPosts, p => p.PersonId, ByFrom, positions));
        _partyPostsByPerson = new(() => new(partyPosts, p => p.PersonId, ByFrom, positions));
        _coverageByFirm = new(() => new(coverages, c => c.FirmId, ByFrom));
        _instructorsByFirm = new(() => new(instructors, i => i.FirmId, ByFrom));
        _electionsByOrganization = new(() => new(elections, e => e.OrganizationId, (a, b) => a.ElectedOn.CompareTo(b.ElectedOn)));
        _personIds = new(() => Array.ConvertAll(PersonArray, p => p.Id));
    }

    public PartyOrganization[] OrganizationArray { get; }

    public LawFirm[] FirmArray { get; }

    public Person[] PersonArray { get; }

    public MembershipRegistration[] RegistrationArray { get; }

    public FirmEmployment[] EmploymentArray { get; }

    public FirmPostHolding[] FirmPostArray { get; }

    public PartyPostHolding[] PartyPostArray { get; }

    public FirmCoverage[] CoverageArray { get; }

    public InstructorAssignment[] InstructorArray { get; }

    public CommitteeElection[] ElectionArray { get; }

    /// <summary>The declared kinds the dataset holds records of, parents before the kinds that refer to them.</summary>
    public IReadOnlyList<RecordKind> Kinds { get; }

    /// <summary>The records of type <typeparamref name="T"/> (a declared kind), in the order added; empty when there are none.</summary>
    public T[] Records<T>()
        where T : DatasetRecord => _kindArrays.TryGetValue(typeof(T), out var records) ? (T[])records : [];

    /// <summary>The records of <paramref name="kind"/>, in the order added; empty when there are none.</summary>
    public IReadOnlyList<DatasetRecord> Records(RecordKind kind) => _kindArrays.TryGetValue(kind.RecordType, out var records) ? (DatasetRecord[])records : [];

    /// <summary>The dataset these indexes belong to; set by the dataset, which owns them.</summary>
    public CityDataset Dataset { get; set; } = null!;

    public Dictionary<OrganizationId, PartyOrganization> Organizations { get; }

    public Dictionary<FirmId, LawFirm> Firms { get; }

    /// <summary>The person with <paramref name="id"/> (the first, should the id repeat).</summary>
    public bool TryGetPerson(PersonId id, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Person person)
    {
        person = PersonPositions.TryGetValue(id, out var p) ? PersonArray[p] : null;
        return person is not null;
    }

    /// <summary>The positions in <see cref="PersonArray"/> of people whose id an earlier person has, in order; usually empty.</summary>
    public int[] DuplicatePeople { get; }

    /// <summary>
    /// Every organization under each parent it ever had (current or former, once per parent): a query on a date keeps the
    /// children whose <see cref="PartyOrganization.ParentOn"/> that date is the parent.
    /// </summary>
    public GroupIndex<OrganizationId, (OrganizationId Parent, PartyOrganization Child)> Children => _children.Value;

    private static (OrganizationId Parent, PartyOrganization Child)[] ParentLinks(PartyOrganization[] organizations)
    {
        var links = new List<(OrganizationId, PartyOrganization)>(organizations.Length);
        foreach (var o in organizations)
        {
            if (o.ParentId is { } current)
            {
                links.Add((current, o));
            }

            foreach (var former in o.FormerParents.Select(f => f.ParentId).Distinct())
            {
                if (former != o.ParentId)
                {
                    links.Add((former, o));
                }
            }
        }

        return [.. links];
    }

    public GroupIndex<OrganizationId, MembershipRegistration> RegistrationsByOrganization => _registrationsByOrganization.Value;

    /// <summary>Each person's registrations by start; group <c>n</c> is the person at position <c>n</c> of <see cref="PersonArray"/>.</summary>
    public GroupIndex<PersonId, MembershipRegistration> RegistrationsByPerson { get; }

    public GroupIndex<FirmId, FirmEmployment> EmploymentsByFirm => _employmentsByFirm.Value;

    /// <summary>Each person's employments by start; group <c>n</c> is the person at position <c>n</c> of <see cref="PersonArray"/>.</summary>
    public GroupIndex<PersonId, FirmEmployment> EmploymentsByPerson { get; }

    public GroupIndex<FirmId, FirmPostHolding> FirmPostsByFirm { get; }

    public GroupIndex<PersonId, FirmPostHolding> FirmPostsByPerson => _firmPostsByPerson.Value;

    public GroupIndex<OrganizationId, PartyPostHolding> PartyPostsByOrganization { get; }

    public GroupIndex<PersonId, PartyPostHolding> PartyPostsByPerson => _partyPostsByPerson.Value;

    public GroupIndex<OrganizationId, FirmCoverage> CoverageByOrganization { get; }

    public GroupIndex<FirmId, FirmCoverage> CoverageByFirm => _coverageByFirm.Value;

    public GroupIndex<FirmId, InstructorAssignment> InstructorsByFirm => _instructorsByFirm.Value;

    public GroupIndex<OrganizationId, CommitteeElection> ElectionsByOrganization => _electionsByOrganization.Value;

    /// <summary>The people's ids in <see cref="PersonArray"/>'s order: comparing ids in one array does not visit every person.</summary>
    public PersonId[] PersonIds => _personIds.Value;

    /// <summary>
    /// Each person's position in <see cref="PersonArray"/> (the first, should an id repeat): the numbering of the person-keyed
    /// groups, and of the engines that keep per-person figures in arrays (see <see cref="PersonFinder"/>).
    /// </summary>
    public Dictionary<PersonId, int> PersonPositions { get; }

    /// <summary>
    /// The index <paramref name="index"/> derives from the records, built on first use and kept with the dataset: the
    /// records never change, so an engine that runs again on the same dataset (each report, each check of a
    /// long-running app) finds it built. Only groupings of records belong here, never an evaluation's results.
    /// </summary>
    public T Derived<T>(DerivedIndex<T> index)
        where T : class =>
        (T)_derived.GetOrAdd(index, static (key, ix) => new Lazy<object>(() => ((DerivedIndex<T>)key).Build(ix)), this).Value;

    /// <summary>The position of the first record of each id, and the positions of the later ones, which the validator reports.</summary>
    private static Dictionary<TId, int> Positions<TId, T>(List<T> items, Func<T, TId> id, out int[] duplicates)
        where TId : notnull
    {
        var map = new Dictionary<TId, int>(items.Count);
        List<int>? later = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (!map.TryAdd(id(items[i]), i))
            {
                (later ??= []).Add(i);
            }
        }

        duplicates = later?.ToArray() ?? [];
        return map;
    }

    /// <summary>The first record of each id; the validator reports the later duplicates.</summary>
    private static Dictionary<TId, T> FirstById<TId, T>(List<T> items, Func<T, TId> id)
        where TId : notnull
    {
        var map = new Dictionary<TId, T>(items.Count);
        foreach (var item in items)
        {
            map.TryAdd(id(item), item);
        }

        return map;
    }
}
