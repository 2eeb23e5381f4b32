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

    /// <summary>The previous year's value, when the previous year has data: the text gives the change on it.</summary>
    public decimal? Previous { get; init; }

    /// <summary>Whether the figure counts a year that had not ended (a report made with the partial year allowed).</summary>
    public bool Partial { get; init; }

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

        return Value is { } v ? Unit.Chinese == "%" ? v.ToString("0.0", CultureInfo.InvariantCulture) : Number(v) : MissingText.In(language);
    }

    /// <summary>
    /// The value with its unit (<c>12个</c>, <c>12 branches</c>, <c>85.3%</c>), or 数据未录入; in Chinese a count of
    /// 10,000 or more in 万 as official writing has it (<c>4.4万人次</c>); marked 不完整 (partial) when <see cref="Partial"/>.
    /// </summary>
    /// <param name="language">The language.</param>
    public string Format(TextLanguage language)
    {
        if (IsMissing || Month is not null)
        {
            return FormatValue(language);
        }

        var unit = Unit.In(language);
        var value = language == TextLanguage.Chinese && Value is { } v && Math.Abs(v) >= 10_000 && unit is not ("%" or "万元")
            ? (v / 10_000).ToString(Math.Abs(v) < 100_000 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + "万"
            : FormatValue(language);
        var text = language == TextLanguage.English && unit != "%" ? $"{value} {unit}" : value + unit;
        return Partial ? text + (language == TextLanguage.English ? " (partial year)" : "（年度未结束，不完整）") : text;
    }

    /// <summary>
    /// The change on the previous year as a clause (<c>，较上年增长12.5%</c>; a rate's change in percentage points,
    /// <c>，较上年提高1.2个百分点</c>), or empty when either year has no value.
    /// </summary>
    /// <param name="language">The language.</param>
    public string FormatChange(TextLanguage language)
    {
        if (Value is not { } now || Previous is not { } before)
        {
            return string.Empty;
        }

        var english = language == TextLanguage.English;
        if (Unit.Chinese == "%")
        {
            var points = Math.Round(now - before, 1);
            return points == 0 ? (english ? ", as in the previous year" : "，与上年持平")
                : english ? $", {(points > 0 ? "up" : "down")} {Number(Math.Abs(points))} percentage points on the previous year"
                : $"，较上年{(points > 0 ? "提高" : "下降")}{Number(Math.Abs(points))}个百分点";
        }

        if (before == 0)
        {
            return english ? ", none the previous year" : "，上年为0";
        }

        var percent = Math.Round((now - before) / before * 100, 1);
        return percent == 0 ? (english ? ", as in the previous year" : "，与上年持平")
            : english ? $", {(percent > 0 ? "up" : "down")} {Number(Math.Abs(percent))}% on the previous year"
            : $"，较上年{(percent > 0 ? "增长" : "下降")}{Number(Math.Abs(percent))}%";
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
