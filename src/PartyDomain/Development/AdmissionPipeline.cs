using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Development;

/// <summary>Where an admission case stands.</summary>
public enum AdmissionStage
{
    /// <summary>Applied (入党申请人).</summary>
    Applicant,

    /// <summary>Activist (入党积极分子).</summary>
    Activist,

    /// <summary>Development candidate (发展对象).</summary>
    Candidate,

    /// <summary>Voted in, awaiting the higher committee's approval.</summary>
    AwaitingApproval,

    /// <summary>Probationary member (预备党员).</summary>
    Probationary,

    /// <summary>Full member (正式党员): the case is complete.</summary>
    FullMember,

    /// <summary>Closed without admission.</summary>
    Closed,
}

/// <summary>Options of the admission pipeline, bound from configuration (for example <c>PartyDomain:Development</c>).</summary>
public sealed class DevelopmentOptions
{
    /// <summary>The age up to which a person counts as young (青年) in the pipeline counts, 35 by default (inclusive).</summary>
    public int YoungAgeThreshold { get; set; } = 35;
}

/// <summary>One case's state: its stage, its violations and its next step.</summary>
/// <param name="Case">The case.</param>
/// <param name="Stage">Its stage today.</param>
/// <param name="Violations">The rules it breaks, each cited.</param>
/// <param name="NextStep">What should happen next, or <c>null</c> when the case is complete or closed.</param>
/// <param name="Due">The day the next step is due, when the rules set one.</param>
/// <param name="Young">Whether the person was young (see <see cref="DevelopmentOptions.YoungAgeThreshold"/>) at application.</param>
/// <param name="Lawyer">Whether the person was a practising lawyer at application: a lawyer profile, licensed on or before the
/// application day (or with no licence date on record).</param>
public sealed record AdmissionCaseResult(AdmissionCase Case, AdmissionStage Stage, IReadOnlyList<Finding> Violations, LocalizedText? NextStep, LocalDate? Due, bool Young,
    bool Lawyer)
{
    /// <summary>A young lawyer (青年律师) at application: <see cref="Lawyer"/> and <see cref="Young"/>.</summary>
    public bool YoungLawyer => Young && Lawyer;
}

/// <summary>Counts of a stage or a year, with the young counted apart, and the young lawyers (青年律师) among them.</summary>
/// <param name="Key">The stage or the year.</param>
/// <param name="Total">All people.</param>
/// <param name="Young">Young people among them (lawyers or not).</param>
/// <param name="YoungLawyers">Young people among them who were practising lawyers at application.</param>
public sealed record PipelineCount(string Key, int Total, int Young, int YoungLawyers)
{
    /// <summary>Young people who were not practising lawyers at application (reported apart from the young lawyers).</summary>
    public int YoungOthers => Young - YoungLawyers;
}

/// <summary>The pipeline as of a date: every case applied for by then, counts per stage on that date, and per year the milestones reached by then.</summary>
/// <param name="AsOf">The date the cases are judged as of: milestones after it are not yet reached, cases applied for after it are left out.</param>
/// <param name="Cases">Every case applied for by <paramref name="AsOf"/>, as it stood then.</param>
/// <param name="ByStage">People per stage on <paramref name="AsOf"/>.</param>
/// <param name="Applications">Applications per year.</param>
/// <param name="Activists">Activists designated per year.</param>
/// <param name="Candidates">Candidates designated per year.</param>
/// <param name="Admitted">Admissions (approved votes) per year of the vote.</param>
/// <param name="Converted">Conversions to full membership per year.</param>
/// <param name="Rules">The rules with the settings they ran with.</param>
public sealed record PipelineResult(
    LocalDate AsOf,
    IReadOnlyList<AdmissionCaseResult> Cases,
    IReadOnlyList<PipelineCount> ByStage,
    IReadOnlyList<PipelineCount> Applications,
    IReadOnlyList<PipelineCount> Activists,
    IReadOnlyList<PipelineCount> Candidates,
    IReadOnlyList<PipelineCount> Admitted,
    IReadOnlyList<PipelineCount> Converted,
    IReadOnlyList<EffectiveRule> Rules);

/// <summary>
/// Checks every admission case against the timeline and eligibility rules of 《中国共产党发展党员工作细则》, says where it
/// stands and what is due next, and counts the pipeline. It reports contradictions between a case and the person's
/// standing in the dataset; it never changes either.
/// </summary>
public sealed class AdmissionPipeline
{
    private readonly RuleOptions _options;
    private readonly DevelopmentOptions _development;
    private readonly ZonedClock _clock;

    /// <summary>
    /// Creates a pipeline. <c>AddPartyDomain</c> registers one with the city's zone; <c>PartyDomainEngines.Create</c>
    /// (PartyDomain.Testing) builds the same without a container.
    /// </summary>
    /// <param name="options">The rule tuning.</param>
    /// <param name="development">The pipeline options.</param>
    /// <param name="clock">The clock today is read from, in the city's zone.</param>
    public AdmissionPipeline(IOptions<RuleOptions> options, IOptions<DevelopmentOptions> development, ZonedClock clock)
    {
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _development = (development ?? throw new ArgumentNullException(nameof(development))).Value;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        foreach (var rule in AdmissionRule.Defaults)
        {
            _options.Resolve(rule);
        }
    }

    /// <summary>Checks every case of <paramref name="dataset"/> as of today.</summary>
    /// <param name="dataset">The dataset.</param>
    public PipelineResult Evaluate(CityDataset dataset) => Evaluate(dataset, _clock.GetCurrentDate());

    /// <summary>
    /// Checks every case of <paramref name="dataset"/> as it stood on <paramref name="asOf"/>: a report for a past period is
    /// judged as of the period's end, never as of today. A milestone dated after <paramref name="asOf"/> is not reached yet
    /// (a step due by then and not taken is late), and a case applied for after it is left out.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="asOf">The date the cases are judged as of.</param>
    public PipelineResult Evaluate(CityDataset dataset, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var settings = AdmissionRule.Defaults.ToDictionary(r => r, r => _options.Resolve(r));
        var results = new List<AdmissionCaseResult>(dataset.AdmissionCases.Count);
        foreach (var c in dataset.AdmissionCases)
        {
            if (AsOf(c, asOf) is { } then)
            {
                results.Add(Check(then, dataset, asOf, settings));
            }
        }

        // Counted in one dictionary per key, not grouped: a national city has a hundred thousand cases, counted six ways.
        PipelineCount[] Count(Func<AdmissionCaseResult, string?> key)
        {
            var counts = new Dictionary<string, (int Total, int Young, int YoungLawyers)>(StringComparer.Ordinal);
            foreach (var r in results)
            {
                if (key(r) is { } k)
                {
                    ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, k, out _);
                    count = (count.Total + 1, count.Young + (r.Young ? 1 : 0), count.YoungLawyers + (r.YoungLawyer ? 1 : 0));
                }
            }

            var keys = counts.Keys.ToArray();
            Array.Sort(keys, StringComparer.Ordinal);
            return Array.ConvertAll(keys, k => new PipelineCount(k, counts[k].Total, counts[k].Young, counts[k].YoungLawyers));
        }

        var years = new Dictionary<int, string>();
        string? Year(LocalDate? date)
        {
            if (date is not { } d)
            {
                return null;
            }

            if (!years.TryGetValue(d.Year, out var text))
            {
                years[d.Year] = text = d.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            }

            return text;
        }

        return new PipelineResult(
            asOf,
            results,
            Count(r => r.Stage.ToString()),
            Count(r => Year(r.Case.Applied)),
            Count(r => Year(r.Case.ActivistDesignated)),
            Count(r => Year(r.Case.CandidateDesignated)),
            Count(r => r.Case.Approved is not null ? Year(r.Case.AdmissionVote?.Date) : null),
            Count(r => Year(r.Case.ConversionApproved)),
            settings.Values.ToArray());
    }

    private AdmissionCaseResult Check(AdmissionCase c, CityDataset dataset, LocalDate today, Dictionary<AdmissionRule, EffectiveRule> settings)
    {
        var person = dataset.GetPerson(c.PersonId);
        var violations = new List<Finding>();
        void Raise(AdmissionRule rule, LocalDate asOf, LocalizedText expected, LocalizedText found) => RaiseDated(rule, asOf, expected, found, null, null);
        void RaiseDated(AdmissionRule rule, LocalDate asOf, LocalizedText expected, LocalizedText found, LocalDate? expectedDate, LocalDate? foundDate)
        {
            var s = settings[rule];
            if (s.Enabled)
            {
                violations.Add(new Finding(rule.Id, rule.TitleFor(s), rule.Citation, s.Severity, new FindingSubject(SubjectKind.Person, person.Id.Value, person.Name), asOf, expected, found)
                {
                    ExpectedDate = expectedDate,
                    FoundDate = foundDate,
                    Records = [c.Id],
                });
            }
        }

        int P(AdmissionRule rule, string name) => settings[rule][name];
        bool FullOn(PersonId id, LocalDate day) => dataset.TryGetPerson(id, out var p) && p.StandingOn(day) == MemberStanding.FullMember;

        // Age at application.
        var minAge = P(AdmissionRule.Age, "MinYears");
        if (person.BirthDate is not { } birth)
        {
            Raise(AdmissionRule.Age, c.Applied, new($"申请时年满{minAge}周岁", $"at least {minAge} at application"), new("未登记出生日期，无法核实", "no birth date recorded: cannot be checked"));
        }
        else if (birth.PlusYears(minAge) > c.Applied)
        {
            Raise(AdmissionRule.Age, c.Applied, new($"申请时年满{minAge}周岁", $"at least {minAge} at application"),
                new($"{c.Applied:uuuu-MM-dd}申请时未满{minAge}周岁（{birth:uuuu-MM-dd}出生）", $"under {minAge} on {c.Applied:uuuu-MM-dd} (born {birth:uuuu-MM-dd})"));
        }

        // The first talk.
        var talkDue = c.Applied.PlusMonths(P(AdmissionRule.Talk, "Months"));
        if (c.FirstTalk is { } talk ? talk > talkDue : today > talkDue && (c.Closed is not { } closedBeforeTalk || closedBeforeTalk > talkDue))
        {
            RaiseDated(AdmissionRule.Talk, c.FirstTalk ?? today, new($"{talkDue:uuuu-MM-dd}前谈话", $"a talk by {talkDue:uuuu-MM-dd}"),
                c.FirstTalk is { } t ? new($"{t:uuuu-MM-dd}谈话", $"talk on {t:uuuu-MM-dd}") : new("尚未谈话", "no talk yet"), talkDue, c.FirstTalk);
        }

        // Activist: contacts, assessments, a year before candidacy.
        if (c.ActivistDesignated is { } activist)
        {
            int min = P(AdmissionRule.Contacts, "MinContacts"), max = P(AdmissionRule.Contacts, "MaxContacts");
            var contacts = c.Contacts.Distinct().ToArray();
            var full = contacts.Count(id => FullOn(id, activist));
            if (contacts.Length < min || contacts.Length > max || full < contacts.Length)
            {
                Raise(AdmissionRule.Contacts, activist, new($"{min}至{max}名正式党员作培养联系人", $"{min} to {max} full members as contacts"),
                    new($"联系人{contacts.Length}名，其中正式党员{full}名", $"{contacts.Length} contacts, {full} of them full members"));
            }

            var months = P(AdmissionRule.Assessment, "Months");
            var until = c.CandidateDesignated ?? (c.Closed is { } closed ? LocalDate.Min(closed, today) : today);
            var last = activist;
            var assessed = new List<LocalDate>(c.Assessments.Count + 1);
            foreach (var d in c.Assessments)
            {
                if (d > activist && d <= until)
                {
                    assessed.Add(d);
                }
            }

            assessed.Sort();
            assessed.Add(until);
            foreach (var day in assessed)
            {
                if (day > last.PlusMonths(months))
                {
                    Raise(AdmissionRule.Assessment, day, new($"每{months}个月考察一次", $"an assessment every {months} months"),
                        new($"{last:uuuu-MM-dd}至{day:uuuu-MM-dd}之间无考察记录", $"no assessment between {last:uuuu-MM-dd} and {day:uuuu-MM-dd}"));
                }

                last = day;
            }

            var years = P(AdmissionRule.ActivistYear, "Years");
            if (c.CandidateDesignated is { } candidate && candidate < activist.PlusYears(years))
            {
                RaiseDated(AdmissionRule.ActivistYear, candidate, new($"培养考察满{years}年（{activist.PlusYears(years):uuuu-MM-dd}起）后列为发展对象", $"candidacy from {activist.PlusYears(years):uuuu-MM-dd}"),
                    new($"{candidate:uuuu-MM-dd}列为发展对象", $"candidate on {candidate:uuuu-MM-dd}"), activist.PlusYears(years), candidate);
            }
        }

        if (c.CandidateDesignated is { } skipped && c.ActivistDesignated is null)
        {
            Raise(AdmissionRule.ActivistYear, skipped, new("先确定为入党积极分子并培养考察一年以上", "designation as an activist and a year of training first"),
                new($"{skipped:uuuu-MM-dd}列为发展对象，但无入党积极分子阶段", $"candidate on {skipped:uuuu-MM-dd} without ever being an activist"));
        }

        // Before the admission vote: sponsors, political review, training, leaving the unit; then the vote itself.
        if (c.AdmissionVote is { } vote)
        {
            var count = P(AdmissionRule.Sponsors, "Count");
            var fullSponsors = c.Sponsors.Distinct().Count(id => FullOn(id, vote.Date));
            if (fullSponsors < count || c.Sponsors.Count != count)
            {
                Raise(AdmissionRule.Sponsors, vote.Date, new($"{count}名正式党员作入党介绍人", $"{count} full members as sponsors"),
                    new($"入党介绍人{c.Sponsors.Count}名，表决当日为正式党员的{fullSponsors}名", $"{c.Sponsors.Count} sponsors, {fullSponsors} full members on the vote's day"));
            }

            if (c.PoliticalReview is not { } review || review > vote.Date || c.PoliticalReviewPassed != true)
            {
                Raise(AdmissionRule.PoliticalReview, vote.Date, new("表决前形成合格的政治审查结论", "a passed political review before the vote"),
                    c.PoliticalReview is null ? new("无政治审查结论", "no political-review conclusion")
                    : c.PoliticalReviewPassed != true ? new("政治审查结论为不合格或未注明", "the review did not pass, or its result is missing")
                    : new($"政治审查结论晚于表决（{c.PoliticalReview:uuuu-MM-dd}）", $"the review concluded after the vote ({c.PoliticalReview:uuuu-MM-dd})"));
            }

            int minDays = P(AdmissionRule.Training, "MinDays"), minHours = P(AdmissionRule.Training, "MinHours");
            if ((c.TrainingDays ?? 0) < minDays && (c.TrainingHours ?? 0) < minHours)
            {
                Raise(AdmissionRule.Training, vote.Date, new($"集中培训不少于{minDays}天或{minHours}学时", $"at least {minDays} days or {minHours} hours of training"),
                    new($"集中培训{c.TrainingDays ?? 0}天、{c.TrainingHours ?? 0}学时", $"{c.TrainingDays ?? 0} days, {c.TrainingHours ?? 0} hours"));
            }

            var leaveMonths = P(AdmissionRule.Leaving, "Months");
            var leaves = dataset.EmploymentOf(c.PersonId, vote.Date) is { To: { } to } && to <= vote.Date.PlusMonths(leaveMonths) ? to : (LocalDate?)null;
            if (leaves is { } left)
            {
                Raise(AdmissionRule.Leaving, vote.Date, new($"表决后{leaveMonths}个月内不离开工作单位", $"not leaving the unit within {leaveMonths} months of the vote"),
                    new($"{left:uuuu-MM-dd}离开执业机构", $"left the firm on {left:uuuu-MM-dd}"));
            }

            CheckVote(AdmissionRule.Vote, vote, Raise);
        }

        // Approval, probation, conversion.
        if (c.AdmissionVote is { } admitted && c.Closed is null)
        {
            var approvalDue = admitted.Date.PlusMonths(P(AdmissionRule.Approval, "Months"));
            if (c.Approved is { } approved ? approved > approvalDue : today > approvalDue)
            {
                RaiseDated(AdmissionRule.Approval, c.Approved ?? today, new($"{approvalDue:uuuu-MM-dd}前审批", $"approval by {approvalDue:uuuu-MM-dd}"),
                    c.Approved is { } a ? new($"{a:uuuu-MM-dd}审批", $"approved on {a:uuuu-MM-dd}") : new("尚未审批", "not approved yet"), approvalDue, c.Approved);
            }
        }

        var probationEnds = ProbationEnds(c, settings[AdmissionRule.Probation]);
        if (c.ExtensionMonths is { } ext && (ext < P(AdmissionRule.Probation, "MinExtensionMonths") || ext > P(AdmissionRule.Probation, "MaxExtensionMonths")))
        {
            Raise(AdmissionRule.Probation, probationEnds ?? today,
                new($"延长预备期{P(AdmissionRule.Probation, "MinExtensionMonths")}至{P(AdmissionRule.Probation, "MaxExtensionMonths")}个月", $"an extension of {P(AdmissionRule.Probation, "MinExtensionMonths")} to {P(AdmissionRule.Probation, "MaxExtensionMonths")} months"),
                new($"延长{ext}个月", $"extended by {ext} months"));
        }

        if (probationEnds is { } ends && c.Approved is not null && c.Closed is null)
        {
            if (c.ConversionVote is { } conversion && conversion.Date < ends)
            {
                RaiseDated(AdmissionRule.Probation, conversion.Date, new($"预备期满（{ends:uuuu-MM-dd}）后讨论转正", $"conversion when probation ends ({ends:uuuu-MM-dd})"),
                    new($"{conversion.Date:uuuu-MM-dd}提前讨论转正", $"voted early, on {conversion.Date:uuuu-MM-dd}"), ends, conversion.Date);
            }
            else if (c.ConversionVote is null && today > ends)
            {
                RaiseDated(AdmissionRule.Probation, today, new($"预备期满（{ends:uuuu-MM-dd}）时及时讨论转正", $"the conversion vote when probation ends ({ends:uuuu-MM-dd})"),
                    new("预备期已满，尚未讨论转正", "probation over, no conversion vote yet"), ends, null);
            }
        }

        if (c.ConversionVote is { } cv)
        {
            CheckVote(AdmissionRule.ConversionVote, cv, Raise);
        }

        CheckStanding(c, person, probationEnds, Raise);
        var (stage, next, due) = Stage(c, settings, probationEnds);
        var young = person.BirthDate is { } b && b.PlusYears(_development.YoungAgeThreshold + 1) > c.Applied;
        var lawyer = person.Lawyer is { } profile && (profile.LicensedOn is not { } licensed || licensed <= c.Applied);
        return new AdmissionCaseResult(c, stage, violations, next, due, young, lawyer);
    }

    /// <summary>
    /// The case as it stood on <paramref name="asOf"/>: milestones dated after it are not reached yet; <c>null</c> when the
    /// application itself came later. The case itself when nothing is after the date (most cases, in a report for a past year).
    /// </summary>
    private static AdmissionCase? AsOf(AdmissionCase c, LocalDate asOf)
    {
        if (c.Applied > asOf)
        {
            return null;
        }

        static bool After(LocalDate? d, LocalDate asOf) => d is { } x && x > asOf;
        if (!After(c.FirstTalk, asOf) && !After(c.ActivistDesignated, asOf) && !After(c.CandidateDesignated, asOf) && !After(c.PoliticalReview, asOf)
            && !After(c.PreReview, asOf) && !After(c.AdmissionVote?.Date, asOf) && !After(c.Approved, asOf) && !After(c.Oath, asOf)
            && !After(c.ConversionVote?.Date, asOf) && !After(c.ConversionApproved, asOf) && !After(c.Closed, asOf) && !c.Assessments.Any(d => d > asOf))
        {
            return c;
        }

        LocalDate? Then(LocalDate? d) => After(d, asOf) ? null : d;
        var voted = !After(c.AdmissionVote?.Date, asOf);
        var reviewed = !After(c.PoliticalReview, asOf);
        return c with
        {
            FirstTalk = Then(c.FirstTalk),
            ActivistDesignated = Then(c.ActivistDesignated),
            Contacts = After(c.ActivistDesignated, asOf) ? [] : c.Contacts,
            Assessments = c.Assessments.Where(d => d <= asOf).ToArray(),
            CandidateDesignated = Then(c.CandidateDesignated),
            PoliticalReview = Then(c.PoliticalReview),
            PoliticalReviewPassed = reviewed ? c.PoliticalReviewPassed : null,
            PreReview = Then(c.PreReview),
            Sponsors = voted ? c.Sponsors : [],
            AdmissionVote = voted ? c.AdmissionVote : null,
            Approved = Then(c.Approved),
            Oath = Then(c.Oath),
            ExtensionMonths = voted ? c.ExtensionMonths : null,
            ConversionVote = After(c.ConversionVote?.Date, asOf) ? null : c.ConversionVote,
            ConversionApproved = Then(c.ConversionApproved),
            Closed = Then(c.Closed),
        };
    }

    private static bool Passed(AdmissionVote vote) => vote.Present * 2 > vote.Expected && vote.InFavour * 2 > vote.Expected;

    private static void CheckVote(AdmissionRule rule, AdmissionVote vote, Action<AdmissionRule, LocalDate, LocalizedText, LocalizedText> raise)
    {
        if (!Passed(vote))
        {
            raise(rule, vote.Date, new("到会有表决权党员超过应到会半数，赞成票超过应到会有表决权党员半数", "more than half present, and more than half of those expected in favour"),
                new($"应到{vote.Expected}人，实到{vote.Present}人，赞成{vote.InFavour}人", $"{vote.Expected} expected, {vote.Present} present, {vote.InFavour} in favour"));
        }
    }

    /// <summary>The standing history must show the admission from the vote's day and the conversion from the end of probation.</summary>
    private static void CheckStanding(AdmissionCase c, Person person, LocalDate? probationEnds, Action<AdmissionRule, LocalDate, LocalizedText, LocalizedText> raise)
    {
        if (c.Approved is not null && c.AdmissionVote is { } vote && c.Closed is null)
        {
            var since = person.Standings.Where(s => s.Standing == MemberStanding.ProbationaryMember).Select(s => (LocalDate?)s.Since).LastOrDefault();
            if (since != vote.Date)
            {
                raise(AdmissionRule.Standing, vote.Date, new($"自支部大会通过之日（{vote.Date:uuuu-MM-dd}）起为预备党员", $"probationary member from the vote ({vote.Date:uuuu-MM-dd})"),
                    since is { } s ? new($"人员记录为{s:uuuu-MM-dd}起为预备党员", $"the person's record says probationary from {s:uuuu-MM-dd}")
                        : new("人员记录中没有预备党员身份", "the person's record has no probationary standing"));
            }
        }

        if (c.ConversionApproved is not null && probationEnds is { } ends)
        {
            var full = person.Standings.Where(s => s.Standing == MemberStanding.FullMember).Select(s => (LocalDate?)s.Since).LastOrDefault();
            if (full != ends)
            {
                raise(AdmissionRule.Standing, ends, new($"自预备期满之日（{ends:uuuu-MM-dd}）起为正式党员", $"full member from the end of probation ({ends:uuuu-MM-dd})"),
                    full is { } f ? new($"人员记录为{f:uuuu-MM-dd}起为正式党员", $"the person's record says full member from {f:uuuu-MM-dd}")
                        : new("人员记录中没有正式党员身份", "the person's record has no full standing"));
            }
        }
    }

    private static LocalDate? ProbationEnds(AdmissionCase c, EffectiveRule probation) =>
        c.AdmissionVote is { } vote ? vote.Date.PlusYears(probation["Years"]).PlusMonths(c.ExtensionMonths ?? 0) : null;

    private static (AdmissionStage Stage, LocalizedText? Next, LocalDate? Due) Stage(AdmissionCase c, Dictionary<AdmissionRule, EffectiveRule> settings, LocalDate? probationEnds)
    {
        if (c.Closed is not null)
        {
            return (AdmissionStage.Closed, null, null);
        }

        if (c.ConversionApproved is not null)
        {
            return (AdmissionStage.FullMember, null, null);
        }

        if (c.Approved is not null)
        {
            return c.ConversionVote is null
                ? (AdmissionStage.Probationary, new("预备期满时召开支部大会讨论转正", "the conversion vote when probation ends"), probationEnds)
                : (AdmissionStage.Probationary, new("报上级党委审批转正", "the higher committee approves the conversion"), null);
        }

        if (c.AdmissionVote is { } failed && !Passed(failed))
        {
            return (AdmissionStage.Candidate, new("表决未通过：重新提交支部大会表决或终止发展", "the vote failed: vote again or close the case"), null);
        }

        if (c.AdmissionVote is { } vote)
        {
            return (AdmissionStage.AwaitingApproval, new("报上级党委审批", "the higher committee approves the admission"), vote.Date.PlusMonths(settings[AdmissionRule.Approval]["Months"]));
        }

        if (c.CandidateDesignated is not null)
        {
            var missing = c.PoliticalReview is null ? new LocalizedText("政治审查", "the political review")
                : (c.TrainingDays ?? 0) == 0 && (c.TrainingHours ?? 0) == 0 ? new LocalizedText("集中培训", "the concentrated training")
                : c.PreReview is null ? new LocalizedText("上级党委预审", "the higher committee's pre-review")
                : new LocalizedText("召开支部大会表决接收预备党员", "the general meeting's admission vote");
            return (AdmissionStage.Candidate, missing, null);
        }

        if (c.ActivistDesignated is { } activist)
        {
            var last = c.Assessments.Where(d => d >= activist).DefaultIfEmpty(activist).Max();
            return (AdmissionStage.Activist, new("半年考察", "the half-yearly assessment"), last.PlusMonths(settings[AdmissionRule.Assessment]["Months"]));
        }

        return c.FirstTalk is null
            ? (AdmissionStage.Applicant, new("派人谈话", "the first talk"), c.Applied.PlusMonths(settings[AdmissionRule.Talk]["Months"]))
            : (AdmissionStage.Applicant, new("确定入党积极分子", "designation as an activist"), null);
    }
}
