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

    /// <summary>Bounds a number column to what is plausible: a value outside is a typing or export error, never stored.</summary>
    public Column Within(decimal min, decimal max)
    {
        Min = min;
        Max = max;
        return this;
    }

    public string Header(TextLanguage language) => language == TextLanguage.English ? Name : ChineseName;

    public static Column Req(string name, string chineseName, string? property, ColumnKind kind) => new(name, chineseName, property, kind, true);

    public static Column Opt(string name, string chineseName, string? property, ColumnKind kind) => new(name, chineseName, property, kind, false);
}
