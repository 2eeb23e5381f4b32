using PartyDomain.Data;
using PartyDomain.Dues;
using static PartyDomain.Tests.Dues.DuesTestData;

namespace PartyDomain.Tests.Dues;

/// <summary>The dataset builder checks incomes and payments, naming entity, field and value.</summary>
public class DuesValidationTests
{
    private static TestCity City() => new TestCity().FullMember("A");

    private static DatasetProblem Single(TestCity city) => city.Validate().Should().ContainSingle().Subject;

    [Fact]
    public void Clean_incomes_and_payments_pass()
    {
        var city = City()
            .Add(Income("A", M(2025, 1), IncomeKind.Salary, 8000.25m))
            .Add(Income("A", M(2025, 2), IncomeKind.NoIncome, 0m))
            .Add(Payment("A", M(2025, 1), 120.01m, new LocalDate(2025, 6, 15)))
            .Add(Payment("A", M(2025, 1), 0.01m, new LocalDate(2025, 1, 10)));

        city.Validate().Should().BeEmpty();
        city.Build().Incomes.Should().HaveCount(2);
        city.Build().DuesPayments.Should().HaveCount(2, "two payments for one month are allowed");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.01")]
    [InlineData("8000.005")]
    public void An_income_must_be_non_negative_to_the_fen(string amount)
    {
        var problem = Single(City().Add(Income("A", M(2025, 1), IncomeKind.Salary, D(amount))));

        problem.Code.Should().Be("invalid-value");
        problem.Entity.Should().Be(nameof(MemberIncome));
        problem.Key.Should().Be("A 2025-01 salary");
        problem.Field.Should().Be(nameof(MemberIncome.Amount));
        problem.Value.Should().Be(amount);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1.005")]
    [InlineData("120.001")]
    public void A_payment_must_be_positive_to_the_fen(string amount)
    {
        var problem = Single(City().Add(Payment("A", M(2025, 1), D(amount), new LocalDate(2025, 1, 10))));

        problem.Code.Should().Be("invalid-value");
        problem.Entity.Should().Be(nameof(DuesPayment));
        problem.Key.Should().Be("A 2025-01 2025-01-10");
        problem.Field.Should().Be(nameof(DuesPayment.Amount));
        problem.Value.Should().Be(amount);
        problem.Describe(TextLanguage.English).Should().Contain("DuesPayment").And.Contain("Amount").And.Contain(amount);
    }

    [Fact]
    public void Two_declarations_for_the_same_month_are_named_even_of_different_kinds()
    {
        var problem = Single(City().Add(Income("A", M(2025, 1), IncomeKind.Salary, 8000m)).Add(Income("A", M(2025, 1), IncomeKind.IrregularIncome, 9000m)));

        problem.Code.Should().Be("duplicate-value");
        problem.Entity.Should().Be(nameof(MemberIncome));
        problem.Key.Should().Be("A 2025-01 irregular-income");
        problem.Field.Should().Be(nameof(MemberIncome.Month));
        problem.Value.Should().Be("2025-01");
    }

    [Fact]
    public void The_same_month_of_two_members_is_not_a_duplicate() =>
        City().FullMember("B").Add(Income("A", M(2025, 1), IncomeKind.Salary, 8000m)).Add(Income("B", M(2025, 1), IncomeKind.Salary, 8000m))
            .Validate().Should().BeEmpty();

    [Fact]
    public void An_unknown_person_is_named_on_incomes_and_payments()
    {
        var problems = City().Add(Income("GHOST", M(2025, 1), IncomeKind.Salary, 8000m)).Add(Payment("GHOST", M(2025, 1), 120m, new LocalDate(2025, 1, 10))).Validate();

        problems.Should().HaveCount(2).And.OnlyContain(p => p.Code == "unknown-reference" && p.Field == "PersonId" && p.Value == "GHOST");
        problems.Select(p => p.Entity).Should().BeEquivalentTo(nameof(MemberIncome), nameof(DuesPayment));
    }

    [Fact]
    public void Future_incomes_and_payments_are_named()
    {
        var problems = City().Add(Income("A", M(2025, 7), IncomeKind.Salary, 8000m)).Add(Payment("A", M(2025, 6), 120m, new LocalDate(2025, 6, 16))).Validate();

        problems.Should().HaveCount(2).And.OnlyContain(p => p.Code == "future-date");
        problems.Select(p => (p.Entity, p.Field)).Should().BeEquivalentTo([(nameof(MemberIncome), nameof(MemberIncome.Month)), (nameof(DuesPayment), nameof(DuesPayment.PaidOn))]);
    }

    [Fact]
    public void Building_refuses_invalid_dues_records_and_lists_every_problem()
    {
        var act = () => City()
            .Add(Income("A", M(2025, 1), IncomeKind.Salary, -1m))
            .Add(Income("A", M(2025, 1), IncomeKind.Salary, 1m))
            .Add(Payment("GHOST", M(2025, 1), -1m, new LocalDate(2025, 1, 10)))
            .Build();

        act.Should().Throw<DatasetValidationException>().Which.Problems.Select(p => p.Code)
            .Should().BeEquivalentTo(["invalid-value", "duplicate-value", "unknown-reference", "invalid-value"]);
    }
}
