using PartyDomain.Time;

namespace PartyDomain.Tests.Time;

public class CadenceTests
{
    [Fact]
    public void Quarterly_slots_of_a_year_are_the_four_calendar_quarters()
    {
        var slots = ReportingPeriod.Year(2024).Slots(Cadence.Quarterly);

        slots.Select(s => s.ToString()).Should().Equal("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4");
        slots[0].Covered.Start.Should().Be(new LocalDate(2024, 1, 1));
        slots[0].Covered.End.Should().Be(new LocalDate(2024, 3, 31));
        slots.Should().OnlyContain(s => !s.IsPartial);
    }

    [Fact]
    public void A_period_starting_mid_quarter_gets_a_partial_first_slot()
    {
        var period = ReportingPeriod.Of(new DateInterval(new LocalDate(2024, 2, 10), new LocalDate(2024, 12, 31)));

        var slots = period.Slots(Cadence.Quarterly);

        slots.Should().HaveCount(4);
        slots[0].IsPartial.Should().BeTrue();
        slots[0].Covered.Start.Should().Be(new LocalDate(2024, 2, 10));
        slots[0].Calendar.Start.Should().Be(new LocalDate(2024, 1, 1));
    }

    [Fact]
    public void Monthly_slots_know_leap_February()
    {
        var february = ReportingPeriod.Year(2024).Slots(Cadence.Monthly)[1];

        february.Calendar.End.Should().Be(new LocalDate(2024, 2, 29));
    }

    [Theory]
    [InlineData(2024, 1, 1, 1, 6)]
    [InlineData(2024, 6, 30, 1, 6)]
    [InlineData(2024, 7, 1, 7, 12)]
    [InlineData(2024, 12, 31, 7, 12)]
    public void Half_years_run_January_to_June_and_July_to_December(int year, int month, int day, int firstMonth, int lastMonth)
    {
        var slot = Cadence.HalfYearly.SlotContaining(new LocalDate(year, month, day));

        slot.Start.Should().Be(new LocalDate(year, firstMonth, 1));
        slot.End.Should().Be(new LocalDate(year, lastMonth, 1).PlusMonths(1).PlusDays(-1));
    }

    [Fact]
    public void SlotContaining_finds_the_whole_calendar_slot()
    {
        var month = Cadence.Monthly.SlotContaining(new LocalDate(2023, 2, 10));
        month.Start.Should().Be(new LocalDate(2023, 2, 1));
        month.End.Should().Be(new LocalDate(2023, 2, 28));

        var quarter = Cadence.Quarterly.SlotContaining(new LocalDate(2024, 11, 30));
        quarter.Start.Should().Be(new LocalDate(2024, 10, 1));
        quarter.End.Should().Be(new LocalDate(2024, 12, 31));

        var year = Cadence.Yearly.SlotContaining(new LocalDate(2024, 7, 4));
        year.Start.Should().Be(new LocalDate(2024, 1, 1));
        year.End.Should().Be(new LocalDate(2024, 12, 31));
    }

    [Fact]
    public void Half_yearly_slots_of_a_period_crossing_years_are_partial_at_the_ends()
    {
        var slots = Cadence.HalfYearly.Slots(new DateInterval(new LocalDate(2023, 3, 15), new LocalDate(2024, 8, 31)));

        slots.Select(s => s.ToString()).Should().Equal("2023-H1", "2023-H2", "2024-H1", "2024-H2");
        slots.Select(s => s.IsPartial).Should().Equal(true, false, false, true);
        slots.Select(s => s.Index).Should().Equal(0, 1, 2, 3);
        slots[0].Covered.Start.Should().Be(new LocalDate(2023, 3, 15));
        slots[0].Covered.End.Should().Be(new LocalDate(2023, 6, 30));
        slots[3].Calendar.End.Should().Be(new LocalDate(2024, 12, 31));
        slots[3].Covered.End.Should().Be(new LocalDate(2024, 8, 31));
        slots.Should().OnlyContain(s => s.Cadence == Cadence.HalfYearly);
    }

    [Fact]
    public void A_single_day_is_one_partial_slot()
    {
        var slots = Cadence.Yearly.Slots(new DateInterval(new LocalDate(2025, 5, 5), new LocalDate(2025, 5, 5)));

        slots.Should().ContainSingle();
        slots[0].ToString().Should().Be("2025");
        slots[0].IsPartial.Should().BeTrue();
    }

    [Theory]
    [InlineData("monthly")]
    [InlineData("Quarterly")]
    [InlineData(" HALF-YEARLY ")]
    [InlineData("yearly")]
    public void Parse_is_case_insensitive_and_trims(string name)
    {
        Cadence.Parse(name).Name.Should().Be(name.Trim().ToLowerInvariant());
    }

    [Fact]
    public void Parse_returns_the_shared_instances()
    {
        Cadence.Parse("half-yearly").Should().BeSameAs(Cadence.HalfYearly);
        Cadence.HalfYearly.Months.Should().Be(6);
        Cadence.HalfYearly.ToString().Should().Be("half-yearly");
        Cadence.All.Should().Equal(Cadence.Monthly, Cadence.Quarterly, Cadence.HalfYearly, Cadence.Yearly);
    }

    [Fact]
    public void Parse_of_an_unknown_name_lists_the_known_ones()
    {
        var act = () => Cadence.Parse("weekly");

        act.Should().Throw<ArgumentException>()
            .Which.Message.Should().Contain("weekly").And.Contain("monthly, quarterly, half-yearly, yearly");
        ((Action)(() => Cadence.Parse(null!))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Cadences_are_equal_by_their_length()
    {
        Cadence.Monthly.Equals(Cadence.Parse("monthly")).Should().BeTrue();
        Cadence.Monthly.Equals(Cadence.Quarterly).Should().BeFalse();
        Cadence.Monthly.Equals((object?)null).Should().BeFalse();
        Cadence.Quarterly.GetHashCode().Should().Be(3);
    }
}
