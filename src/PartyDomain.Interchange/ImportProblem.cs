using PartyDomain.Data;

namespace PartyDomain.Interchange;

/// <summary>
/// One problem found while importing a dataset: where (file or sheet, row, column), which value, and why, in Chinese
/// and English. An import reports every problem it finds, and produces no dataset when there is any.
/// </summary>
/// <remarks>
/// <see cref="Source"/>, <see cref="Column"/> and <see cref="Value"/> are kept printable, as a terminal or a log can show them
/// safely: control characters appear as their Unicode pictures (U+0007 as ␇), other invisible or direction-changing
/// characters and lone surrogates as <c>\uXXXX</c>, and a value longer than 200 characters is cut, with its length.
/// </remarks>
/// <param name="Code">A stable code for the kind of problem, for example <c>bad-date</c> or <c>unknown-reference</c>.</param>
/// <param name="Source">The file, or the workbook's sheet (<c>city.xlsx › 党组织</c>), the problem is in.</param>
/// <param name="Row">The row as a spreadsheet shows it (the header is row 1), or the 1-based position in a JSON array; <c>null</c> for a whole file.</param>
/// <param name="Column">The column's header as written in the file, when the problem is in one column.</param>
/// <param name="Value">The offending value, when there is one.</param>
/// <param name="Message">Why it is a problem.</param>
public sealed record ImportProblem(string Code, string Source, int? Row, string? Column, string? Value, LocalizedText Message)
{
    private const int ValueExcerpt = 200;

    /// <summary>The file, or the workbook's sheet, the problem is in, printable.</summary>
    public string Source { get; init; } = Printable(Source, int.MaxValue)!;

    /// <summary>The column's header as written in the file, printable; <c>null</c> when the problem is not in one column.</summary>
    public string? Column { get; init; } = Printable(Column, ValueExcerpt);

    /// <summary>The offending value, printable and cut to 200 characters; <c>null</c> when there is none.</summary>
    public string? Value { get; init; } = Printable(Value, ValueExcerpt);

    /// <summary>Formats the problem in <paramref name="language"/>: <c>services.csv 第 12 行 [日期] '2021-13-01'：日期无法识别…</c>.</summary>
    /// <param name="language">The language.</param>
    public string Describe(TextLanguage language)
    {
        var english = language == TextLanguage.English;
        var where = Row is { } r ? (english ? $"{Source} row {r}" : $"{Source} 第 {r} 行").TrimStart() : Source;
        var column = Column is null ? string.Empty : $" [{Column}]";
        var value = Value is null ? string.Empty : $" '{Value}'";
        var head = $"{where}{column}{value}".TrimStart();
        return head.Length == 0 ? Message.In(language) : $"{head}{(english ? ": " : "：")}{Message.In(language)}";
    }

    /// <summary>
    /// <paramref name="text"/> safe to print: C0 controls and DEL as their control pictures (␇), C1 controls, invisible
    /// format characters (bidirectional overrides, zero-width) and lone surrogates as <c>\uXXXX</c>; longer than
    /// <paramref name="max"/> characters, cut with the full length noted.
    /// </summary>
    internal static string? Printable(string? text, int max)
    {
        if (text is null)
        {
            return null;
        }

        var cut = text.Length > max;
        var span = cut ? text.AsSpan(0, max) : text.AsSpan();
        var clean = true;
        for (var i = 0; i < span.Length && clean; i++)
        {
            clean = !NeedsEscape(span, i);
        }

        if (clean && !cut)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(span.Length + 16);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (!NeedsEscape(span, i))
            {
                builder.Append(c);
            }
            else if (c < 0x20)
            {
                builder.Append((char)(0x2400 + c));
            }
            else if (c == 0x7F)
            {
                builder.Append('\u2421');
            }
            else
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        if (cut)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"…（共 {text.Length:N0} 字符 / {text.Length:N0} characters）");
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i == 0 || !char.IsHighSurrogate(s[i - 1]);
        }

        return char.IsControl(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
    }

    /// <summary>The problem described in Chinese.</summary>
    public override string ToString() => Describe(TextLanguage.Chinese);

    /// <summary>
    /// An integrity problem of a dataset (<see cref="DatasetProblem"/>: a record loaded from a store, generated, or read by a
    /// platform connector) in the words of the import format: the record named by its table as files and sheets are
    /// (<c>组织关系</c> / <c>registrations</c>) in the message, both languages; the field as <see cref="Column"/>, by its
    /// column's header in <paramref name="language"/> (or the child table of a list: <c>政治身份</c> / <c>standings</c>);
    /// at the file and row the record was read from when it carries them (<see cref="Source"/> is empty otherwise). No
    /// record type or property name of the library's code appears in it.
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <param name="language">The language of the column's header: Chinese, as the template writes them, unless set.</param>
    public static ImportProblem FromDataset(DatasetProblem problem, TextLanguage language = TextLanguage.Chinese)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return From(problem, column: null, language: language);
    }

    /// <summary>
    /// Turns an integrity problem of the dataset into an import problem at the record's file and row, in
    /// <paramref name="column"/> (the header as the file wrote it) when the field was read from one, otherwise in the
    /// field's header (or list's table) in <paramref name="language"/>. <paramref name="table"/> is the table the record
    /// was read from (a plugin's own), by default the built-in table of its type.
    /// </summary>
    internal static ImportProblem From(DatasetProblem problem, string? column, Schema.Table? table = null, TextLanguage language = TextLanguage.Chinese)
    {
        table ??= Schema.DatasetSchema.ForEntity(problem.Entity);

        // A type or field the format does not know (a platform connector's own column) keeps the connector's own words.
        var record = table is null ? new LocalizedText(problem.Entity, problem.Entity) : new LocalizedText(table.ChineseName, table.Name);
        column ??= string.IsNullOrEmpty(problem.Field) ? null : Schema.DatasetSchema.FieldName(table, problem.Entity, problem.Field)?.In(language) ?? problem.Field;
        return new(
            problem.Code,
            problem.Origin?.Source ?? string.Empty,
            problem.Origin?.Row,
            column,
            problem.Value,
            new LocalizedText($"{record.Chinese} [{problem.Key}]：{problem.Message.Chinese}", $"{record.English} [{problem.Key}]: {problem.Message.English}"));
    }
}
