using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Figures;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Governance;

/// <summary>The ids of the major-matter checks (重大事项前置研究), for tuning and disabling them by id.</summary>
public static class GovernanceRuleIds
{
    /// <summary>A matter is approved only after the industry committee has reviewed and approved it.</summary>
    public static RuleId CommitteeReview { get; } = new("GOV-MATTER-COMMITTEE-REVIEW");

    /// <summary>The steps follow the route: committee first, or standing council then committee; the bureau last.</summary>
    public static RuleId StepOrder { get; } = new("GOV-MATTER-STEP-ORDER");

    /// <summary>A matter the committee approved reaches the bureau party leadership group's final approval within <c>Days</c>.</summary>
    public static RuleId FinalApproval { get; } = new("GOV-MATTER-FINAL-APPROVAL");
}

/// <summary>
/// A check of major matters (重大事项前置研究): its descriptor, for listing and tuning by id. The route comes from the
/// seed report and the glossary of <c>domain.md</c> (重大事项前置研究); no national article prescribes it, so the
/// citation is marked local practice.
/// </summary>
internal sealed class GovernanceRule : RuleBase
{
    private static readonly Citation PreReview = new("律师行业重大事项党委前置研究制度（律师协会章程党建条款）", null, SourceConfidence.Local);

    internal GovernanceRule(RuleId id, LocalizedText title, FindingSeverity severity, params RuleParameter[] parameters)
        : base(id, title, PreReview, severity, parameters)
    {
    }

    /// <summary>A matter is approved only after the industry committee has reviewed and approved it.</summary>
    internal static GovernanceRule CommitteeReview { get; } = new(GovernanceRuleIds.CommitteeReview,
        new("重大事项须经党委会讨论决定或把关", "Major matters pass the industry committee"), FindingSeverity.Violation);

    /// <summary>The steps follow the route: committee first, or standing council then committee; the bureau last.</summary>
    internal static GovernanceRule StepOrder { get; } = new(GovernanceRuleIds.StepOrder,
        new("重大事项按规定程序先后研究", "Major matters follow their route in order"), FindingSeverity.Violation);

    /// <summary>A matter the committee approved reaches the bureau party leadership group's final approval within <c>Days</c>.</summary>
    internal static GovernanceRule FinalApproval { get; } = new(GovernanceRuleIds.FinalApproval,
        new("重大事项报局党组最后审定", "Major matters get the bureau party leadership group's final approval"), FindingSeverity.Warning,
        new RuleParameter("Days", 60, "days", new("党委会通过后报局党组审定的期限（天）", "days after the committee's approval by which the bureau decides")));

    /// <summary>The three governance checks.</summary>
    internal static IReadOnlyList<GovernanceRule> Defaults { get; } = [CommitteeReview, StepOrder, FinalApproval];
}

/// <summary>The governance checks and figures of a period.</summary>
/// <param name="Period">The period.</param>
/// <param name="Findings">Every finding, each naming the matter, rule and source.</param>
/// <param name="Rules">The rules with the settings they ran with.</param>
public sealed record GovernanceResult(ReportingPeriod Period, IReadOnlyList<Finding> Findings, IReadOnlyList<EffectiveRule> Rules);

/// <summary>
/// Checks major matters against their route and computes the governance figures: F7 (major matters by route), F14
/// (pairings and joint activities) and F15 (donations and commendations) of <c>domain.md</c> §3.
/// </summary>
public sealed class GovernanceEvaluator
{
    private readonly IReadOnlyList<GovernanceRule> _rules;
    private readonly RuleOptions _options;

    /// <summary>
    /// Creates the evaluator. <c>AddPartyDomain</c> registers one with the registered governance rules;
    /// <c>PartyDomainEngines.Create</c> (PartyDomain.Testing) builds the same without a container.
    /// </summary>
    /// <param name="rules">The registered rules: the evaluator runs the governance checks among them (<see cref="GovernanceRuleIds"/>), so one removed by id is not run.</param>
    /// <param name="options">Rule settings by id.</param>
    public GovernanceEvaluator(IEnumerable<IRule> rules, IOptions<RuleOptions> options)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules.OfType<GovernanceRule>().ToArray();
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
    }

    /// <summary>Checks the major matters opened in <paramref name="period"/>, as of its end or the dataset's today, whichever is earlier.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="period">The period.</param>
    public GovernanceResult Evaluate(CityDataset dataset, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(period);
        var asOf = period.End < dataset.Today ? period.End : dataset.Today;
        var used = _rules.Select(r => (Rule: r, Settings: _options.Resolve(r))).ToArray();
        var findings = new List<Finding>();
        foreach (var matter in dataset.MajorMatters)
        {
            if (matter.Opened is not { } opened || !period.Contains(opened))
            {
                continue;
            }

            foreach (var (rule, settings) in used)
            {
                if (settings.Enabled && Check(rule, settings, matter, asOf) is { } found)
                {
                    findings.Add(new Finding(rule.Id, rule.Title, rule.Citation, settings.Severity,
                        new FindingSubject(SubjectKind.Matter, matter.Id, matter.Title), asOf, found.Expected, found.Found));
                }
            }
        }

        return new GovernanceResult(period, findings, used.Select(u => u.Settings).ToArray());
    }

    /// <summary>F7 (and by route), F14 (pairings, joint activities) and F15 (donations, commended firms and lawyers, national honours) for <paramref name="period"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="period">The period.</param>
    public static IReadOnlyList<Figure> Figures(CityDataset dataset, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(period);
        var matters = dataset.MajorMatters.Where(m => m.Opened is { } d && period.Contains(d)).ToArray();
        var committeeFirst = matters.Count(m => m.Route == MajorMatterRoute.CommitteeFirst);
        LocalizedText MatterBasis(string zh, string en) => new($"{period}内首次研究的重大事项{zh}", $"major matters first taken up in {period}{en}");
        var pairings = dataset.Pairings.Count(p => p.From <= period.End && (p.To is not { } to || to >= period.Start));
        var joint = dataset.JointActivities.Count(a => period.Contains(a.Date));
        var commendations = dataset.Commendations.Where(c => period.Contains(c.Date)).ToArray();
        var donated = dataset.Donations.Where(d => period.Contains(d.Date)).Sum(d => d.Amount) / 10000m;
        var times = new LocalizedText("件", "matters");
        return
        [
            new Figure("F7", new("党委前置研究的重大事项", "Major matters reviewed by the committee"), matters.Length, times, MatterBasis(string.Empty, string.Empty)),
            new Figure("F7-committee-first", new("先由党委会讨论决定的重大事项", "Major matters decided by the committee first"), committeeFirst, times,
                MatterBasis("，先由党委会讨论决定", ", decided by the committee first")),
            new Figure("F7-council-first", new("常务理事会通过后经党委会把关的重大事项", "Major matters passed by the council, then checked by the committee"),
                matters.Length - committeeFirst, times, MatterBasis("，常务理事会通过后经党委会把关", ", passed by the standing council first")),
            new Figure("F14", new("结对联建", "Pairings"), pairings, new("对", "pairings"),
                new($"{period}内存续的结对联建关系", $"pairings in force at any time in {period}")),
            new Figure("F14-activities", new("结对联建共同开展的活动", "Joint activities under pairings"), joint, new("次", "activities"),
                new($"{period}内结对双方共同开展的活动", $"activities held jointly under a pairing in {period}")),
            new Figure("F15", new("捐款捐物", "Donations of money and goods"), donated, new("万元", "10k yuan"),
                new($"{period}内捐款及捐物折价合计（元÷10000）", $"money and goods donated in {period}, in yuan ÷ 10,000")),
            new Figure("F15-firms", new("受表彰律所", "Firms commended"), commendations.Where(c => c.FirmId is not null).Select(c => c.FirmId).Distinct().Count(),
                new("个", "firms"), new($"{period}内受各级表彰的律所（去重）", $"distinct firms commended at any level in {period}")),
            new Figure("F15-lawyers", new("受表彰律师", "Lawyers commended"), commendations.Where(c => c.PersonId is not null).Select(c => c.PersonId).Distinct().Count(),
                new("名", "lawyers"), new($"{period}内受各级表彰的律师（去重）", $"distinct lawyers commended at any level in {period}")),
            new Figure("F15-national", new("获全国表彰", "National honours"), commendations.Count(c => c.Level == CommendationLevel.National),
                new("项", "honours"), new($"{period}内全国级表彰（律所和律师）", $"national-level commendations of firms and lawyers in {period}")),
        ];
    }

    private static (LocalizedText Expected, LocalizedText Found)? Check(GovernanceRule rule, EffectiveRule settings, MajorMatter matter, LocalDate asOf)
    {
        var steps = matter.Steps;
        var committee = steps.FirstOrDefault(s => s.Body == GoverningBody.IndustryCommittee && s.Outcome == StepOutcome.Approved);
        var final = steps.FirstOrDefault(s => s.Body == GoverningBody.BureauLeadershipGroup && s.Outcome == StepOutcome.Approved);
        var rejected = steps.Any(s => s.Outcome == StepOutcome.Rejected);
        if (rule.Id == GovernanceRule.CommitteeReview.Id)
        {
            var approvedElsewhere = steps.Any(s => s.Body != GoverningBody.IndustryCommittee && s.Outcome == StepOutcome.Approved);
            return committee is null && approvedElsewhere
                ? (new("经党委会讨论决定或把关后再通过", "approval only after the industry committee's review"),
                    new("已有其他机构通过，但无党委会通过的记录", "approved by another body with no committee approval on record"))
                : null;
        }

        if (rule.Id == GovernanceRule.StepOrder.Id)
        {
            return OrderProblem(matter) is { } problem
                ? (matter.Route == MajorMatterRoute.CommitteeFirst
                        ? new("党委会 → 局党组（常务理事会如参与，在党委会之后）", "committee, then the bureau (the council, if involved, after the committee)")
                        : new("常务理事会 → 党委会 → 局党组", "standing council, then committee, then the bureau"),
                    problem)
                : null;
        }

        if (rule.Id == GovernanceRule.FinalApproval.Id && committee is not null && final is null && !rejected)
        {
            var days = settings.Parameters["Days"];
            var due = committee.Date.PlusDays(days);
            return asOf > due
                ? (new($"党委会通过后{days}天内报局党组审定", $"the bureau's final approval within {days} days of the committee's"),
                    new($"党委会{Day(committee.Date)}通过，截至{Day(asOf)}无局党组审定记录", $"committee approved on {Day(committee.Date)}; no final approval by {Day(asOf)}"))
                : null;
        }

        return null;
    }

    /// <summary>What is out of order in the matter's steps, or <c>null</c>.</summary>
    private static LocalizedText? OrderProblem(MajorMatter matter)
    {
        int Rank(GoverningBody body) => (matter.Route, body) switch
        {
            (_, GoverningBody.BureauLeadershipGroup) => 2,
            (MajorMatterRoute.CommitteeFirst, GoverningBody.IndustryCommittee) => 0,
            (MajorMatterRoute.CommitteeFirst, _) => 1,
            (_, GoverningBody.StandingCouncil) => 0,
            _ => 1,
        };

        for (var i = 1; i < matter.Steps.Count; i++)
        {
            var (before, after) = (matter.Steps[i - 1], matter.Steps[i]);
            if (after.Date < before.Date)
            {
                return new($"第{i + 1}步（{Day(after.Date)}）早于前一步（{Day(before.Date)}）", $"step {i + 1} ({Day(after.Date)}) is dated before step {i} ({Day(before.Date)})");
            }

            if (Rank(after.Body) < Rank(before.Body))
            {
                return new($"{Name(after.Body).Chinese}（{Day(after.Date)}）在{Name(before.Body).Chinese}（{Day(before.Date)}）之后",
                    $"the {Name(after.Body).English} ({Day(after.Date)}) comes after the {Name(before.Body).English} ({Day(before.Date)})");
            }
        }

        if (matter.Route == MajorMatterRoute.CouncilFirst && matter.Steps.Count > 0 && matter.Steps[0].Body != GoverningBody.StandingCouncil)
        {
            return new("按常务理事会先行的程序，但首个步骤不是常务理事会", "routed council-first, but the first step is not the standing council's");
        }

        return null;
    }

    /// <summary>The body's name.</summary>
    /// <param name="body">The body.</param>
    public static LocalizedText Name(GoverningBody body) => body switch
    {
        GoverningBody.IndustryCommittee => new("党委会", "industry committee"),
        GoverningBody.StandingCouncil => new("常务理事会", "standing council"),
        _ => new("局党组", "bureau party leadership group"),
    };

    private static string Day(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
