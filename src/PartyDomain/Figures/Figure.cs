namespace PartyDomain.Figures;

/// <summary>A ratio behind a share, kept as its two counts so a report can print either.</summary>
/// <param name="Numerator">The part.</param>
/// <param name="Denominator">The whole.</param>
public sealed record FigureRatio(decimal Numerator, decimal Denominator)
{
    /// <summary>The ratio between 0 and 1, or <c>null</c> when the whole is zero.</summary>
    public decimal? Value => Denominator == 0 ? null : Numerator / Denominator;

    /// <summary>Formats the ratio as a percentage with one decimal, or <c>—</c> when the whole is zero.</summary>
    public override string ToString() => Value is { } v ? (v * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}

/// <summary>A part of a figure: the count of one kind of what the figure counts (F2's joint branches, F3's probationary members).</summary>
/// <param name="Key">The part's key, for example <c>JointBranch</c> or <c>ProbationaryMember</c>.</param>
/// <param name="Name">What the part counts.</param>
/// <param name="Value">The part's count.</param>
public sealed record FigurePart(string Key, LocalizedText Name, decimal Value);

/// <summary>
/// One computed figure of the annual report (see <c>domain.md</c> §3: <c>F2</c>, <c>F3</c>, ...), with its unit and
/// the basis it was counted on, so every number in a report can be traced back to data and rule.
/// </summary>
/// <param name="Id">The figure's id, for example <c>F4</c>.</param>
/// <param name="Name">What the figure counts.</param>
/// <param name="Value">The count or amount.</param>
/// <param name="Unit">The unit, for example 个, 人, 家.</param>
/// <param name="Basis">How it was counted: the filter, date and rule behind it.</param>
public sealed record Figure(string Id, LocalizedText Name, decimal Value, LocalizedText Unit, LocalizedText Basis)
{
    /// <summary>The share the figure is part of, when it has one (for example F4: branches led by the firm director out of all branches).</summary>
    public FigureRatio? Share { get; init; }

    /// <summary>The figure split into its parts, when it has them; the parts add up to <see cref="Value"/>.</summary>
    public IReadOnlyList<FigurePart> Parts { get; init; } = [];

    /// <summary>The ids of what the figure counts, when it names them (F4: the branches).</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Formats the figure as <c>F4 = 12 个 (30.0%)</c>.</summary>
    public override string ToString() =>
        $"{Id} = {Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Unit.Chinese}{(Share is null ? string.Empty : $" ({Share})")}";
}
