using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Extensibility;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Dues;

/// <summary>A dues rule: its descriptor, for listing and tuning by id.</summary>
public sealed class DuesRule : RuleBase
{
    internal DuesRule(RuleId id, LocalizedText title, Citation citation, FindingSeverity severity, params RuleParameter[] parameters)
        : base(id, title, citation, severity, parameters)
    {
    }

    /// <summary>The month's dues are paid in full once the month has ended.</summary>
    public static DuesRule Arrears { get; } = new(new("DUES-ARREARS"), new("党费按月足额交纳", "Dues paid in full each month"),
        new(Regulations.PartyDues, null, SourceConfidence.Secondary), FindingSeverity.Warning,
        new RuleParameter("GraceDays", 0, "days", new("月末后宽限天数", "days of grace after the month's end")));

    /// <summary>A back-payment covers at most six months.</summary>
    public static DuesRule BackPayment { get; } = new(new("DUES-BACK-PAYMENT"), new("补交党费一般不超过6个月", "Back-payment covers at most 6 months"),
        new(Regulations.PartyDues, null, SourceConfidence.Secondary), FindingSeverity.Warning,
        new RuleParameter("Months", 6, "months", new("补交的最长月数", "most months a back-payment may cover")));

    /// <summary>Six consecutive months without dues is treated as leaving the party: a finding, never a change of standing.</summary>
    public static DuesRule SixMonthsUnpaid { get; } = new(new("DUES-SIX-MONTHS-UNPAID"), new("党员不得连续6个月不交纳党费", "No member six months in a row without paying dues"),
        new(Regulations.MemberEducation, "第三十一条", SourceConfidence.Verified), FindingSeverity.Violation,
        new RuleParameter("Months", 6, "months", new("连续未交纳党费的月数", "months in a row unpaid")));

    /// <summary>The three dues rules.</summary>
    public static IReadOnlyList<DuesRule> Defaults { get; } = [Arrears, BackPayment, SixMonthsUnpaid];
}

/// <summary>One member's dues for one month.</summary>
/// <param name="PersonId">The member.</param>
/// <param name="Month">The month.</param>
/// <param name="Base">The base, or <c>null</c> when the declarations give none.</param>
/// <param name="Due">The dues, rounded to the fen; <c>null</c> without a base.</param>
/// <param name="Paid">The amount paid for the month.</param>
public sealed record DuesLine(PersonId PersonId, YearMonth Month, DuesBase? Base, decimal? Due, decimal Paid)
{
    /// <summary>What is still owed (never negative), or <c>null</c> without a base.</summary>
    public decimal? Owed => Due is { } d ? Math.Max(0, d - Paid) : null;
}

/// <summary>The dues of a period: one line per member and month, and the findings.</summary>
/// <param name="Period">The period.</param>
/// <param name="Lines">One line per member and month of membership.</param>
/// <param name="Findings">Arrears, back-payments over the limit, six months unpaid, missing bases.</param>
/// <param name="Rules">The dues rules with the settings they ran with.</param>
public sealed record DuesResult(ReportingPeriod Period, IReadOnlyList<DuesLine> Lines, IReadOnlyList<Finding> Findings, IReadOnlyList<EffectiveRule> Rules);

/// <summary>
/// Works out dues due per member and month (党费收缴) from a base policy and the national rates, matches payments, and
/// raises arrears, back-payments over six months and six consecutive months unpaid. A member owes dues for every month in
/// which they were a probationary or full member on some day.
/// </summary>
public sealed class DuesEvaluator
{
    private readonly IDuesBasePolicy _policy;
    private readonly RuleOptions _options;
    private readonly IClock _clock;
    private readonly DateTimeZone _zone;

    /// <summary>Creates an evaluator with the national base policy and default settings.</summary>
    /// <param name="clock">The clock.</param>
    public DuesEvaluator(IClock clock)
        : this(new NationalDuesBasePolicy(), new RuleOptions(), clock, null)
    {
    }

    /// <summary>Creates an evaluator for dependency injection.</summary>
    /// <param name="policy">The base policy.</param>
    /// <param name="options">The rule tuning.</param>
    /// <param name="domain">The library options.</param>
    /// <param name="clock">The clock.</param>
    public DuesEvaluator(IDuesBasePolicy policy, IOptions<RuleOptions> options, IOptions<PartyDomainOptions> domain, IClock clock)
        : this(policy, options?.Value!, clock, DateTimeZoneProviders.Tzdb[domain?.Value.TimeZone ?? PartyDomainTime.DefaultZoneId])
    {
    }

    /// <summary>Creates an evaluator.</summary>
    /// <param name="policy">The base policy.</param>
    /// <param name="options">The rule tuning.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="zone">The zone, or <c>null</c> for Asia/Shanghai.</param>
    public DuesEvaluator(IDuesBasePolicy policy, RuleOptions options, IClock clock, DateTimeZone? zone)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _zone = zone ?? PartyDomainTime.DefaultZone;
        foreach (var rule in DuesRule.Defaults)
        {
            _options.Resolve(rule);
        }
    }

    /// <summary>Works out the dues of <paramref name="period"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="period">The period; whole months are taken.</param>
    public DuesResult Evaluate(CityDataset dataset, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(period);
        var today = PartyDomainTime.Today(_clock, _zone);
        var arrears = _options.Resolve(DuesRule.Arrears);
        var back = _options.Resolve(DuesRule.BackPayment);
        var unpaid = _options.Resolve(DuesRule.SixMonthsUnpaid);
        // Each member's declarations and payments in month order, grouped once (stable, so a month's payments keep
        // their order): the month loop below walks a member's payments once instead of scanning them for every month.
        var incomes = new GroupIndex<PersonId, MemberIncome>(dataset.Incomes, i => i.PersonId, (a, b) => a.Month.CompareTo(b.Month));
        var payments = new GroupIndex<PersonId, DuesPayment>(dataset.DuesPayments, p => p.PersonId, (a, b) => a.Month.CompareTo(b.Month));
        var lines = new List<DuesLine>();
        var findings = new List<Finding>();
        var backMonths = back["Months"];
        var unpaidMonths = unpaid["Months"];
        var months = Months(period, today, arrears["GraceDays"], backMonths);
        foreach (var person in dataset.People)
        {
            var paidBy = payments.Span(person.Id);
            var declared = incomes[person.Id];
            var next = 0;
            var streak = 0;
            YearMonth? streakStart = null;
            foreach (var (month, start, end, limit, ended, over) in months)
            {
                if (start > today || !(person.StandingOn(end) is { } s && s.IsMember() || person.StandingOn(start) is { } s0 && s0.IsMember()))
                {
                    streak = 0;
                    continue;
                }

                var duesBase = _policy.BaseFor(person, month, declared);
                var due = duesBase is null ? (decimal?)null : DuesRates.Monthly(duesBase);
                var paid = 0m;
                while (next < paidBy.Length && paidBy[next].Month < month)
                {
                    next++;
                }

                for (; next < paidBy.Length && paidBy[next].Month == month; next++)
                {
                    var p = paidBy[next];
                    paid += p.Amount;
                    if (back.Enabled && p.PaidOn > limit)
                    {
                        findings.Add(Raise(DuesRule.BackPayment, back, person, p.PaidOn,
                            new($"补交不超过{backMonths}个月（{month:uuuu-MM}的党费最迟{limit:uuuu-MM-dd}）", $"back-payment within {backMonths} months ({month:uuuu-MM} by {limit:uuuu-MM-dd})"),
                            new($"{p.PaidOn:uuuu-MM-dd}补交{month:uuuu-MM}的党费{Yuan(p.Amount)}元", $"{month:uuuu-MM} paid {Yuan(p.Amount)} yuan on {p.PaidOn:uuuu-MM-dd}")));
                    }
                }

                lines.Add(new DuesLine(person.Id, month, duesBase, due, paid));
                if (arrears.Enabled && duesBase is null && ended)
                {
                    findings.Add(Raise(DuesRule.Arrears, arrears, person, end,
                        new("申报收入以核定党费基数", "an income declaration to set the dues base"), new($"{month:uuuu-MM}无可用的收入申报，无法核定应交党费", $"no usable income declaration for {month:uuuu-MM}")));
                }
                else if (arrears.Enabled && ended && due is { } d && paid < d)
                {
                    findings.Add(Raise(DuesRule.Arrears, arrears, person, end,
                        new($"交纳{month:uuuu-MM}党费{Yuan(d)}元（基数{Yuan(duesBase!.Amount)}元，{duesBase.Explanation.Chinese}）", $"{month:uuuu-MM} dues of {Yuan(d)} yuan (base {Yuan(duesBase!.Amount)})"),
                        new($"已交{Yuan(paid)}元，欠{Yuan(d - paid)}元", $"{Yuan(paid)} paid, {Yuan(d - paid)} owed")));
                }

                // Six months in a row with nothing paid (by today) for months that have ended.
                if (over && paid == 0)
                {
                    streakStart = streak == 0 ? month : streakStart;
                    streak++;
                    if (unpaid.Enabled && streak == unpaidMonths)
                    {
                        findings.Add(Raise(DuesRule.SixMonthsUnpaid, unpaid, person, end,
                            new($"不连续{unpaidMonths}个月不交纳党费", $"no {unpaidMonths} months in a row unpaid"),
                            new($"{streakStart:uuuu-MM}至{month:uuuu-MM}连续{unpaidMonths}个月未交纳党费（按规定视为自行脱党，须由党组织按程序处理，本系统不改变其党员身份）",
                                $"nothing paid from {streakStart:uuuu-MM} to {month:uuuu-MM}; the party organization decides, the library never changes the member's standing")));
                    }
                }
                else
                {
                    streak = 0;
                }
            }
        }

        return new DuesResult(period, lines, findings, [arrears, back, unpaid]);
    }

    // The period's months with the dates the loop compares against, worked out once rather than per member: the month's
    // first and last day, the last day a back-payment may be made, whether the grace after it has run out and whether it has ended.
    private static (YearMonth Month, LocalDate Start, LocalDate End, LocalDate Limit, bool Ended, bool Over)[] Months(
        ReportingPeriod period, LocalDate today, int graceDays, int backMonths)
    {
        var months = new List<(YearMonth, LocalDate, LocalDate, LocalDate, bool, bool)>();
        for (var month = new YearMonth(period.Start.Year, period.Start.Month); month <= new YearMonth(period.End.Year, period.End.Month); month = month.PlusMonths(1))
        {
            var end = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
            months.Add((month, month.OnDayOfMonth(1), end, end.PlusMonths(backMonths), end.PlusDays(graceDays) < today, end < today));
        }

        return [.. months];
    }

    private static string Yuan(decimal amount) => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static Finding Raise(DuesRule rule, EffectiveRule settings, Person person, LocalDate asOf, LocalizedText expected, LocalizedText found) =>
        new(rule.Id, rule.Title, rule.Citation, settings.Severity, new FindingSubject(SubjectKind.Person, person.Id.Value, person.Name), asOf, expected, found);
}
