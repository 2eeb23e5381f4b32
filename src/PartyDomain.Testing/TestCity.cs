using NodaTime;
using NodaTime.Testing;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Organization;

namespace PartyDomain.Testing;

/// <summary>
/// A small city for tests, described fluently, as the library's own tests describe theirs: the industry committee
/// <see cref="Committee"/> is always there (unless asked otherwise), every record defaults to <see cref="LongAgo"/> and
/// stays open, and "today" comes from a <see cref="FakeClock"/> set to 10:00 in Asia/Shanghai on <see cref="Today"/>.
/// Ids are short strings (<c>"B1"</c>, <c>"P1"</c>); names and lawyer licences are made up from them.
/// </summary>
/// <example>
/// <code>
/// var city = new TestCity().Firm("F1").BranchOf("B1", "F1").Members("M", full: 8, registeredAt: "B1", employedAt: "F1")
///     .Activity("B1", ActivityKind.GeneralMeeting, new LocalDate(2025, 3, 5), "M-F1", "M-F2");
/// var result = PartyDomainEngines.Create(city.Clock).Structure.Check(city.Build(), city.Today);
/// </code>
/// </example>
public sealed class TestCity
{
    /// <summary>The id of the city's industry committee (律师行业党委).</summary>
    public const string Committee = "C";

    private readonly List<DatasetRecord> _records = [];

    /// <summary>A city whose today is <paramref name="today"/> (<see cref="DefaultToday"/> unless given), with its industry committee unless told otherwise.</summary>
    /// <param name="today">The day "today" is.</param>
    /// <param name="withCommittee">Whether the industry committee <see cref="Committee"/> is there.</param>
    public TestCity(LocalDate? today = null, bool withCommittee = true)
    {
        Today = today ?? DefaultToday;
        Clock = ClockAt(Today);
        if (withCommittee)
        {
            Organization(Committee, OrganizationKind.IndustryCommittee, parent: null, established: CommitteeEstablished, name: "信阳市律师行业党委");
        }
    }

    /// <summary>The default "today": Sunday 15 June 2025 (mid-month, so month arithmetic is unambiguous).</summary>
    public static LocalDate DefaultToday { get; } = new(2025, 6, 15);

    /// <summary>The default first day of every record.</summary>
    public static LocalDate LongAgo { get; } = new(2015, 1, 1);

    /// <summary>The day the committee was established.</summary>
    public static LocalDate CommitteeEstablished { get; } = new(2010, 1, 1);

    /// <summary>The city: 411500 信阳市.</summary>
    public static CityInfo Info { get; } = new("411500", "信阳市");

    /// <summary>The day "today" is.</summary>
    public LocalDate Today { get; }

    /// <summary>A clock at 10:00 China Standard Time on <see cref="Today"/>; move it to test what falls due.</summary>
    public FakeClock Clock { get; }

    /// <summary>The records described so far, in order.</summary>
    public IReadOnlyList<DatasetRecord> Records => _records;

    /// <summary>A fake clock at 10:00 China Standard Time on <paramref name="date"/> (02:00 UTC the same day).</summary>
    /// <param name="date">The day.</param>
    public static FakeClock ClockAt(LocalDate date) => TestClock.On(date);

    /// <summary>A person id.</summary>
    /// <param name="id">The id.</param>
    public static PersonId P(string id) => new(id);

    /// <summary>An organization id.</summary>
    /// <param name="id">The id.</param>
    public static OrganizationId O(string id) => new(id);

    /// <summary>A firm id.</summary>
    /// <param name="id">The id.</param>
    public static FirmId F(string id) => new(id);

    /// <summary>Adds any record, for what the shortcuts below do not cover.</summary>
    /// <param name="record">The record.</param>
    public TestCity Add(DatasetRecord record)
    {
        _records.Add(record);
        return this;
    }

    /// <summary>Replaces the person <paramref name="id"/> with <paramref name="change"/> of it.</summary>
    /// <param name="id">The person's id.</param>
    /// <param name="change">Makes the changed person (<c>p => p with { ... }</c>).</param>
    public TestCity Update(string id, Func<Person, Person> change)
    {
        var at = _records.FindIndex(r => r is Person p && p.Id == P(id));
        _records[at] = change((Person)_records[at]);
        return this;
    }

    // ---- organizations -------------------------------------------------------------------------------------------

    /// <summary>Gives the organization <paramref name="id"/> former parents (改隶): <c>(parent, until)</c> pairs, oldest first.</summary>
    public TestCity FormerParents(string id, params (string Parent, LocalDate Until)[] former)
    {
        var at = _records.FindIndex(r => r is PartyOrganization o && o.Id == O(id));
        _records[at] = (PartyOrganization)_records[at] with { FormerParents = [.. former.Select(f => new FormerParent(O(f.Parent), f.Until))] };
        return this;
    }

    /// <summary>An organization of <paramref name="kind"/> under <paramref name="parent"/>, established <see cref="LongAgo"/> unless given.</summary>
    public TestCity Organization(string id, OrganizationKind kind, string? parent, LocalDate? established = null, LocalDate? dissolved = null, string? name = null, RecordOrigin? origin = null) =>
        Add(new PartyOrganization
        {
            Id = O(id),
            Name = name ?? $"{id}党组织",
            Kind = kind,
            ParentId = parent is null ? null : O(parent),
            Established = established ?? LongAgo,
            Dissolved = dissolved,
            Origin = origin,
        });

    /// <summary>A general branch (党总支) under <paramref name="parent"/>.</summary>
    public TestCity GeneralBranch(string id, string parent = Committee, LocalDate? established = null, LocalDate? dissolved = null) =>
        Organization(id, OrganizationKind.GeneralBranch, parent, established, dissolved, $"{id}党总支");

    /// <summary>A branch (党支部) under <paramref name="parent"/>, the committee unless given.</summary>
    public TestCity Branch(string id, string parent = Committee, LocalDate? established = null, LocalDate? dissolved = null) =>
        Organization(id, OrganizationKind.Branch, parent, established, dissolved, $"{id}党支部");

    /// <summary>A firm's own branch under the committee, covering <paramref name="firm"/> from <see cref="LongAgo"/>.</summary>
    public TestCity BranchOf(string id, string firm) => Branch(id).Cover(id, firm);

    /// <summary>A joint branch under the committee covering <paramref name="firms"/> from <see cref="LongAgo"/>.</summary>
    public TestCity JointBranch(string id, params string[] firms)
    {
        Organization(id, OrganizationKind.JointBranch, Committee, name: $"{id}联合党支部");
        foreach (var firm in firms)
        {
            Cover(id, firm);
        }

        return this;
    }

    /// <summary>A party group (党小组) in <paramref name="branch"/>.</summary>
    public TestCity PartyGroup(string id, string branch) => Organization(id, OrganizationKind.PartyGroup, branch, name: $"{id}党小组");

    // ---- firms and people ----------------------------------------------------------------------------------------

    /// <summary>A law firm in 浉河区, with the dates, charter and credit code given.</summary>
    public TestCity Firm(string id, LocalDate? founded = null, LocalDate? closed = null, LocalDate? charterSince = null, string? creditCode = null, RecordOrigin? origin = null) =>
        Add(new LawFirm
        {
            Id = F(id),
            Name = $"{id}律师事务所",
            Founded = founded,
            Closed = closed,
            CharterIncludesPartyBuildingSince = charterSince,
            CreditCode = creditCode,
            District = "浉河区",
            Origin = origin,
        });

    /// <summary>A firm, founded long ago, registered in <paramref name="district"/> (empty: no district recorded).</summary>
    public TestCity FirmIn(string id, string district) =>
        Add(new LawFirm { Id = F(id), Name = $"{id}律师事务所", District = district });

    /// <summary>Several firms with default settings.</summary>
    public TestCity Firms(params string[] ids)
    {
        foreach (var id in ids)
        {
            Firm(id);
        }

        return this;
    }

    /// <summary>A practising lawyer with the <paramref name="standings"/> given (none: outside the party).</summary>
    public TestCity Person(string id, params StandingChange[] standings) =>
        Add(new Person
        {
            Id = P(id),
            Name = $"人员{id}",
            Standings = standings,
            Lawyer = new LawyerProfile($"14115{id}"),
        });

    /// <summary>A person born on <paramref name="birth"/> (the admission age rule and the young-applicant counts read it).</summary>
    public TestCity PersonBorn(string id, LocalDate birth, params StandingChange[] standings) =>
        Add(new Person
        {
            Id = P(id),
            Name = $"人员{id}",
            BirthDate = birth,
            Standings = standings,
            Lawyer = new LawyerProfile($"14115{id}"),
        });

    /// <summary>A full member since <paramref name="since"/> (default <see cref="LongAgo"/>), probationary the year before.</summary>
    public TestCity FullMember(string id, LocalDate? since = null)
    {
        var s = since ?? LongAgo;
        return Person(id, Standing(MemberStanding.ProbationaryMember, s.PlusYears(-1)), Standing(MemberStanding.FullMember, s));
    }

    /// <summary>A probationary member since <paramref name="since"/> (default <see cref="LongAgo"/>).</summary>
    public TestCity Probationary(string id, LocalDate? since = null) =>
        Person(id, Standing(MemberStanding.ProbationaryMember, since ?? LongAgo));

    /// <summary>An activist (入党积极分子): not a party member.</summary>
    public TestCity Activist(string id) => Person(id, Standing(MemberStanding.Activist, LongAgo));

    /// <summary>A lawyer outside the party.</summary>
    public TestCity NonMember(string id) => Person(id);

    /// <summary>A change of standing.</summary>
    /// <param name="standing">The new standing.</param>
    /// <param name="since">From when.</param>
    public static StandingChange Standing(MemberStanding standing, LocalDate since) => new(standing, since);

    /// <summary>
    /// <paramref name="full"/> full members (<c>{prefix}-F1</c>...) and <paramref name="probationary"/> probationary ones
    /// (<c>{prefix}-P1</c>...), registered at <paramref name="registeredAt"/> and practising at <paramref name="employedAt"/>
    /// when given, all from <see cref="LongAgo"/>.
    /// </summary>
    public TestCity Members(string prefix, int full, int probationary = 0, string? registeredAt = null, string? employedAt = null)
    {
        void Place(string id)
        {
            if (registeredAt is not null)
            {
                Register(id, registeredAt);
            }

            if (employedAt is not null)
            {
                Employ(id, employedAt);
            }
        }

        for (var i = 1; i <= full; i++)
        {
            var id = $"{prefix}-F{i}";
            FullMember(id);
            Place(id);
        }

        for (var i = 1; i <= probationary; i++)
        {
            var id = $"{prefix}-P{i}";
            Probationary(id);
            Place(id);
        }

        return this;
    }

    /// <summary>
    /// A committee of <paramref name="seats"/> people in <paramref name="organization"/>: a secretary
    /// (<c>{org}-SEC</c>) and <paramref name="seats"/> − 1 committee members (<c>{org}-CM1</c>...), all full members.
    /// </summary>
    public TestCity CommitteeOf(string organization, int seats, LocalDate? from = null)
    {
        FullMember($"{organization}-SEC");
        Secretary($"{organization}-SEC", organization, from);
        for (var i = 1; i < seats; i++)
        {
            var id = $"{organization}-CM{i}";
            FullMember(id);
            Post(id, organization, PartyPost.CommitteeMember, from);
        }

        return this;
    }

    // ---- time-bound records --------------------------------------------------------------------------------------

    /// <summary>Registers <paramref name="person"/>'s membership (组织关系) at <paramref name="organization"/>.</summary>
    public TestCity Register(string person, string organization, LocalDate? from = null, LocalDate? to = null, RecordOrigin? origin = null) =>
        Add(new MembershipRegistration { PersonId = P(person), OrganizationId = O(organization), From = from ?? LongAgo, To = to, Origin = origin });

    /// <summary><paramref name="person"/> practises at <paramref name="firm"/>.</summary>
    public TestCity Employ(string person, string firm, LocalDate? from = null, LocalDate? to = null, RecordOrigin? origin = null) =>
        Add(new FirmEmployment { PersonId = P(person), FirmId = F(firm), From = from ?? LongAgo, To = to, Origin = origin });

    /// <summary><paramref name="person"/> holds <paramref name="post"/> in <paramref name="organization"/>.</summary>
    public TestCity Post(string person, string organization, PartyPost post, LocalDate? from = null, LocalDate? to = null, RecordOrigin? origin = null) =>
        Add(new PartyPostHolding { PersonId = P(person), OrganizationId = O(organization), Post = post, From = from ?? LongAgo, To = to, Origin = origin });

    /// <summary><paramref name="person"/> is the secretary of <paramref name="organization"/>.</summary>
    public TestCity Secretary(string person, string organization, LocalDate? from = null, LocalDate? to = null) =>
        Post(person, organization, PartyPost.Secretary, from, to);

    /// <summary><paramref name="person"/> holds <paramref name="post"/> at <paramref name="firm"/>.</summary>
    public TestCity FirmPost(string person, string firm, FirmPost post, LocalDate? from = null, LocalDate? to = null) =>
        Add(new FirmPostHolding { PersonId = P(person), FirmId = F(firm), Post = post, From = from ?? LongAgo, To = to });

    /// <summary><paramref name="person"/> is the director of <paramref name="firm"/>.</summary>
    public TestCity Director(string person, string firm, LocalDate? from = null, LocalDate? to = null) =>
        FirmPost(person, firm, global::PartyDomain.Organization.FirmPost.Director, from, to);

    /// <summary><paramref name="organization"/> covers <paramref name="firm"/>.</summary>
    public TestCity Cover(string organization, string firm, LocalDate? from = null, LocalDate? to = null) =>
        Add(new FirmCoverage { OrganizationId = O(organization), FirmId = F(firm), From = from ?? LongAgo, To = to });

    /// <summary><paramref name="person"/> is the party-building instructor (党建指导员) of <paramref name="firm"/>.</summary>
    public TestCity Instructor(string person, string firm, LocalDate? from = null, LocalDate? to = null) =>
        Add(new InstructorAssignment { PersonId = P(person), FirmId = F(firm), From = from ?? LongAgo, To = to });

    /// <summary><paramref name="organization"/> elected its committee on <paramref name="on"/>.</summary>
    public TestCity Election(string organization, LocalDate on, int? termYears = null, RecordOrigin? origin = null) =>
        Add(new CommitteeElection { OrganizationId = O(organization), ElectedOn = on, TermYears = termYears, Origin = origin });

    // ---- organizational life --------------------------------------------------------------------------------------

    private int _activities;

    /// <summary>An activity of <paramref name="kind"/> held by <paramref name="organization"/> on <paramref name="on"/>, with everyone listed present.</summary>
    public TestCity Activity(string organization, ActivityKind kind, LocalDate on, params string[] present) =>
        Activity(organization, kind, on, present.Select(p => new Attendance(P(p), AttendanceStatus.Present)).ToArray());

    /// <summary>An activity with explicit attendance; <paramref name="lecturer"/> for a party lesson.</summary>
    public TestCity Activity(string organization, ActivityKind kind, LocalDate on, Attendance[] attendance, string? lecturer = null, string? id = null) =>
        Add(new ActivityRecord
        {
            Id = id ?? $"A{++_activities:D4}",
            OrganizationId = O(organization),
            Kind = kind,
            Date = on,
            Attendance = attendance,
            Lecturer = lecturer is null ? null : P(lecturer),
        });

    /// <summary>A party lesson given by <paramref name="lecturer"/>, with everyone in <paramref name="present"/> present.</summary>
    public TestCity Lesson(string organization, LocalDate on, string lecturer, params string[] present) =>
        Activity(organization, ActivityKind.PartyLesson, on, present.Select(p => new Attendance(P(p), AttendanceStatus.Present)).ToArray(), lecturer);

    /// <summary>Someone present.</summary>
    public static Attendance Present(string person) => new(P(person), AttendanceStatus.Present);

    /// <summary>Someone absent without leave.</summary>
    public static Attendance Absent(string person) => new(P(person), AttendanceStatus.Absent);

    /// <summary>Someone absent with leave, for <paramref name="reason"/>.</summary>
    public static Attendance Excused(string person, string? reason = "出差") => new(P(person), AttendanceStatus.Excused, reason);

    // ---- building ------------------------------------------------------------------------------------------------

    /// <summary>A builder holding every record, whose "today" is read from <see cref="Clock"/> in Asia/Shanghai.</summary>
    public CityDatasetBuilder Builder() => new CityDatasetBuilder(Info, Clock).AddRange(_records);

    /// <summary>Builds the dataset.</summary>
    /// <exception cref="DatasetValidationException">The records have integrity problems; it lists every one.</exception>
    public CityDataset Build() => Builder().Build();

    /// <summary>Every integrity problem of the records.</summary>
    public IReadOnlyList<DatasetProblem> Validate() => Builder().Validate();
}
