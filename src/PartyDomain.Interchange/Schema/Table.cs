using System.Globalization;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Metrics;
using PartyDomain.Interchange.Reading;
using PartyDomain.Interchange.Writing;

namespace PartyDomain.Interchange.Schema;

/// <summary>
/// One table of the format: a CSV file, a sheet, or an array in JSON. Its name (<c>organizations</c>) and Chinese name
/// (<c>党组织</c>) are both accepted as file or sheet name.
/// </summary>
internal abstract class Table
{
    protected Table(string name, string chineseName, Column[] columns)
    {
        Name = name;
        ChineseName = chineseName;
        Columns = columns;
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i].Index = i;
        }
    }

    public string Name { get; }

    public string ChineseName { get; }

    /// <summary>The type of the rows the table reads and writes (a record type, or a part of one).</summary>
    public abstract Type RowType { get; }

    public IReadOnlyList<Column> Columns { get; }

    public string Title(TextLanguage language) => language == TextLanguage.English ? Name : ChineseName;

    /// <summary>The column headed <paramref name="header"/> in English or Chinese (as <see cref="Names.Normalize"/> compares), or <c>null</c>.</summary>
    public Column? FindColumn(string header)
    {
        var key = Names.Normalize(header);
        return key.Length == 0 ? null : Columns.FirstOrDefault(c => Names.Normalize(c.Name) == key || Names.Normalize(c.ChineseName) == key);
    }

    /// <summary>The column filling <paramref name="property"/>, when the table has one.</summary>
    public Column? ColumnFor(string property) => Columns.FirstOrDefault(c => c.Property == property);

    /// <summary>Reads the current row; the result is thrown away when <see cref="CellReader.Failed"/>.</summary>
    public abstract object Read(CellReader reader);

    /// <summary>The dataset's rows of this table as cell text, in column order.</summary>
    public abstract IEnumerable<string?[]> Write(CityDataset dataset, WriteContext context);

    /// <summary>The rows as written in <paramref name="language"/> with the dataset's indicators and the built-in activity kinds.</summary>
    public IEnumerable<string?[]> Write(CityDataset dataset, TextLanguage language) =>
        Write(dataset, new WriteContext(language, BasicSystems.ActivityKindCatalog.CreateDefault(), dataset.Indicators));

    /// <summary>The column holding the row's own id (<c>id</c>), when the table has one.</summary>
    public Column? IdColumn => Columns.FirstOrDefault(c => c.Name == "id");
}

/// <summary>A table whose rows are <typeparamref name="T"/>s.</summary>
internal sealed class Table<T>(
    string name,
    string chineseName,
    Column[] columns,
    Func<CellReader, T> read,
    Func<CityDataset, IEnumerable<T>> rows,
    Func<T, WriteContext, string?[]> write) : Table(name, chineseName, columns)
    where T : notnull
{
    public override Type RowType => typeof(T);

    public override object Read(CellReader reader) => read(reader);

    public override IEnumerable<string?[]> Write(CityDataset dataset, WriteContext context) => rows(dataset).Select(r => write(r, context));
}

/// <summary>How values are written: ISO dates and months, invariant numbers, 是/否 or true/false, lists joined by ';'.</summary>
internal static class Fmt
{
    public static string? Date(LocalDate? date) => date?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(YearMonth month) => month.ToString("uuuu-MM", CultureInfo.InvariantCulture);

    // Without trailing zeros (12.50 → 12.5): a workbook keeps numbers that way, so every format writes the same text.
    public static string? Number(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Boolean(bool? value, TextLanguage language) => value switch
    {
        null => null,
        true => language == TextLanguage.English ? "true" : "是",
        false => language == TextLanguage.English ? "false" : "否",
    };

    public static string? List(IEnumerable<string> items)
    {
        var text = string.Join(";", items);
        return text.Length == 0 ? null : text;
    }
}
