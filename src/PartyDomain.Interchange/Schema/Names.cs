using System.Text;

namespace PartyDomain.Interchange.Schema;

/// <summary>How headers, table names and choice values are compared: case, spaces, '_' and '-' do not matter.</summary>
internal static class Names
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.AsSpan().Trim())
        {
            if (c is not (' ' or '_' or '-' or '\u3000' or '\t'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}

/// <summary>
/// The closed set of values of an enumeration as they may be written in a file: a code (<c>joint-branch</c>), the
/// enumeration's own name (<c>JointBranch</c>), the Chinese name (<c>联合党支部</c>) or a listed alias.
/// </summary>
/// <typeparam name="TEnum">The enumeration.</typeparam>
internal sealed class Vocabulary<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TEnum> _lookup = new(StringComparer.Ordinal);
    private readonly Dictionary<TEnum, (string Code, string Chinese)> _names = [];

    public Vocabulary<TEnum> Add(TEnum value, string code, string chinese, params string[] aliases)
    {
        _names[value] = (code, chinese);
        _exact[code] = value;
        _exact[chinese] = value;
        foreach (var name in aliases.Concat([code, chinese, value.ToString()]))
        {
            _lookup[Names.Normalize(name)] = value;
        }

        return this;
    }

    // The exact spelling is tried first: it is how files written by this library spell values, and it allocates nothing.
    public bool TryParse(string text, out TEnum value) => _exact.TryGetValue(text, out value) || _lookup.TryGetValue(Names.Normalize(text), out value);

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
