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
    public ActivityIndex(CityDataset dataset)
    {
        var ix = dataset.Indexes;
        Organizations = ix.OrganizationArray;
        OrganizationIndex = new Dictionary<OrganizationId, int>(Organizations.Length);
        for (var i = 0; i < Organizations.Length; i++)
        {
            OrganizationIndex[Organizations[i].Id] = i;
        }

        People = ix.PersonArray;
        var personIndex = new Dictionary<PersonId, int>(People.Length);
        for (var i = 0; i < People.Length; i++)
        {
            personIndex[People[i].Id] = i;
        }

        PersonIndex = personIndex;

        // Membership spells per person: full member, and member at all (full or probationary), as day ranges.
        var full = new List<(int, int)>();
        var member = new List<(int, int)>();
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

        // Registrations per person as (organization, from, to).
        RegistrationStart = new int[People.Length + 1];
        var registrations = new List<(int Org, int From, int To)>(ix.RegistrationArray.Length);
        for (var p = 0; p < People.Length; p++)
        {
            RegistrationStart[p] = registrations.Count;
            foreach (var r in ix.RegistrationsByPerson.Span(People[p].Id))
            {
                registrations.Add((OrganizationIndex[r.OrganizationId], Day(r.From), r.To is { } t ? Day(t) : int.MaxValue));
            }
        }

        RegistrationStart[People.Length] = registrations.Count;
        Registrations = [.. registrations];

        // Registrations per organization as (person, from, to): who is expected at a general meeting.
        OrgMemberStart = new int[Organizations.Length + 1];
        var orgMembers = new List<(int Person, int From, int To)>(ix.RegistrationArray.Length);
        for (var o = 0; o < Organizations.Length; o++)
        {
            OrgMemberStart[o] = orgMembers.Count;
            foreach (var r in ix.RegistrationsByOrganization.Span(Organizations[o].Id))
            {
                orgMembers.Add((personIndex[r.PersonId], Day(r.From), r.To is { } t ? Day(t) : int.MaxValue));
            }
        }

        OrgMemberStart[Organizations.Length] = orgMembers.Count;
        OrgMembers = [.. orgMembers];

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

        // Activities: grouped by organization, then kind, then date, so a rule reads one contiguous block.
        var activities = ix.ActivityArray;
        var kinds = new Dictionary<ActivityKind, int>();
        var kindOf = new int[activities.Length];
        var orgOf = new int[activities.Length];
        for (var a = 0; a < activities.Length; a++)
        {
            if (!kinds.TryGetValue(activities[a].Kind, out var k))
            {
                kinds[activities[a].Kind] = k = kinds.Count;
            }

            kindOf[a] = k;
            orgOf[a] = OrganizationIndex[activities[a].OrganizationId];
        }

        Kinds = kinds;
        var order = new int[activities.Length];
        var days = new int[activities.Length];
        for (var a = 0; a < order.Length; a++)
        {
            order[a] = a;
            days[a] = Day(activities[a].Date);
        }

        Array.Sort(order, (x, y) =>
        {
            var c = orgOf[x].CompareTo(orgOf[y]);
            if (c == 0)
            {
                c = kindOf[x].CompareTo(kindOf[y]);
            }

            return c != 0 ? c : days[x].CompareTo(days[y]);
        });

        Records = new ActivityRecord[order.Length];
        ActivityDay = new int[order.Length];
        ActivityMonth = new int[order.Length];
        ActivityKindId = new int[order.Length];
        AttendanceStart = new int[order.Length + 1];
        OrganizationStart = new int[Organizations.Length + 1];
        var attendees = new List<int>(activities.Length * 4);
        var statuses = new List<AttendanceStatus>(activities.Length * 4);
        var lecturers = new int[order.Length];
        var nextOrg = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var a = activities[order[i]];
            while (nextOrg <= orgOf[order[i]])
            {
                OrganizationStart[nextOrg++] = i;
            }

            Records[i] = a;
            ActivityDay[i] = days[order[i]];
            ActivityMonth[i] = (a.Date.Year * 12) + a.Date.Month - 1;
            ActivityKindId[i] = kindOf[order[i]];
            lecturers[i] = a.Lecturer is { } l ? personIndex[l] : -1;
            AttendanceStart[i] = attendees.Count;
            foreach (var att in a.Attendance)
            {
                attendees.Add(personIndex[att.PersonId]);
                statuses.Add(att.Status);
            }
        }

        while (nextOrg <= Organizations.Length)
        {
            OrganizationStart[nextOrg++] = order.Length;
        }

        AttendanceStart[order.Length] = attendees.Count;
        Attendee = [.. attendees];
        AttendeeStatus = [.. statuses];
        Lecturer = lecturers;
        _presentVoting = new int[order.Length];
        _expectedVoting = new int[order.Length];
        _presentCommittee = new int[order.Length];
        _committeeSeats = new int[order.Length];
        Array.Fill(_expectedVoting, -1);
        Array.Fill(_committeeSeats, -1);
    }

    private readonly int[] _presentVoting;
    private readonly int[] _expectedVoting;
    private readonly int[] _presentCommittee;
    private readonly int[] _committeeSeats;

    public PartyOrganization[] Organizations { get; }

    public Dictionary<OrganizationId, int> OrganizationIndex { get; }

    public Person[] People { get; }

    public IReadOnlyDictionary<PersonId, int> PersonIndex { get; }

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

    public ActivityRecord[] Records { get; }

    public int[] OrganizationStart { get; }

    public int[] ActivityDay { get; }

    public int[] ActivityMonth { get; }

    public int[] ActivityKindId { get; }

    public int[] Lecturer { get; }

    public int[] AttendanceStart { get; }

    public int[] Attendee { get; }

    public AttendanceStatus[] AttendeeStatus { get; }

    /// <summary>A date as a day number (days since 0001-01-01), the unit every column uses.</summary>
    public static int Day(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>The date of a day number.</summary>
    public static LocalDate Date(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));

    /// <summary>The block of an organization's activities of one kind: [start, end).</summary>
    public (int Start, int End) Block(int organization, int kind)
    {
        int lo = OrganizationStart[organization], hi = OrganizationStart[organization + 1];
        var start = LowerBound(lo, hi, kind);
        return (start, LowerBound(start, hi, kind + 1));
    }

    public bool IsFullMember(int person, int day) => InSpells(FullSpells, FullStart[person], FullStart[person + 1], day);

    public bool IsMember(int person, int day) => InSpells(MemberSpells, MemberStart[person], MemberStart[person + 1], day);

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

    /// <summary>The distinct holders of committee seats of the organization on the day.</summary>
    public int CommitteeSeatsOn(int organization, int day, out bool hasCommitteeMember, out int secretary)
    {
        hasCommitteeMember = false;
        secretary = -1;
        var count = 0;
        int start = SeatStart[organization], end = SeatStart[organization + 1];
        for (var s = start; s < end; s++)
        {
            var (person, from, to, post) = Seats[s];
            if (from > day || day > to || !post.IsCommitteeSeat())
            {
                continue;
            }

            hasCommitteeMember |= post == PartyPost.CommitteeMember;
            if (post == PartyPost.Secretary)
            {
                secretary = person;
            }

            var counted = false;
            for (var t = start; t < s && !counted; t++)
            {
                counted = Seats[t].Person == person && Seats[t].Post.IsCommitteeSeat() && Seats[t].From <= day && day <= Seats[t].To;
            }

            count += counted ? 0 : 1;
        }

        return count;
    }

    /// <summary>Whether the person holds a committee seat of the organization on the day.</summary>
    public bool HoldsSeat(int organization, int person, int day)
    {
        for (var s = SeatStart[organization]; s < SeatStart[organization + 1]; s++)
        {
            var (p, from, to, post) = Seats[s];
            if (p == person && from <= day && day <= to && post.IsCommitteeSeat())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The organization (dense) an activity at position <paramref name="activity"/> belongs to.</summary>
    public int OrganizationOf(int activity)
    {
        int lo = 0, hi = Organizations.Length;
        while (lo < hi - 1)
        {
            var mid = (lo + hi) >>> 1;
            if (OrganizationStart[mid] <= activity)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        // Skip organizations without activities, which share a start with the next one.
        while (lo + 1 < Organizations.Length && OrganizationStart[lo + 1] <= activity)
        {
            lo++;
        }

        return lo;
    }

    /// <summary>
    /// Full members present and expected at the activity (党员大会: more than half of the voting members must attend).
    /// Worked out on first use per activity and kept; the values never depend on a rule's parameters.
    /// </summary>
    public (int Present, int Expected) Voting(int organization, int activity)
    {
        if (Volatile.Read(ref _expectedVoting[activity]) < 0)
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
                if (AttendeeStatus[a] == AttendanceStatus.Present && IsFullMember(person, day) && RegistrationOn(person, day) == organization)
                {
                    present++;
                }
            }

            // Present first, then the marker: a reader on another thread never sees the marker without the count.
            _presentVoting[activity] = present;
            Volatile.Write(ref _expectedVoting[activity], expected);
        }

        return (_presentVoting[activity], _expectedVoting[activity]);
    }

    /// <summary>Committee members present and seats filled at the activity (支委会: more than half must attend).</summary>
    public (int Present, int Seats) Committee(int organization, int activity)
    {
        if (Volatile.Read(ref _committeeSeats[activity]) < 0)
        {
            var day = ActivityDay[activity];
            var present = 0;
            for (var a = AttendanceStart[activity]; a < AttendanceStart[activity + 1]; a++)
            {
                if (AttendeeStatus[a] == AttendanceStatus.Present && HoldsSeat(organization, Attendee[a], day))
                {
                    present++;
                }
            }

            _presentCommittee[activity] = present;
            Volatile.Write(ref _committeeSeats[activity], CommitteeSeatsOn(organization, day, out _, out _));
        }

        return (_presentCommittee[activity], _committeeSeats[activity]);
    }

    private int LowerBound(int lo, int hi, int kind)
    {
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ActivityKindId[mid] < kind)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

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
}
