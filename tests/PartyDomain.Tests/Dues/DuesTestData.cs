using System.Globalization;
using PartyDomain.Dues;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Tests.Dues;

/// <summary>Incomes, payments and evaluator runs for the dues tests.</summary>
internal static class DuesTestData
{
    public static decimal D(string amount) => decimal.Parse(amount, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static YearMonth M(int year, int month) => new(year, month);

    public static MemberIncome Income(string person, YearMonth month, IncomeKind kind, decimal amount) =>
        new() { PersonId = TestCity.P(person), Month = month, Kind = kind, Amount = amount };

    public static DuesPayment Payment(string person, YearMonth month, decimal amount, LocalDate paidOn) =>
        new() { PersonId = TestCity.P(person), Month = month, Amount = amount, PaidOn = paidOn };

    /// <summary>A payment made on the 10th of the month it is for.</summary>
    public static DuesPayment OnTime(string person, YearMonth month, decimal amount) => Payment(person, month, amount, month.OnDayOfMonth(10));

    /// <summary>Declares <paramref name="amount"/> of <paramref name="kind"/> for every month from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static TestCity Declares(this TestCity city, string person, IncomeKind kind, decimal amount, YearMonth first, YearMonth last)
    {
        for (var m = first; m <= last; m = m.PlusMonths(1))
        {
            city.Add(Income(person, m, kind, amount));
        }

        return city;
    }

    /// <summary>Pays <paramref name="amount"/> on time for every month from <paramref name="first"/> to <paramref name="last"/> except <paramref name="skipped"/>.</summary>
    public static TestCity Pays(this TestCity city, string person, decimal amount, YearMonth first, YearMonth last, params YearMonth[] skipped)
    {
        for (var m = first; m <= last; m = m.PlusMonths(1))
        {
            if (!skipped.Contains(m))
            {
                city.Add(OnTime(person, m, amount));
            }
        }

        return city;
    }

    public static DuesEvaluator Evaluator(TestCity city, Action<RuleOptions>? configure = null, IDuesBasePolicy? policy = null)
    {
        var options = new RuleOptions();
        configure?.Invoke(options);
        return new DuesEvaluator(policy ?? new NationalDuesBasePolicy(), Microsoft.Extensions.Options.Options.Create(options), city.Clock.InShanghai());
    }

    public static DuesResult Run(TestCity city, ReportingPeriod period, Action<RuleOptions>? configure = null, IDuesBasePolicy? policy = null) =>
        Evaluator(city, configure, policy).Evaluate(city.Build(), period);

    public static DuesLine Line(this DuesResult result, string person, YearMonth month) =>
        result.Lines.Single(l => l.PersonId == TestCity.P(person) && l.Month == month);

    public static IReadOnlyList<DuesLine> LinesOf(this DuesResult result, string person) =>
        result.Lines.Where(l => l.PersonId == TestCity.P(person)).ToArray();

    public static IReadOnlyList<Finding> Of(this DuesResult result, DuesRule rule)
    {
        PartyDomain.Tests.Rules.RuleRan.Check(result.Rules, rule.Id);
        return result.Findings.Where(f => f.RuleId == rule.Id).ToArray();
    }

    public static IReadOnlyList<Finding> Of(this DuesResult result, DuesRule rule, string person) =>
        result.Of(rule).Where(f => f.Subject.Id == person).ToArray();
}

/// <summary>
/// A district's policy: lawyers' dues are based on the previous year-end social-insurance base (社保缴费基数), the same
/// for every month, whatever they declared. Records what it was asked.
/// </summary>
internal sealed class SocialInsuranceBasePolicy(decimal socialInsuranceBase) : IDuesBasePolicy
{
    public List<(PersonId Person, YearMonth Month, YearMonth[] Declared)> Calls { get; } = [];

    public DuesBase? BaseFor(Person member, YearMonth month, IReadOnlyList<MemberIncome> incomes)
    {
        Calls.Add((member.Id, month, incomes.Select(i => i.Month).ToArray()));
        return new DuesBase(IncomeKind.Salary, socialInsuranceBase, new("上年末社保缴费基数", "last year-end social-insurance base"));
    }
}
