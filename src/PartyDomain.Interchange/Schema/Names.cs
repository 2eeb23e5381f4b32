namespace PartyDomain.Interchange.Schema;

/// <summary>How headers, table names and choice values are compared: case, spaces, '_' and '-' do not matter.</summary>
internal static class Names
{
    public static string Normalize(string text)
    {
        var trimmed = text.AsSpan().Trim();
        Span<char> kept = trimmed.Length <= 128 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        var length = 0;
        foreach (var c in trimmed)
        {
            if (c is not (' ' or '_' or '-' or '\u3000' or '\t'))
            {
                kept[length++] = c;
            }
        }

        // One case change for the whole text: per character, each non-ASCII one (all of Chinese) is a call into ICU.
        Span<char> lower = length <= 128 ? stackalloc char[length] : new char[length];
        kept[..length].ToLowerInvariant(lower);
        return new string(lower);
    }
}

/// <summary>
/// A catalog's values by their spellings, compared as <see cref="Names.Normalize"/> does; a later spelling wins a clash.
/// Every spelling given is also kept exactly, resolved to what its normalized form finds, so the way this library
/// writes a value (and most cells of a file, which repeat it) is found without normalizing, which allocates and, for
/// Chinese text, costs more than the rest of the cell's reading.
/// </summary>
internal sealed class ChoiceLookup<T>
{
    private readonly Dictionary<string, T> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> _normalized = new(StringComparer.Ordinal);

    /// <param name="spellings">Each value's spellings; where two normalize alike, the later one wins.</param>
    public ChoiceLookup(IEnumerable<(string Spelling, T Value)> spellings)
    {
        var all = spellings.ToList();
        foreach (var (spelling, value) in all)
        {
            _normalized[Names.Normalize(spelling)] = value;
        }

        foreach (var (spelling, _) in all)
        {
            _exact[spelling] = _normalized[Names.Normalize(spelling)];
        }
    }

    public bool TryFind(string text, out T value) =>
        _exact.TryGetValue(text, out value!) || _normalized.TryGetValue(Names.Normalize(text), out value!);
}

/// <summary>
/// The closed set of values of an enumeration as they may be written in a file: a code (<c>joint-branch</c>), the
/// enumeration's own name (<c>JointBranch</c>), the Chinese name (<c>联合党支部</c>) or a listed alias.
/// </summary>
/// <typeparam name="TEnum">The enumeration.</typeparam>
internal sealed class Vocabulary<TEnum>
    where TEnum : struct, Enum
{
    private readonly List<(string Spelling, TEnum Value)> _spellings = [];
    private readonly Dictionary<TEnum, (string Code, string Chinese)> _names = [];
    private ChoiceLookup<TEnum> _lookup = new([]);

    public Vocabulary<TEnum> Add(TEnum value, string code, string chinese, params string[] aliases)
    {
        _names[value] = (code, chinese);
        _spellings.AddRange(aliases.Concat([code, chinese, value.ToString()]).Select(name => (name, value)));
        // A vocabulary is a handful of values added once, at start: the lookup is made again after each.
        _lookup = new(_spellings);
        return this;
    }

    public bool TryParse(string text, out TEnum value) => _lookup.TryFind(text, out value);

    public string Format(TEnum value, TextLanguage language) =>
        language == TextLanguage.English ? _names[value].Code : _names[value].Chinese;

    /// <summary>The accepted values, for error messages: the Chinese names, or in English the codes with the Chinese names that files usually hold.</summary>
    public string Choices(TextLanguage language) => language == TextLanguage.English
        ? string.Join(", ", _names.Values.Select(n => $"{n.Code} ({n.Chinese})"))
        : string.Join("、", _names.Values.Select(n => n.Chinese));

    /// <summary>The values as this library writes them: the Chinese names, or the codes in English.</summary>
    public IReadOnlyList<string> Spellings(TextLanguage language) => [.. _names.Values.Select(n => language == TextLanguage.English ? n.Code : n.Chinese)];

    public IEnumerable<TEnum> Values => _names.Keys;
}
