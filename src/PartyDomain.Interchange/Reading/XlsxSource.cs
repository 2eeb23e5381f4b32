using System.Globalization;
using System.IO.Compression;
using MiniExcelLibs;

namespace PartyDomain.Interchange.Reading;

/// <summary>An XLSX workbook, one sheet per table, named after the table in English or Chinese; the header is row 1.</summary>
internal static class XlsxSource
{
    public static IEnumerable<RawTable> Read(string path, List<ImportProblem> problems, DatasetReadLimits limits, bool measure = false)
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
            if (TooLarge(path, file, limits) is { } tooLarge)
            {
                problems.Add(tooLarge);
                return [];
            }

            sheets = MiniExcel.GetSheetNames(path);
        }
#pragma warning disable CA1031 // Whatever the library throws on a damaged file, the user gets one clear problem.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            problems.Add(Unreadable(file, null, e));
            return [];
        }

        // A template's instructions and dropdown lists are no tables.
        var sizes = measure ? Sizes(path, sheets) : [];
        return sheets.Where(sheet => !Schema.TemplateGuide.IsGuide(sheet)).Select(sheet => Sheet(path, file, sheet, problems) is { } table ? table with { Size = sizes.GetValueOrDefault(sheet, 1) } : null)
            .OfType<RawTable>().ToList();
    }

    /// <summary>Each sheet's unpacked size in bytes, for progress; what cannot be told is left out.</summary>
    private static Dictionary<string, long> Sizes(string path, List<string> sheets)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var sheet in sheets)
            {
                if (SheetPart(zip, sheet) is { } part)
                {
                    sizes[sheet] = part.Length;
                }
            }
        }
#pragma warning disable CA1031 // Only the progress is at stake; a damaged workbook is reported when its sheets are read.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
        }

        return sizes;
    }

    /// <summary>
    /// Refuses a workbook whose zip directory declares more entries or unpacked bytes than the limits, before anything is
    /// unpacked: a zip bomb of a gigabyte is a few kilobytes on disk. The declared sizes can be trusted as a bound:
    /// System.IO.Compression (which MiniExcel reads through) stops an entry at its declared size, so a directory that
    /// understates one only yields a truncated, damaged sheet.
    /// </summary>
    private static ImportProblem? TooLarge(string path, string file, DatasetReadLimits limits)
    {
        using var zip = ZipFile.OpenRead(path);
        if (zip.Entries.Count > limits.MaxXlsxEntries)
        {
            return new ImportProblem("workbook-too-large", file, null, null, zip.Entries.Count.ToString(CultureInfo.InvariantCulture), new(
                $"工作簿含 {zip.Entries.Count:N0} 个部件，超过上限 {limits.MaxXlsxEntries:N0}（DatasetReadLimits.MaxXlsxEntries），未读取。",
                $"The workbook holds {zip.Entries.Count:N0} parts, more than the limit of {limits.MaxXlsxEntries:N0} (DatasetReadLimits.MaxXlsxEntries); it was not read."));
        }

        var total = 0L;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > limits.MaxXlsxUncompressedBytes)
            {
                return new ImportProblem("workbook-too-large", file, null, null, null, new(
                    $"工作簿解压后超过上限 {limits.MaxXlsxUncompressedBytes:N0} 字节（DatasetReadLimits.MaxXlsxUncompressedBytes；仅 {entry.FullName} 一项就有 {entry.Length:N0} 字节），未读取。",
                    $"The workbook unpacks to more than the limit of {limits.MaxXlsxUncompressedBytes:N0} bytes (DatasetReadLimits.MaxXlsxUncompressedBytes; {entry.FullName} alone is {entry.Length:N0} bytes); it was not read."));
            }
        }

        return null;
    }

    private static RawTable? Sheet(string path, string file, string sheet, List<ImportProblem> problems)
    {
        var source = $"{file}/{sheet}";
        IDictionary<string, object?> headerCells;
        try
        {
            var rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();
            using var enumerator = rows.GetEnumerator();
            if (!enumerator.MoveNext())
            {
                problems.Add(new ImportProblem("empty-file", source, null, null, null, new("工作表为空：没有表头行。", "The sheet is empty: it has no header row.")));
                return null;
            }

            headerCells = enumerator.Current;
        }
#pragma warning disable CA1031 // A damaged sheet is a problem at the sheet, never a crash.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            problems.Add(Unreadable(source, DamagedRow(path, sheet) ?? 1, e));
            return null;
        }

        var letters = headerCells.Keys.ToList();
        var headers = letters.Select(l => Text(headerCells[l]) ?? string.Empty).ToList();
        return new RawTable(source, sheet, headers, Rows(path, source, sheet, letters, problems));
    }

    private static IEnumerable<RawRow> Rows(string path, string source, string sheet, List<string> letters, List<ImportProblem> problems)
    {
        var number = 0;
        var cells = new string?[letters.Count];
        using var rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX).GetEnumerator();
        while (true)
        {
            IDictionary<string, object?> row;
            try
            {
                if (!rows.MoveNext())
                {
                    yield break;
                }

                row = (IDictionary<string, object?>)rows.Current;
            }
#pragma warning disable CA1031 // Malformed sheet XML: one problem at the row where reading stopped.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                problems.Add(Unreadable(source, DamagedRow(path, sheet) ?? number + 1, e));
                yield break;
            }

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

    /// <summary>
    /// The row at which a sheet's XML breaks, read again with a plain XML reader once MiniExcel has failed (it may fail
    /// before its first row, having looked ahead): the <c>r</c> of the last row begun before the damage.
    /// </summary>
    private static int? DamagedRow(string path, string sheet)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var part = SheetPart(zip, sheet);
            if (part is null)
            {
                return null;
            }

            using var reader = System.Xml.XmlReader.Create(part.Open(), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
            int? row = null;
            try
            {
                while (reader.Read())
                {
                    if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.LocalName == "row")
                    {
                        row = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : (row ?? 0) + 1;
                    }
                }
            }
            catch (System.Xml.XmlException)
            {
                return row ?? 1;
            }

            return null;
        }
#pragma warning disable CA1031 // Only a better row number is at stake; the problem is reported either way.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>The zip entry of the sheet named <paramref name="sheet"/>, through xl/workbook.xml and its relationships.</summary>
    private static ZipArchiveEntry? SheetPart(ZipArchive zip, string sheet)
    {
        static System.Xml.Linq.XDocument Load(ZipArchiveEntry entry)
        {
            using var stream = entry.Open();
            return System.Xml.Linq.XDocument.Load(stream);
        }

        if (zip.GetEntry("xl/workbook.xml") is not { } workbook || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels)
        {
            return null;
        }

        var id = Load(workbook).Descendants().FirstOrDefault(e => e.Name.LocalName == "sheet" && (string?)e.Attribute("name") == sheet)
            ?.Attributes().FirstOrDefault(a => a.Name.LocalName == "id")?.Value;
        var target = Load(rels).Descendants().FirstOrDefault(e => e.Name.LocalName == "Relationship" && (string?)e.Attribute("Id") == id)
            ?.Attribute("Target")?.Value;
        if (target is null)
        {
            return null;
        }

        target = target.StartsWith('/') ? target[1..] : "xl/" + target;
        return zip.GetEntry(target);
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

    private static ImportProblem Unreadable(string source, int? row, Exception e) => new("bad-workbook", source, row, null, null, row is { } r
        ? new(
            $"工作表从第 {r} 行起无法读取（{e.Message}）：文件已损坏。请在 Excel 中打开并另存为“Excel 工作簿 (*.xlsx)”。",
            $"The sheet cannot be read from row {r} on ({e.Message}): the file is damaged. Open it in Excel and use Save As 'Excel Workbook (*.xlsx)'.")
        : new(
            $"无法作为 XLSX 工作簿读取（{e.Message}）。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”。",
            $"The file cannot be read as an XLSX workbook ({e.Message}). In Excel, use Save As 'Excel Workbook (*.xlsx)'."));
}
