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
}
