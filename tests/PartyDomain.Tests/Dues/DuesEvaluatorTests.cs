using PartyDomain.Dues;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Tests.Organization.Structure;
using PartyDomain.Time;
using static PartyDomain.Tests.Dues.DuesTestData;
using PartyDomain.Tests.Rules;

namespace PartyDomain.Tests.Dues;

/// <summary>Dues per member and month, payments, and the arrears findings. Today is 2025-06-15.</summary>
public class DuesEvaluatorTests
{
    private static readonly ReportingPeriod Year2025 = ReportingPeriod.Year(2025);

    private static readonly ReportingPeriod Year2024 = ReportingPeriod.Year(2024);

    [Theory]
    [InlineData("3000.00", "15.00")]
    [InlineData("3000.01", "30.00")]
    [InlineData("5000.00", "50.00")]
    [InlineData("5000.01", "75.00")]
    [InlineData("10000.00", "150.00")]
    [InlineData("10000.01", "200.00")]
    public void Each_month_is_due_at_the_bracket_of_the_declared_salary(string salary, string dues)
    {
        var city = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, D(salary), M(2025, 1), M(2025, 6));

        var result = Run(city, Year2025);

        result.LinesOf("A").Should().HaveCount(6, "January to June; July has not started");
        result.LinesOf("A").Should().OnlyContain(l => l.Due == D(dues) && l.Base!.Amount == D(salary) && l.Base.Kind == IncomeKind.Salary);
    }

    [Fact]
    public void Retirees_and_members_without_income_are_due_at_their_own_rates()
    {
        var city = new TestCity().FullMember("RET").FullMember("RET2").FullMember("STU")
            .Add(Income("RET", M(2025, 1), IncomeKind.Pension, 5000m))
            .Add(Income("RET2", M(2025, 1), IncomeKind.Pension, 5000.01m))
            .Add(Income("STU", M(2025, 1), IncomeKind.NoIncome, 0m));

        var result = Run(city, ReportingPeriod.Month(M(2025, 5)));

        result.Line("RET", M(2025, 5)).Due.Should().Be(25.00m);
        result.Line("RET2", M(2025, 5)).Due.Should().Be(50.00m);
        result.Line("STU", M(2025, 5)).Due.Should().Be(0.20m);
    }

    [Fact]
    public void An_irregular_earner_owes_on_last_quarters_average_and_a_month_without_a_base_is_reported_once_it_has_ended()
    {
        var city = new TestCity().FullMember("L")
            .Add(Income("L", M(2025, 1), IncomeKind.IrregularIncome, 6000m))
            .Add(Income("L", M(2025, 3), IncomeKind.IrregularIncome, 3000m))
            .Pays("L", 15m, M(2025, 4), M(2025, 6));

        var result = Run(city, Year2025);

        result.Line("L", M(2025, 4)).Due.Should().Be(15.00m, "(6000 + 0 + 3000) / 3 = 3000");
        result.Line("L", M(2025, 6)).Due.Should().Be(15.00m);
        var missing = result.Of(DuesRule.Arrears, "L");
        missing.Select(f => f.AsOf).Should().Equal(new LocalDate(2025, 1, 31), new LocalDate(2025, 2, 28), new LocalDate(2025, 3, 31));
        missing[0].Found.English.Should().Contain("no usable income declaration for 2025-01");
        result.Line("L", M(2025, 1)).Base.Should().BeNull();
        result.Line("L", M(2025, 1)).Due.Should().BeNull();
        result.Line("L", M(2025, 1)).Owed.Should().BeNull();
    }

    [Fact]
    public void The_bracket_of_an_irregular_earner_is_chosen_on_the_exact_average_and_rounded_once_on_the_dues()
    {
        // 中组发〔2008〕3号: (3000.00 + 3000.00 + 3000.01) / 3 = 3000.0033…, above 3,000: the 1 % bracket, 30.00 yuan.
        // Rounding the average to the fen first (3000.00) would fall in the 0.5 % bracket (15.00 yuan).
        var city = new TestCity().FullMember("L")
            .Add(Income("L", M(2025, 1), IncomeKind.IrregularIncome, 3000.00m))
            .Add(Income("L", M(2025, 2), IncomeKind.IrregularIncome, 3000.00m))
            .Add(Income("L", M(2025, 3), IncomeKind.IrregularIncome, 3000.01m));

        var result = Run(city, ReportingPeriod.Month(M(2025, 4)));

        result.Line("L", M(2025, 4)).Due.Should().Be(30.00m);
        result.Line("L", M(2025, 4)).Base!.Amount.Should().BeGreaterThan(3000m);
    }

    [Fact]
    public void An_irregular_average_of_exactly_three_thousand_stays_in_the_lowest_bracket()
    {
        var city = new TestCity().FullMember("L")
            .Add(Income("L", M(2025, 1), IncomeKind.IrregularIncome, 3000.00m))
            .Add(Income("L", M(2025, 2), IncomeKind.IrregularIncome, 3000.00m))
            .Add(Income("L", M(2025, 3), IncomeKind.IrregularIncome, 3000.00m));

        Run(city, ReportingPeriod.Month(M(2025, 4))).Line("L", M(2025, 4)).Due.Should().Be(15.00m);
    }

    [Fact]
    public void The_current_month_without_a_base_is_not_reported_yet()
    {
        var city = new TestCity().FullMember("L").Add(Income("L", M(2025, 6), IncomeKind.IrregularIncome, 9000m)).Pays("L", 1m, M(2025, 1), M(2025, 5));

        var result = Run(city, ReportingPeriod.Quarter(2025, 2));

        result.Line("L", M(2025, 6)).Base.Should().BeNull("June's base is January–March's average, and nothing was declared then");
        result.Of(DuesRule.Arrears).Select(f => f.AsOf).Should().Equal(new LocalDate(2025, 4, 30), new LocalDate(2025, 5, 31));
    }

    [Fact]
    public void A_month_that_has_ended_with_less_paid_than_due_is_in_arrears()
    {
        var city = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2025, 1), M(2025, 6))
            .Pays("A", 120m, M(2025, 1), M(2025, 3))
            .Add(OnTime("A", M(2025, 4), 100m))
            .Add(OnTime("A", M(2025, 5), 100m))
            .Add(Payment("A", M(2025, 5), 20m, new LocalDate(2025, 6, 1)));

        var result = Run(city, Year2025);

        var finding = result.Of(DuesRule.Arrears, "A").Should().ContainSingle().Subject;
        finding.Severity.Should().Be(FindingSeverity.Warning);
        finding.AsOf.Should().Be(new LocalDate(2025, 4, 30));
        finding.Expected.ShouldMention("2025-04", "120.00", "8000.00");
        finding.Found.ShouldMention("100.00", "20.00");
        finding.Citation.Document.Should().Be(Regulations.PartyDues);
        result.Line("A", M(2025, 4)).Owed.Should().Be(20m);
        result.Line("A", M(2025, 5)).Paid.Should().Be(120m, "two payments for May add up");
        result.Line("A", M(2025, 6)).Owed.Should().Be(120m, "June has not ended: owed, not in arrears");
    }

    [Fact]
    public void Paying_more_than_due_owes_nothing()
    {
        var city = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2025, 1), M(2025, 1)).Add(OnTime("A", M(2025, 1), 200m));

        var result = Run(city, ReportingPeriod.Month(M(2025, 1)));

        result.ShouldFindNothing();
        result.Line("A", M(2025, 1)).Owed.Should().Be(0m);
    }

    [Fact]
    public void Grace_days_are_tuned_by_rule_id()
    {
        var city = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2025, 5), M(2025, 5));

        Run(city, ReportingPeriod.Month(M(2025, 5))).Of(DuesRule.Arrears).Should().ContainSingle();
        Run(city, ReportingPeriod.Month(M(2025, 5)), o => o.Set(DuesRule.Arrears.Id, "GraceDays", 15)).Of(DuesRule.Arrears).Should().BeEmpty("31 May + 15 days is today");
        Run(city, ReportingPeriod.Month(M(2025, 5)), o => o.Set(DuesRule.Arrears.Id, "GraceDays", 14)).Of(DuesRule.Arrears).Should().ContainSingle();
    }

    [Fact]
    public void A_back_payment_exactly_six_months_after_the_months_end_passes_and_a_day_later_is_reported()
    {
        TestCity Paid(LocalDate on) => new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2024, 7), M(2024, 7))
            .Add(Payment("A", M(2024, 7), 120m, on));
        var period = ReportingPeriod.Month(M(2024, 7));

        Run(Paid(new LocalDate(2025, 1, 31)), period).ShouldFindNothing("31 July + 6 months = 31 January");

        var finding = Run(Paid(new LocalDate(2025, 2, 1)), period).Of(DuesRule.BackPayment, "A").Should().ContainSingle().Subject;
        finding.Severity.Should().Be(FindingSeverity.Warning);
        finding.AsOf.Should().Be(new LocalDate(2025, 2, 1));
        finding.Expected.ShouldMention("2024-07", "2025-01-31");
        finding.Found.ShouldMention("2025-02-01", "120.00");
    }

    /// <summary>
    /// Six months after 28 February is 28 August, the corresponding day (as 《民法典》第二百零三条 counts months, and as
    /// NodaTime's <c>PlusMonths</c> does), not 31 August. Pinned so a change is deliberate.
    /// </summary>
    [Fact]
    public void Six_months_after_the_end_of_February_is_28_August()
    {
        TestCity Paid(LocalDate on) => new TestCity(new LocalDate(2025, 9, 15)).FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2025, 2), M(2025, 2))
            .Add(Payment("A", M(2025, 2), 120m, on));
        var february = ReportingPeriod.Month(M(2025, 2));

        Run(Paid(new LocalDate(2025, 8, 28)), february).Of(DuesRule.BackPayment).Should().BeEmpty();
        Run(Paid(new LocalDate(2025, 8, 29)), february).Of(DuesRule.BackPayment).Should().ContainSingle().Which.Expected.ShouldMention("2025-08-28");
    }

    [Fact]
    public void The_back_payment_limit_is_tuned_by_rule_id()
    {
        var city = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2024, 7), M(2024, 7))
            .Add(Payment("A", M(2024, 7), 120m, new LocalDate(2024, 11, 1)));

        Run(city, ReportingPeriod.Month(M(2024, 7))).Of(DuesRule.BackPayment).Should().BeEmpty();
        Run(city, ReportingPeriod.Month(M(2024, 7)), o => o.Set(DuesRule.BackPayment.Id, "Months", 3)).Of(DuesRule.BackPayment).Should().ContainSingle();
        Run(city, ReportingPeriod.Month(M(2024, 7)), o => o.Set(DuesRule.BackPayment.Id, "Months", 3).Disable(DuesRule.BackPayment.Id)).Findings.Should().NotContain(f => f.RuleId == DuesRule.BackPayment.Id);
    }

    [Fact]
    public void Six_consecutive_months_with_nothing_paid_are_raised_once_and_the_standing_is_unchanged()
    {
        var city = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2024, 1), M(2024, 12))
            .Pays("A", 120m, M(2024, 1), M(2024, 12), M(2024, 2), M(2024, 3), M(2024, 4), M(2024, 5), M(2024, 6), M(2024, 7));
        var dataset = city.Build();

        var result = Evaluator(city).Evaluate(dataset, Year2024);

        var finding = result.Of(DuesRule.SixMonthsUnpaid, "A").Should().ContainSingle().Subject;
        finding.Severity.Should().Be(FindingSeverity.Violation);
        finding.AsOf.Should().Be(new LocalDate(2024, 7, 31));
        finding.Found.ShouldMention("2024-02", "2024-07");
        finding.Found.English.Should().Contain("never changes the member's standing");
        finding.Citation.Should().Be(new Citation(Regulations.MemberEducation, "第三十一条", SourceConfidence.Verified));
        result.Of(DuesRule.Arrears, "A").Should().HaveCount(6);
        dataset.GetPerson(TestCity.P("A")).StandingOn(city.Today).Should().Be(MemberStanding.FullMember);
        dataset.GetPerson(TestCity.P("A")).Standings.Should().HaveCount(2);
    }

    [Fact]
    public void Five_consecutive_months_unpaid_are_not_raised()
    {
        var city = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2024, 1), M(2024, 12))
            .Pays("A", 120m, M(2024, 1), M(2024, 12), M(2024, 2), M(2024, 3), M(2024, 4), M(2024, 5), M(2024, 6));

        var result = Run(city, Year2024);

        result.Of(DuesRule.SixMonthsUnpaid).Should().BeEmpty();
        result.Of(DuesRule.Arrears).Should().HaveCount(5);
    }

    [Fact]
    public void A_longer_run_is_raised_once_and_a_second_run_again()
    {
        var unpaid = Enumerable.Range(1, 12).Where(m => m != 10).Select(m => M(2024, m)).ToArray();
        var city = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2023, 7), M(2024, 12))
            .Pays("A", 120m, M(2024, 1), M(2024, 12), unpaid);

        Run(city, Year2024).Of(DuesRule.SixMonthsUnpaid).Should().ContainSingle("nine months in a row, then a paid October, then two").Which.AsOf.Should().Be(new LocalDate(2024, 6, 30));

        var twice = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2024, 1), M(2025, 5))
            .Pays("A", 120m, M(2024, 1), M(2025, 5), [.. Enumerable.Range(0, 6).Select(i => M(2024, 1).PlusMonths(i)), .. Enumerable.Range(0, 6).Select(i => M(2024, 8).PlusMonths(i))]);
        Run(twice, ReportingPeriod.Of(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2025, 5, 31))))
            .Of(DuesRule.SixMonthsUnpaid).Select(f => f.AsOf).Should().Equal(new LocalDate(2024, 6, 30), new LocalDate(2025, 1, 31));
    }

    [Fact]
    public void The_current_month_does_not_count_toward_six_months_unpaid()
    {
        var city = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2025, 1), M(2025, 6));

        Run(city, Year2025).Of(DuesRule.SixMonthsUnpaid).Should().BeEmpty("January to May have ended, June has not");
        Run(new TestCity(new LocalDate(2025, 6, 30)).FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2025, 1), M(2025, 6)), Year2025)
            .Of(DuesRule.SixMonthsUnpaid).Should().BeEmpty("on 30 June, June has not ended yet");
        Run(new TestCity(new LocalDate(2025, 7, 1)).FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2025, 1), M(2025, 6)), Year2025)
            .Of(DuesRule.SixMonthsUnpaid).Should().ContainSingle().Which.AsOf.Should().Be(new LocalDate(2025, 6, 30));
    }

    [Fact]
    public void The_six_months_are_tuned_by_rule_id()
    {
        var city = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2025, 1), M(2025, 6));

        Run(city, Year2025, o => o.Set(DuesRule.SixMonthsUnpaid.Id, "Months", 3)).Of(DuesRule.SixMonthsUnpaid).Should().ContainSingle().Which.AsOf.Should().Be(new LocalDate(2025, 3, 31));
        Run(city, Year2025, o => o.Set(DuesRule.SixMonthsUnpaid.Id, "Months", 3).Disable(DuesRule.SixMonthsUnpaid.Id)).Findings.Should().NotContain(f => f.RuleId == DuesRule.SixMonthsUnpaid.Id);
    }

    [Fact]
    public void Months_before_admission_and_after_leaving_owe_nothing()
    {
        var city = new TestCity()
            .Person("NEW", TestCity.Standing(MemberStanding.DevelopmentCandidate, TestCity.LongAgo), TestCity.Standing(MemberStanding.ProbationaryMember, new LocalDate(2025, 3, 10)))
            .Person("LEFT", TestCity.Standing(MemberStanding.FullMember, TestCity.LongAgo), TestCity.Standing(MemberStanding.Ceased, new LocalDate(2025, 2, 2)))
            .Person("LEFT1", TestCity.Standing(MemberStanding.FullMember, TestCity.LongAgo), TestCity.Standing(MemberStanding.Ceased, new LocalDate(2025, 2, 1)))
            .NonMember("OUT")
            .Declares("NEW", IncomeKind.Salary, 8000m, M(2024, 12), M(2025, 6))
            .Declares("LEFT", IncomeKind.Salary, 8000m, M(2024, 12), M(2025, 6))
            .Declares("LEFT1", IncomeKind.Salary, 8000m, M(2024, 12), M(2025, 6))
            .Declares("OUT", IncomeKind.Salary, 8000m, M(2024, 12), M(2025, 6));

        var result = Run(city, Year2025);

        result.LinesOf("NEW").Select(l => l.Month).Should().Equal(M(2025, 3), M(2025, 4), M(2025, 5), M(2025, 6));
        result.LinesOf("LEFT").Select(l => l.Month).Should().Equal(M(2025, 1), M(2025, 2));
        result.LinesOf("LEFT1").Select(l => l.Month).Should().Equal(M(2025, 1));
        result.LinesOf("OUT").Should().BeEmpty();
        result.Findings.Should().NotContain(f => f.Subject.Id == "OUT");
        result.Of(DuesRule.Arrears, "NEW").Select(f => f.AsOf.Month).Should().Equal(3, 4, 5);
    }

    [Fact]
    public void A_probationary_member_owes_dues()
    {
        var city = new TestCity().Probationary("P").Declares("P", IncomeKind.Salary, 4000m, M(2025, 5), M(2025, 5));

        Run(city, ReportingPeriod.Month(M(2025, 5))).Line("P", M(2025, 5)).Due.Should().Be(40.00m);
    }

    [Fact]
    public void The_result_lists_the_three_rules_with_their_settings()
    {
        var result = Run(new TestCity(), Year2025, o => o.Set(DuesRule.BackPayment.Id, "Months", 3));

        result.Period.Should().Be(Year2025);
        result.Rules.Select(r => r.Id).Should().Equal(DuesRule.Arrears.Id, DuesRule.BackPayment.Id, DuesRule.SixMonthsUnpaid.Id);
        result.Rules[1]["Months"].Should().Be(3);
        result.Rules[2]["Months"].Should().Be(6);
        DuesRule.Defaults.Select(r => r.DefaultSeverity).Should().Equal(FindingSeverity.Warning, FindingSeverity.Warning, FindingSeverity.Violation);
    }

    [Fact]
    public void Severity_is_tuned_by_rule_id()
    {
        var city = new TestCity().FullMember("A").Declares("A", IncomeKind.Salary, 8000m, M(2025, 5), M(2025, 5));

        Run(city, ReportingPeriod.Month(M(2025, 5)), o => o.WithSeverity(DuesRule.Arrears.Id, FindingSeverity.Violation))
            .Findings.Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Violation);
    }
}
