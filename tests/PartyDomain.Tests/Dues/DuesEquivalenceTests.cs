using System.Globalization;
using PartyDomain.Data;
using PartyDomain.Dues;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Tests.Organization.Structure;
using PartyDomain.Time;
using static PartyDomain.Tests.Dues.DuesTestData;

namespace PartyDomain.Tests.Dues;

/// <summary>
/// The evaluator walks each member's payments once in month order and the national policy formats each explanation
/// once; these tests hold both to the plain per-month scan they replaced (kept below as the reference) on varied
/// random data: payments out of order, several per month, outside the period, late, standings that change mid-year,
/// every kind of income and months without any declaration.
/// </summary>
public class DuesEquivalenceTests
{
    // November and December 2025 have not started, October has not ended.
    private static readonly LocalDate Today = new(2025, 10, 20);

    /// <summary>How the random city's records reach the dataset.</summary>
    public enum Order
    {
        /// <summary>Shuffled: the evaluator groups a copy.</summary>
        Shuffled,

        /// <summary>Each person's records together in month order, people in the dataset's order: read where they lie.</summary>
        Grouped,

        /// <summary>Grouped, people in reverse order: read where they lie, people found through the dictionary.</summary>
        GroupedReversed,

        /// <summary>Grouped, but one person's last payment moved to the end: a second run, so a grouped copy.</summary>
        SplitRun,
    }

    [Theory]
    [InlineData(1, 2025, Order.Shuffled)]
    [InlineData(2, 2024, Order.Shuffled)]
    [InlineData(3, 2025, Order.Shuffled)]
    [InlineData(4, 2024, Order.Shuffled)]
    [InlineData(5, 2025, Order.Grouped)]
    [InlineData(6, 2024, Order.Grouped)]
    [InlineData(7, 2025, Order.GroupedReversed)]
    [InlineData(8, 2025, Order.SplitRun)]
    public void The_evaluator_gives_the_lines_and_findings_of_the_plain_scan(int seed, int year, Order order)
    {
        var dataset = RandomCity(seed, people: 60, order).Build();
        var period = ReportingPeriod.Year(year);
        var options = new RuleOptions();
        options.Set(DuesRule.BackPayment.Id, "Months", 3).Set(DuesRule.SixMonthsUnpaid.Id, "Months", 3);

        var actual = new DuesEvaluator(new NationalDuesBasePolicy(), Microsoft.Extensions.Options.Options.Create(options), TestCity.ClockAt(Today).InShanghai()).Evaluate(dataset, period);
        var expected = Reference.Evaluate(dataset, period, options, Today);

        expected.Lines.Should().NotBeEmpty();
        expected.Findings.Select(f => f.RuleId).Distinct().Should().HaveCount(3, "the data must exercise every rule");
        actual.Lines.Select(Describe).Should().Equal(expected.Lines.Select(Describe));
        actual.Findings.Select(Describe).Should().Equal(expected.Findings.Select(Describe));
    }

    [Theory]
    [InlineData(11, 2025, 0, false)]
    [InlineData(12, 2024, 0, false)]
    [InlineData(13, 2025, 10, false)]
    [InlineData(14, 2025, 0, true)]
    [InlineData(15, 2024, 20, true)]
    public void The_six_systems_dues_rate_from_the_sweeps_outcomes_is_the_rate_from_the_lines(int seed, int year, int graceDays, bool cityPolicy)
    {
        // Members move between two branches mid-year and some have no branch: each month counts where the member is at its end.
        var city = RandomCity(seed, people: 60).Organization("B1", OrganizationKind.Branch, TestCity.Committee).Organization("B2", OrganizationKind.Branch, TestCity.Committee);
        var random = new Random(seed);
        for (var p = 0; p < 60; p++)
        {
            var moved = new LocalDate(year, 1, 1).PlusDays(random.Next(0, 280));
            switch (random.Next(3))
            {
                case 0:
                    city.Register($"P{p:000}", "B1", new LocalDate(2022, 1, 1), moved).Register($"P{p:000}", "B2", moved.PlusDays(1));
                    break;
                case 1:
                    city.Register($"P{p:000}", "B2", new LocalDate(2022, 1, 1));
                    break;
            }
        }

        var dataset = city.Build();
        var options = new RuleOptions();
        options.Set(DuesRule.Arrears.Id, "GraceDays", graceDays);
        IDuesBasePolicy policy = cityPolicy ? new SocialInsuranceBasePolicy(6000m) : new NationalDuesBasePolicy();
        var evaluator = new DuesEvaluator(policy, Microsoft.Extensions.Options.Options.Create(options), TestCity.ClockAt(Today).InShanghai());
        var period = ReportingPeriod.Year(year);

        var full = evaluator.Evaluate(dataset, period);
        var fromLines = PartyDomain.Reporting.DuesCompliance.Rate(dataset, full with { Slots = null });
        var fromSlots = PartyDomain.Reporting.DuesCompliance.Rate(dataset, full);
        var slotsOnly = PartyDomain.Reporting.DuesCompliance.Rate(dataset, evaluator.EvaluateSlots(dataset, period));

        fromLines.Overall.Met.Should().BePositive();
        fromLines.Overall.Missed.Should().BePositive();
        fromLines.ByOrganization.Should().HaveCount(2);
        fromSlots.Overall.Should().Be(fromLines.Overall);
        fromSlots.ByOrganization.Should().BeEquivalentTo(fromLines.ByOrganization);
        slotsOnly.Overall.Should().Be(fromLines.Overall);
        slotsOnly.ByOrganization.Should().BeEquivalentTo(fromLines.ByOrganization);
    }

    [Fact]
    public void The_national_policy_gives_the_bases_of_the_plain_scan()
    {
        var dataset = RandomCity(7, people: 40).Build();
        var policy = new NationalDuesBasePolicy();
        var compared = 0;
        foreach (var person in dataset.People)
        {
            var incomes = dataset.Incomes.Where(i => i.PersonId == person.Id).OrderBy(i => i.Month).ToArray();
            for (var month = new YearMonth(2024, 1); month <= new YearMonth(2025, 12); month = month.PlusMonths(1))
            {
                Describe(policy.BaseFor(person, month, incomes)).Should().Be(Describe(Reference.BaseFor(month, incomes)), $"{person.Id} {month}");
                compared++;
            }
        }

        compared.Should().Be(40 * 24);
    }

    private static TestCity RandomCity(int seed, int people, Order order = Order.Shuffled)
    {
        var random = new Random(seed);
        var city = new TestCity(Today);
        var records = new List<DatasetRecord>();
        for (var p = 0; p < people; p++)
        {
            var id = $"P{p:000}";
            var joined = new LocalDate(2023, 6, 1).PlusDays(random.Next(0, 400));
            switch (random.Next(4))
            {
                case 0:
                    city.Person(id, TestCity.Standing(MemberStanding.ProbationaryMember, joined), TestCity.Standing(MemberStanding.FullMember, joined.PlusYears(1)));
                    break;
                case 1:
                    city.Person(id, TestCity.Standing(MemberStanding.FullMember, joined), TestCity.Standing(MemberStanding.Ceased, joined.PlusDays(random.Next(30, 400))));
                    break;
                case 2:
                    city.FullMember(id);
                    break;
                default:
                    city.Person(id, TestCity.Standing(MemberStanding.Activist, joined));
                    break;
            }

            var kind = (IncomeKind)random.Next(4);
            for (var m = new YearMonth(2023, 1); m <= new YearMonth(2025, 10); m = m.PlusMonths(1))
            {
                if (random.Next(3) > 0)
                {
                    var k = random.Next(10) == 0 ? (IncomeKind)random.Next(4) : kind;
                    records.Add(Income(id, m, k, k == IncomeKind.NoIncome ? 0m : random.Next(1000, 15000) + (random.Next(100) / 100m)));
                }

                for (var n = random.Next(-1, 3); n > 0; n--)
                {
                    var paidOn = LocalDate.Min(Today, m.OnDayOfMonth(1).PlusDays(random.Next(0, random.Next(3) == 0 ? 400 : 40)));
                    records.Add(Payment(id, m, random.Next(0, 300) + (random.Next(100) / 100m), paidOn));
                }
            }
        }

        // Shuffled, payments reach the evaluator out of month order; grouped, they come as exports usually write them.
        var ordered = order switch
        {
            Order.Shuffled => records.OrderBy(_ => random.Next()).ToList(),
            Order.GroupedReversed => records.GroupBy(Owner).Reverse().SelectMany(g => g).ToList(),
            _ => records,
        };
        if (order == Order.SplitRun)
        {
            var split = ordered.OfType<DuesPayment>().GroupBy(p => p.PersonId).First(g => g.Count() > 1).Key;
            var moved = ordered.FindLastIndex(r => r is DuesPayment p && p.PersonId == split);
            ordered.Add(ordered[moved]);
            ordered.RemoveAt(moved);
        }

        foreach (var record in ordered)
        {
            city.Add(record);
        }

        return city;
    }

    private static PersonId Owner(DatasetRecord record) => record switch
    {
        MemberIncome i => i.PersonId,
        DuesPayment p => p.PersonId,
        _ => throw new ArgumentException("Not a dues record.", nameof(record)),
    };

    private static string Describe(DuesLine line) =>
        string.Create(CultureInfo.InvariantCulture, $"{line.PersonId} {line.Month:uuuu-MM} {Describe(line.Base)} {line.Due} {line.Paid}");

    private static string Describe(DuesBase? b) => b is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{b.Kind} {b.Amount} {b.Explanation}");

    private static string Describe(Finding f) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{f.RuleId} {f.Subject.Id} {f.Severity} {f.AsOf:uuuu-MM-dd} {f.Expected} {f.Found} [{f.Period}] {f.ExpectedValue} {f.FoundValue} {f.Unit} {f.ExpectedDate} {f.FoundDate}");

    /// <summary>The plain per-month scan the evaluator and the national policy had before they were made fast.</summary>
    private static class Reference
    {
        public static DuesResult Evaluate(CityDataset dataset, ReportingPeriod period, RuleOptions options, LocalDate today)
        {
            var arrears = options.Resolve(DuesRule.Arrears);
            var back = options.Resolve(DuesRule.BackPayment);
            var unpaid = options.Resolve(DuesRule.SixMonthsUnpaid);
            var incomes = dataset.Incomes.GroupBy(i => i.PersonId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Month).ToArray());
            var payments = dataset.DuesPayments.GroupBy(p => p.PersonId).ToDictionary(g => g.Key, g => g.ToArray());
            var lines = new List<DuesLine>();
            var findings = new List<Finding>();
            foreach (var person in dataset.People)
            {
                var paidBy = payments.TryGetValue(person.Id, out var ps) ? ps : [];
                var declared = incomes.TryGetValue(person.Id, out var inc) ? inc : [];
                var streak = 0;
                YearMonth? streakStart = null;
                var runAt = -1;
                for (var month = new YearMonth(period.Start.Year, period.Start.Month); month <= new YearMonth(period.End.Year, period.End.Month); month = month.PlusMonths(1))
                {
                    var start = month.OnDayOfMonth(1);
                    var end = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
                    if (start > today || !(person.StandingOn(end) is { } s && s.IsMember() || person.StandingOn(start) is { } s0 && s0.IsMember()))
                    {
                        streak = 0;
                        runAt = -1;
                        continue;
                    }

                    var duesBase = BaseFor(month, declared);
                    var due = duesBase is null ? (decimal?)null : DuesRates.Monthly(duesBase);
                    var paid = 0m;
                    foreach (var p in paidBy.Where(p => p.Month == month))
                    {
                        paid += p.Amount;
                        var limit = end.PlusMonths(back["Months"]);
                        if (back.Enabled && p.PaidOn > limit)
                        {
                            findings.Add(Raise(DuesRule.BackPayment, back, person, p.PaidOn,
                                new($"补交不超过{back["Months"]}个月（{month:uuuu-MM}的党费最迟{limit:uuuu-MM-dd}）", $"back-payment within {back["Months"]} months ({month:uuuu-MM} by {limit:uuuu-MM-dd})"),
                                new($"{p.PaidOn:uuuu-MM-dd}补交{month:uuuu-MM}的党费{Yuan(p.Amount)}元", $"{month:uuuu-MM} paid {Yuan(p.Amount)} yuan on {p.PaidOn:uuuu-MM-dd}")) with
                            {
                                Period = new DateInterval(start, end), ExpectedDate = limit, FoundDate = p.PaidOn, FoundValue = p.Amount, Unit = "yuan",
                            });
                        }
                    }

                    lines.Add(new DuesLine(person.Id, month, duesBase, due, paid));
                    var ended = end.PlusDays(arrears["GraceDays"]) < today;
                    if (arrears.Enabled && duesBase is null && ended)
                    {
                        findings.Add(Raise(DuesRule.Arrears, arrears, person, end,
                            new("申报收入以核定党费基数", "an income declaration to set the dues base"), new($"{month:uuuu-MM}无可用的收入申报，无法核定应交党费", $"no usable income declaration for {month:uuuu-MM}"))
                            with { Period = new DateInterval(start, end) });
                    }
                    else if (arrears.Enabled && ended && due is { } d && paid < d)
                    {
                        findings.Add(Raise(DuesRule.Arrears, arrears, person, end,
                            new($"交纳{month:uuuu-MM}党费{Yuan(d)}元（基数{Yuan(duesBase!.Amount)}元，{duesBase.Explanation.Chinese}）", $"{month:uuuu-MM} dues of {Yuan(d)} yuan (base {Yuan(duesBase!.Amount)})"),
                            new($"已交{Yuan(paid)}元，欠{Yuan(d - paid)}元", $"{Yuan(paid)} paid, {Yuan(d - paid)} owed"))
                            with { Period = new DateInterval(start, end), ExpectedValue = d, FoundValue = paid, Unit = "yuan" });
                    }

                    if (end < today && paid == 0)
                    {
                        streakStart = streak == 0 ? month : streakStart;
                        streak++;
                        if (unpaid.Enabled && streak == unpaid["Months"])
                        {
                            runAt = findings.Count;
                            findings.Add(Raise(DuesRule.SixMonthsUnpaid, unpaid, person, end,
                                new($"按月交纳党费，不得连续{unpaid["Months"]}个月不交纳", $"no {unpaid["Months"]} months in a row unpaid"),
                                new($"{streakStart:uuuu-MM}至{month:uuuu-MM}连续{unpaid["Months"]}个月未交纳党费（按规定视为自行脱党，须由党组织按程序处理，本系统不改变其党员身份）",
                                    $"nothing paid from {streakStart:uuuu-MM} to {month:uuuu-MM}; the party organization decides, the library never changes the member's standing")));
                        }

                        // The run's length and span so far, on the finding raised at its sixth month.
                        if (runAt >= 0)
                        {
                            findings[runAt] = findings[runAt] with
                            {
                                Period = new DateInterval(streakStart!.Value.OnDayOfMonth(1), end), ExpectedValue = unpaid["Months"], FoundValue = streak, Unit = "months",
                            };
                        }
                    }
                    else
                    {
                        streak = 0;
                        runAt = -1;
                    }
                }
            }

            return new DuesResult(period, lines, findings, [arrears, back, unpaid]);
        }

        public static DuesBase? BaseFor(YearMonth month, IReadOnlyList<MemberIncome> incomes)
        {
            var latest = incomes.LastOrDefault(i => i.Month <= month && i.Month > month.PlusMonths(-12));
            if (latest is null)
            {
                return null;
            }

            if (latest.Kind != IncomeKind.IrregularIncome)
            {
                return new DuesBase(latest.Kind, latest.Amount, new(
                    string.Create(CultureInfo.InvariantCulture, $"{latest.Month:uuuu-MM}申报"), string.Create(CultureInfo.InvariantCulture, $"declared for {latest.Month:uuuu-MM}")));
            }

            var quarterStart = new YearMonth(month.Year, (((month.Month - 1) / 3) * 3) + 1).PlusMonths(-3);
            var months = new[] { quarterStart, quarterStart.PlusMonths(1), quarterStart.PlusMonths(2) };
            var declared = incomes.Where(i => i.Kind == IncomeKind.IrregularIncome && months.Contains(i.Month)).ToArray();
            if (declared.Length == 0)
            {
                return null;
            }

            var average = declared.Sum(i => i.Amount) / 3;
            return new DuesBase(IncomeKind.IrregularIncome, average,
                new(string.Create(CultureInfo.InvariantCulture, $"上季度（{quarterStart:uuuu-MM}至{months[2]:uuuu-MM}）月均收入"),
                    string.Create(CultureInfo.InvariantCulture, $"average monthly income of the last quarter ({quarterStart:uuuu-MM} to {months[2]:uuuu-MM})")));
        }

        private static string Yuan(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

        private static Finding Raise(DuesRule rule, EffectiveRule settings, Person person, LocalDate asOf, LocalizedText expected, LocalizedText found) =>
            new(rule.Id, rule.Title, rule.Citation, settings.Severity, new FindingSubject(SubjectKind.Person, person.Id.Value, person.Name), asOf, expected, found);
    }
}
