using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using nietras.SeparatedValues;
using PartyDomain.Interchange.Reading;
using PartyDomain.Interchange.Schema;

namespace PartyDomain.Interchange.Writing;

/// <summary>
/// Writes tables in each format. CSV is UTF-8 with a byte-order mark, which is what makes Excel open Chinese text
/// correctly, with a README.txt of instructions; XLSX is the workbook <see cref="XlsxWriter"/> describes; JSON keeps
/// Chinese readable. A template has, in CSV and XLSX, a first
/// column 示例 and one example row per table, which reading skips.
/// </summary>
internal static class DatasetWriter
{
    public static void Write(string path, DatasetFormat format, WriteContext context, Func<Table, IEnumerable<string?[]>> rows, bool template)
    {
        switch (format)
        {
            case DatasetFormat.Csv:
                WriteCsv(path, context, rows, template);
                break;
            case DatasetFormat.Xlsx:
                XlsxWriter.Write(path, context, rows, template);
                break;
            case DatasetFormat.Json:
                WriteJson(path, context.Language, rows);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format.");
        }
    }

    private static void WriteCsv(string folder, WriteContext context, Func<Table, IEnumerable<string?[]>> rows, bool template)
    {
        Directory.CreateDirectory(folder);
        var bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        File.WriteAllText(Path.Combine(folder, TemplateGuide.ReadmeFile), Instructions.Readme(context, template), bom);
        var offset = template ? 1 : 0;
        var marker = TemplateGuide.Marker.In(context.Language);
        foreach (var table in DatasetSchema.Tables)
        {
            using var text = new StreamWriter(Path.Combine(folder, table.Name + ".csv"), append: false, bom);
            // Commas, as Excel in China writes and expects them (Sep's own default is a semicolon).
            using var writer = new Sep(',').Writer(o => o with { Escape = true, WriteHeader = false }).To(text);
            using (var header = writer.NewRow())
            {
                if (template)
                {
                    header[0].Set(marker);
                }

                for (var i = 0; i < table.Columns.Count; i++)
                {
                    header[i + offset].Set(table.Columns[i].Header(context.Language));
                }
            }

            var number = 1;
            var example = template ? [TemplateGuide.Example(table, context)!] : Enumerable.Empty<string?[]>();
            foreach (var cells in example.Concat(rows(table)))
            {
                number++;
                using var row = writer.NewRow();
                if (template)
                {
                    row[0].Set(number == 2 ? marker : string.Empty);
                }

                for (var i = 0; i < cells.Length; i++)
                {
                    row[i + offset].Set(CsvCell(table, number, i, cells[i]));
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
