using System.Globalization;
using MiniExcelLibs;

namespace PartyDomain.Interchange.Reading;

/// <summary>An XLSX workbook, one sheet per table, named after the table in English or Chinese; the header is row 1.</summary>
internal static class XlsxSource
{
    public static IEnumerable<RawTable> Read(string path, List<ImportProblem> problems)
    {
        var file = Path.GetFileName(path);
        if (new FileInfo(path).Length == 0)
        {
            problems.Add(new ImportProblem("empty-file", file, null, null, null,
                new("文件为空（0 字节），不是 XLSX 工作簿。", "The file is empty (0 bytes); it is not an XLSX workbook.")));
            return [];
        }

        List<string> sheets;
        try
        {
            sheets = MiniExcel.GetSheetNames(path);
        }
#pragma warning disable CA1031 // Whatever the library throws on a damaged file, the user gets one clear problem.
        catch (Exception e)
#pragma warning restore CA1031
        {
            problems.Add(Unreadable(file, e));
            return [];
        }

        return sheets.Select(sheet => Sheet(path, file, sheet, problems)).OfType<RawTable>().ToList();
    }

    private static RawTable? Sheet(string path, string file, string sheet, List<ImportProblem> problems)
    {
        var source = $"{file}/{sheet}";
        var rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            problems.Add(new ImportProblem("empty-file", source, null, null, null, new("工作表为空：没有表头行。", "The sheet is empty: it has no header row.")));
            return null;
        }

        var headerCells = enumerator.Current;
        var letters = headerCells.Keys.ToList();
        var headers = letters.Select(l => Text(headerCells[l]) ?? string.Empty).ToList();
        return new RawTable(source, sheet, headers, Rows(path, sheet, letters));
    }

    private static IEnumerable<RawRow> Rows(string path, string sheet, List<string> letters)
    {
        var number = 0;
        var cells = new string?[letters.Count];
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
        {
            // MiniExcel yields every row from the first, empty ones included, so the count is the sheet's row number.
            number++;
            if (number == 1)
            {
                continue;
            }

            var extra = row.Count > letters.Count ? row.Keys.Where(k => !letters.Contains(k)).Select(k => Text(row[k])).ToList() : [];
            var all = extra.Count == 0 ? cells : new string?[letters.Count + extra.Count];
            for (var i = 0; i < letters.Count; i++)
            {
                all[i] = row.TryGetValue(letters[i], out var value) ? Text(value) : null;
            }

            for (var i = 0; i < extra.Count; i++)
            {
                all[letters.Count + i] = extra[i];
            }

            yield return new RawRow(number, all);
        }
    }

    /// <summary>A cell as text: numbers in invariant shortest form, dates as ISO dates (with the time unless midnight).</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static ImportProblem Unreadable(string file, Exception e) => new("bad-workbook", file, null, null, null, new(
        $"无法作为 XLSX 工作簿读取（{e.Message}）。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”。",
        $"The file cannot be read as an XLSX workbook ({e.Message}). In Excel, use Save As 'Excel Workbook (*.xlsx)'."));
}
