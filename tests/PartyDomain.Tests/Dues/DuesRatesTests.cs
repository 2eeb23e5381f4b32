using PartyDomain.Dues;
using static PartyDomain.Tests.Dues.DuesTestData;

namespace PartyDomain.Tests.Dues;

/// <summary>The national brackets (中组发〔2008〕3号), each bracket including its upper bound, rounded to the fen half away from zero.</summary>
public class DuesRatesTests
{
    private static decimal Monthly(IncomeKind kind, string amount) => DuesRates.Monthly(new DuesBase(kind, D(amount), new("基数", "base")));

    [Theory]
    [InlineData("0.00", "0.00")]
    [InlineData("1000.00", "5.00")]
    [InlineData("3000.00", "15.00")]
    [InlineData("3000.01", "30.00")]
    [InlineData("4000.00", "40.00")]
    [InlineData("5000.00", "50.00")]
    [InlineData("5000.01", "75.00")]
    [InlineData("8000.00", "120.00")]
    [InlineData("10000.00", "150.00")]
    [InlineData("10000.01", "200.00")]
    [InlineData("25000.00", "500.00")]
    public void Salary_brackets_at_their_edges(string salary, string dues) =>
        Monthly(IncomeKind.Salary, salary).Should().Be(D(dues));

    [Theory]
    [InlineData("3000.00", "15.00")]
    [InlineData("3000.01", "30.00")]
    [InlineData("5000.00", "50.00")]
    [InlineData("5000.01", "75.00")]
    [InlineData("10000.00", "150.00")]
    [InlineData("10000.01", "200.00")]
    public void An_irregular_earners_base_uses_the_salary_brackets(string @base, string dues) =>
        Monthly(IncomeKind.IrregularIncome, @base).Should().Be(D(dues));

    [Theory]
    [InlineData("3000.00", "15.00")]
    [InlineData("5000.00", "25.00")]
    [InlineData("5000.01", "50.00")]
    [InlineData("12000.00", "120.00")]
    public void Pension_brackets_at_their_edge(string pension, string dues) =>
        Monthly(IncomeKind.Pension, pension).Should().Be(D(dues));

    [Theory]
    [InlineData("0")]
    [InlineData("800")]
    public void Without_income_the_dues_are_twenty_fen_whatever_the_amount(string amount)
    {
        Monthly(IncomeKind.NoIncome, amount).Should().Be(0.20m);
        DuesRates.NoIncomeDues.Should().Be(0.20m);
        DuesRates.Rate(IncomeKind.NoIncome, D(amount)).Should().Be(0m);
    }

    [Theory]
    [InlineData(IncomeKind.Salary, "1001.00", "5.01")]
    [InlineData(IncomeKind.Salary, "1003.00", "5.02")]
    [InlineData(IncomeKind.Salary, "1000.99", "5.00")]
    [InlineData(IncomeKind.Salary, "2999.99", "15.00")]
    [InlineData(IncomeKind.Salary, "3333.33", "33.33")]
    [InlineData(IncomeKind.Salary, "5000.30", "75.00")]
    [InlineData(IncomeKind.Salary, "5000.70", "75.01")]
    [InlineData(IncomeKind.Pension, "1001.00", "5.01")]
    public void Dues_are_rounded_to_the_fen_half_away_from_zero(IncomeKind kind, string @base, string dues)
    {
        // 1001.00 × 0.5 % = 5.005: half away from zero gives 5.01 where banker's rounding would give 5.00.
        // 5000.70 × 1.5 % = 75.0105 → 75.01; 5000.30 × 1.5 % = 75.0045 → 75.00.
        Monthly(kind, @base).Should().Be(D(dues));
    }

    [Theory]
    [InlineData(IncomeKind.Salary, "3000.00", "0.005")]
    [InlineData(IncomeKind.Salary, "3000.01", "0.01")]
    [InlineData(IncomeKind.Salary, "5000.01", "0.015")]
    [InlineData(IncomeKind.Salary, "10000.01", "0.02")]
    [InlineData(IncomeKind.Pension, "5000.00", "0.005")]
    [InlineData(IncomeKind.Pension, "5000.01", "0.01")]
    public void The_rate_of_each_bracket(IncomeKind kind, string @base, string rate) =>
        DuesRates.Rate(kind, D(@base)).Should().Be(D(rate));

    [Fact]
    public void The_rates_are_cited_and_a_base_is_required()
    {
        DuesRates.Citation.Document.Should().Be(PartyDomain.Rules.Regulations.PartyDues);
        var act = () => DuesRates.Monthly(null!);
        act.Should().Throw<ArgumentNullException>();
    }
}
