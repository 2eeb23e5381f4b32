using System.Data;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MiniExcelLibs;
using nietras.SeparatedValues;
using PartyDomain.Interchange.Reading;
using PartyDomain.Interchange.Schema;

namespace PartyDomain.Interchange.Writing;

/// <summary>
/// Writes tables in each format. CSV is UTF-8 with a byte-order mark, which is what makes Excel open Chinese text
/// correctly; XLSX has numbers as numbers and everything else as text; JSON keeps Chinese readable.
/// </summary>
internal static class DatasetWriter
{
    public static void Write(string path, DatasetFormat format, TextLanguage language, Func<Table, IEnumerable<string?[]>> rows)
    {
        switch (format)
        {
            case DatasetFormat.Csv:
                WriteCsv(path, language, rows);
                break;
            case DatasetFormat.Xlsx:
                WriteXlsx(path, language, rows);
                break;
            case DatasetFormat.Json:
                WriteJson(path, language, rows);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format.");
        }
    }

    private static void WriteCsv(string folder, TextLanguage language, Func<Table, IEnumerable<string?[]>> rows)
    {
        Directory.CreateDirectory(folder);
        foreach (var table in DatasetSchema.Tables)
        {
            using var text = new StreamWriter(Path.Combine(folder, table.Name + ".csv"), append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            // Commas, as Excel in China writes and expects them (Sep's own default is a semicolon).
            using var writer = new Sep(',').Writer(o => o with { Escape = true, WriteHeader = false }).To(text);
            using (var header = writer.NewRow())
            {
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    header[i].Set(table.Columns[i].Header(language));
                }
            }

            var number = 1;
            foreach (var cells in rows(table))
            {
                number++;
                using var row = writer.NewRow();
                for (var i = 0; i < cells.Length; i++)
                {
                    row[i].Set(CsvCell(table, number, i, cells[i]));
                }
            }
        }
    }

    /// <summary>Text guarded against formulas (<see cref="FormulaGuard"/>); numbers, dates and choices are written by the format and need none.</summary>
    private static string CsvCell(Table table, int row, int column, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            // The reader refuses a record spanning lines (that is how a stray quote shows), so none is written.
            throw new InvalidOperationException(
                $"{table.Name}.csv row {row}, column {table.Columns[column].Name}: the value holds a line break, which a CSV cell of this format cannot hold; write XLSX or JSON, or remove the line break.");
        }

        return table.Columns[column].Kind is ColumnKind.Integer or ColumnKind.Decimal ? value : FormulaGuard.Neutralize(value);
    }

    private static void WriteXlsx(string path, TextLanguage language, Func<Table, IEnumerable<string?[]>> rows)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in DatasetSchema.Tables)
        {
            var headers = table.Columns.Select(c => c.Header(language)).ToArray();
            using var probe = rows(table).GetEnumerator();
            sheets[table.Title(language)] = probe.MoveNext() ? XlsxRows(table, headers, rows(table)) : EmptySheet(headers);
        }

        MiniExcel.SaveAs(path, sheets, printHeader: true, excelType: ExcelType.XLSX, overwriteFile: true);
    }

    private static IEnumerable<Dictionary<string, object?>> XlsxRows(Table table, string[] headers, IEnumerable<string?[]> rows)
    {
        foreach (var cells in rows)
        {
            var row = new Dictionary<string, object?>(headers.Length);
            for (var i = 0; i < headers.Length; i++)
            {
                row[headers[i]] = table.Columns[i].Kind is ColumnKind.Integer or ColumnKind.Decimal && cells[i] is { } n
                    ? decimal.Parse(n, CultureInfo.InvariantCulture)
                    : cells[i];
            }

            yield return row;
        }
    }

    private static DataTable EmptySheet(string[] headers)
    {
        // MiniExcel takes the header from the first row, so an empty table goes as a DataTable, which carries its columns.
        var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var header in headers)
        {
            table.Columns.Add(header, typeof(string));
        }

        return table;
    }

    private static void WriteJson(string path, TextLanguage language, Func<Table, IEnumerable<string?[]>> rows)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        foreach (var table in DatasetSchema.Tables)
        {
            json.WriteStartArray(table.Name);
            foreach (var cells in rows(table))
            {
                json.WriteStartObject();
                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i] is not { } value)
                    {
                        continue;
                    }

                    var column = table.Columns[i];
                    json.WritePropertyName(column.Header(language));
                    switch (column.Kind)
                    {
                        case ColumnKind.Integer or ColumnKind.Decimal:
                            json.WriteNumberValue(decimal.Parse(value, CultureInfo.InvariantCulture));
                            break;
                        case ColumnKind.Boolean when CellText.TryParseBoolean(value, out var b):
                            json.WriteBooleanValue(b);
                            break;
                        case ColumnKind.List or ColumnKind.DateList:
                            json.WriteStartArray();
                            foreach (var item in CellText.SplitList(value))
                            {
                                json.WriteStringValue(item);
                            }

                            json.WriteEndArray();
                            break;
                        default:
                            json.WriteStringValue(value);
                            break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
