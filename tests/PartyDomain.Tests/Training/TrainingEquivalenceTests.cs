using System.Globalization;
using PartyDomain.Data;
using PartyDomain.Figures;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;
using PartyDomain.Training;
using static PartyDomain.Tests.Training.TrainingTestData;

namespace PartyDomain.Tests.Training;

/// <summary>
/// The evaluator keeps per-person hours, trainees, cadres and party-school roles in arrays by the person's position
/// instead of dictionaries and hash sets keyed by id; these tests hold the ledger, the findings and the figures to the
/// dictionary code it replaced (kept below as the reference) on random data: attendance in and out of the people's
/// order, credited hours, posts that start and end around the sessions, standings that change, two platforms.
/// </summary>
public class TrainingEquivalenceTests
{
    private static readonly LocalDate Today = new(2026, 1, 20);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void The_ledger_findings_and_figures_are_those_of_the_dictionary_code(int seed, bool shuffled)
    {
        var city = RandomCity(seed, people: 80, shuffled);
        var dataset = city.Build();
        var evaluator = PartyDomainEngines.Create(city.Clock, b => b.AddStudyCreditConverter(ExampleConverter())).Training;

        foreach (var year in new[] { 2024, 2025 })
        {
            var result = evaluator.Evaluate(dataset, year);
            var period = ReportingPeriod.Year(year);
            var ledger = Reference.Ledger(dataset, year, Today);
            result.Ledger.Select(Describe).Should().Equal(ledger.Select(Describe));
            result.Findings.Should().NotBeEmpty();
            var figures = evaluator.Figures(dataset, period, result).Select(Describe).ToArray();
            figures.Should().Equal(Reference.Figures(dataset, period, ledger).Select(Describe));
            figures.Should().Contain(f => f.StartsWith("F5-cadres", StringComparison.Ordinal) && !f.EndsWith(" 0", StringComparison.Ordinal));
        }
    }

    private static TestCity RandomCity(int seed, int people, bool shuffled)
    {
        var random = new Random(seed);
        var city = new TestCity(Today).Branch("B1");
        var ids = new List<string>();
        for (var p = 0; p < people; p++)
        {
            var id = $"P{p:000}";
            ids.Add(id);
            var since = new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 900));
            switch (random.Next(5))
            {
                case 0:
                    city.Person(id, TestCity.Standing(MemberStanding.Activist, TestCity.LongAgo), TestCity.Standing(MemberStanding.DevelopmentCandidate, since));
                    break;
                case 1:
                    city.Person(id, TestCity.Standing(MemberStanding.DevelopmentCandidate, TestCity.LongAgo), TestCity.Standing(MemberStanding.ProbationaryMember, since));
                    break;
                case 2:
                    city.Person(id, TestCity.Standing(MemberStanding.FullMember, TestCity.LongAgo), TestCity.Standing(MemberStanding.Ceased, since));
                    break;
                case 3:
                    city.FullMember(id);
                    break;
                default:
                    city.NonMember(id);
                    break;
            }

            for (var n = random.Next(-2, 3); n > 0; n--)
            {
                var from = new LocalDate(2023, 6, 1).PlusDays(random.Next(0, 700));
                var post = (PartyPost)random.Next(4);
                // Each post in an organization of its own: secretaries and group leaders hold theirs alone.
                var organization = post == PartyPost.GroupLeader ? $"G{id}-{n}" : $"B{id}-{n}";
                _ = post == PartyPost.GroupLeader ? city.PartyGroup(organization, "B1") : city.Branch(organization);
                city.Post(id, organization, post, from, random.Next(2) == 0 ? null : LocalDate.Min(Today, from.PlusDays(random.Next(30, 400))));
            }

            for (var n = random.Next(0, 6); n > 0; n--)
            {
                city.Add(Credit(id, new LocalDate(2024 + random.Next(2), 1 + random.Next(12), 1 + random.Next(28)), random.Next(1, 900), random.Next(4) == 0 ? "other-app" : Xuexi));
            }
        }

        for (var s = 0; s < 24; s++)
        {
            var attendees = ids.Where(_ => random.Next(3) > 0);
            attendees = shuffled ? attendees.OrderBy(_ => random.Next()) : attendees;
            var hours = random.Next(1, 25);
            city.Add(new TrainingSession
            {
                Id = $"S{s:00}",
                Title = $"培训班{s}",
                Start = new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 1090)),
                StudyHours = hours,
                Concentrated = random.Next(2) == 0,
                PartySchool = random.Next(3) > 0,
                Audience = (TrainingAudience)random.Next(1, 32),
                Attendance = attendees.Select(a => random.Next(5) == 0 ? Credited(a, random.Next(0, hours + 1)) : Full(a)).ToArray(),
            });
        }

        return city;
    }

    private static string Describe(LedgerEntry e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.PersonId} {e.Year} {e.SessionHours} {e.CreditHours} {e.ConcentratedTrainings} {e.Member} {e.Cadre} {e.MemberMonths}");

    private static string Describe(Figure f) => string.Create(CultureInfo.InvariantCulture, $"{f.Id} {f.Basis} {f.Value}");

    /// <summary>The dictionary and hash-set code the evaluator had before it kept per-person figures in arrays.</summary>
    private static class Reference
    {
        public static List<LedgerEntry> Ledger(CityDataset dataset, int year, LocalDate today)
        {
            var period = ReportingPeriod.Year(year);
            var reference = LocalDate.Max(period.Start, LocalDate.Min(period.End, today));
            var people = dataset.People;
            var position = new Dictionary<PersonId, int>(people.Count);
            for (var i = 0; i < people.Count; i++)
            {
                position[people[i].Id] = i;
            }

            var sessionHours = new decimal[people.Count];
            var concentrated = new int[people.Count];
            var trainee = new bool[people.Count];
            foreach (var s in dataset.TrainingSessions.Where(s => period.Contains(s.Start)))
            {
                foreach (var a in s.Attendance)
                {
                    var p = position[a.PersonId];
                    sessionHours[p] += a.CreditedHours ?? s.StudyHours;
                    concentrated[p] += s.Concentrated && (a.CreditedHours ?? s.StudyHours) > 0 ? 1 : 0;
                    trainee[p] = true;
                }
            }

            var converter = ExampleConverter();
            var creditHours = new decimal[people.Count];
            foreach (var g in dataset.StudyCredits.Where(c => c.Date.Year == year && c.Platform == Xuexi).GroupBy(c => c.PersonId))
            {
                creditHours[position[g.Key]] += converter.HoursFor(g.Key, year, g.OrderBy(c => c.Date).ToArray());
            }

            var cadre = new bool[people.Count];
            foreach (var post in dataset.PartyPosts)
            {
                if (post.Post.IsCommitteeSeat() && post.Range().Overlaps(new DateInterval(period.Start, reference)))
                {
                    cadre[position[post.PersonId]] = true;
                }
            }

            var ledger = new List<LedgerEntry>();
            for (var p = 0; p < people.Count; p++)
            {
                var atEnd = people[p].StandingOn(reference) is { } s1 && s1.IsMember();
                var member = atEnd && people[p].StandingOn(period.Start) is { } s0 && s0.IsMember();

                // Months of membership: the calendar months from the one in which the current membership began to December.
                var began = people[p].Standings.Where(s => s.Since <= reference).Reverse().TakeWhile(s => s.Standing.IsMember()).Select(s => (LocalDate?)s.Since).LastOrDefault();
                var months = member ? 12 : atEnd && began is { } b ? 12 - b.Month + 1 : 0;
                if (atEnd || cadre[p] || trainee[p] || creditHours[p] > 0)
                {
                    ledger.Add(new LedgerEntry(people[p].Id, year, sessionHours[p], creditHours[p], concentrated[p], member, cadre[p], months));
                }
            }

            return ledger;
        }

        public static IEnumerable<Figure> Figures(CityDataset dataset, ReportingPeriod period, List<LedgerEntry> ledger)
        {
            var school = dataset.TrainingSessions.Where(s => s.PartySchool && s.Start <= period.End).ToArray();
            var activists = new HashSet<PersonId>();
            var candidates = new HashSet<PersonId>();
            var cadres = new HashSet<PersonId>();
            foreach (var s in school)
            {
                foreach (var a in s.Attendance)
                {
                    var standing = dataset.GetPerson(a.PersonId).StandingOn(s.Start);
                    if (standing == MemberStanding.Activist)
                    {
                        activists.Add(a.PersonId);
                    }
                    else if (standing == MemberStanding.DevelopmentCandidate)
                    {
                        candidates.Add(a.PersonId);
                    }
                    else if (dataset.PartyPostsOf(a.PersonId, s.Start).Count > 0)
                    {
                        cadres.Add(a.PersonId);
                    }
                }
            }

            var end = period.End.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
            var since = school.Length == 0 ? "—" : school.Min(s => s.Start).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
            var basis = new LocalizedText($"党校自{since}首期培训至{end}", $"party school sessions from the first ({since}) to {end}");
            var secretaries = dataset.TrainingSessions.Count(s => period.Contains(s.Start) && s.Audience.HasFlag(TrainingAudience.Secretaries));
            LocalizedText none = new(string.Empty, string.Empty);
            yield return new Figure("F5", none, school.Length, none, basis);
            yield return new Figure("F5-activists", none, activists.Count, none, basis);
            yield return new Figure("F5-candidates", none, candidates.Count, none, basis);
            yield return new Figure("F5-cadres", none, cadres.Count, none, basis);
            yield return new Figure("F5-trainees", none, activists.Union(candidates).Union(cadres).Count(), none, basis);
            yield return new Figure("F9", none, secretaries, none, new($"{period}面向支部书记的培训班次", $"sessions for branch secretaries in {period}"));
            yield return new Figure("F12", none, ledger.Sum(e => e.CreditHours), none,
                new($"{period.Start.Year}年各学习平台积分按本市折算办法认定的学时", $"hours converted from study platforms by the city's policy in {period.Start.Year}"));
        }
    }
}
