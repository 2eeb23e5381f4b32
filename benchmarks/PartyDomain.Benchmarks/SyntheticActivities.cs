using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Benchmarks;

/// <summary>
/// A deterministic, valid national dataset of organizational life for one year (2025): the committee, 40,000 branches
/// and joint branches (about half with an elected committee, the rest without), a few thousand party groups in the
/// largest branches, about 560,000 members (full, plus probationary members admitted in 2024 and 2025), secretaries,
/// committee members and group leaders, some activists who come as guests, and about 2 million activity records with
/// attendance: general meetings every quarter, committee meetings every month where there is a committee, party
/// lessons every quarter, a theme party day every month, group meetings every month, one organizational life meeting,
/// one democratic appraisal and heart-to-heart talks.
/// <para>
/// The gaps are realistic: every branch skips a few months or quarters (lax branches skip a third), some general
/// and committee meetings fall short of a quorum, some meetings are recorded twice (on the platform and by hand),
/// some months have a second theme party day, guests and probationary members attend, and one member in fifty of the
/// rest no longer takes part (listed absent, six months without organizational life). Every organization lives the
/// whole year and keeps its committee status all year, and every slot of 2025 has ended by <see cref="Today"/>, so
/// no outcome is pending and the baselines need only simple logic.
/// </para>
/// <para>
/// Records are created the way a loader reading an export would create them: the organizations table first, then
/// people with their registrations and posts branch by branch, then the activities month by month.
/// </para>
/// </summary>
public static class SyntheticActivities
{
    /// <summary>The year the activities are in.</summary>
    public const int Year = 2025;

    /// <summary>The day the dataset is validated and evaluated on: every slot of <see cref="Year"/> has ended.</summary>
    public static readonly LocalDate Today = new(2026, 1, 15);

    /// <summary>A clock that reads 10:00 China Standard Time on <see cref="Today"/>.</summary>
    public static IClock Clock { get; } = new FixedClock(Today.At(new LocalTime(10, 0)).InZoneStrictly(PartyDomainTime.DefaultZone).ToInstant());

    /// <summary>The city the dataset is built for.</summary>
    public static CityInfo City { get; } = new("000000", "全国律师行业");

    private static readonly string[] ExcuseReasons = ["出差", "开庭", "病假", "外出办案"];

    /// <summary>Generates the records: organizations, people, registrations, posts, elections and activities.</summary>
    /// <param name="branches">The number of branches and joint branches (party groups come on top).</param>
    /// <param name="seed">The seed; the same seed gives the same records.</param>
    public static List<DatasetRecord> Generate(int branches = 40_000, int seed = 2025)
    {
        var random = new Random(seed);
        var records = new List<DatasetRecord>(branches * 40);
        var byMonth = Enumerable.Range(0, 12).Select(_ => new List<ActivityRecord>(branches * 5)).ToArray();
        var committee = new OrganizationId("C");
        records.Add(new PartyOrganization { Id = committee, Name = "全国律师行业党委", Kind = OrganizationKind.IndustryCommittee, Established = new LocalDate(2010, 10, 1) });

        int personCount = 0, activityCount = 0;

        // Members who no longer take part: listed absent, never talked to (six months without organizational life).
        var lapsed = new HashSet<PersonId>();
        var yearStart = new LocalDate(Year, 1, 1);

        PersonId NewPerson(IReadOnlyList<StandingChange> standings, string title)
        {
            var id = new PersonId($"P{personCount++:D7}");
            records.Add(new Person { Id = id, Name = $"{title}{id.Value}", BirthDate = standings[0].Since.PlusYears(-25 - random.Next(15)), Standings = standings });
            return id;
        }

        void Add(OrganizationId organization, ActivityKind kind, LocalDate date, IReadOnlyList<Attendance> attendance, PersonId? lecturer = null)
        {
            var record = new ActivityRecord
            {
                Id = $"A{activityCount++:D8}",
                OrganizationId = organization,
                Kind = kind,
                Date = date,
                Title = kind.Code,
                Lecturer = lecturer,
                Attendance = attendance,
                SourcePlatform = "党建云平台",
            };
            byMonth[date.Month - 1].Add(record);

            // The same meeting entered twice: once on the platform, once by hand.
            if (kind != ActivityKind.HeartToHeartTalk && random.Next(100) < 2)
            {
                byMonth[date.Month - 1].Add(record with { Id = $"A{activityCount++:D8}", SourcePlatform = "手工录入" });
            }
        }

        // Everyone expected whose membership has started by the day: present with the given probability, otherwise
        // excused (with a reason) or absent; guests come on top.
        Attendance[] Attend(List<(PersonId Id, LocalDate Since)> people, LocalDate date, double present, IReadOnlyList<PersonId>? guests = null)
        {
            var list = new List<Attendance>(people.Count + 2);
            foreach (var (id, since) in people)
            {
                if (since > date)
                {
                    continue;
                }

                var roll = lapsed.Contains(id) ? 1.0 : random.NextDouble();
                list.Add(roll < present ? new Attendance(id, AttendanceStatus.Present)
                    : roll < present + ((1 - present) / 2) ? new Attendance(id, AttendanceStatus.Excused, ExcuseReasons[random.Next(ExcuseReasons.Length)])
                    : new Attendance(id, AttendanceStatus.Absent));
            }

            foreach (var guest in guests ?? [])
            {
                if (random.Next(3) == 0)
                {
                    list.Add(new Attendance(guest, AttendanceStatus.Present));
                }
            }

            return [.. list];
        }

        LocalDate InMonth(int month) => new(Year, month, 1 + random.Next(28));

        // The organizations table first, as a loader would read it: branches (a few large ones with two party groups).
        var sizes = new int[branches];
        var withGroups = new bool[branches];
        for (var b = 0; b < branches; b++)
        {
            var id = new OrganizationId($"B{b:D6}");
            var kind = random.Next(100) < 15 ? OrganizationKind.JointBranch : OrganizationKind.Branch;
            var established = new LocalDate(2012 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28));
            records.Add(new PartyOrganization { Id = id, Name = $"党支部{id.Value}", Kind = kind, ParentId = committee, Established = established });
            var u = random.NextDouble();
            sizes[b] = 4 + (int)(u * u * 30);
            withGroups[b] = sizes[b] >= 24 && random.Next(2) == 0;
            for (var g = 1; g <= (withGroups[b] ? 2 : 0); g++)
            {
                var groupId = new OrganizationId($"{id.Value}-G{g}");
                records.Add(new PartyOrganization { Id = groupId, Name = $"党小组{groupId.Value}", Kind = OrganizationKind.PartyGroup, ParentId = id, Established = new LocalDate(2023, 1, 1) });
            }
        }

        for (var b = 0; b < branches; b++)
        {
            var id = new OrganizationId($"B{b:D6}");

            // Members: mostly full; from the sixth on, some probationary (admitted in 2024, full in 2025; or admitted in 2025).
            var size = sizes[b];
            var members = new List<(PersonId Id, LocalDate Since)>(size);
            var full = new List<(PersonId Id, LocalDate Since)>(size);
            for (var i = 0; i < size; i++)
            {
                var roll = i < 5 ? 99 : random.Next(100);
                if (roll < 5)
                {
                    var admitted = InMonth(2 + random.Next(6));
                    var person = NewPerson([new(MemberStanding.ProbationaryMember, admitted)], "预备党员");
                    records.Add(new MembershipRegistration { PersonId = person, OrganizationId = id, From = admitted });
                    members.Add((person, admitted));
                }
                else if (roll < 9)
                {
                    var admitted = new LocalDate(Year - 1, 1 + random.Next(12), 1 + random.Next(28));
                    var person = NewPerson([new(MemberStanding.ProbationaryMember, admitted), new(MemberStanding.FullMember, admitted.PlusYears(1))], "党员");
                    records.Add(new MembershipRegistration { PersonId = person, OrganizationId = id, From = admitted });
                    members.Add((person, yearStart));
                    full.Add((person, admitted.PlusYears(1)));
                }
                else
                {
                    var joined = new LocalDate(1985 + random.Next(38), 1 + random.Next(12), 1 + random.Next(28));
                    var person = NewPerson([new(MemberStanding.ProbationaryMember, joined), new(MemberStanding.FullMember, joined.PlusYears(1))], "党员");
                    if (roll < 11)
                    {
                        lapsed.Add(person);
                    }

                    records.Add(new MembershipRegistration { PersonId = person, OrganizationId = id, From = LocalDate.Max(new LocalDate(2022, 1, 1), joined) });
                    members.Add((person, yearStart));
                    full.Add((person, yearStart));
                }
            }

            // The secretary; a committee (two to four committee members besides the secretary) in three of four branches of 7 or more.
            var secretary = members[0].Id;
            records.Add(new PartyPostHolding { PersonId = secretary, OrganizationId = id, Post = PartyPost.Secretary, From = new LocalDate(2022, 1, 1).PlusDays(random.Next(700)) });
            var seats = new List<(PersonId Id, LocalDate Since)> { members[0] };
            if (size >= 7 && random.Next(4) > 0)
            {
                var elected = new LocalDate(2022 + random.Next(3), 1 + random.Next(12), 1 + random.Next(28));
                records.Add(new CommitteeElection { OrganizationId = id, ElectedOn = elected });
                for (var s = 1; s <= 2 + random.Next(3); s++)
                {
                    records.Add(new PartyPostHolding { PersonId = members[s].Id, OrganizationId = id, Post = PartyPost.CommitteeMember, Portfolio = s == 1 ? "组织委员" : "宣传委员", From = elected });
                    seats.Add(members[s]);
                }
            }

            // Activists who come to lessons and theme party days as guests.
            var guests = new List<PersonId>();
            if (random.Next(5) == 0)
            {
                for (var g = 1 + random.Next(2); g > 0; g--)
                {
                    guests.Add(NewPerson([new(MemberStanding.Activist, new LocalDate(Year - 1, 1 + random.Next(12), 1 + random.Next(28)))], "积极分子"));
                }
            }

            // Diligence: most branches skip a slot now and then, a few skip a third of them.
            var skip = random.Next(100) < 6 ? 0.33 : 0.03;
            bool Held() => random.NextDouble() >= skip;

            for (var q = 0; q < 4; q++)
            {
                if (Held())
                {
                    // One general meeting in twenty falls well short of a quorum.
                    var date = InMonth((3 * q) + 1 + random.Next(3));
                    Add(id, ActivityKind.GeneralMeeting, date, Attend(members, date, random.Next(20) == 0 ? 0.3 : 0.88));
                }

                if (Held())
                {
                    var date = InMonth((3 * q) + 1 + random.Next(3));
                    var lecturer = q == 3 || random.Next(3) == 0 ? secretary : members[random.Next(members.Count)].Id;
                    Add(id, ActivityKind.PartyLesson, date, Attend(members, date, 0.85, guests), lecturer);
                }
            }

            var themeDay = 1 + random.Next(28);
            for (var month = 1; month <= 12; month++)
            {
                if (Held())
                {
                    var date = new LocalDate(Year, month, themeDay);
                    Add(id, ActivityKind.ThemePartyDay, date, Attend(members, date, 0.82, guests));
                    if (random.Next(20) == 0)
                    {
                        var second = new LocalDate(Year, month, 1 + ((themeDay + 10) % 28));
                        Add(id, ActivityKind.ThemePartyDay, second, Attend(members, second, 0.7, guests));
                    }
                }

                if (seats.Count > 1 && Held())
                {
                    var date = InMonth(month);
                    Add(id, ActivityKind.CommitteeMeeting, date, Attend(seats, date, random.Next(25) == 0 ? 0.2 : 0.9));
                }
            }

            if (Held())
            {
                // The organizational life meeting, and the appraisal of every full member after it.
                var date = InMonth(random.Next(3) == 0 ? 1 + random.Next(2) : 11 + random.Next(2));
                Add(id, ActivityKind.OrganizationalLifeMeeting, date, Attend(members, date, 0.9));
                var appraised = full.Where(f => f.Since <= date && random.Next(50) > 0)
                    .Select(f => new Attendance(f.Id, lapsed.Contains(f.Id) ? AttendanceStatus.Absent : AttendanceStatus.Present)).ToArray();
                Add(id, ActivityKind.DemocraticAppraisal, date.PlusDays(1), appraised);
            }

            // Heart-to-heart talks: the secretary with nearly every member, some twice.
            for (var i = 1; i < members.Count; i++)
            {
                var (member, since) = members[i];
                for (var t = lapsed.Contains(member) ? 0 : random.Next(100) switch { < 5 => 0, < 55 => 1, _ => 2 }; t > 0; t--)
                {
                    var start = LocalDate.Max(since, yearStart);
                    var date = start.PlusDays(random.Next(Period.DaysBetween(start, new LocalDate(Year, 12, 31)) + 1));
                    Add(id, ActivityKind.HeartToHeartTalk, date, [new(secretary, AttendanceStatus.Present), new(member, AttendanceStatus.Present)]);
                }
            }

            // Two party groups in half of the largest branches, each meeting monthly.
            if (withGroups[b])
            {
                for (var g = 0; g < 2; g++)
                {
                    var groupId = new OrganizationId($"{id.Value}-G{g + 1}");
                    var groupMembers = members.Where((_, i) => i % 2 == g).ToList();
                    records.Add(new PartyPostHolding { PersonId = groupMembers[^1].Id, OrganizationId = groupId, Post = PartyPost.GroupLeader, From = new LocalDate(2023, 1, 1) });
                    for (var month = 1; month <= 12; month++)
                    {
                        if (Held())
                        {
                            var date = InMonth(month);
                            Add(groupId, ActivityKind.GroupMeeting, date, Attend(groupMembers, date, 0.85));
                        }
                    }
                }
            }
        }

        foreach (var month in byMonth)
        {
            records.AddRange(month);
        }

        return records;
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
