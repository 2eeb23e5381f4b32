using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.BasicSystems;

/// <summary>
/// A columnar copy of a dataset's organizational life, built once per dataset on the first compliance evaluation:
/// organizations, people and activity kinds become dense integers, dates become day numbers, attendance becomes one
/// flat array. Every rule then runs over arrays of integers, which is what makes a national evaluation (tens of
/// thousands of branches, millions of records) take milliseconds.
/// </summary>
internal sealed class ActivityIndex
{
    private const byte Present = (byte)AttendanceStatus.Present;
    private const byte Absent = (byte)AttendanceStatus.Absent;
    private const byte Unknown = 0;
    private const byte Quorate = 1;
    private const byte NotQuorate = 2;

    /// <summary>Per activity, whether it had a quorum of full members: <see cref="Unknown"/> until first asked.</summary>
    private readonly byte[] _votingQuorum;

    /// <summary>Per activity, whether it had a quorum of the committee: <see cref="Unknown"/> until first asked.</summary>
    private readonly byte[] _committeeQuorum;
    private readonly Lazy<OwnBranchDays> _ownBranchAttendance;

    /// <summary>Per attendee, whether they attended or were excused while registered in the branch that held the activity.</summary>
    private readonly bool[] _ownBranch;

    /// <summary>The index of a dataset, built on first use and kept with it.</summary>
    internal static readonly DerivedIndex<ActivityIndex> Derived = new(static ix => new ActivityIndex(ix.Dataset));

    public ActivityIndex(CityDataset dataset)
    {
        var ix = dataset.Indexes;
        Organizations = ix.OrganizationArray;
        OrganizationIndex = new Dictionary<OrganizationId, int>(Organizations.Length);
        for (var i = 0; i < Organizations.Length; i++)
        {
            OrganizationIndex[Organizations[i].Id] = i;
        }

        // A party group's activities are its branch's organizational life.
        BranchOf = new int[Organizations.Length];
        OrganizationKinds = new OrganizationKind[Organizations.Length];
        for (var i = 0; i < Organizations.Length; i++)
        {
            var o = Organizations[i];
            BranchOf[i] = o.Kind == OrganizationKind.PartyGroup && o.ParentId is { } parent ? OrganizationIndex[parent] : i;
            OrganizationKinds[i] = o.Kind;
        }

        OrganizationLives = Array.ConvertAll(Organizations, o => (Day(o.Established), o.Dissolved is { } d ? Day(d) : int.MaxValue));

        People = ix.PersonArray;
        var personIndex = ix.PersonPositions; // shared with the other engines that number people

        // Membership spells per person: full member, and member at all (full or probationary), as day ranges.
        var full = new List<(int, int)>(People.Length);
        var member = new List<(int, int)>(People.Length);
        FullStart = new int[People.Length + 1];
        MemberStart = new int[People.Length + 1];
        for (var p = 0; p < People.Length; p++)
        {
            FullStart[p] = full.Count;
            MemberStart[p] = member.Count;
            var standings = People[p].Standings;
            for (var s = 0; s < standings.Count; s++)
            {
                var from = Day(standings[s].Since);
                var to = s + 1 < standings.Count ? Day(standings[s + 1].Since) - 1 : int.MaxValue;
                if (standings[s].Standing == MemberStanding.FullMember)
                {
                    full.Add((from, to));
                }

                if (standings[s].Standing.IsMember())
                {
                    member.Add((from, to));
                }
            }
        }

        FullStart[People.Length] = full.Count;
        MemberStart[People.Length] = member.Count;
        FullSpells = [.. full];
        MemberSpells = [.. member];

        // Registrations per person as (organization, from, to), and per organization as (person, from, to): who is
        // expected at a general meeting. Both are grouped from one pass over the registrations, in the order of the
        // dataset's own group indexes (the dataset's order, then stably by start). The ids are kept for the build:
        // attendees are resolved against their organization's members first.
        var registrations = ix.RegistrationArray;
        var regPerson = new int[registrations.Length];
        var regOrganization = new int[registrations.Length];
        var regFrom = new int[registrations.Length];
        var regTo = new int[registrations.Length];
        var regIds = new PersonId[registrations.Length];
        // A person's registrations usually come one after another, and people in their order: the finder tries there
        // before hashing, as the organization is compared with the last one.
        var people = new PersonFinder(ix);
        for (var i = 0; i < registrations.Length; i++)
        {
            var r = registrations[i];
            regPerson[i] = people.Find(r.PersonId) is var p and >= 0 ? p : throw new KeyNotFoundException($"Registration of unknown person '{r.PersonId}'.");
            regOrganization[i] = i > 0 && r.OrganizationId == registrations[i - 1].OrganizationId ? regOrganization[i - 1] : OrganizationIndex[r.OrganizationId];
            regFrom[i] = Day(r.From);
            regTo[i] = r.To is { } t ? Day(t) : int.MaxValue;
            regIds[i] = r.PersonId;
        }

        RegistrationStart = Group(regPerson, People.Length, regFrom, out var byPerson);
        Registrations = new (int, int, int)[registrations.Length];
        for (var k = 0; k < byPerson.Length; k++)
        {
            var i = byPerson[k];
            Registrations[k] = (regOrganization[i], regFrom[i], regTo[i]);
        }

        OrgMemberStart = Group(regOrganization, Organizations.Length, regFrom, out var byOrganization);
        OrgMembers = new (int, int, int)[registrations.Length];
        var memberIds = new PersonId[registrations.Length];
        var memberHashes = new int[registrations.Length];
        for (var k = 0; k < byOrganization.Length; k++)
        {
            var i = byOrganization[k];
            OrgMembers[k] = (regPerson[i], regFrom[i], regTo[i]);
            memberIds[k] = regIds[i];
            memberHashes[k] = regIds[i].GetHashCode();
        }

        // Committee seats per organization as (person, from, to, post).
        SeatStart = new int[Organizations.Length + 1];
        var seats = new List<(int Person, int From, int To, PartyPost Post)>();
        for (var o = 0; o < Organizations.Length; o++)
        {
            SeatStart[o] = seats.Count;
            foreach (var post in ix.PartyPostsByOrganization.Span(Organizations[o].Id))
            {
                seats.Add((personIndex[post.PersonId], Day(post.From), post.To is { } t ? Day(t) : int.MaxValue, post.Post));
            }
        }

        SeatStart[Organizations.Length] = seats.Count;
        Seats = [.. seats];
        // The days each organization has a committee, worked out once: the rules ask per organization and slot.
        (CommitteeStart, CommitteeSpans) = CommitteeDays();

        var activities = ix.Records<ActivityRecord>();
        var order = SortActivities(activities, out var days, out var organizationOf, out var attendees, out var kinds);
        Kinds = kinds;
        Order = order;
        Records = activities;

        ActivityDay = new int[order.Length];
        ActivityOrganization = new int[order.Length];
        Lecturer = new int[order.Length];
        AttendanceStart = new int[order.Length + 1];
        // The records are read in the dataset's order (they lie in memory roughly that way) and their columns written at
        // their positions: scattered writes to integer arrays cost less than scattered reads of millions of records.
        var position = new int[activities.Length];
        for (var i = 0; i < order.Length; i++)
        {
            position[order[i]] = i;
            AttendanceStart[i + 1] = AttendanceStart[i] + attendees[order[i]];
        }

        Attendee = new int[AttendanceStart[order.Length]];
        AttendeeStatus = new byte[Attendee.Length];
        _ownBranch = new bool[Attendee.Length];

        // Each position's columns depend on that activity alone: a national city's millions of records are filled in
        // two halves side by side (a small city in one go).
        var fill = new Columns(this, activities, position, days, organizationOf, memberIds, memberHashes, personIndex);
        if (order.Length < ParallelFrom)
        {
            fill.Fill(0, order.Length);
        }
        else
        {
            var half = order.Length / 2;
            Parallel.Invoke(() => fill.Fill(0, half), () => fill.Fill(half, order.Length));
        }

        _votingQuorum = new byte[order.Length];
        _committeeQuorum = new byte[order.Length];
        _ownBranchAttendance = new(OwnBranchAttendance);
    }

    /// <summary>How many activities a city has before the index fills their columns on two threads.</summary>
    private const int ParallelFrom = 100_000;

    /// <summary>Fills the per-position columns (day, organization, lecturer, attendees) of a range of records.</summary>
    private sealed class Columns(ActivityIndex index, ActivityRecord[] activities, int[] position, int[] days, int[] organizationOf, PersonId[] memberIds,
        int[] memberHashes, Dictionary<PersonId, int> personIndex)
    {
        /// <summary>Fills the columns of the records [from, to) of the dataset, each at its position.</summary>
        public void Fill(int from, int to)
        {
            for (var r = from; r < to; r++)
            {
                var a = activities[r];
                var i = position[r];
                var organization = organizationOf[r];
                index.ActivityDay[i] = days[r];
                index.ActivityOrganization[i] = organization;
                index.Lecturer[i] = a.Lecturer is { } l ? personIndex[l] : -1;
                var day = days[r];

                // Attendees are nearly always members of the branch, often listed in its order: look there (from after the
                // last one found) before the dictionary, whose lookups miss the cache.
                var branch = index.BranchOf[organization];
                int first = index.OrgMemberStart[branch], members = index.OrgMemberStart[branch + 1] - first, cursor = 0, at = index.AttendanceStart[i];
                var list = a.Attendance;
                var span = Span(list);
                for (var j = 0; j < list.Count; j++)
                {
                    var att = span.Length == list.Count ? span[j] : list[j];
                    // The same id string as the registration's (ids read once per person) is found without reading any
                    // string; another copy of it by its precomputed hash, then its value.
                    int person = -1, found = -1, window = Math.Min(members, 64);
                    for (var probe = 0; probe < window && person < 0; probe++)
                    {
                        var m = first + ((cursor + probe) % members);
                        if (ReferenceEquals(memberIds[m].Value, att.PersonId.Value))
                        {
                            (person, found) = (index.OrgMembers[m].Person, m);
                            cursor = (cursor + probe + 1) % members;
                        }
                    }

                    var hash = person < 0 ? att.PersonId.GetHashCode() : 0;
                    for (var probe = 0; probe < window && person < 0; probe++)
                    {
                        var m = first + ((cursor + probe) % members);
                        if (memberHashes[m] == hash && memberIds[m] == att.PersonId)
                        {
                            (person, found) = (index.OrgMembers[m].Person, m);
                            cursor = (cursor + probe + 1) % members;
                        }
                    }

                    person = person >= 0 ? person : personIndex[att.PersonId];
                    index.Attendee[at] = person;
                    index.AttendeeStatus[at] = (byte)att.Status;

                    // A person's registrations never overlap (the dataset rejects that), so the branch registration found
                    // above, when it covers the day, is the one the person held that day.
                    index._ownBranch[at++] = att.Status != AttendanceStatus.Absent
                        && (found >= 0 && index.OrgMembers[found].From <= day && day <= index.OrgMembers[found].To || index.RegistrationOn(person, day) == branch);
                }
            }
        }
    }

    public PartyOrganization[] Organizations { get; }

    public Dictionary<OrganizationId, int> OrganizationIndex { get; }

    /// <summary>Per organization, the branch whose organizational life its activities are: a party group's parent, else itself.</summary>
    public int[] BranchOf { get; }

    /// <summary>Per organization, its kind: the rules ask which organizations they apply to without reading every organization.</summary>
    public OrganizationKind[] OrganizationKinds { get; }

    /// <summary>Per organization, its founding day and its dissolution day (<see cref="int.MaxValue"/> while it lives).</summary>
    public (int Established, int Dissolved)[] OrganizationLives { get; }

    public Person[] People { get; }

    public Dictionary<ActivityKind, int> Kinds { get; }

    public int[] FullStart { get; }

    public (int From, int To)[] FullSpells { get; }

    public int[] MemberStart { get; }

    public (int From, int To)[] MemberSpells { get; }

    public int[] RegistrationStart { get; }

    public (int Org, int From, int To)[] Registrations { get; }

    public int[] OrgMemberStart { get; }

    public (int Person, int From, int To)[] OrgMembers { get; }

    public int[] SeatStart { get; }

    public (int Person, int From, int To, PartyPost Post)[] Seats { get; }

    /// <summary>Where organization <c>o</c>'s <see cref="CommitteeSpans"/> start: at <c>CommitteeStart[o]</c>, up to <c>CommitteeStart[o + 1]</c>.</summary>
    public int[] CommitteeStart { get; }

    /// <summary>Per organization, the day ranges (in order, apart) on which it has a committee (<see cref="HasCommitteeOn"/>).</summary>
    public (int From, int To)[] CommitteeSpans { get; }

    /// <summary>
    /// Where the activities of organization <c>o</c> and kind <c>k</c> start: at <c>BlockStart[k * Organizations.Length + o]</c>.
    /// Blocks are kind-major: a rule sweeps one kind across the organizations in order, so its columns stream from memory.
    /// </summary>
    public int[] BlockStart { get; private set; } = [0];

    /// <summary>Per position, the activity's position in <see cref="Records"/> (the dataset's order).</summary>
    public int[] Order { get; }

    /// <summary>The dataset's activity records, in the dataset's order.</summary>
    public ActivityRecord[] Records { get; }

    public int[] ActivityDay { get; }

    public int[] ActivityOrganization { get; }

    public int[] Lecturer { get; }

    public int[] AttendanceStart { get; }

    public int[] Attendee { get; }

    /// <summary>Each attendee's <see cref="AttendanceStatus"/>, a byte each.</summary>
    public byte[] AttendeeStatus { get; }

    /// <summary>A date as a day number (days since 0001-01-01), the unit every column uses.</summary>
    public static int Day(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>The date of a day number.</summary>
    public static LocalDate Date(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));

    /// <summary>The block of an organization's activities of one kind, ordered by day: [start, end).</summary>
    public (int Start, int End) Block(int organization, int kind)
    {
        var b = (kind * Organizations.Length) + organization;
        return (BlockStart[b], BlockStart[b + 1]);
    }

    /// <summary>Whether the organization exists on the day (<see cref="PartyOrganization.ExistsOn"/>).</summary>
    public bool ExistsOn(int organization, int day) => OrganizationLives[organization].Established <= day && day < OrganizationLives[organization].Dissolved;

    public bool IsFullMember(int person, int day) => InSpells(FullSpells, FullStart[person], FullStart[person + 1], day);

    public bool IsMember(int person, int day) => InSpells(MemberSpells, MemberStart[person], MemberStart[person + 1], day);

    public static bool IsPresent(byte status) => status == Present;

    /// <summary>The organization holding the person's registration on the day, or -1.</summary>
    public int RegistrationOn(int person, int day)
    {
        for (var r = RegistrationStart[person]; r < RegistrationStart[person + 1]; r++)
        {
            var (org, from, to) = Registrations[r];
            if (from <= day && day <= to)
            {
                return org;
            }
        }

        return -1;
    }

    /// <summary>The secretary of the organization on the day (the last such post listed), or -1.</summary>
    public int SecretaryOn(int organization, int day)
    {
        var secretary = -1;
        for (var s = SeatStart[organization]; s < SeatStart[organization + 1]; s++)
        {
            var (person, from, to, post) = Seats[s];
            if (post == PartyPost.Secretary && from <= day && day <= to)
            {
                secretary = person;
            }
        }

        return secretary;
    }

    /// <summary>
    /// Whether the organization has a committee on the day: at least <see cref="PartyPostExtensions.MinimumCommitteeSeats"/>
    /// (3) distinct people in secretary, deputy or committee-member seats (《中国共产党支部工作条例（试行）》第六章).
    /// </summary>
    public bool HasCommitteeOn(int organization, int day) => InSpells(CommitteeSpans, CommitteeStart[organization], CommitteeStart[organization + 1], day);

    /// <summary>Whether the organization has a committee on any day: without that, committee-scoped rules skip it.</summary>
    public bool EverHasCommittee(int organization) => CommitteeStart[organization + 1] > CommitteeStart[organization];

    /// <summary>
    /// The day ranges with a committee, per organization. The seats held change only on a seat's first day and the day
    /// after its last, so the distinct holders are counted once per such day rather than per question asked: the
    /// committee-scoped rules ask on every slot of every branch, and counting distinct holders is quadratic in the seats.
    /// </summary>
    private (int[] Start, (int From, int To)[] Spans) CommitteeDays()
    {
        var start = new int[Organizations.Length + 1];
        var spans = new List<(int From, int To)>();
        var changes = new List<int>();
        for (var o = 0; o < Organizations.Length; o++)
        {
            start[o] = spans.Count;
            int first = SeatStart[o], end = SeatStart[o + 1];
            changes.Clear();
            var seats = 0;
            for (var s = first; s < end; s++)
            {
                if (Seats[s].Post.IsCommitteeSeat())
                {
                    seats++;
                    changes.Add(Seats[s].From);
                    if (Seats[s].To < int.MaxValue)
                    {
                        changes.Add(Seats[s].To + 1);
                    }
                }
            }

            // Fewer than three seats ever: never a committee (most branches without one end here).
            if (seats < PartyPostExtensions.MinimumCommitteeSeats)
            {
                continue;
            }

            changes.Sort();
            var open = -1;
            for (var c = 0; c < changes.Count; c++)
            {
                var day = changes[c];
                if (c > 0 && changes[c - 1] == day)
                {
                    continue;
                }

                var has = DistinctHolders(first, end, day) >= PartyPostExtensions.MinimumCommitteeSeats;
                if (has && open < 0)
                {
                    open = day;
                }
                else if (!has && open >= 0)
                {
                    spans.Add((open, day - 1));
                    open = -1;
                }
            }

            if (open >= 0)
            {
                spans.Add((open, int.MaxValue));
            }
        }

        start[Organizations.Length] = spans.Count;
        return (start, [.. spans]);
    }

    /// <summary>The distinct people holding committee seats in [start, end) on the day: a person with two seats (secretary and member) counts once.</summary>
    private int DistinctHolders(int start, int end, int day)
    {
        var holders = 0;
        for (var s = start; s < end; s++)
        {
            holders += IndexOfSeat(start, end, Seats[s].Person, day) == s ? 1 : 0;
        }

        return holders;
    }

    /// <summary>
    /// Whether the person attended, or was excused from, an activity of their own branch (or its party groups) on a day in
    /// (<paramref name="after"/>, <paramref name="until"/>] held by a branch <paramref name="branchCounts"/> admits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per member by the six-months rule: the latest day alone decides for nearly all
    public bool HadOrganizationalLife(int person, int after, int until, bool[] branchCounts)
    {
        // Usually the latest day decides, with the branch it was in: one entry of a small array walked in member order,
        // rather than the person's days and registrations.
        var (latestDay, latestBranch) = _ownBranchAttendance.Value.Latest[person];
        return latestDay > after && (latestDay <= until && branchCounts[latestBranch] || HadOrganizationalLifeBefore(person, after, until, branchCounts));
    }

    /// <summary>Whether any of the person's days of organizational life in (after, until] counts: the days before their latest.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // rare (a latest day after the window, or in a branch out of scope): kept out of the rule's loop
    private bool HadOrganizationalLifeBefore(int person, int after, int until, bool[] branchCounts)
    {
        var (start, days, _) = _ownBranchAttendance.Value;
        for (var i = start[person]; i < start[person + 1]; i++)
        {
            // The branch is the one the person was registered in that day: that is what made the day count.
            if (days[i] > after && days[i] <= until && branchCounts[RegistrationOn(person, days[i])])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the activity of the organization had a quorum (党员大会: more than half of the full members registered there
    /// that day present; 支委会: more than half of the committee seats' holders), or <c>true</c> for <see cref="QuorumKind.None"/>.
    /// Worked out on first use per activity and kept, one byte each: the answer never depends on a rule's parameters,
    /// and the frequency and quorum rules ask about every meeting.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per meeting record in the rules' loops: one byte read once known
    public bool HasQuorum(QuorumKind quorum, int organization, int activity)
    {
        if (quorum == QuorumKind.None)
        {
            return true;
        }

        var known = quorum == QuorumKind.VotingMembers ? _votingQuorum[activity] : _committeeQuorum[activity];
        return known == Unknown ? WorkOutQuorum(quorum, organization, activity) : known == Quorate;
    }

    /// <summary>
    /// Works out and keeps whether the activity had a quorum. A byte is written whole, and every thread works out the
    /// same answer, so evaluations on several threads may race here harmlessly.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // once per meeting and dataset: kept out of the rules' loops
    private bool WorkOutQuorum(QuorumKind quorum, int organization, int activity)
    {
        bool quorate;
        if (quorum == QuorumKind.VotingMembers)
        {
            var (present, expected) = CountVoting(organization, activity);
            quorate = expected > 0 && present * 2 > expected;
            _votingQuorum[activity] = quorate ? Quorate : NotQuorate;
        }
        else
        {
            var (attending, seats) = CountCommittee(organization, activity);
            quorate = seats > 0 && attending * 2 > seats;
            _committeeQuorum[activity] = quorate ? Quorate : NotQuorate;
        }

        return quorate;
    }

    /// <summary>Full members present and expected at the activity (党员大会: more than half of the voting members must attend).</summary>
    private (int Present, int Expected) CountVoting(int organization, int activity)
    {
        var day = ActivityDay[activity];
        var expected = 0;
        for (var m = OrgMemberStart[organization]; m < OrgMemberStart[organization + 1]; m++)
        {
            var (person, from, to) = OrgMembers[m];
            if (from <= day && day <= to && IsFullMember(person, day))
            {
                expected++;
            }
        }

        var present = 0;
        for (var a = AttendanceStart[activity]; a < AttendanceStart[activity + 1]; a++)
        {
            var person = Attendee[a];
            if (AttendeeStatus[a] == Present && IsFullMember(person, day) && RegistrationOn(person, day) == organization)
            {
                present++;
            }
        }

        return (present, expected);
    }

    /// <summary>Committee members present and seats filled at the activity (支委会: more than half must attend).</summary>
    private (int Present, int Seats) CountCommittee(int organization, int activity)
    {
        var day = ActivityDay[activity];
        int start = SeatStart[organization], end = SeatStart[organization + 1];
        var present = 0;
        for (var a = AttendanceStart[activity]; a < AttendanceStart[activity + 1]; a++)
        {
            if (AttendeeStatus[a] == Present && IndexOfSeat(start, end, Attendee[a], day) >= 0)
            {
                present++;
            }
        }

        return (present, DistinctHolders(start, end, day));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // asked per member and slot by the coverage rules, per slot by committee scopes
    private static bool InSpells((int From, int To)[] spells, int start, int end, int day)
    {
        for (var i = start; i < end; i++)
        {
            if (spells[i].From <= day && day <= spells[i].To)
            {
                return true;
            }
        }

        return false;
    }

    // The list's own storage when it has one; otherwise empty, and the caller reads the list by index: copying every
    // activity's attendance out of a read-only wrapper cost more than the rest of the index build.
    private static ReadOnlySpan<Attendance> Span(IReadOnlyList<Attendance> attendance) => attendance switch
    {
        Attendance[] array => array,
        List<Attendance> list => CollectionsMarshal.AsSpan(list),
        _ => [],
    };

    /// <summary>The first committee seat in [start, end) the person holds on the day, or -1.</summary>
    private int IndexOfSeat(int start, int end, int person, int day)
    {
        for (var s = start; s < end; s++)
        {
            var (p, from, to, post) = Seats[s];
            if (p == person && from <= day && day <= to && post.IsCommitteeSeat())
            {
                return s;
            }
        }

        return -1;
    }

    /// <summary>
    /// The activities' order grouped by kind, then organization, then day (ties in input order); fills
    /// <see cref="BlockStart"/>. Each record is read once, for its kind, day, organization and number of attendees.
    /// </summary>
    private int[] SortActivities(ActivityRecord[] activities, out int[] days, out int[] organizationOf, out int[] attendees, out Dictionary<ActivityKind, int> kinds)
    {
        kinds = [];
        var kindOf = new int[activities.Length];
        days = new int[activities.Length];
        organizationOf = new int[activities.Length];
        attendees = new int[activities.Length];
        // The same kind and organization usually come again in the next record: compare with the last before hashing.
        ActivityKind lastKind = default;
        OrganizationId lastOrganization = default;
        int lastK = -1, lastO = -1;
        for (var a = 0; a < activities.Length; a++)
        {
            var activity = activities[a];
            var kind = activity.Kind;
            if (lastK < 0 || !ReferenceEquals(kind.Code, lastKind.Code) && kind != lastKind)
            {
                if (!kinds.TryGetValue(kind, out lastK))
                {
                    kinds[kind] = lastK = kinds.Count;
                }

                lastKind = kind;
            }

            if (lastO < 0 || activity.OrganizationId != lastOrganization)
            {
                (lastOrganization, lastO) = (activity.OrganizationId, OrganizationIndex[activity.OrganizationId]);
            }

            kindOf[a] = lastK;
            organizationOf[a] = lastO;
            days[a] = Day(activity.Date);
            attendees[a] = activity.Attendance.Count;
        }

        // Blocks are numbered kind-major (every record of a kind together, organization after organization): the
        // rules sweep one kind across all organizations, and read each column front to back rather than a few
        // entries per organization scattered over the whole column, a cache miss each.
        for (var a = 0; a < activities.Length; a++)
        {
            kindOf[a] = (kindOf[a] * Organizations.Length) + organizationOf[a];
        }

        BlockStart = Group(kindOf, Organizations.Length * kinds.Count, days, out var order);
        return order;
    }

    /// <summary>
    /// A counting sort of items by a dense key: the positions of the items grouped by key, each group in the items'
    /// order and then stably by <paramref name="day"/> (a sort runs only in the few groups not already in that order).
    /// </summary>
    /// <returns>Where each key's group starts in <paramref name="order"/>, with the total at the end.</returns>
    private static int[] Group(int[] key, int keys, int[] day, out int[] order)
    {
        var starts = new int[keys + 1];
        foreach (var k in key)
        {
            starts[k + 1]++;
        }

        for (var k = 1; k < starts.Length; k++)
        {
            starts[k] += starts[k - 1];
        }

        order = new int[key.Length];
        var next = starts[..^1];
        for (var i = 0; i < key.Length; i++)
        {
            order[next[key[i]]++] = i;
        }

        long[] sortKeys = [];
        for (var k = 0; k < keys; k++)
        {
            int from = starts[k], to = starts[k + 1];
            var sorted = true;
            for (var i = from + 1; i < to && sorted; i++)
            {
                sorted = day[order[i - 1]] <= day[order[i]];
            }

            if (!sorted)
            {
                // Day first, then input position: a stable sort by day.
                if (sortKeys.Length < to - from)
                {
                    sortKeys = new long[to - from];
                }

                for (var i = from; i < to; i++)
                {
                    sortKeys[i - from] = ((long)day[order[i]] << 32) | (uint)order[i];
                }

                Array.Sort(sortKeys, 0, to - from);
                for (var i = from; i < to; i++)
                {
                    order[i] = (int)sortKeys[i - from];
                }
            }
        }

        return starts;
    }

    /// <summary>
    /// Per person, the days (in no particular order) of the activities they attended or were excused from while
    /// registered in the branch that held them (or whose party group did): what "organizational life" means for the
    /// six-months rule. Built on first use, with each person's latest such day and the branch they were registered in then.
    /// </summary>
    private OwnBranchDays OwnBranchAttendance()
    {
        var start = new int[People.Length + 1];
        for (var a = 0; a < _ownBranch.Length; a++)
        {
            if (_ownBranch[a])
            {
                start[Attendee[a] + 1]++;
            }
        }

        for (var p = 1; p < start.Length; p++)
        {
            start[p] += start[p - 1];
        }

        // Read in position order: the columns stream from memory, and only the writes scatter.
        var days = new int[start[^1]];
        var next = start[..^1];
        for (var at = 0; at < ActivityDay.Length; at++)
        {
            var day = ActivityDay[at];
            for (var a = AttendanceStart[at]; a < AttendanceStart[at + 1]; a++)
            {
                if (_ownBranch[a])
                {
                    days[next[Attendee[a]]++] = day;
                }
            }
        }

        var latest = new (int Day, int Branch)[People.Length];
        for (var p = 0; p < latest.Length; p++)
        {
            var max = int.MinValue;
            for (var i = start[p]; i < start[p + 1]; i++)
            {
                max = Math.Max(max, days[i]);
            }

            // Registrations never overlap: the one held that day is the branch that made the day count.
            latest[p] = (max, max == int.MinValue ? -1 : RegistrationOn(p, max));
        }

        return new(start, days, latest);
    }

    /// <summary>
    /// Per person, the days of <see cref="OwnBranchAttendance"/> (at <c>Start[p]</c> up to <c>Start[p + 1]</c>), and
    /// the latest of them with the branch it counted for (<see cref="int.MinValue"/> and -1 for none).
    /// </summary>
    private sealed record OwnBranchDays(int[] Start, int[] Days, (int Day, int Branch)[] Latest);
}
