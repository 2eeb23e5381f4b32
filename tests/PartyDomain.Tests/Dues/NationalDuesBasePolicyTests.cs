using PartyDomain.Dues;
using PartyDomain.Organization;
using static PartyDomain.Tests.Dues.DuesTestData;

namespace PartyDomain.Tests.Dues;

/// <summary>The national base policy: the latest salary or pension; an irregular earner's last-quarter average; no income.</summary>
public class NationalDuesBasePolicyTests
{
    private static readonly Person Member = new() { Id = TestCity.P("A"), Name = "人员A" };

    private static DuesBase? Base(YearMonth month, params MemberIncome[] incomes) =>
        new NationalDuesBasePolicy().BaseFor(Member, month, incomes.OrderBy(i => i.Month).ToArray());

    private static MemberIncome Irregular(YearMonth month, decimal amount) => Income("A", month, IncomeKind.IrregularIncome, amount);

    [Fact]
    public void A_salary_base_is_the_latest_declaration_up_to_the_month()
    {
        var b = Base(M(2025, 4), Income("A", M(2025, 1), IncomeKind.Salary, 6000m), Income("A", M(2025, 3), IncomeKind.Salary, 7000m), Income("A", M(2025, 5), IncomeKind.Salary, 9000m));

        b!.Kind.Should().Be(IncomeKind.Salary);
        b.Amount.Should().Be(7000m, "March is the latest declaration by April; May's is in the future");
        b.Explanation.English.Should().Contain("2025-03");
    }

    [Fact]
    public void A_salary_declaration_holds_for_twelve_months()
    {
        var declared = Income("A", M(2024, 5), IncomeKind.Salary, 6000m);

        Base(M(2025, 4), declared)!.Amount.Should().Be(6000m, "eleven months later");
        Base(M(2025, 5), declared).Should().BeNull("twelve months later the declaration is stale");
        Base(M(2024, 4), declared).Should().BeNull("nothing was declared by April 2024");
    }

    [Fact]
    public void A_pension_base_is_the_latest_pension()
    {
        var b = Base(M(2025, 4), Income("A", M(2025, 1), IncomeKind.Pension, 5000.01m));

        b!.Kind.Should().Be(IncomeKind.Pension);
        DuesRates.Monthly(b).Should().Be(50.00m);
    }

    [Fact]
    public void No_income_gives_the_fixed_dues()
    {
        var b = Base(M(2025, 4), Income("A", M(2025, 4), IncomeKind.NoIncome, 0m));

        b!.Kind.Should().Be(IncomeKind.NoIncome);
        DuesRates.Monthly(b).Should().Be(0.20m);
    }

    [Fact]
    public void An_irregular_earners_base_is_the_previous_quarters_sum_over_three_with_a_missing_month_as_zero()
    {
        var incomes = new[] { Irregular(M(2025, 1), 6000m), Irregular(M(2025, 3), 3000m) };

        var b = Base(M(2025, 4), incomes);

        b!.Kind.Should().Be(IncomeKind.IrregularIncome);
        b.Amount.Should().Be(3000m, "(6000 + 0 + 3000) / 3, not the 4500 average of the declared months");
        b.Explanation.English.Should().Contain("2025-01").And.Contain("2025-03");
        DuesRates.Monthly(b).Should().Be(15.00m);
    }

    [Fact]
    public void Every_month_of_a_quarter_uses_the_quarter_before()
    {
        var incomes = new[]
        {
            Irregular(M(2025, 1), 3000m), Irregular(M(2025, 2), 3000m), Irregular(M(2025, 3), 3000m),
            Irregular(M(2025, 4), 9000m), Irregular(M(2025, 5), 9000m), Irregular(M(2025, 6), 9000m),
        };

        Base(M(2025, 4), incomes)!.Amount.Should().Be(3000m);
        Base(M(2025, 5), incomes)!.Amount.Should().Be(3000m, "May's own declaration does not count until next quarter");
        Base(M(2025, 6), incomes)!.Amount.Should().Be(3000m);
        Base(M(2025, 7), incomes)!.Amount.Should().Be(9000m);
    }

    [Fact]
    public void January_uses_the_last_quarter_of_the_year_before()
    {
        var b = Base(M(2025, 1), Irregular(M(2024, 10), 12000m), Irregular(M(2024, 11), 12000m), Irregular(M(2024, 12), 12000.03m), Irregular(M(2025, 1), 1m));

        b!.Amount.Should().Be(12000.01m);
        DuesRates.Monthly(b).Should().Be(240.00m);
    }

    [Fact]
    public void Without_a_declaration_in_the_previous_quarter_there_is_no_base()
    {
        Base(M(2025, 7), Irregular(M(2025, 3), 9000m)).Should().BeNull("March is not in April–June");
        Base(M(2025, 1), Irregular(M(2025, 1), 9000m)).Should().BeNull("the quarter before January is October–December");
        Base(M(2025, 1)).Should().BeNull("nothing at all declared");
    }

    [Fact]
    public void The_average_is_kept_exact_and_the_dues_rounded_once()
    {
        var b = Base(M(2025, 4), Irregular(M(2025, 2), 1000m));

        b!.Amount.Should().Be(1000m / 3);
        DuesRates.Monthly(b).Should().Be(1.67m, "333.333… × 0.5 % = 1.6667, rounded half away from zero once");
    }

    /// <summary>
    /// The bracket is chosen on the exact average (中组发〔2008〕3号 sets brackets on the monthly income, not on a rounded
    /// figure): a quarter of 9,000.01 averages 3,000.0033…, above 3,000, so the 1 % bracket (30.00), not 0.5 % (15.00).
    /// </summary>
    [Theory]
    [InlineData("9000.00", "15.00")]
    [InlineData("9000.01", "30.00")]
    [InlineData("9000.02", "30.00")]
    [InlineData("15000.00", "50.00")]
    [InlineData("15000.01", "75.00")]
    [InlineData("30000.00", "150.00")]
    [InlineData("30000.01", "200.00")]
    public void The_bracket_is_chosen_on_the_exact_average(string quarter, string dues)
    {
        var b = Base(M(2025, 4), Irregular(M(2025, 1), D(quarter)));

        b!.Amount.Should().Be(D(quarter) / 3);
        DuesRates.Monthly(b).Should().Be(D(dues));
    }
}
