using System.Buffers;
using System.Runtime.CompilerServices;
using NodaTime;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.BasicSystems;

/// <summary>
/// The secretary lectures: at least <c>MinLessons</c> party lessons a slot given by the person who is the branch
/// secretary on the lesson's day. A branch without a secretary at the end of the slot is not applicable.
/// </summary>
internal sealed class LecturerRule : BasicSystemRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="citation">The rule's source.</param>
    /// <param name="cadence">The cadence.</param>
    /// <param name="minLessons">The default minimum per slot.</param>
    public LecturerRule(RuleId id, LocalizedText title, Citation citation, Cadence cadence, int minLessons)
        : base(id, title, citation, BasicSystem.ThreeMeetingsOneLesson, cadence, OrganizationScope.Branches, [ActivityKind.PartyLesson], FindingSeverity.Warning,
            new RuleParameter("MinLessons", minLessons, "times", new("书记每个周期至少讲党课次数", "fewest lessons by the secretary per slot")))
    {
    }

    /// <inheritdoc />
    public override void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(outcomes);
        var min = rule["MinLessons"];
        var index = context.Index;
        var days = index.ActivityDay;
        foreach (var slot in Sweep(context, ActivityKind.PartyLesson))
        {
            int count = 0, lastDay = -1;
            for (var at = slot.Start; at < slot.End; at++)
            {
                if (days[at] != lastDay && index.Lecturer[at] >= 0 && index.Lecturer[at] == index.SecretaryOn(slot.Dense, days[at]))
                {
                    count++;
                    lastDay = days[at];
                }
            }

            if (count > 0 || index.SecretaryOn(slot.Dense, slot.Days.Reference) >= 0)
            {
                outcomes.Set(slot, slot.Decide(count >= min), count, min);
            }
        }
    }

    /// <inheritdoc />
    public override (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected) =>
        (new($"书记讲党课至少{expected}次", $"at least {expected} lesson(s) by the secretary"), new($"书记讲党课{found}次", $"{found} by the secretary"));
}

/// <summary>Whose coverage a <see cref="CoverageRule"/> checks.</summary>
public enum CoveredMembers
{
    /// <summary>Full members (民主评议: every full member is appraised).</summary>
    FullMembers,

    /// <summary>Full and probationary members.</summary>
    AllMembers,
}

/// <summary>
/// A coverage rule: every member registered in the branch at the end of the slot took part (present, or for an appraisal
/// also excused with a reason: <see cref="ExcusedIsCovered"/>) in at least
/// <c>MinTimes</c> activities of one kind in the slot (records on the same day count once), for example every full member appraised once a year, or every
/// member in a heart-to-heart talk once a year. Guests and people registered elsewhere are not counted.
/// </summary>
internal sealed class CoverageRule : BasicSystemRule
{
    /// <summary>Creates a coverage rule.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="citation">The rule's source.</param>
    /// <param name="system">The system it belongs to.</param>
    /// <param name="kind">The activity kind.</param>
    /// <param name="members">Whose coverage is checked.</param>
    /// <param name="cadence">The cadence.</param>
    /// <param name="minTimes">The default number of times each member takes part.</param>
    /// <param name="excusedIsCovered">Whether a member excused with a reason (请假) is covered too: an appraisal (民主评议) covers
    /// the members appraised, present or not; a talk needs the member there.</param>
    public CoverageRule(RuleId id, LocalizedText title, Citation citation, BasicSystem system, ActivityKind kind, CoveredMembers members, Cadence cadence, int minTimes = 1,
        bool excusedIsCovered = false)
        : base(id, title, citation, system, cadence, OrganizationScope.Branches, [kind], FindingSeverity.Violation,
            new RuleParameter("MinTimes", minTimes, "times", new("每名党员每个周期至少参加次数", "fewest times per member per slot")))
    {
        Kind = kind;
        Members = members;
        ExcusedIsCovered = excusedIsCovered;
    }

    /// <summary>
    /// Whether a member excused with a reason is covered: <c>true</c> for the democratic appraisal, which counts the members
    /// appraised (a member on leave is appraised all the same), not those at the meeting.
    /// </summary>
    public bool ExcusedIsCovered { get; }

    /// <summary>The activity kind.</summary>
    public ActivityKind Kind { get; }

    /// <summary>Whose coverage is checked.</summary>
    public CoveredMembers Members { get; }

    /// <inheritdoc />
    public override void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(outcomes);
        var min = rule["MinTimes"];
        var index = context.Index;

        // Per person: the slot last counted in, how often and on which day; one entry per person keeps them on one cache line.
        // Rounds go on from the array's last user, whose last round the array's last entry keeps: a rented tally then
        // needs no clearing (7 MB at national scale, per rule and evaluation), as no entry carries a round of this
        // evaluation. Only this rule rents arrays of its private Tally, and a new array is all zeros.
        var tally = ArrayPool<Tally>.Shared.Rent(index.People.Length + 1);
        var round = tally[^1].Round;
        if (round + ((long)context.Scope.Length * context.Slots(Cadence).Count) >= int.MaxValue)
        {
            // Rounds would run out (one per slot of each organization): start again from a clean array, which happens
            // after tens of thousands of national evaluations.
            Array.Clear(tally);
            round = 0;
        }

        try
        {
            Evaluate(context, outcomes, min, index, tally, ref round);
        }
        finally
        {
            tally[^1] = new Tally(round, 0, 0);
            ArrayPool<Tally>.Shared.Return(tally);
        }
    }

    /// <inheritdoc />
    public override (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected) =>
        (new($"全部{expected}名党员均参加", $"all {expected} members take part"), new($"{expected - found}名党员未参加", $"{expected - found} members did not"));

    /// <summary>Evaluates every slot, numbering them on from <paramref name="round"/>, which is left at the last round used.</summary>
    private void Evaluate(ComplianceContext context, RuleOutcomes outcomes, int min, ActivityIndex index, Tally[] tally, ref int round)
    {
        // The statuses that count as taking part, as bits: present, and for an appraisal excused too.
        var coveredStatuses = (1 << (int)AttendanceStatus.Present) | (ExcusedIsCovered ? 1 << (int)AttendanceStatus.Excused : 0);
        var fullMembers = Members == CoveredMembers.FullMembers;
        foreach (var slot in Sweep(context, Kind))
        {
            round++;
            CountTakingPart(index, slot.Start, slot.End, round, coveredStatuses, tally);
            var (covered, expected) = Covered(index, slot.Dense, slot.Days.Reference, fullMembers, tally, round, min);
            if (expected > 0)
            {
                outcomes.Set(slot, slot.Decide(covered == expected), covered, expected);
            }
        }
    }

    /// <summary>Tallies, per person, the days on which they took part in the records [start, end): records of one day count once.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // a loop of its own keeps its columns in registers: inside the sweep's they were reread from the stack
    private static void CountTakingPart(ActivityIndex index, int start, int end, int round, int coveredStatuses, Tally[] tally)
    {
        var (days, attendanceStart, attendees, statuses) = (index.ActivityDay, index.AttendanceStart, index.Attendee, index.AttendeeStatus);

        // The attendance of a block's records lies in one run, record after record.
        var a = attendanceStart[start];
        for (var at = start; at < end; at++)
        {
            var day = days[at];
            for (var stop = attendanceStart[at + 1]; a < stop; a++)
            {
                if ((coveredStatuses >> statuses[a] & 1) == 0)
                {
                    continue;
                }

                // A first time in this slot, another day, or the same day again: records of one kind on one day are one
                // occasion, as in the frequency rules.
                ref var t = ref tally[attendees[a]];
                var fresh = t.Round != round;
                t = new Tally(round, (fresh ? 0 : t.Times) + ((fresh | t.LastDay != day) ? 1 : 0), day);
            }
        }
    }

    /// <summary>Everyone registered in the branch on the reference day whom the rule covers, and how many of them took part.</summary>
    private static (int Covered, int Expected) Covered(ActivityIndex index, int branch, int day, bool fullMembers, Tally[] tally, int round, int min)
    {
        int covered = 0, expected = 0;
        var members = index.OrgMembers;
        for (var m = index.OrgMemberStart[branch]; m < index.OrgMemberStart[branch + 1]; m++)
        {
            var (person, from, to) = members[m];
            if (from <= day && day <= to && (fullMembers ? index.IsFullMember(person, day) : index.IsMember(person, day)))
            {
                expected++;
                var t = tally[person];
                covered += (t.Round == round & t.Times >= min) ? 1 : 0;
            }
        }

        return (covered, expected);
    }

    private readonly record struct Tally(int Round, int Times, int LastDay);
}

/// <summary>
/// Six months without organizational life (党员教育管理工作条例 Art. 31(6)): a member registered in a branch on the
/// reference day (the period's end, or today if earlier) who has neither attended nor been excused from any activity
/// of that branch or its party groups for <c>Months</c> months, counted from the later of the registration and the
/// admission. It raises a finding about the member and never changes the member's standing. Party dues join this
/// rule when the dues records land.
/// </summary>
internal sealed class InactiveMemberRule : BasicSystemRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="citation">The rule's source.</param>
    /// <param name="months">The default number of months.</param>
    public InactiveMemberRule(RuleId id, LocalizedText title, Citation citation, int months)
        : base(id, title, citation, BasicSystem.PartyDues, Cadence.Yearly, OrganizationScope.Branches, [], FindingSeverity.Warning,
            new RuleParameter("Months", months, "months", new("连续未参加组织生活的月数", "months in a row without organizational life")))
    {
    }

    /// <inheritdoc />
    public override void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(outcomes);
        var months = rule["Months"];
        var index = context.Index;
        var reference = LocalDate.Min(context.Period.End, context.Today);
        var since = reference.PlusMonths(-months);
        int referenceDay = ActivityIndex.Day(reference), sinceDay = ActivityIndex.Day(since);
        // Organizational life counts when the branch that held it (or whose party group did) is in scope.
        var inScope = new bool[index.Organizations.Length];
        foreach (var dense in context.Scope)
        {
            inScope[dense] = true;
        }

        // Dates formatted once: a national evaluation writes thousands of these findings.
        string sinceText = $"{since:uuuu-MM-dd}", referenceText = $"{reference:uuuu-MM-dd}";
        LocalizedText Found(PartyOrganization organization, string standing) =>
            new($"{sinceText}至{referenceText}未参加{organization.Name}的组织生活（{standing}）", $"no organizational life of {organization.Name} from {sinceText} to {referenceText}");
        var title = TitleFor(rule);
        // Kinds and lives read from the index's columns: the organization itself is read only for a finding's text.
        var (members, memberStart) = (index.OrgMembers, index.OrgMemberStart);
        for (var o = 0; o < context.Scope.Length; o++)
        {
            var dense = context.Scope[o];
            if (!AppliesTo(index.OrganizationKinds[dense]) || !index.ExistsOn(dense, referenceDay))
            {
                continue;
            }

            PartyOrganization? organization = null;
            LocalizedText? expected = null, foundFull = null, foundProbationary = null;
            for (var m = memberStart[dense]; m < memberStart[dense + 1]; m++)
            {
                var (person, from, to) = members[m];
                // Nearly every member had organizational life: asked before membership (a finding needs both), it is
                // the only column most members read besides their registration.
                if (from > referenceDay || referenceDay > to || from > sinceDay
                    || index.HadOrganizationalLife(person, sinceDay, referenceDay, inScope) || !index.IsMember(person, referenceDay)
                    || StandingAndSince(index.People[person], reference) is not ({ } standing, { } admitted) || ActivityIndex.Day(admitted) > sinceDay)
                {
                    continue;
                }

                var member = index.People[person];
                organization ??= context.Organizations[o];
                expected ??= new($"{months}个月内参加组织生活（{organization.Name}）", $"organizational life within {months} months ({organization.Name})");
                // The texts found depend on the branch and the standing alone: written once per branch, shared by its findings.
                var found = standing == MemberStanding.FullMember
                    ? foundFull ??= Found(organization, "正式党员")
                    : foundProbationary ??= Found(organization, "预备党员");
                outcomes.Add(new Finding(Id, title, Citation, rule.Severity, new FindingSubject(SubjectKind.Person, member.Id.Value, member.Name), reference, expected, found));
            }
        }
    }

    /// <inheritdoc />
    public override (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected) =>
        (new("按期参加组织生活", "regular organizational life"), new("连续未参加", "none for months"));

    /// <summary>
    /// The member's standing on the day (<see cref="Person.StandingOn"/>) and the first day of their current spell of
    /// membership, or <c>null</c> outside one: both from one walk of the standings.
    /// </summary>
    private static (MemberStanding? Standing, LocalDate? MemberSince) StandingAndSince(Person person, LocalDate date)
    {
        MemberStanding? standing = null;
        LocalDate? since = null;
        var standings = person.Standings;
        for (var i = 0; i < standings.Count && standings[i].Since <= date; i++)
        {
            standing = standings[i].Standing;
            since = standings[i].Standing.IsMember() ? since ?? standings[i].Since : null;
        }

        return (standing, since);
    }
}
