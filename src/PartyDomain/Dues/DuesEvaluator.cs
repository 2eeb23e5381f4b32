using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Dues;

/// <summary>The ids of the dues rules, for tuning and disabling them by id.</summary>
public static class DuesRuleIds
{
    /// <summary>The month's dues are paid in full once the month has ended.</summary>
    public static RuleId Arrears { get; } = new("DUES-ARREARS");

    /// <summary>A back-payment covers at most six months.</summary>
    public static RuleId BackPayment { get; } = new("DUES-BACK-PAYMENT");

    /// <summary>Six consecutive months without dues is treated as leaving the party: a finding, never a change of standing.</summary>
    public static RuleId SixMonthsUnpaid { get; } = new("DUES-SIX-MONTHS-UNPAID");
}

/// <summary>A dues rule: its descriptor, for listing and tuning by id.</summary>
internal sealed class DuesRule : RuleBase
{
    internal DuesRule(RuleId id, LocalizedText title, Citation citation, FindingSeverity severity, params RuleParameter[] parameters)
        : base(id, title, citation, severity, parameters)
    {
    }

    /// <summary>The month's dues are paid in full once the month has ended.</summary>
    internal static DuesRule Arrears { get; } = new(DuesRuleIds.Arrears, new("党费按月足额交纳", "Dues paid in full each month"),
        new(Regulations.PartyDues, null, SourceConfidence.Secondary), FindingSeverity.Warning,
        new RuleParameter("GraceDays", 0, "days", new("月末后宽限天数", "days of grace after the month's end")));

    /// <summary>A back-payment covers at most six months.</summary>
    internal static DuesRule BackPayment { get; } = new(DuesRuleIds.BackPayment, new("补交党费一般不超过{Months}个月", "Back-payment covers at most {Months} months"),
        new(Regulations.PartyDues, null, SourceConfidence.Secondary), FindingSeverity.Warning,
        new RuleParameter("Months", 6, "months", new("补交的最长月数", "most months a back-payment may cover")));

    /// <summary>Six consecutive months without dues is treated as leaving the party: a finding, never a change of standing.</summary>
    internal static DuesRule SixMonthsUnpaid { get; } = new(DuesRuleIds.SixMonthsUnpaid, new("党员不得连续{Months}个月不交纳党费", "No member {Months} months in a row without paying dues"),
        new(Regulations.MemberEducation, "第三十一条", SourceConfidence.Verified), FindingSeverity.Violation,
        new RuleParameter("Months", 6, "months", new("连续未交纳党费的月数", "months in a row unpaid")));

    /// <summary>The three dues rules.</summary>
    internal static IReadOnlyList<DuesRule> Defaults { get; } = [Arrears, BackPayment, SixMonthsUnpaid];
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
/// <param name="Lines">One line per member and month of membership (the evaluator works them out on first read).</param>
/// <param name="Findings">Arrears, back-payments over the limit, six months unpaid, missing bases.</param>
/// <param name="Rules">The dues rules with the settings they ran with.</param>
public sealed record DuesResult(ReportingPeriod Period, IReadOnlyList<DuesLine> Lines, IReadOnlyList<Finding> Findings, IReadOnlyList<EffectiveRule> Rules)
{
    /// <summary>Each member-month's outcome from the same sweep, for the six-systems rate, which so never reads the lines.</summary>
    internal DuesSlots? Slots { get; init; }
}

/// <summary>
/// Each member and month of a dues sweep in one byte, person-major in the dataset's person order: 0 no line (not a member
/// that month, or a month not begun), 1 a line not paid in full in time, 2 a line paid in full, every payment within the
/// month and the grace of <c>DUES-ARREARS</c>.
/// </summary>
internal sealed record DuesSlots(YearMonth[] Months, byte[] Outcomes)
{
    public const byte None = 0, Short = 1, Paid = 2;
}

/// <summary>
/// Works out dues due per member and month (党费收缴) from a base policy and the national rates, matches payments, and
/// raises arrears, back-payments over six months and six consecutive months unpaid. A member owes dues for every month in
/// which they were a probationary or full member on some day.
/// </summary>
public sealed class DuesEvaluator
{
    private readonly IDuesBasePolicy _policy;
    private readonly RuleOptions _options;
    private readonly ZonedClock _clock;

    /// <summary>
    /// Creates an evaluator. <c>AddPartyDomain</c> registers one with the registered base policy and the city's zone;
    /// <c>PartyDomainEngines.Create</c> (PartyDomain.Testing) builds the same without a container.
    /// </summary>
    /// <param name="policy">The base policy.</param>
    /// <param name="options">The rule tuning.</param>
    /// <param name="clock">The clock today is read from, in the city's zone.</param>
    public DuesEvaluator(IDuesBasePolicy policy, IOptions<RuleOptions> options, ZonedClock clock)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        foreach (var rule in DuesRule.Defaults)
        {
            _options.Resolve(rule);
        }
    }

    /// <summary>Works out the dues of <paramref name="period"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="period">The period; whole months are taken.</param>
    /// <remarks>
    /// With the national base policy the findings are worked out here and the lines (one per member and month, millions at
    /// national scale) only when <see cref="DuesResult.Lines"/> is first read, by the same sweep, so a caller that needs
    /// findings only never holds them.
    /// </remarks>
    public DuesResult Evaluate(CityDataset dataset, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(period);
        var sweep = new Sweep(this, dataset, period, _clock.GetCurrentDate());
        var findings = new List<Finding>();
        var slots = sweep.NewSlots();

        // A city's own policy is asked once per member and month, so its lines are kept from the one sweep; the national
        // policy is a pure function of the declarations, so its lines can be worked out again when read.
        if (_policy is not NationalDuesBasePolicy)
        {
            var lines = new List<DuesLine>();
            sweep.Run(lines, findings, slots.Outcomes);
            return new DuesResult(period, lines, findings, sweep.Rules) { Slots = slots };
        }

        sweep.Run(null, findings, slots.Outcomes);
        return new DuesResult(period, new DuesLines(sweep), findings, sweep.Rules) { Slots = slots };
    }

    /// <summary>Only each member-month's outcome, with no finding and no line: the previous year's six-systems rate.</summary>
    internal DuesResult EvaluateSlots(CityDataset dataset, ReportingPeriod period)
    {
        var sweep = new Sweep(this, dataset, period, _clock.GetCurrentDate());
        var slots = sweep.NewSlots();
        sweep.Run(null, null, slots.Outcomes);
        return new DuesResult(period, [], [], sweep.Rules) { Slots = slots };
    }

    /// <summary>
    /// One evaluation's settings and months, and the walk over every member's months that yields lines, findings or both.
    /// </summary>
    private sealed class Sweep
    {
        private readonly IDuesBasePolicy _policy;
        private readonly CityDataset _dataset;
        private readonly LocalDate _today;
        private readonly EffectiveRule _arrears;
        private readonly EffectiveRule _back;
        private readonly EffectiveRule _unpaid;
        private readonly Month[] _months;
        private readonly LocalizedText _unpaidExpected;
        private readonly LocalizedText _noBaseExpected = new("申报收入以核定党费基数", "an income declaration to set the dues base");

        public Sweep(DuesEvaluator evaluator, CityDataset dataset, ReportingPeriod period, LocalDate today)
        {
            _policy = evaluator._policy;
            _dataset = dataset;
            _today = today;
            _arrears = evaluator._options.Resolve(DuesRule.Arrears);
            _back = evaluator._options.Resolve(DuesRule.BackPayment);
            _unpaid = evaluator._options.Resolve(DuesRule.SixMonthsUnpaid);
            _months = Months(period, today, _arrears["GraceDays"], _back["Months"]);
            _unpaidExpected = new($"按月交纳党费，不得连续{_unpaid["Months"]}个月不交纳", $"no {_unpaid["Months"]} months in a row unpaid");
        }

        public EffectiveRule[] Rules => [_arrears, _back, _unpaid];

        // The dues of each base met so far: a city's members share a few thousand bases (a salary band, a quarter's
        // average), and the rate and the rounding to the fen cost more than a lookup. Equal bases give equal dues, to the
        // scale (the rates have two decimals or more, so the rounding always leaves two).
        private readonly Dictionary<(IncomeKind, decimal), decimal> _dues = [];

        private decimal Monthly(IncomeKind kind, decimal amount)
        {
            ref var due = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_dues, (kind, amount), out var found);
            if (!found)
            {
                due = DuesRates.Monthly(kind, amount);
            }

            return due;
        }

        /// <summary>An empty outcome grid for this sweep's people and months.</summary>
        public DuesSlots NewSlots() => new([.. _months.Select(m => m.Value)], new byte[_dataset.Indexes.PersonArray.Length * _months.Length]);

        /// <summary>
        /// Walks every member's months in order, adding to <paramref name="lines"/> and <paramref name="findings"/> and
        /// filling <paramref name="slots"/> (see <see cref="DuesSlots"/>) when given.
        /// </summary>
        public void Run(List<DuesLine>? lines, List<Finding>? findings, byte[]? slots = null)
        {
            var ix = _dataset.Indexes;
            var people = ix.PersonArray;

            // Each member's declarations and payments in month order (stable, so a month's payments keep their order): the
            // month loop below walks a member's payments once instead of scanning them for every month.
            var incomes = ix.Derived(MemberRecords.Incomes);
            var payments = ix.Derived(MemberRecords.Payments);
            var national = _policy is NationalDuesBasePolicy;
            int backMonths = _back["Months"], unpaidMonths = _unpaid["Months"];
            var membership = new Membership(_months);
            for (var person = 0; person < people.Length; person++)
            {
                var member = people[person];

                // Someone who never held a standing is never a member: no month of theirs counts.
                var held = member.Standings;
                if (held.Count == 0)
                {
                    continue;
                }

                var memberIn = membership.Of(held);

                var paidBy = payments.Items(person);
                var paidFor = payments.Months(person);
                var declared = incomes.Items(person);
                var declaredFor = incomes.Months(person);
                var declaredList = national ? null : incomes.List(person);
                FindingSubject? subject = null;
                var next = 0;
                var streak = 0;
                YearMonth? streakStart = null;
                var unpaidAt = -1;

                // The national base depends on the latest declaration alone, or, when that is irregular income, on the month's
                // quarter alone (its average): a member's base, dues and their text are worked out once for the months that share them.
                var basis = long.MinValue;
                BaseValue? duesBase = null;
                decimal? due = null;
                string? dueText = null, baseText = null;
                LocalizedText? owing = null;
                decimal owingPaid = 0, owingDue = 0;
                for (var mi = 0; mi < _months.Length; mi++)
                {
                    var m = _months[mi];
                    var month = m.Value;
                    if (!m.Begun || !memberIn[mi])
                    {
                        streak = 0;
                        unpaidAt = -1;
                        continue;
                    }

                    // A city's policy returns its own base object, which the line keeps; the national one a value.
                    DuesBase? custom = null;
                    if (!national)
                    {
                        custom = _policy.BaseFor(member, month, declaredList!);
                        duesBase = custom is null ? null : BaseValue.Of(custom);
                        due = duesBase is { } c ? DuesRates.Monthly(c.Kind, c.Amount) : null;
                        (dueText, baseText) = (null, null);
                    }
                    else if (NationalDuesBasePolicy.Latest(declaredFor, m.Key) is var latest
                        && (latest < 0 ? -1 : declared[latest].Kind == IncomeKind.IrregularIncome ? (1L << 32) + m.Quarter : latest) is var from
                        && from != basis)
                    {
                        basis = from;
                        duesBase = NationalDuesBasePolicy.BaseFor(declared, declaredFor, m.Key);
                        due = duesBase is { } b ? Monthly(b.Kind, b.Amount) : null;
                        (dueText, baseText) = (null, null);
                    }

                    var paid = 0m;
                    var late = false;
                    while (next < paidFor.Length && paidFor[next] < m.Key)
                    {
                        next++;
                    }

                    for (; next < paidBy.Length && paidFor[next] == m.Key; next++)
                    {
                        var p = paidBy[next];

                        paid += p.Amount;
                        late |= p.PaidOn > m.GraceEnd;
                        if (findings is not null && _back.Enabled && p.PaidOn > m.Limit)
                        {
                            var amount = Yuan(p.Amount);
                            findings.Add(Raise(DuesRule.BackPayment, _back, subject ??= Subject(member), p.PaidOn, m.BackExpected,
                                new($"{p.PaidOn:uuuu-MM-dd}补交{m.Text}的党费{amount}元", $"{m.Text} paid {amount} yuan on {p.PaidOn:uuuu-MM-dd}")) with
                            {
                                Period = m.Interval, ExpectedDate = m.Limit, FoundDate = p.PaidOn, FoundValue = p.Amount, Unit = FindingUnits.Yuan,
                            });
                        }
                    }

                    lines?.Add(new DuesLine(member.Id, month, custom ?? duesBase?.ToBase(), due, paid));
                    if (slots is not null)
                    {
                        slots[(person * _months.Length) + mi] = due is { } full && paid >= full && !late ? DuesSlots.Paid : DuesSlots.Short;
                    }

                    if (findings is null)
                    {
                        continue;
                    }

                    if (_arrears.Enabled && duesBase is null && m.Ended)
                    {
                        findings.Add(Raise(DuesRule.Arrears, _arrears, subject ??= Subject(member), m.End, _noBaseExpected, m.NoBaseFound) with { Period = m.Interval });
                    }
                    else if (_arrears.Enabled && m.Ended && due is { } d && paid < d && duesBase is { } owedOn)
                    {
                        dueText ??= Yuan(d);
                        baseText ??= Yuan(owedOn.Amount);

                        // A member who pays short usually pays the same short amount of the same dues month after month.
                        if (owing is null || owingPaid != paid || owingDue != d)
                        {
                            (owing, owingPaid, owingDue) = (Owing(Yuan(paid), Yuan(d - paid)), paid, d);
                        }

                        findings.Add(Raise(DuesRule.Arrears, _arrears, subject ??= Subject(member), m.End,
                            new($"交纳{m.Text}党费{dueText}元（基数{baseText}元，{owedOn.Explanation.Chinese}）", $"{m.Text} dues of {dueText} yuan (base {baseText})"),
                            owing) with
                        {
                            Period = m.Interval, ExpectedValue = d, FoundValue = paid, Unit = FindingUnits.Yuan,
                        });
                    }

                    // Six months in a row with nothing paid (by today) for months that have ended.
                    if (m.Over && paid == 0)
                    {
                        streakStart = streak == 0 ? month : streakStart;
                        streak++;
                        if (_unpaid.Enabled && streak == unpaidMonths)
                        {
                            findings.Add(Raise(DuesRule.SixMonthsUnpaid, _unpaid, subject ??= Subject(member), m.End, _unpaidExpected,
                                new($"{streakStart:uuuu-MM}至{m.Text}连续{unpaidMonths}个月未交纳党费（按规定视为自行脱党，须由党组织按程序处理，本系统不改变其党员身份）",
                                    $"nothing paid from {streakStart:uuuu-MM} to {m.Text}; the party organization decides, the library never changes the member's standing")) with
                            {
                                Period = new DateInterval(streakStart!.Value.OnDayOfMonth(1), m.End), ExpectedValue = unpaidMonths, FoundValue = streak, Unit = FindingUnits.Months,
                            });
                            unpaidAt = findings.Count - 1;
                        }
                        else if (unpaidAt >= 0)
                        {
                            // The run goes on: the finding (raised at its sixth month) carries the run's whole length so far.
                            findings[unpaidAt] = findings[unpaidAt] with { Period = new DateInterval(findings[unpaidAt].Period!.Start, m.End), FoundValue = streak };
                        }
                    }
                    else
                    {
                        streak = 0;
                        unpaidAt = -1;
                    }
                }
            }
        }

        // The period's months with the dates the loop compares against, worked out once rather than per member: the month's
        // first and last day, the last day a back-payment may be made, whether the grace after it has run out and whether it
        // has ended; and the findings' text that depends on the month only.
        private static Month[] Months(ReportingPeriod period, LocalDate today, int graceDays, int backMonths)
        {
            var months = new List<Month>();
            for (var month = new YearMonth(period.Start.Year, period.Start.Month); month <= new YearMonth(period.End.Year, period.End.Month); month = month.PlusMonths(1))
            {
                var end = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
                var key = MemberRecords<DuesPayment>.Key(month);
                var text = $"{month:uuuu-MM}";
                var limit = end.PlusMonths(backMonths);
                months.Add(new Month(month, key, key - (key % 3), text, month.OnDayOfMonth(1), end, limit, end.PlusDays(graceDays), month.OnDayOfMonth(1) <= today, end.PlusDays(graceDays) < today, end < today,
                    new($"补交不超过{backMonths}个月（{text}的党费最迟{limit:uuuu-MM-dd}）", $"back-payment within {backMonths} months ({text} by {limit:uuuu-MM-dd})"),
                    new($"{text}无可用的收入申报，无法核定应交党费", $"no usable income declaration for {text}")));
            }

            return [.. months];
        }
    }

    /// <summary>
    /// A month of the period: the month, as a key, its quarter's first month as a key, as text, its first and last day, the
    /// back-payment limit, the last day of its grace, whether it has begun (by today), whether its grace and the month itself are over, and the text of its back-payment and no-base findings.
    /// </summary>
    private sealed record Month(YearMonth Value, int Key, int Quarter, string Text, LocalDate Start, LocalDate End, LocalDate Limit, LocalDate GraceEnd, bool Begun, bool Ended, bool Over,
        LocalizedText BackExpected, LocalizedText NoBaseFound)
    {
        /// <summary>The month's days, the period of its findings (one instance per month, not per finding).</summary>
        public DateInterval Interval { get; } = new(Start, End);

        /// <summary>The first day as a <see cref="Membership.Day"/>.</summary>
        public int StartDay { get; } = Membership.Day(Start);

        /// <summary>The last day as a <see cref="Membership.Day"/>.</summary>
        public int EndDay { get; } = Membership.Day(End);
    }

    /// <summary>
    /// Which months of a sweep a person was a member in: a probationary or full member on the month's first or last day
    /// (<see cref="Person.StandingOn"/> on both). Worked out per person in one walk over their standings with the dates as
    /// integers, since the sweep asks it for every person and month (millions of times at national scale).
    /// </summary>
    private sealed class Membership(Month[] months)
    {
        private readonly bool[] _member = new bool[months.Length];
        private int[] _since = new int[4];
        private MemberStanding[] _standing = new MemberStanding[4];

        /// <summary>A date as an integer that orders as the dates do (a day is below 32, a month below 16).</summary>
        public static int Day(LocalDate date) => (date.Year * 512) + (date.Month * 32) + date.Day;

        /// <summary>Per month of the sweep, whether <paramref name="standings"/> (in date order) make the person a member in it; valid until the next call.</summary>
        public ReadOnlySpan<bool> Of(IReadOnlyList<StandingChange> standings)
        {
            var count = standings.Count;
            if (_since.Length < count)
            {
                (_since, _standing) = (new int[count * 2], new MemberStanding[count * 2]);
            }

            for (var i = 0; i < count; i++)
            {
                var change = standings[i];
                (_since[i], _standing[i]) = (Day(change.Since), change.Standing);
            }

            for (var mi = 0; mi < months.Length; mi++)
            {
                _member[mi] = IsMemberOn(count, months[mi].EndDay) || IsMemberOn(count, months[mi].StartDay);
            }

            return _member;
        }

        // As Person.StandingOn: the last standing taken on or before the day, read until the first one after it.
        private bool IsMemberOn(int count, int day)
        {
            MemberStanding? current = null;
            for (var i = 0; i < count && _since[i] <= day; i++)
            {
                current = _standing[i];
            }

            return current is { } s && s.IsMember();
        }
    }

    /// <summary>The lines of an evaluation, worked out by its sweep on first read.</summary>
    private sealed class DuesLines(Sweep sweep) : IReadOnlyList<DuesLine>
    {
        private readonly Lazy<List<DuesLine>> _lines = new(() =>
        {
            var lines = new List<DuesLine>();
            sweep.Run(lines, null);
            return lines;
        });

        public int Count => _lines.Value.Count;

        public DuesLine this[int index] => _lines.Value[index];

        public IEnumerator<DuesLine> GetEnumerator() => _lines.Value.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static string Yuan(decimal amount) => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static LocalizedText Owing(string paid, string owed) => new($"已交{paid}元，欠{owed}元", $"{paid} paid, {owed} owed");

    private static FindingSubject Subject(Person person) => new(SubjectKind.Person, person.Id.Value, person.Name);

    private static Finding Raise(DuesRule rule, EffectiveRule settings, FindingSubject subject, LocalDate asOf, LocalizedText expected, LocalizedText found) =>
        new(rule.Id, rule.TitleFor(settings), rule.Citation, settings.Severity, subject, asOf, expected, found);
}
