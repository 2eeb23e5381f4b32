using NodaTime;

namespace PartyDomain.Data;

/// <summary>
/// A table a plugin adds to the import format: a CSV file, a workbook sheet or a JSON array named <see cref="Name"/>
/// or <see cref="ChineseName"/>, read beside the built-in tables and with their checks. Each cell is read by its
/// column's <see cref="ImportColumn.Kind"/> (required values, dates, numbers and bounds reported by file, row and
/// column exactly like a built-in table's), then <see cref="Read"/> turns the row into a record of a type the dataset
/// holds (a <see cref="Training.StudyCredit"/>, a <see cref="Metrics.ServiceRecord"/>, …), whose integrity problems
/// come back at the same file, row and column. Registered with <see cref="Extensibility.PartyDomainBuilder.AddImportTable"/>.
/// </summary>
/// <remarks>Import only: the records are written back (export, template) in the built-in table of their type.</remarks>
public sealed class ImportTable
{
    private readonly Func<ImportRow, DatasetRecord> _read;

    /// <summary>Creates a table.</summary>
    /// <param name="name">The English name: lower-case letters, digits and '_', for example <c>xuexi_points</c>.</param>
    /// <param name="chineseName">The Chinese name, for example <c>学习强国积分</c>; either name is accepted as file or sheet name.</param>
    /// <param name="columns">The columns, in the order a template shows them.</param>
    /// <param name="read">Makes the record of a row whose cells were all readable; it may report more with <see cref="ImportRow.Fail"/>.</param>
    /// <exception cref="ArgumentException">A name is not well-formed, there is no column, or two columns share a header.</exception>
    public ImportTable(string name, string chineseName, IEnumerable<ImportColumn> columns, Func<ImportRow, DatasetRecord> read)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a table name: use lower-case letters, digits and '_', starting with a letter.", nameof(name));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(chineseName);
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns.ToArray();
        if (Columns.Count == 0 || Columns.Any(c => c is null))
        {
            throw new ArgumentException("A table needs at least one column, and no null one.", nameof(columns));
        }

        var headers = Columns.SelectMany(c => new[] { c.Name, c.ChineseName }).GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (headers is not null)
        {
            throw new ArgumentException($"Two columns of table '{name}' are headed '{headers.Key}'.", nameof(columns));
        }

        Name = name;
        ChineseName = chineseName;
        _read = read ?? throw new ArgumentNullException(nameof(read));
    }

    /// <summary>The English name.</summary>
    public string Name { get; }

    /// <summary>The Chinese name.</summary>
    public string ChineseName { get; }

    /// <summary>The columns.</summary>
    public IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Makes the record of one row.</summary>
    /// <param name="row">The row's values.</param>
    public DatasetRecord Read(ImportRow row) => _read(row ?? throw new ArgumentNullException(nameof(row)));

    /// <summary>Whether <paramref name="name"/> is a well-formed table name.</summary>
    /// <param name="name">The name.</param>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}

/// <summary>What a column of an <see cref="ImportTable"/> holds, and so how its cells are read.</summary>
public enum ImportColumnKind
{
    /// <summary>Text, kept as written (trimmed).</summary>
    Text,

    /// <summary>A date: 2021-03-05, 2021/3/5, 2021年3月5日 or an Excel date, from 1900 to 2099.</summary>
    Date,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>A number with '.' as the decimal point.</summary>
    Number,

    /// <summary>是/否 or true/false.</summary>
    YesNo,
}

/// <summary>One column of an <see cref="ImportTable"/>.</summary>
/// <param name="Name">The English header, for example <c>points</c>; also how <see cref="ImportRow"/> names the column.</param>
/// <param name="ChineseName">The Chinese header, for example <c>积分</c>; either header is accepted.</param>
/// <param name="Kind">What the column holds.</param>
/// <param name="Required">Whether every row needs a value.</param>
public sealed record ImportColumn(string Name, string ChineseName, ImportColumnKind Kind = ImportColumnKind.Text, bool Required = false)
{
    /// <summary>
    /// The record property the column fills (<c>nameof(StudyCredit.PersonId)</c>), so the dataset's integrity problems
    /// about that property (an unknown person, say) are reported in this column; <c>null</c> when it fills none.
    /// </summary>
    public string? Property { get; init; }

    /// <summary>The smallest value a number column accepts; a value below it is reported, never stored.</summary>
    public decimal? Min { get; init; }

    /// <summary>The largest value a number column accepts.</summary>
    public decimal? Max { get; init; }
}

/// <summary>
/// One row of an <see cref="ImportTable"/>, its cells already read by their columns' kinds: <see cref="ImportTable.Read"/>
/// is only called when every cell was readable, so a required column's value is never <c>null</c> here.
/// </summary>
public abstract class ImportRow
{
    /// <summary>The file (or sheet) and row, to put in the record's <see cref="DatasetRecord.Origin"/>.</summary>
    public abstract RecordOrigin Origin { get; }

    /// <summary>The text of column <paramref name="column"/> (any kind, as written), or <c>null</c> when empty.</summary>
    /// <param name="column">The column's <see cref="ImportColumn.Name"/>.</param>
    /// <exception cref="ArgumentException">The table has no such column.</exception>
    public abstract string? Text(string column);

    /// <summary>The date in a <see cref="ImportColumnKind.Date"/> column, or <c>null</c> when empty.</summary>
    /// <param name="column">The column's <see cref="ImportColumn.Name"/>.</param>
    /// <exception cref="ArgumentException">The table has no such column, or it is not a date column.</exception>
    public abstract LocalDate? Date(string column);

    /// <summary>The number in a <see cref="ImportColumnKind.Number"/> or <see cref="ImportColumnKind.WholeNumber"/> column, or <c>null</c> when empty.</summary>
    /// <param name="column">The column's <see cref="ImportColumn.Name"/>.</param>
    /// <exception cref="ArgumentException">The table has no such column, or it is not a number column.</exception>
    public abstract decimal? Number(string column);

    /// <summary>The value of a <see cref="ImportColumnKind.YesNo"/> column, or <c>null</c> when empty.</summary>
    /// <param name="column">The column's <see cref="ImportColumn.Name"/>.</param>
    /// <exception cref="ArgumentException">The table has no such column, or it is not a yes/no column.</exception>
    public abstract bool? YesNo(string column);

    /// <summary>Reports a problem of the plugin's own in column <paramref name="column"/> of this row; the row is not imported.</summary>
    /// <param name="column">The column's <see cref="ImportColumn.Name"/>.</param>
    /// <param name="message">Why, in Chinese and English.</param>
    public abstract void Fail(string column, LocalizedText message);
}
