using System.Globalization;
using NodaTime;
using PartyDomain.Figures;

namespace PartyDomain.Reporting;

/// <summary>
/// One figure of the annual summary (<c>F2</c>, <c>F17</c>, <c>F26-system-theme-party-day</c>, ...): its value and unit,
/// the filter it was counted with and the rule or indicator behind it. A figure whose data is not entered is
/// <see cref="IsMissing"/>: it has no value and says why, and every renderer prints 数据未录入, never 0 or XX.
/// </summary>
public sealed record ReportFigure
{
    /// <summary>The text a missing figure is printed as.</summary>
    public static LocalizedText MissingText { get; } = new("数据未录入", "not entered");

    /// <summary>The figure's id: <c>F1</c>…<c>F26</c> of <c>domain.md</c> §3, a part of one (<c>F5-activists</c>), or a supplementary figure.</summary>
    public required string Id { get; init; }

    /// <summary>What the figure counts.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The count or amount, or <c>null</c> when it is a month (<see cref="Month"/>) or missing.</summary>
    public decimal? Value { get; init; }

    /// <summary>The month, for a figure that is a date (F1: when the committee was established).</summary>
    public YearMonth? Month { get; init; }

    /// <summary>The unit, for example 个, 人, 万元, %.</summary>
    public required LocalizedText Unit { get; init; }

    /// <summary>The filter: which records, which period or date.</summary>
    public required LocalizedText Filter { get; init; }

    /// <summary>The rule, indicator or engine the figure comes from.</summary>
    public required LocalizedText Source { get; init; }

    /// <summary>The share the figure is part of, when it has one (F4, F6, F26).</summary>
    public FigureRatio? Share { get; init; }

    /// <summary>Why the figure is missing, when it is.</summary>
    public LocalizedText? MissingReason { get; init; }

    /// <summary>Whether the data behind the figure is not entered, so it has no value.</summary>
    public bool IsMissing => Value is null && Month is null;

    /// <summary>The value alone (<c>12</c>, <c>85.3</c>, <c>2019年10月</c>), or 数据未录入.</summary>
    /// <param name="language">The language.</param>
    public string FormatValue(TextLanguage language)
    {
        if (Month is { } m)
        {
            return language == TextLanguage.English
                ? m.ToString("uuuu-MM", CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{m.Year}年{m.Month}月");
        }

        return Value is { } v ? Number(v) : MissingText.In(language);
    }

    /// <summary>The value with its unit (<c>12个</c>, <c>12 branches</c>, <c>85.3%</c>), or 数据未录入.</summary>
    /// <param name="language">The language.</param>
    public string Format(TextLanguage language)
    {
        if (IsMissing || Month is not null)
        {
            return FormatValue(language);
        }

        var unit = Unit.In(language);
        return language == TextLanguage.English && unit != "%" ? $"{FormatValue(language)} {unit}" : FormatValue(language) + unit;
    }

    /// <summary>The share as a percentage with one decimal (<c>30.0%</c>), or 数据未录入 when the figure is missing or has no share.</summary>
    /// <param name="language">The language.</param>
    public string FormatShare(TextLanguage language) =>
        !IsMissing && Share?.Value is not null ? Share.ToString() : MissingText.In(language);

    /// <summary>Formats a number without trailing zeros, invariant culture.</summary>
    /// <param name="value">The number.</param>
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Formats the figure as <c>F2 = 12个</c>.</summary>
    public override string ToString() => $"{Id} = {Format(TextLanguage.Chinese)}";
}
