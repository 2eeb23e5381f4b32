using BenchmarkDotNet.Attributes;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Testing;
using PartyDomain.Time;
using PartyDomain.Training;

namespace PartyDomain.Benchmarks;

/// <summary>
/// Issue target: hours ledgers and admission-pipeline checks for 250,000 people and 2 million training attendances in
/// under 1 s. The city is <see cref="SyntheticCity"/> (250,000 people) with 20,000 training sessions of 100 attendees
/// in 2025, study-app credits for a third of the members, and 20,000 admission cases at every stage.
/// <c>PARTYDOMAIN_BENCH_SCALE</c> shrinks it for CI's dry run.
/// </summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private CityDataset _dataset = null!;
    private TrainingEvaluator _training = null!;
    private AdmissionPipeline _pipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scale = BenchmarkScale.Factor;
        var records = SyntheticCity.Generate((int)(40_000 * scale), (int)(250_000 * scale));
        AddTraining(records, sessions: (int)(20_000 * scale), attendees: 100, cases: (int)(20_000 * scale));
        _dataset = new CityDatasetBuilder(new CityInfo("411500", "信阳市"), SyntheticCity.Today).AddRange(records).Build();
        var clock = new FixedClock(new LocalDate(2026, 1, 15).AtStartOfDayInZone(PartyDomainTime.DefaultZone).ToInstant());
        var engines = PartyDomainEngines.Create(clock, b => b.AddStudyCreditConverter(new PointsPerHourConverter("xuexi-qiangguo", 300, 8)));
        _training = engines.Training;
        _pipeline = engines.Admissions;
        var ledger = _training.Evaluate(_dataset, 2025);
        var pipeline = _pipeline.Evaluate(_dataset);
        Console.WriteLine($"// {_dataset.People.Count} people, {_dataset.TrainingSessions.Count} sessions, " +
            $"{_dataset.TrainingSessions.Sum(s => s.Attendance.Count)} attendances, {_dataset.StudyCredits.Count} credits, {_dataset.AdmissionCases.Count} cases; " +
            $"ledger {ledger.Ledger.Count} entries, {ledger.Findings.Count} shortfalls; pipeline {pipeline.Cases.Sum(c => c.Violations.Count)} violations");
    }

    [Benchmark(Description = "Hours ledger + requirements, 2025")]
    public TrainingResult Ledger() => _training.Evaluate(_dataset, 2025);

    [Benchmark(Description = "Admission pipeline checks")]
    public PipelineResult Pipeline() => _pipeline.Evaluate(_dataset);

    [Benchmark(Description = "Ledger + pipeline (target < 1 s)")]
    public int Both() => _training.Evaluate(_dataset, 2025).Findings.Count + _pipeline.Evaluate(_dataset).Cases.Count;

    /// <summary>Sessions of 2025 attended by members, study credits, and admission cases of new people.</summary>
    private static void AddTraining(List<DatasetRecord> records, int sessions, int attendees, int cases)
    {
        var random = new Random(7);
        var members = records.OfType<Person>().Where(p => p.StandingOn(SyntheticCity.Today) is { } s && s.IsMember()).Select(p => p.Id).ToArray();
        var branches = records.OfType<PartyOrganization>().Where(o => o.Kind.IsBranch()).Select(o => o.Id).ToArray();
        for (var s = 0; s < sessions; s++)
        {
            var start = new LocalDate(2025, 1, 1).PlusDays(random.Next(360));
            var list = new HashSet<PersonId>();
            while (list.Count < Math.Min(attendees, members.Length))
            {
                list.Add(members[random.Next(members.Length)]);
            }

            var concentrated = random.Next(5) == 0;
            records.Add(new TrainingSession
            {
                Id = $"T{s:D6}",
                Title = concentrated ? "支部书记集中轮训" : "党员学习",
                Start = start,
                End = concentrated ? start.PlusDays(2) : null,
                StudyHours = concentrated ? 24 : 4,
                Audience = concentrated ? TrainingAudience.Secretaries | TrainingAudience.Cadres : TrainingAudience.AllMembers,
                Concentrated = concentrated,
                PartySchool = random.Next(3) == 0,
                Attendance = list.Select(p => new TrainingAttendance(p, random.Next(20) == 0 ? 2m : null)).ToArray(),
            });
        }

        for (var i = 0; i < members.Length; i += 3)
        {
            records.Add(new StudyCredit { PersonId = members[i], Platform = "xuexi-qiangguo", Date = new LocalDate(2025, 12, 31), Points = random.Next(4000) });
        }

        for (var c = 0; c < cases; c++)
        {
            var id = new PersonId($"A{c:D7}");
            var applied = new LocalDate(2022, 1, 1).PlusDays(random.Next(1200));
            var stage = random.Next(5);
            LocalDate? activist = stage >= 1 ? applied.PlusMonths(3) : null;
            LocalDate? candidate = stage >= 2 && activist is { } a ? a.PlusYears(1).PlusDays(random.Next(-10, 60)) : null;
            LocalDate? vote = stage >= 3 && candidate is { } cd ? cd.PlusMonths(2) : null;
            if (vote > SyntheticCity.Today || candidate > SyntheticCity.Today || activist > SyntheticCity.Today)
            {
                (vote, candidate, activist) = (null, null, null);
            }

            var standings = new List<StandingChange> { new(MemberStanding.Applicant, applied) };
            if (activist is { } ad)
            {
                standings.Add(new(MemberStanding.Activist, ad));
            }

            if (candidate is { } cdd)
            {
                standings.Add(new(MemberStanding.DevelopmentCandidate, cdd));
            }

            if (vote is { } v)
            {
                standings.Add(new(MemberStanding.ProbationaryMember, v));
            }

            records.Add(new Person { Id = id, Name = $"申请人{c}", BirthDate = applied.PlusYears(-22 - random.Next(25)), Standings = standings });
            var sponsors = new[] { members[random.Next(members.Length)], members[random.Next(members.Length)] };
            records.Add(new AdmissionCase
            {
                Id = $"C{c:D7}",
                PersonId = id,
                OrganizationId = branches[random.Next(branches.Length)],
                Applied = applied,
                FirstTalk = applied.PlusDays(random.Next(40)),
                ActivistDesignated = activist,
                Contacts = activist is null ? [] : [members[random.Next(members.Length)]],
                Assessments = activist is { } x ? new[] { x.PlusMonths(6), x.PlusMonths(12) }.Where(d => d <= SyntheticCity.Today).ToArray() : [],
                CandidateDesignated = candidate,
                Sponsors = vote is null ? [] : sponsors,
                PoliticalReview = vote is { } pv ? pv.PlusDays(-20) : null,
                PoliticalReviewPassed = vote is null ? null : true,
                TrainingDays = vote is null ? null : 3,
                AdmissionVote = vote is { } vv ? new AdmissionVote(vv, 10, 8, 7 - random.Next(3)) : null,
                Approved = vote is { } va && va.PlusMonths(2) <= SyntheticCity.Today ? va.PlusMonths(2) : null,
            });
        }
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
