using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.BasicSystems;
using PartyDomain.Rules;
using PartyDomain.Time;
using PartyDomain.Tests.Organization.Structure;
using static PartyDomain.BasicSystems.BasicSystemRuleIds;
using static PartyDomain.BasicSystems.SlotOutcome;
using static PartyDomain.Tests.BasicSystems.ComplianceRun;

namespace PartyDomain.Tests.BasicSystems;

/// <summary>
/// The columnar activity index the rules read: records entered in any order, attendees listed in any order or not
/// members at all, and organizational life after the period evaluated. Today is 2025-06-15.
/// </summary>
public class ActivityIndexTests
{
    private static readonly string[] Quorum = ["M-F1", "M-F2", "M-F3"];

    private static TestCity FourMembers() => new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B");

    private static SlotResult Result(ComplianceResult result, RuleId rule, int slot) =>
        result.Results().Single(r => r.Organization.Id == TestCity.O("B") && r.Rule.Id == rule && r.Slot.Index == slot);

    [Fact]
    public void Records_entered_out_of_date_order_are_judged_as_if_in_order()
    {
        // Theme party days of March, January, March again (the same meeting entered twice, not next to each other), a
        // second one in March and one in February; a general meeting without a quorum entered before a valid record of it.
        var city = FourMembers()
            .Activity("B", ActivityKind.ThemePartyDay, D(2024, 3, 5), Quorum)
            .Activity("B", ActivityKind.ThemePartyDay, D(2024, 1, 20), Quorum)
            .Activity("B", ActivityKind.ThemePartyDay, D(2024, 3, 5), Quorum)
            .Activity("B", ActivityKind.ThemePartyDay, D(2024, 3, 25), Quorum)
            .Activity("B", ActivityKind.ThemePartyDay, D(2024, 2, 10), Quorum)
            .Activity("B", ActivityKind.GeneralMeeting, D(2024, 8, 1), Quorum)
            .Activity("B", ActivityKind.GeneralMeeting, D(2024, 2, 1), "M-F1")
            .Activity("B", ActivityKind.GeneralMeeting, D(2024, 2, 1), Quorum);

        var result = Evaluate(city, ReportingPeriod.Year(2024));

        result.Of("B", ThemePartyDay).Take(4).Should().Equal(Met, Met, Met, Missed);
        Result(result, ThemePartyDay, 2).Found.Should().Be(2, "5 March entered twice is one occasion, 25 March another");
        result.Of("B", GeneralMeeting).Should().Equal(Met, Missed, Met, Missed);
        Result(result, GeneralMeetingQuorum, 0).Outcome.Should().Be(Met, "a day's meeting is valid when any record of it is");
    }

    [Fact]
    public void Attendees_are_recognized_in_any_order_and_others_are_not_counted_as_members()
    {
        var city = FourMembers().NonMember("GUEST").Branch("B2").FullMemberOf("OTHER", "B2")
            .Activity("B", ActivityKind.DemocraticAppraisal, D(2024, 12, 1), "GUEST", "M-F4", "OTHER", "M-F3", "M-F2")
            .Activity("B", ActivityKind.DemocraticAppraisal, D(2024, 12, 2), "M-F1", "GUEST");

        var appraisal = Result(Evaluate(city, ReportingPeriod.Year(2024)), DemocraticAppraisal, 0);

        appraisal.Outcome.Should().Be(Met);
        appraisal.Found.Should().Be(4);
        appraisal.Expected.Should().Be(4, "the guest and the member of B2 are not B's members");
    }

    [Fact]
    public void A_past_period_looks_behind_organizational_life_that_came_after_it()
    {
        // For 2024 six months back from 31 December is 30 June. OLD's latest organizational life (2025) is after the
        // period, but OLD also attended in November 2024; GONE attended only in March 2024 and in 2025.
        var city = new TestCity().Branch("B").FullMemberOf("OLD", "B").FullMemberOf("GONE", "B")
            .Activity("B", ActivityKind.ThemePartyDay, D(2024, 11, 1), "OLD")
            .Activity("B", ActivityKind.ThemePartyDay, D(2024, 3, 1), "GONE")
            .Activity("B", ActivityKind.ThemePartyDay, D(2025, 3, 1), "OLD", "GONE");

        var flagged = Evaluate(city, ReportingPeriod.Year(2024)).MemberFindings.Where(f => f.RuleId == InactiveMember).Select(f => f.Subject.Id);

        flagged.Should().Equal("GONE");
    }

    [Fact]
    public void Organizational_life_counts_only_under_the_registration_held_that_day()
    {
        // Today is 2025-06-15, so six months back is 2024-12-15. RETURNED left B for B2 and came back; STRAYED left B for
        // B2 for good. Both are listed among B's members (by their first spell in B) and both attended B in January 2025.
        var city = new TestCity().Branch("B").Branch("B2")
            .FullMember("RETURNED").Register("RETURNED", "B", to: D(2024, 6, 30)).Register("RETURNED", "B2", from: D(2024, 7, 1), to: D(2024, 9, 30))
            .Register("RETURNED", "B", from: D(2024, 10, 1))
            .FullMember("STRAYED").Register("STRAYED", "B", to: D(2024, 6, 30)).Register("STRAYED", "B2", from: D(2024, 7, 1))
            .Activity("B", ActivityKind.ThemePartyDay, D(2025, 1, 10), "RETURNED", "STRAYED");

        var flagged = Evaluate(city, ReportingPeriod.Year(2025)).MemberFindings.Where(f => f.RuleId == InactiveMember).Select(f => f.Subject.Id);

        flagged.Should().Equal(["STRAYED"], "RETURNED was back in B that day; STRAYED was B2's, and B2 held nothing");
    }

    [Fact]
    public void Counts_of_any_size_come_back_as_written()
    {
        var city = FourMembers();
        var result = Evaluate(city, ReportingPeriod.Year(2024), rules: [new CountingRule()]);
        var cells = result.Results().ToDictionary(r => r.Slot.Index, r => (r.Found, r.Expected));

        cells[0].Should().Be((255, 4), "one byte holds it, before and after the column widens");
        cells[1].Should().Be((70_000, -5), "a count beyond a byte widens the column");
        cells[2].Should().Be((65_535, 0));
        cells.Should().NotContainKey(3, "a slot never written has no outcome");
    }

    /// <summary>A city's own rule writing counts the built-in rules never produce.</summary>
    private sealed class CountingRule() : BasicSystemRule(new RuleId("CITY-COUNTS"), new("计数", "Counts"), new("本市规定", null, SourceConfidence.Local),
        BasicSystem.ThreeMeetingsOneLesson, Cadence.Quarterly, OrganizationScope.Branches, [], FindingSeverity.Warning)
    {
        public override void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes)
        {
            var branch = context.Organizations[0];
            var slots = context.Slots(Cadence);
            outcomes.Set(branch, slots[0], Met, 255, 4);
            outcomes.Set(branch, slots[1], Met, 70_000, -5);
            outcomes.Set(branch, slots[2], Met, 65_535, 0);
        }

        public override (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected) => (new("-", "-"), new("-", "-"));
    }
}

/// <summary>
/// The index groups registrations itself (one pass, a counting sort) instead of reading the dataset's group indexes, and
/// flags own-branch attendance while it fills its columns. These tests hold it to those indexes and to a plain scan on
/// random data: registrations entered out of order, transfers back and forth, guests, excused and absent attendees.
/// </summary>
public class ActivityIndexEquivalenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Member_lists_and_organizational_life_match_the_datasets_own_indexes_and_a_plain_scan(int seed)
    {
        var random = new Random(seed);
        var city = new TestCity(new LocalDate(2025, 3, 1));
        var branches = Enumerable.Range(0, 6).Select(b => $"B{b}").ToArray();
        foreach (var branch in branches)
        {
            city.Branch(branch).PartyGroup($"{branch}-G", branch);
        }

        var people = Enumerable.Range(0, 40).Select(p => $"M{p}").ToArray();
        var registrations = new List<(string Person, string Branch, LocalDate From, LocalDate? To)>();
        foreach (var person in people)
        {
            city.FullMember(person, since: new LocalDate(2020, 1, 1));
            // One to three spells, back to back, in any branch (the same one again included).
            var from = new LocalDate(2020, 1, 1);
            var spells = random.Next(1, 4);
            for (var s = 0; s < spells; s++)
            {
                LocalDate? to = s + 1 < spells ? from.PlusDays(random.Next(60, 500)) : null;
                registrations.Add((person, branches[random.Next(branches.Length)], from, to));
                from = to?.PlusDays(1) ?? from;
            }
        }

        // Entered in random order: the index must group them as the dataset does (its order, then by start).
        foreach (var (person, branch, from, to) in registrations.OrderBy(_ => random.Next()))
        {
            city.Register(person, branch, from, to);
        }

        city.NonMember("GUEST");
        for (var a = 0; a < 150; a++)
        {
            var organization = random.Next(4) == 0 ? $"{branches[random.Next(branches.Length)]}-G" : branches[random.Next(branches.Length)];
            var attendance = people.Where(_ => random.Next(5) == 0).Append("GUEST")
                .Select(p => random.Next(3) switch { 0 => TestCity.Present(p), 1 => TestCity.Absent(p), _ => TestCity.Excused(p) }).ToArray();
            city.Activity(organization, ActivityKind.ThemePartyDay, new LocalDate(2021, 1, 1).PlusDays(random.Next(0, 1500)), attendance);
        }

        var dataset = city.Build();
        var index = dataset.ActivityIndex;
        var ix = dataset.Indexes;
        for (var o = 0; o < index.Organizations.Length; o++)
        {
            var members = index.OrgMembers[index.OrgMemberStart[o]..index.OrgMemberStart[o + 1]].Select(m => (index.People[m.Person].Id, m.From, m.To));
            members.Should().Equal(ix.RegistrationsByOrganization.Span(index.Organizations[o].Id).ToArray().Select(Spell));
        }

        for (var p = 0; p < index.People.Length; p++)
        {
            var spells = index.Registrations[index.RegistrationStart[p]..index.RegistrationStart[p + 1]].Select(r => (index.People[p].Id, r.From, r.To));
            spells.Should().Equal(ix.RegistrationsByPerson.Span(index.People[p].Id).ToArray().Select(Spell));
        }

        // Organizational life: any activity of the branch (or its group) attended or excused while registered there.
        var inScope = branches.Select(b => random.Next(4) > 0).ToArray();
        var counts = index.Organizations.Select(o => Array.IndexOf(branches, o.Id.Value) is var b and >= 0 && inScope[b]).ToArray();
        for (var trial = 0; trial < 200; trial++)
        {
            var person = random.Next(index.People.Length);
            // Half the windows end on an activity's day, so both ends of (after, until] are exercised.
            var until = random.Next(2) == 0
                ? ActivityIndex.Day(dataset.Activities[random.Next(dataset.Activities.Count)].Date)
                : ActivityIndex.Day(new LocalDate(2021, 1, 1).PlusDays(random.Next(0, 1500)));
            var after = random.Next(3) == 0 ? ActivityIndex.Day(dataset.Activities[random.Next(dataset.Activities.Count)].Date) : until - random.Next(0, 400);
            var expected = dataset.Activities.Any(a =>
                ActivityIndex.Day(a.Date) is var day && day > after && day <= until
                && a.Attendance.Any(x => x.PersonId == index.People[person].Id && x.Status != AttendanceStatus.Absent
                    && dataset.RegistrationOf(x.PersonId, a.Date) is { } r && r.OrganizationId == BranchOf(dataset, a.OrganizationId)
                    && counts[index.OrganizationIndex[r.OrganizationId]]));
            index.HadOrganizationalLife(person, after, until, counts).Should().Be(expected, $"person {index.People[person].Id}, days ({after}, {until}]");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Committee_days_match_a_plain_count_of_distinct_seat_holders(int seed)
    {
        // Seats that start and end anywhere: secretaries one after another, deputies and members coming and going, a
        // person holding two seats at once, open-ended seats, and group leaders (not committee seats) in the groups.
        var random = new Random(seed);
        var today = new LocalDate(2026, 1, 1);
        var city = new TestCity(today);
        var start = new LocalDate(2020, 1, 1);
        LocalDate Day(int max) => start.PlusDays(random.Next(0, max));
        var branches = Enumerable.Range(0, 12).Select(b => $"B{b}").ToArray();
        foreach (var branch in branches)
        {
            city.Branch(branch).PartyGroup($"{branch}-G", branch);
            var people = Enumerable.Range(0, random.Next(2, 7)).Select(p => $"{branch}-P{p}").ToArray();
            foreach (var person in people)
            {
                city.FullMember(person, since: start);
            }

            for (LocalDate from = Day(300), to; from < new LocalDate(2025, 6, 1); from = to.PlusDays(random.Next(1, 60)))
            {
                to = from.PlusDays(random.Next(30, 700));
                var open = to >= today || random.Next(6) == 0;
                city.Secretary(people[random.Next(people.Length)], branch, from, open ? null : to);
                if (open)
                {
                    break;
                }
            }

            foreach (var person in people)
            {
                foreach (var post in new[] { PartyPost.DeputySecretary, PartyPost.CommitteeMember })
                {
                    // None, one or two spells of the post, one after the other.
                    for (LocalDate? from = Day(1200), to; from is { } f && f < today && random.Next(3) > 0; from = to?.PlusDays(random.Next(1, 300)))
                    {
                        to = f.PlusDays(random.Next(0, 600));
                        to = to >= today || random.Next(4) == 0 ? null : to;
                        city.Post(person, branch, post, f, to);
                    }
                }
            }

            city.Post(people[0], $"{branch}-G", PartyPost.GroupLeader, Day(500));
        }

        var dataset = city.Build();
        var index = dataset.ActivityIndex;
        foreach (var organization in index.Organizations)
        {
            var o = index.OrganizationIndex[organization.Id];
            var posts = dataset.PartyPosts.Where(p => p.OrganizationId == organization.Id).ToList();
            bool Plain(LocalDate date) => posts.Where(p => p.Post.IsCommitteeSeat() && p.IsActiveOn(date)).Select(p => p.PersonId).Distinct().Count()
                >= PartyPostExtensions.MinimumCommitteeSeats;

            // The seats held change only on a first day or the day after a last one: those days and their neighbours, and
            // random days, cover every state.
            var days = posts.SelectMany(p => new[] { p.From.PlusDays(-1), p.From, p.From.PlusDays(1) }
                    .Concat(p.To is { } t ? [t.PlusDays(-1), t, t.PlusDays(1)] : []))
                .Concat(Enumerable.Range(0, 100).Select(_ => Day(2500)))
                .ToList();
            foreach (var date in days)
            {
                index.HasCommitteeOn(o, ActivityIndex.Day(date)).Should().Be(Plain(date), $"{organization.Id} on {date}");
            }

            index.EverHasCommittee(o).Should().Be(days.Any(Plain), organization.Id.Value);
        }

        index.Organizations.Count(o => index.EverHasCommittee(index.OrganizationIndex[o.Id])).Should().BeGreaterThan(2, "the data has committees to find");
    }

    private static (PersonId, int, int) Spell(MembershipRegistration r) =>
        (r.PersonId, ActivityIndex.Day(r.From), r.To is { } t ? ActivityIndex.Day(t) : int.MaxValue);

    private static OrganizationId BranchOf(CityDataset dataset, OrganizationId organization) =>
        dataset.GetOrganization(organization) is { Kind: OrganizationKind.PartyGroup, ParentId: { } parent } ? parent : organization;
}
