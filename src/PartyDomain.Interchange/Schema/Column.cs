using PartyDomain.Interchange.Writing;

namespace PartyDomain.Interchange.Schema;

/// <summary>What a column holds; decides how JSON writes it and how the docs describe it.</summary>
internal enum ColumnKind
{
    Text,
    Id,
    Date,
    Month,
    Integer,
    Decimal,
    Boolean,
    Choice,
    List,
    DateList,
}

/// <summary>
/// One column of a table: its English and Chinese headers (both accepted on import), the record property it fills
/// (so the dataset's own integrity problems can name the column) and whether a value is required.
/// </summary>
internal sealed class Column(string name, string chineseName, string? property, ColumnKind kind, bool required)
{
    public string Name { get; } = name;

    public string ChineseName { get; } = chineseName;

    /// <summary>The record property the column fills, as <see cref="PartyDomain.Data.DatasetProblem.Field"/> names it.</summary>
    public string? Property { get; } = property;

    public ColumnKind Kind { get; } = kind;

    public bool Required { get; } = required;

    /// <summary>The column's position in its table; set when the table is built.</summary>
    public int Index { get; internal set; }

    /// <summary>The smallest value a number column accepts, when it has a bound (docs/data-format.md, "Limits").</summary>
    public decimal? Min { get; private set; }

    /// <summary>The largest value a number column accepts.</summary>
    public decimal? Max { get; private set; }

    /// <summary>
    /// The values a choice column accepts as a file writes them (the Chinese names, or the codes in English), for the
    /// template's dropdowns and instructions; <c>null</c> for a column without a closed set.
    /// </summary>
    public Func<WriteContext, IReadOnlyList<string>>? Choices { get; private set; }

    /// <summary>The table whose id column a reference column names (<c>person_id</c> → <c>people</c>), set by <see cref="DatasetSchema"/>.</summary>
    public string? References { get; internal set; }

    /// <summary>Whether the column's cells are dates, which a workbook writes as date cells.</summary>
    public bool IsDate => Kind == ColumnKind.Date;

    /// <summary>Whether the column's cells are numbers.</summary>
    public bool IsNumber => Kind is ColumnKind.Integer or ColumnKind.Decimal;

    /// <summary>Gives the column the values of <paramref name="vocabulary"/>.</summary>
    public Column Of<TEnum>(Vocabulary<TEnum> vocabulary)
        where TEnum : struct, Enum
    {
        Choices = context => vocabulary.Spellings(context.Language);
        return this;
    }

    /// <summary>Gives the column the values the writing context knows (activity kinds, indicators).</summary>
    public Column Of(Func<WriteContext, IReadOnlyList<string>> choices)
    {
        Choices = choices;
        return this;
    }

    /// <summary>Bounds a number column to what is plausible: a value outside is a typing or export error, never stored.</summary>
    public Column Within(decimal min, decimal max)
    {
        Min = min;
        Max = max;
        return this;
    }

    public string Header(TextLanguage language) => language == TextLanguage.English ? Name : ChineseName;

    public static Column Req(string name, string chineseName, string? property, ColumnKind kind) => Boolean(new(name, chineseName, property, kind, true));

    public static Column Opt(string name, string chineseName, string? property, ColumnKind kind) => Boolean(new(name, chineseName, property, kind, false));

    /// <summary>A yes/no column offers 是/否 (true/false in English), the spelling this library writes.</summary>
    private static Column Boolean(Column column) => column.Kind != ColumnKind.Boolean ? column
        : column.Of(context => context.Language == TextLanguage.English ? ["true", "false"] : ["是", "否"]);
}
