using PartyDomain.Figures;

namespace PartyDomain.Tests.Figures;

public class FigureTests
{
    [Theory]
    [InlineData(1, 3, "33.3%")]
    [InlineData(2, 3, "66.7%")]
    [InlineData(3, 3, "100.0%")]
    [InlineData(0, 5, "0.0%")]
    [InlineData(0, 0, "—")]
    public void A_ratio_prints_as_a_percentage_with_one_decimal(int numerator, int denominator, string expected)
    {
        new FigureRatio(numerator, denominator).ToString().Should().Be(expected);
    }

    [Fact]
    public void A_figure_without_a_share_prints_its_value_and_unit()
    {
        var figure = new Figure("F3", new("党员律师人数", "Party-member lawyers"), 128, new("人", "people"), new("依据", "basis"));

        figure.ToString().Should().Be("F3 = 128 人");
        new FigureRatio(1, 0).Value.Should().BeNull();
        new FigureRatio(1, 4).Value.Should().Be(0.25m);
    }
}
