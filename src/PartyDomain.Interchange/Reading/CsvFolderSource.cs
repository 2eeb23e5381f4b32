using nietras.SeparatedValues;

namespace PartyDomain.Interchange.Reading;

/// <summary>A folder of CSV files, one per table, named after the table in English or Chinese (<c>people.csv</c>, <c>人员.csv</c>).</summary>
internal static class CsvFolderSource
{
    public static IEnumerable<RawTable> Read(string folder, List<ImportProblem> problems)
    {
        var files = Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            problems.Add(new ImportProblem("no-tables", folder, null, null, null,
                new("文件夹中没有 CSV 文件。", "The folder holds no CSV files.")));
        }

        foreach (var file in files)
        {
            var source = Path.GetFileName(file);
            if (Open(file, source, problems) is { } table)
            {
                yield return table;
            }
        }
    }

    private static RawTable? Open(string file, string source, List<ImportProblem> problems)
    {
        var encoding = TextEncodingDetector.Detect(file, out var badLine);
        if (encoding is null)
        {
            problems.Add(new ImportProblem("bad-encoding", source, badLine, null, null, new(
                "文件编码无法识别：既不是 UTF-8 也不是 GB18030/GBK。请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）”。",
                "The file's encoding is not recognized: it is neither UTF-8 nor GB18030/GBK. In Excel, use Save As 'CSV UTF-8 (Comma delimited)'.")));
            return null;
        }

        // Large buffers: the default 4 KB ones cost a system call per 4 KB, which shows on a million rows.
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        if (reader.Peek() < 0)
        {
            reader.Dispose();
            problems.Add(Empty(source));
            return null;
        }

        var sep = Sep.Reader(o => o with
        {
            HasHeader = true,
            Unescape = true,
            DisableColCountCheck = true,
            CreateToString = SepToString.PoolPerCol(),
        }).From(reader);
        if (sep.Header.ColNames.Count == 0 || sep.Header.ColNames.All(string.IsNullOrWhiteSpace))
        {
            sep.Dispose();
            problems.Add(Empty(source));
            return null;
        }

        return new RawTable(source, Path.GetFileNameWithoutExtension(file), [.. sep.Header.ColNames], Rows(sep));
    }

    private static IEnumerable<RawRow> Rows(SepReader sep)
    {
        using (sep)
        {
            var cells = new string?[sep.Header.ColNames.Count];
            var number = 1;
            while (sep.MoveNext())
            {
                number++;
                cells = Fill(sep.Current, cells);
                yield return new RawRow(number, cells);
            }
        }
    }

    private static string?[] Fill(SepReader.Row row, string?[] cells)
    {
        if (row.ColCount != cells.Length)
        {
            cells = new string?[row.ColCount];
        }

        for (var i = 0; i < cells.Length; i++)
        {
            // Empty cells are common (optional columns) and need no string at all.
            var col = row[i];
            cells[i] = col.Span.IsEmpty ? null : col.ToString();
        }

        return cells;
    }

    private static ImportProblem Empty(string source) => new("empty-file", source, null, null, null,
        new("文件为空：没有表头行。", "The file is empty: it has no header row."));
}
