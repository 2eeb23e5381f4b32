using PartyDomain.Training;

namespace PartyDomain.Tests.Training;

/// <summary>The documented example converter: points per hour, a yearly cap, rounded down to half hours.</summary>
public class PointsPerHourConverterTests
{
    private static decimal Hours(decimal points, decimal pointsPerHour = 300m, decimal cap = 8m) =>
        new PointsPerHourConverter(TrainingTestData.Xuexi, pointsPerHour, cap)
            .HoursFor(TestCity.P("A"), 2025, [TrainingTestData.Credit("A", new LocalDate(2025, 3, 1), points)]);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(149, 0)]
    [InlineData(150, 0.5)]
    [InlineData(299, 0.5)]
    [InlineData(300, 1)]
    [InlineData(449, 1)]
    [InlineData(450, 1.5)]
    [InlineData(1000, 3)]
    [InlineData(1049, 3)]
    [InlineData(1050, 3.5)]
    [InlineData(2399, 7.5)]
    [InlineData(2400, 8)]
    [InlineData(2401, 8)]
    [InlineData(5000, 8)]
    public void Three_hundred_points_an_hour_capped_at_eight_rounded_down_to_the_half_hour(int points, double expected) =>
        Hours(points).Should().Be((decimal)expected);

    [Fact]
    public void Fractional_points_are_summed_before_converting()
    {
        var converter = new PointsPerHourConverter(TrainingTestData.Xuexi, 300m, 8m);
        var credits = new[]
        {
            TrainingTestData.Credit("A", new LocalDate(2025, 1, 1), 149.5m),
            TrainingTestData.Credit("A", new LocalDate(2025, 1, 2), 0.5m),
        };

        converter.HoursFor(TestCity.P("A"), 2025, credits).Should().Be(0.5m, "149.5 + 0.5 = 150 points, half an hour");
    }

    [Fact]
    public void No_credits_make_no_hours() =>
        new PointsPerHourConverter(TrainingTestData.Xuexi, 300m, 8m).HoursFor(TestCity.P("A"), 2025, []).Should().Be(0m);

    [Fact]
    public void A_cap_of_zero_credits_nothing() => Hours(100_000m, cap: 0m).Should().Be(0m);

    [Fact]
    public void A_cap_that_is_not_a_half_hour_is_applied_after_rounding() => Hours(5000m, cap: 7.3m).Should().Be(7.3m);

    [Fact]
    public void The_settings_are_kept()
    {
        var converter = new PointsPerHourConverter("beihai-app", 120m, 4m);

        converter.Platform.Should().Be("beihai-app");
        converter.PointsPerHour.Should().Be(120m);
        converter.CapPerYear.Should().Be(4m);
    }

    [Theory]
    [InlineData("", 300, 8, "platform")]
    [InlineData("  ", 300, 8, "platform")]
    [InlineData("x", 0, 8, "pointsPerHour")]
    [InlineData("x", -1, 8, "pointsPerHour")]
    [InlineData("x", 300, -0.5, "capPerYear")]
    public void Invalid_settings_are_refused(string platform, double pointsPerHour, double cap, string parameter)
    {
        var act = () => new PointsPerHourConverter(platform, (decimal)pointsPerHour, (decimal)cap);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
    }

    [Fact]
    public void Credits_are_required()
    {
        var act = () => new PointsPerHourConverter("x", 300m, 8m).HoursFor(TestCity.P("A"), 2025, null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
