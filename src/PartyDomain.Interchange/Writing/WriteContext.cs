using PartyDomain.BasicSystems;
using PartyDomain.Interchange.Schema;
using PartyDomain.Metrics;

namespace PartyDomain.Interchange.Writing;

/// <summary>
/// How values are written: the language, and the city's activity kinds and indicators, whose Chinese names a file
/// holds instead of their codes (the names staff know; reading takes either). A name is written only when it reads
/// back as that one kind or indicator; otherwise the code is, so that every file reads back the same.
/// </summary>
internal sealed class WriteContext
{
    private readonly Dictionary<ActivityKind, string> _kindNames = [];
    private readonly Dictionary<IndicatorCode, string> _indicatorNames = [];
    private readonly IReadOnlyList<string> _kindChoices;
    private readonly IReadOnlyList<string> _indicatorChoices;

    public WriteContext(TextLanguage language, ActivityKindCatalog activityKinds, IndicatorCatalog indicators)
    {
        Language = language;
        if (language == TextLanguage.Chinese)
        {
            // How CellReader finds them: code, Chinese or English name, compared as Names.Normalize does.
            var kinds = Unique(activityKinds.Names.SelectMany(n => new[] { (n.Key, n.Key.Code), (n.Key, n.Value.Chinese), (n.Key, n.Value.English) }));
            foreach (var (kind, name) in activityKinds.Names.Where(n => kinds.Contains(Schema.Names.Normalize(n.Value.Chinese))))
            {
                _kindNames[kind] = name.Chinese;
            }

            var codes = indicators.All.Select(i => i.Code.Value).ToHashSet(StringComparer.Ordinal);
            var names = Unique(indicators.All.SelectMany(i => new[] { (i.Code, i.Code.Value), (i.Code, i.Name.Chinese) }));
            foreach (var indicator in indicators.All.Where(i => names.Contains(Schema.Names.Normalize(i.Name.Chinese)) && !codes.Contains(i.Name.Chinese)))
            {
                _indicatorNames[indicator.Code] = indicator.Name.Chinese;
            }
        }

        _kindChoices = [.. activityKinds.Names.Keys.Select(ActivityKind)];
        _indicatorChoices = [.. indicators.All.Where(i => i.IsRecorded).Select(i => Indicator(i.Code))];
    }

    public TextLanguage Language { get; }

    /// <summary>A kind's Chinese name, or its code (in English, or when the name is ambiguous or unknown).</summary>
    public string ActivityKind(ActivityKind kind) => _kindNames.TryGetValue(kind, out var name) ? name : kind.Code;

    /// <summary>An indicator's Chinese name, or its code.</summary>
    public string Indicator(IndicatorCode code) => _indicatorNames.TryGetValue(code, out var name) ? name : code.Value;

    /// <summary>The kinds as written, for the template's dropdown.</summary>
    public IReadOnlyList<string> ActivityKinds() => _kindChoices;

    /// <summary>The indicators that take records (not the computed ones), as written.</summary>
    public IReadOnlyList<string> Indicators() => _indicatorChoices;

    /// <summary>The spellings that name exactly one item.</summary>
    private static HashSet<string> Unique<TKey>(IEnumerable<(TKey Key, string Spelling)> spellings)
        where TKey : notnull => spellings
        .GroupBy(s => Schema.Names.Normalize(s.Spelling), StringComparer.Ordinal)
        .Where(g => g.Select(s => s.Key).Distinct().Count() == 1)
        .Select(g => g.Key)
        .ToHashSet(StringComparer.Ordinal);
}
