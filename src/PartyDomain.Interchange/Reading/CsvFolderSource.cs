using nietras.SeparatedValues;

namespace PartyDomain.Interchange.Reading;

/// <summary>
/// A folder of CSV files, one per table, named after the table in English or Chinese (<c>people.csv</c>, <c>人员.csv</c>;
/// the extension in any case). Anything else in the folder is reported, never skipped in silence, and only regular
/// files are opened. Quotes follow RFC 4180 strictly: a quoted cell is quoted whole, and a record never spans lines,
/// so a stray or missing quote is one problem at the line where it opened, not rows silently merged or dropped.
/// </summary>
internal static class CsvFolderSource
{
    /// <summary>Sep's own limit for one record, in characters.</summary>
    private const int MaxRecordCharacters = 16_777_216;

    public static IEnumerable<RawTable> Read(string folder, List<ImportProblem> problems, DatasetReadLimits limits)
    {
        var tables = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal).ToList())
        {
            var source = Path.GetFileName(entry);
            var kind = FileKinds.Of(entry);
            if (kind == FileKind.Regular && Path.GetExtension(entry).Equals(".txt", StringComparison.OrdinalIgnoreCase) && Schema.TemplateGuide.IsGuide(Path.GetFileNameWithoutExtension(entry)))
            {
                // The instructions written with a template or an export (README.txt, or 说明.txt).
                continue;
            }

            if (kind == FileKind.Directory || !Path.GetExtension(entry).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(NotATable(source, kind));
                continue;
            }

            tables++;
            if (FileKinds.Refusal(entry, source, kind) is { } refusal)
            {
                problems.Add(refusal);
                continue;
            }

            if (Open(entry, source, problems, limits) is { } table)
            {
                yield return table;
            }
        }

        if (tables == 0)
        {
            problems.Add(new ImportProblem("no-tables", folder, null, null, null,
                new("文件夹中没有 CSV 文件。", "The folder holds no CSV files.")));
        }
    }

    /// <summary>The bytes of the CSV files <see cref="Read"/> reads, for progress.</summary>
    public static long Size(string folder) => Directory.EnumerateFiles(folder, "*", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive })
        .Where(f => Path.GetExtension(f).Equals(".csv", StringComparison.OrdinalIgnoreCase) && FileKinds.Of(f) == FileKind.Regular)
        .Sum(f => new FileInfo(f).Length);

    private static ImportProblem NotATable(string source, FileKind kind)
    {
        if (source.StartsWith(".~lock.", StringComparison.Ordinal) || source.StartsWith("~$", StringComparison.Ordinal))
        {
            return new ImportProblem("not-a-table", source, null, null, null, new(
                "这是办公软件打开文件时留下的锁文件：请先关闭 Excel/WPS/LibreOffice 中打开的表，再导入。",
                "This is an office program's lock file: close the table open in Excel, WPS or LibreOffice, then import."));
        }

        return kind == FileKind.Directory
            ? new ImportProblem("not-a-table", source, null, null, null, new(
                "文件夹中不应有子文件夹：每张表是一个 .csv 文件。请移走它。", "The folder must not hold folders: each table is one .csv file. Move it out."))
            : new ImportProblem("not-a-table", source, null, null, null, new(
                "不是表文件（表文件名为“表名.csv”），未读取：请移走它，或改正文件名。",
                "Not a table file (a table is named 'table.csv'); it was not read. Move it out or correct its name."));
    }

    private static RawTable? Open(string file, string source, List<ImportProblem> problems, DatasetReadLimits limits)
    {
        // Checked before opening: an empty file needs no reading, and the check does not depend on knowing the file's type.
        if (new FileInfo(file).Length == 0)
        {
            problems.Add(Empty(source));
            return null;
        }

        var encoding = TextEncodingDetector.Detect(file, out var badLine);
        if (encoding is null)
        {
            problems.Add(new ImportProblem("bad-encoding", source, badLine, null, null, new(
                "文件编码无法识别或有损坏：既不是有效的 UTF-8、UTF-16，也不是 GB18030/GBK（不会用替换字符“�”代替损坏的字节）。请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）”。",
                "The file's encoding is not recognized or is damaged: it is neither valid UTF-8 or UTF-16 nor GB18030/GBK (damaged bytes are never replaced with '�'). In Excel, use Save As 'CSV UTF-8 (Comma delimited)'.")));
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

        // No header handling by Sep: it refuses a repeated or empty header name with an exception, where the reader
        // reports a repeated column as a problem and ignores an empty one. No unescaping by Sep either, which takes a
        // quote anywhere in a cell: Unquote checks that quotes enclose the whole cell.
        var sep = Sep.Reader(o => o with
        {
            HasHeader = false,
            Unescape = false,
            DisableColCountCheck = true,
            CreateToString = SepToString.PoolPerCol(),
        }).From(reader);
        var state = new RecordState();
        if (!Next(sep, source, problems, state, null, limits) || state.Skipped)
        {
            sep.Dispose();
            if (!state.Skipped && !state.Stopped)
            {
                problems.Add(Empty(source));
            }

            return null;
        }

        var headers = new string[sep.Current.ColCount];
        for (var i = 0; i < headers.Length; i++)
        {
            // A header with a stray quote is reported; kept as written, it is then an unknown column rather than a blank one.
            var header = Cell(sep.Current[i], source, 1, null, problems, restore: false);
            headers[i] = ReferenceEquals(header, RawRow.Refused) ? sep.Current[i].ToString() : header ?? string.Empty;
        }

        if (headers.All(string.IsNullOrWhiteSpace))
        {
            sep.Dispose();
            problems.Add(Empty(source));
            return null;
        }

        var length = stream.Length;
        return new RawTable(source, Path.GetFileNameWithoutExtension(file), headers, Rows(sep, source, headers, problems, state, limits))
        {
            Size = length,
            Done = () => stream.CanSeek ? (double)stream.Position / length : 0,
        };
    }

    private static IEnumerable<RawRow> Rows(SepReader sep, string source, string[] headers, List<ImportProblem> problems, RecordState state, DatasetReadLimits limits)
    {
        using (sep)
        {
            var cells = new string?[headers.Length];
            while (Next(sep, source, problems, state, headers, limits))
            {
                if (state.Skipped)
                {
                    continue;
                }

                var row = sep.Current;
                if (row.ColCount != cells.Length)
                {
                    cells = new string?[row.ColCount];
                }

                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = Cell(row[i], source, state.Line, i < headers.Length ? headers[i] : null, problems, restore: true);
                }

                yield return new RawRow(state.Line, cells);
            }
        }
    }

    /// <summary>Moves to the next record; <c>false</c> at the end or when the file cannot be read further (reported).</summary>
    private static bool Next(SepReader sep, string source, List<ImportProblem> problems, RecordState state, string[]? headers, DatasetReadLimits limits)
    {
        state.Line = state.NextLine;
        state.Skipped = false;
        try
        {
            if (!sep.MoveNext())
            {
                return false;
            }
        }
        catch (NotSupportedException)
        {
            // Sep stops at its buffer's limit: one record longer than that is a cell far too large, or a quote that never closes.
            state.Stopped = true;
            problems.Add(new ImportProblem("row-too-large", source, state.Line, null, null, new(
                $"从第 {state.Line} 行起的一条记录超过 {MaxRecordCharacters:N0} 个字符，文件未读完：可能是一个过大的单元格（每格最多 {limits.MaxCellCharacters:N0} 个字符），或一个没有闭合的引号。",
                $"The record from line {state.Line} on is longer than {MaxRecordCharacters:N0} characters and the file was not read further: a cell far too large (a cell holds at most {limits.MaxCellCharacters:N0} characters), or a quote that never closes.")));
            return false;
        }

        var row = sep.Current;
        state.NextLine = row.LineNumberToExcl;
        if (state.NextLine - state.Line > 1)
        {
            // The record's first line break sits inside quotes, so the quote that opened them is on its first line.
            state.Skipped = true;
            var column = 0;
            while (column < row.ColCount - 1 && row[column].Span.IndexOfAny('\n', '\r') < 0)
            {
                column++;
            }

            // A quote that never closes takes in the file's last line break too.
            var last = row[row.ColCount - 1].Span is [.., '\n' or '\r'] ? state.NextLine - 2 : state.NextLine - 1;
            problems.Add(new ImportProblem("unclosed-quote", source, state.Line, headers is not null && column < headers.Length ? headers[column] : null,
                row[column].ToString(), new(
                    $"第 {state.Line} 行这一格的引号在本行没有闭合，把直到第 {last} 行的内容并成了一条记录：请删去多余的引号或补上缺少的引号（引号须包住整个单元格，单元格内的引号写作两个 \"\"）。本格式的单元格不能跨行。",
                    $"The quote opened in this cell on line {state.Line} does not close on that line, which ran the lines up to {last} into one record: remove the stray quote or add the missing one (quotes enclose a whole cell; a quote inside a cell is written \"\"). Cells of this format do not span lines.")));
        }

        return true;
    }

    /// <summary>The cell's text: unquoted, the formula guard taken off, <c>null</c> when empty; <see cref="RawRow.Refused"/> after a reported stray quote.</summary>
    private static string? Cell(SepReader.Col col, string source, int line, string? header, List<ImportProblem> problems, bool restore)
    {
        var raw = col.Span;
        if (raw.IsEmpty)
        {
            return null;
        }

        string text;
        if (raw.IndexOf('"') < 0)
        {
            text = col.ToString();
        }
        else
        {
            var trimmed = raw.Trim(' ');
            var quoted = trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"';
            var inner = quoted ? trimmed[1..^1] : trimmed;
            if (!quoted || !QuotesPaired(inner))
            {
                problems.Add(new ImportProblem("stray-quote", source, line, header, raw.ToString(), new(
                    "引号位置不对：引号须包住整个单元格，单元格内的引号写作两个 \"\"。",
                    "A quote out of place: quotes enclose a whole cell, and a quote inside a cell is written \"\".")));
                return RawRow.Refused;
            }

            text = inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
            if (text.Length == 0)
            {
                return null;
            }
        }

        return restore ? FormulaGuard.Restore(text) : text;
    }

    private static bool QuotesPaired(ReadOnlySpan<char> inner)
    {
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '"')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    private static ImportProblem Empty(string source) => new("empty-file", source, null, null, null,
        new("文件为空：没有表头行。", "The file is empty: it has no header row."));

    private sealed class RecordState
    {
        public int Line { get; set; } = 1;

        public int NextLine { get; set; } = 1;

        public bool Skipped { get; set; }

        public bool Stopped { get; set; }
    }
}
