using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Figures;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Training;

/// <summary>One person's study hours in one year.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Year">The year.</param>
/// <param name="SessionHours">Hours credited from training sessions.</param>
/// <param name="CreditHours">Hours converted from study platforms.</param>
/// <param name="ConcentratedTrainings">Concentrated trainings attended.</param>
/// <param name="Member">Whether the person was a member (probationary or full) the whole year, as far as it has gone.</param>
/// <param name="Cadre">Whether the person held a committee seat at some time in the year.</param>
/// <param name="MemberMonths">Months of the year the person is a member for: 12 for a member of the whole year, from the month
/// of admission to December for a member admitted during the year, 0 for others.</param>
public sealed record LedgerEntry(PersonId PersonId, int Year, decimal SessionHours, decimal CreditHours, int ConcentratedTrainings, bool Member, bool Cadre,
    int MemberMonths)
{
    /// <summary>Whether the person was admitted during the year: a member on the reference day, not on 1 January.</summary>
    public bool AdmittedDuringYear => !Member && MemberMonths > 0;

    /// <summary>All hours.</summary>
    public decimal TotalHours => SessionHours + CreditHours;
}

/// <summary>The hours ledger of a year, the requirements' findings and the training figures.</summary>
/// <param name="Year">The year.</param>
/// <param name="Ledger">One entry per member, cadre or trainee.</param>
/// <param name="Findings">Shortfalls (violations after the year's end, reminders near it), about people.</param>
/// <param name="Rules">The requirements with the settings they ran with.</param>
/// <param name="NewMembers">How members admitted during the year were assessed (<see cref="TrainingOptions.NewMembers"/>).</param>
public sealed record TrainingResult(int Year, IReadOnlyList<LedgerEntry> Ledger, IReadOnlyList<Finding> Findings, IReadOnlyList<EffectiveRule> Rules,
    NewMemberTraining NewMembers);

/// <summary>
/// Keeps the study-hours ledger (学时台账) and checks the yearly requirements by role; study credits from platforms are
/// converted by the registered <see cref="IStudyCreditConverter"/>s (a platform without one is reported, never guessed).
/// </summary>
public sealed class TrainingEvaluator
{
    private readonly TrainingRequirement[] _requirements;
    private readonly Dictionary<string, IStudyCreditConverter> _converters;
    private readonly RuleOptions _options;
    private readonly TrainingOptions _training;
    private readonly ZonedClock _clock;

    /// <summary>
    /// Creates an evaluator. <c>AddPartyDomain</c> registers one with the registered requirements and converters and
    /// the city's zone; <c>PartyDomainEngines.Create</c> (PartyDomain.Testing) builds the same without a container.
    /// </summary>
    /// <param name="requirements">The requirements.</param>
    /// <param name="converters">The study-credit converters, one per platform.</param>
    /// <param name="options">The rule tuning.</param>
    /// <param name="training">The training options.</param>
    /// <param name="clock">The clock today is read from, in the city's zone.</param>
    /// <exception cref="ArgumentException">Two converters claim the same platform.</exception>
    public TrainingEvaluator(IEnumerable<TrainingRequirement> requirements, IEnumerable<IStudyCreditConverter> converters, IOptions<RuleOptions> options,
        IOptions<TrainingOptions> training, ZonedClock clock)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(converters);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(clock);
        _training = training.Value;
        _requirements = requirements.ToArray();
        _converters = new Dictionary<string, IStudyCreditConverter>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in converters)
        {
            if (!_converters.TryAdd(c.Platform, c))
            {
                throw new ArgumentException($"Two study-credit converters claim platform '{c.Platform}'.", nameof(converters));
            }
        }

        _options = options.Value;
        _clock = clock;
        foreach (var r in _requirements)
        {
            _options.Resolve(r);
        }
    }

    /// <summary>Builds the ledger of <paramref name="year"/> and checks the requirements.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="year">The year.</param>
    public TrainingResult Evaluate(CityDataset dataset, int year)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var today = _clock.GetCurrentDate();
        var period = ReportingPeriod.Year(year);
        var reference = LocalDate.Max(period.Start, LocalDate.Min(period.End, today));
        var ix = dataset.Indexes;
        var people = ix.PersonArray;

        // Per-person figures live in arrays by the person's position in dataset.People; attendees and post holders are
        // read by position (derived once per dataset).
        var attendees = ix.Derived(Attendees);
        var sessionHours = new decimal[people.Length];
        var concentrated = new int[people.Length];
        var trainee = new bool[people.Length];
        var sessions = ix.Records<TrainingSession>();
        for (var si = 0; si < sessions.Length; si++)
        {
            var s = sessions[si];
            if (!period.Contains(s.Start))
            {
                continue;
            }

            var attendance = s.Attendance;
            var positions = attendees[si];
            for (var i = 0; i < attendance.Count; i++)
            {
                var a = attendance[i];
                var p = positions[i];
                var hours = a.CreditedHours ?? s.StudyHours;
                sessionHours[p] += hours;
                concentrated[p] += s.Concentrated && hours > 0 ? 1 : 0;
                trainee[p] = true;
            }
        }

        var findings = new List<Finding>();
        var creditHours = CreditHours(ix, year, findings, reference);
        var cadre = new bool[people.Length];
        var served = new DateInterval(period.Start, reference);
        var posts = ix.PartyPostArray;
        var holders = ix.Derived(PostHolders);
        for (var i = 0; i < posts.Length; i++)
        {
            if (posts[i].Post.IsCommitteeSeat() && posts[i].Range().Overlaps(served))
            {
                cadre[holders[i]] = true;
            }
        }

        var ledger = new List<LedgerEntry>(people.Length);
        var ledgerPeople = new List<int>(people.Length);
        for (var p = 0; p < people.Length; p++)
        {
            var atEnd = people[p].StandingOn(reference) is { } s1 && s1.IsMember();
            var member = atEnd && people[p].StandingOn(period.Start) is { } s0 && s0.IsMember();
            var months = member ? 12 : atEnd ? 13 - MemberSince(people[p], reference).Month : 0;
            if (atEnd || cadre[p] || trainee[p] || creditHours[p] > 0)
            {
                ledger.Add(new LedgerEntry(people[p].Id, year, sessionHours[p], creditHours[p], concentrated[p], member, cadre[p], months));
                ledgerPeople.Add(p);
            }
        }

        var used = new List<EffectiveRule>();
        foreach (var requirement in _requirements)
        {
            var settings = _options.Resolve(requirement);
            used.Add(settings);
            if (settings.Enabled)
            {
                Check(requirement, settings, _training.NewMembers, ledger, ledgerPeople, people, period, today, findings);
            }
        }

        return new TrainingResult(year, ledger, findings, used, _training.NewMembers);
    }

    // Each record's person by position in dataset.People, worked out once per dataset.
    private static readonly DerivedIndex<int[][]> Attendees = new(AttendeePositions.Of);

    private static readonly DerivedIndex<int[]> PostHolders = new(static ix => PersonFinder.Positions(ix, ix.PartyPostArray, p => p.PersonId));

    private static readonly DerivedIndex<int[]> CreditOwners = new(static ix => PersonFinder.Positions(ix, ix.Records<StudyCredit>(), c => c.PersonId));

    /// <summary>The day the membership spell that holds on <paramref name="date"/> began (probationary or full).</summary>
    private static LocalDate MemberSince(Person person, LocalDate date)
    {
        LocalDate? since = null;
        var standings = person.Standings;
        for (var i = 0; i < standings.Count && standings[i].Since <= date; i++)
        {
            since = standings[i].Standing.IsMember() ? since ?? standings[i].Since : null;
        }

        return since ?? date;
    }

    /// <summary>F5, F9 and F12 for <paramref name="period"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="period">The period (F5 counts from the party school's first session to its end).</param>
    public IReadOnlyList<Figure> Figures(CityDataset dataset, ReportingPeriod period) => Figures(dataset, period, null);

    /// <summary>F5, F9 and F12 for <paramref name="period"/>, reusing an evaluation of the period's year already at hand.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="period">The period (F5 counts from the party school's first session to its end).</param>
    /// <param name="evaluated">
    /// This evaluator's <see cref="Evaluate"/> of <paramref name="dataset"/> for the period's first year, so F12 does not
    /// evaluate the year a second time; evaluated afresh when <c>null</c> or for another year.
    /// </param>
    public IReadOnlyList<Figure> Figures(CityDataset dataset, ReportingPeriod period, TrainingResult? evaluated)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(period);
        var sessionArray = dataset.Indexes.Records<TrainingSession>();
        var school = Enumerable.Range(0, sessionArray.Length).Where(i => sessionArray[i].PartySchool && sessionArray[i].Start <= period.End).ToArray();

        // Who was trained as what, by position in dataset.People: a person counts once per role however many sessions.
        var ix = dataset.Indexes;
        var attendees = ix.Derived(Attendees);
        var trained = new TrainedAs[ix.PersonArray.Length];

        // Each person's party posts by position, chained (a person holds a few), built only when there are sessions.
        var posts = ix.PartyPostArray;
        int[]? firstPost = null, nextPost = null;
        if (school.Length > 0)
        {
            firstPost = new int[ix.PersonArray.Length];
            nextPost = new int[posts.Length];
            var owners = ix.Derived(PostHolders);
            for (var i = 0; i < posts.Length; i++)
            {
                var owner = owners[i];
                if (owner >= 0)
                {
                    nextPost[i] = firstPost[owner];
                    firstPost[owner] = i + 1;
                }
            }
        }

        foreach (var si in school)
        {
            var s = sessionArray[si];
            var attendance = s.Attendance;
            var positions = attendees[si];
            for (var i = 0; i < attendance.Count; i++)
            {
                var a = attendance[i];
                var p = positions[i];
                if (p < 0)
                {
                    throw new KeyNotFoundException($"No person '{a.PersonId}' in the dataset of {dataset.City.Name}.");
                }

                var standing = ix.PersonArray[p].StandingOn(s.Start);
                if (standing == MemberStanding.Activist)
                {
                    trained[p] |= TrainedAs.Activist;
                }
                else if (standing == MemberStanding.DevelopmentCandidate)
                {
                    trained[p] |= TrainedAs.Candidate;
                }
                else if (HoldsPost(posts, firstPost![p], nextPost!, s.Start))
                {
                    trained[p] |= TrainedAs.Cadre;
                }
            }
        }

        int activists = 0, candidates = 0, cadres = 0, trainees = 0;
        foreach (var t in trained)
        {
            activists += (t & TrainedAs.Activist) != 0 ? 1 : 0;
            candidates += (t & TrainedAs.Candidate) != 0 ? 1 : 0;
            cadres += (t & TrainedAs.Cadre) != 0 ? 1 : 0;
            trainees += t != 0 ? 1 : 0;
        }

        var end = period.End.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var since = school.Length == 0 ? "—" : school.Min(s => sessionArray[s].Start).ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var basis = new LocalizedText($"党校自{since}首期培训至{end}", $"party school sessions from the first ({since}) to {end}");
        var secretaries = dataset.TrainingSessions.Count(s => period.Contains(s.Start) && s.Audience.HasFlag(TrainingAudience.Secretaries));
        var year = evaluated is { } e0 && e0.Year == period.Start.Year ? e0 : Evaluate(dataset, period.Start.Year);
        var credits = year.Ledger.Sum(e => e.CreditHours);
        return
        [
            new Figure("F5", new("党校累计开展培训", "Party school sessions"), school.Length, new("次", "sessions"), basis),
            new Figure("F5-activists", new("党校培训入党积极分子", "Activists trained"), activists, new("名", "people"), basis),
            new Figure("F5-candidates", new("党校培训发展对象", "Development candidates trained"), candidates, new("名", "people"), basis),
            new Figure("F5-cadres", new("党校培训党务干部", "Party-affairs cadres trained"), cadres, new("名", "people"), basis),
            new Figure("F5-trainees", new("党校培训积极分子、发展对象及党务干部", "Activists, candidates and cadres trained"),
                trainees, new("名", "people"), basis),
            new Figure("F9", new("支部书记集中学习培训", "Centralized trainings of branch secretaries"), secretaries, new("次", "sessions"),
                new($"{period}面向支部书记的培训班次", $"sessions for branch secretaries in {period}")),
            new Figure("F12", new("学习平台积分折算学时", "Study hours credited from study platforms"), credits, new("学时", "study hours"),
                new($"{period.Start.Year}年各学习平台积分按本市折算办法认定的学时", $"hours converted from study platforms by the city's policy in {period.Start.Year}")),
        ];
    }

    private decimal[] CreditHours(DatasetIndexes ix, int year, List<Finding> findings, LocalDate reference)
    {
        var hours = new decimal[ix.PersonArray.Length];
        // The year's credits per person and platform, groups in order of first appearance. A city has a handful of
        // platforms and millions of credits: each platform's spelling is normalized once and keyed by a number, and a
        // person's group of each platform is found by the person's position.
        var platforms = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var groupOf = new List<int[]>();
        var owners = ix.Derived(CreditOwners);
        var credits = ix.Records<StudyCredit>();
        var creditGroup = new int[credits.Length];
        var groupPerson = new List<int>();
        var groupPlatform = new List<int>();
        var groupSize = new List<int>();
        for (var i = 0; i < credits.Length; i++)
        {
            var c = credits[i];
            creditGroup[i] = -1;
            if (c.Date.Year != year)
            {
                continue;
            }

            if (!platforms.TryGetValue(c.Platform, out var platform))
            {
                var name = c.Platform.Trim().ToLowerInvariant();
                platform = names.IndexOf(name);
                if (platform < 0)
                {
                    platform = names.Count;
                    names.Add(name);
                    groupOf.Add(new int[ix.PersonArray.Length]);
                }

                platforms[c.Platform] = platform;
            }

            var person = owners[i];
            ref var at = ref groupOf[platform][person];
            if (at == 0)
            {
                groupPerson.Add(person);
                groupPlatform.Add(platform);
                groupSize.Add(0);
                at = groupPerson.Count;
            }

            creditGroup[i] = at - 1;
            groupSize[at - 1]++;
        }

        // Each group's credits in the dataset's order, then by date (stable, as OrderBy).
        var grouped = new StudyCredit[groupSize.Count][];
        var filled = new int[grouped.Length];
        for (var g = 0; g < grouped.Length; g++)
        {
            grouped[g] = new StudyCredit[groupSize[g]];
        }

        for (var i = 0; i < credits.Length; i++)
        {
            if (creditGroup[i] is var g and >= 0)
            {
                grouped[g][filled[g]++] = credits[i];
            }
        }

        var converters = new IStudyCreditConverter?[names.Count];
        var known = new bool[names.Count];
        var unconverted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var g = 0; g < grouped.Length; g++)
        {
            var platform = groupPlatform[g];
            var name = names[platform];
            if (!known[platform])
            {
                known[platform] = true;
                converters[platform] = _converters.TryGetValue(name, out var found) ? found : null;
                if (converters[platform] is null && unconverted.Add(name))
                {
                    findings.Add(new Finding(new RuleId("TR-CREDIT-CONVERTER"), new("学习平台积分须有本市折算办法", "Study credits need the city's conversion"),
                        new("本市学时认定办法", null, SourceConfidence.Local), FindingSeverity.Warning,
                        new FindingSubject(SubjectKind.Organization, name, name), reference,
                        new("已注册该平台的积分折算器", "a converter registered for the platform"),
                        new($"平台“{name}”的积分未折算（未注册折算器）", $"credits of platform '{name}' not converted: no converter registered")));
                }
            }

            if (converters[platform] is { } converter)
            {
                var person = groupPerson[g];
                hours[person] += converter.HoursFor(ix.PersonArray[person].Id, year, ByDate(grouped[g]));
            }
        }

        return hours;
    }

    // Whether any post in the chain starting at first (a post's index plus one; zero ends it) holds on date.
    private static bool HoldsPost(PartyPostHolding[] posts, int first, int[] next, LocalDate date)
    {
        for (var i = first; i > 0; i = next[i - 1])
        {
            if (posts[i - 1].IsActiveOn(date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The roles a person was trained in at the party school.</summary>
    [Flags]
    private enum TrainedAs : byte
    {
        None = 0,
        Activist = 1,
        Candidate = 2,
        Cadre = 4,
    }

    // Credits usually come in date order, which costs one pass.
    private static StudyCredit[] ByDate(StudyCredit[] credits)
    {
        for (var i = 1; i < credits.Length; i++)
        {
            if (credits[i - 1].Date > credits[i].Date)
            {
                return credits.OrderBy(c => c.Date).ToArray();
            }
        }

        return credits;
    }

    private static void Check(TrainingRequirement requirement, EffectiveRule settings, NewMemberTraining newMembers, List<LedgerEntry> ledger, List<int> ledgerPeople,
        Person[] people, ReportingPeriod period, LocalDate today, List<Finding> findings)
    {
        var yearly = requirement.Concentrated ? settings["MinTrainings"] : settings["MinHours"];
        var ended = period.End < today;
        var reminding = !ended && today >= period.End.PlusDays(-settings["ReminderDays"]);
        if (!ended && !reminding)
        {
            return;
        }

        for (var i = 0; i < ledger.Count; i++)
        {
            var e = ledger[i];
            var applies = requirement.Role == TrainingRole.Member ? e.Member || (e.AdmittedDuringYear && newMembers != NewMemberTraining.NotAssessed) : e.Cadre;
            var have = requirement.Concentrated ? e.ConcentratedTrainings : e.TotalHours;

            // A member admitted during the year, pro-rated: the months of membership of twelve, hours to the tenth and
            // trainings whole (rounded up: one a year is one for a member of a few months too).
            decimal minimum = yearly;
            if (requirement.Role == TrainingRole.Member && e.AdmittedDuringYear && newMembers == NewMemberTraining.ProRated)
            {
                minimum = requirement.Concentrated ? Math.Ceiling(yearly * e.MemberMonths / 12m) : Math.Round(yearly * e.MemberMonths / 12m, 1, MidpointRounding.AwayFromZero);
            }

            if (!applies || have >= minimum)
            {
                continue;
            }

            var person = people[ledgerPeople[i]];
            var unit = requirement.Concentrated ? ("次集中培训", " concentrated trainings") : ("学时", " hours");
            findings.Add(new Finding(requirement.Id, requirement.TitleFor(settings), requirement.Citation, ended ? settings.Severity : FindingSeverity.Reminder,
                new FindingSubject(SubjectKind.Person, person.Id.Value, person.Name), ended ? period.End : today,
                minimum == yearly
                    ? new($"{period.Start.Year}年不少于{minimum}{unit.Item1}", $"at least {minimum}{unit.Item2} in {period.Start.Year}")
                    : new($"{period.Start.Year}年入党，按党员月数{e.MemberMonths}/12折算不少于{minimum}{unit.Item1}",
                        $"admitted in {period.Start.Year}: at least {minimum}{unit.Item2}, {e.MemberMonths}/12 of {yearly}"),
                new($"{have}{unit.Item1}{(ended ? string.Empty : $"，尚差{minimum - have}")}", $"{have}{unit.Item2}{(ended ? string.Empty : $", {minimum - have} to go")}"))
            {
                Period = period.Interval,
                ExpectedValue = minimum,
                FoundValue = have,
                Unit = requirement.Concentrated ? FindingUnits.Trainings : FindingUnits.Hours,
            });
        }
    }
}
