using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Governance;
using PartyDomain.Interchange.Schema;
using PartyDomain.Interchange.Writing;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Training;

namespace PartyDomain.Interchange.Reading;

/// <summary>
/// Turns the tables a file holds into a <see cref="CityDataset"/>, in two passes. First every table, header and cell
/// is read and every problem collected; then the records read go to <see cref="CityDatasetBuilder"/> (or, for an
/// incremental import, are merged into the stored dataset: <see cref="DatasetMerge"/>) and its integrity problems
/// (duplicates, unknown references, overlaps) come back named by file, row and column. A row that failed is missing
/// from the records: the records naming its id are reported once, as skipped because that row failed, never as
/// unknown references. Integrity is not checked when a whole file, table or column could not be read.
/// </summary>
internal sealed class DatasetReader
{
    private static readonly HashSet<string> IgnoredHeaders = new(new[] { "备注", "说明", "remarks", "remark", "notes", "note" }.Select(Names.Normalize), StringComparer.Ordinal);

    /// <summary>The city, and the records put together from a parent table and its child table.</summary>
    private static readonly HashSet<Table> Assembled =
    [
        DatasetSchema.City, DatasetSchema.People, DatasetSchema.Standings, DatasetSchema.Activities, DatasetSchema.ActivityAttendance,
        DatasetSchema.TrainingSessions, DatasetSchema.TrainingAttendance, DatasetSchema.MajorMatters, DatasetSchema.MajorMatterSteps,
    ];

    private readonly List<ImportProblem> _problems = [];
    private readonly Dictionary<Table, List<object>> _items = [];
    private readonly Dictionary<Table, string> _tableSources = [];
    private readonly Dictionary<string, string[]> _headersBySource = new(StringComparer.Ordinal);
    private readonly Skipped _skipped = new();

    // The rows that failed: by the id they hold, and per table the failed rows whose id could not be read.
    private readonly Dictionary<(string Table, string Id), RecordOrigin> _failedIds = [];
    private readonly Dictionary<string, List<RecordOrigin>> _failedWithoutId = new(StringComparer.Ordinal);
    private int _rowProblems;
    private IProgress<WorkProgress>? _progress;
    private long _size = 1;
    private long _read;
    private readonly CellReader _cells;
    private readonly DatasetReadLimits _limits;
    private readonly Lazy<WriteContext[]> _exampleContexts;
    private readonly IReadOnlyList<Table> _tables;
    private readonly HashSet<Table> _pluginTables = [];

    public DatasetReader(ActivityKindCatalog activityKinds, IndicatorCatalog indicators, DatasetReadLimits limits, IEnumerable<ImportTable>? pluginTables = null)
    {
        var tables = DatasetSchema.Tables.ToList();
        foreach (var definition in pluginTables ?? [])
        {
            // A plugin's table never shadows a built-in one (or another plugin's): the clash is reported and the table left out.
            var table = new PluginTable(definition);
            if (tables.Find(t => Names.Normalize(t.Name) == Names.Normalize(table.Name) || Names.Normalize(t.ChineseName) == Names.Normalize(table.ChineseName)
                || Names.Normalize(t.Name) == Names.Normalize(table.ChineseName) || Names.Normalize(t.ChineseName) == Names.Normalize(table.Name)) is { } taken)
            {
                _problems.Add(new ImportProblem("table-clash", table.Name, null, null, table.ChineseName, new(
                    $"插件的导入表 {table.Name}（{table.ChineseName}）与表 {taken.Name}（{taken.ChineseName}）重名，未启用。请插件作者给它换一个名称",
                    $"The plugin's import table {table.Name} ({table.ChineseName}) has the name of table {taken.Name} ({taken.ChineseName}) and is not used. Ask the plugin's author to rename it.")));
                continue;
            }

            tables.Add(table);
            _pluginTables.Add(table);
        }

        _tables = tables;
        _cells = new CellReader(_problems, activityKinds, indicators);
        _limits = limits;
        // A template's example rows, as written in either language with the catalogs the rows are read with.
        _exampleContexts = new(() => [new WriteContext(TextLanguage.Chinese, activityKinds, indicators), new WriteContext(TextLanguage.English, activityKinds, indicators)]);
    }

    public List<ImportProblem> Problems => _problems;

    /// <summary>Reads every table; records whose rows had problems are not kept.</summary>
    /// <param name="tables">The tables.</param>
    /// <param name="progress">Told how far the reading has come, every 4,096 rows; <c>null</c> for none.</param>
    /// <param name="size">The sum of the tables' <see cref="RawTable.Size"/>, for <paramref name="progress"/>.</param>
    public void ReadAll(IEnumerable<RawTable> tables, IProgress<WorkProgress>? progress = null, long size = 0)
    {
        _progress = progress;
        _size = Math.Max(1, size);
        foreach (var raw in tables)
        {
            var key = Names.Normalize(raw.Name);
            var table = _tables.FirstOrDefault(t => Names.Normalize(t.Name) == key || Names.Normalize(t.ChineseName) == key);
            if (table is null)
            {
                var known = string.Join(", ", _tables.Select(t => $"{t.Name}（{t.ChineseName}）"));
                _problems.Add(new ImportProblem("unknown-table", raw.Source, null, null, raw.Name,
                    new($"无法识别的表名；可用的表：{known}。", $"Unknown table name; the tables are: {known}.")));
                continue;
            }

            if (_tableSources.TryGetValue(table, out var first))
            {
                _problems.Add(new ImportProblem("duplicate-table", raw.Source, null, null, raw.Name,
                    new($"表 {table.Name}（{table.ChineseName}）已由 {first} 给出。", $"Table {table.Name} ({table.ChineseName}) was already given by {first}.")));
                continue;
            }

            _tableSources[table] = raw.Source;
            try
            {
                ReadTable(table, raw);
            }
#pragma warning disable CA1031 // A damaged file surfaces as a problem at its source, never as a crash.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                _problems.Add(new ImportProblem("unreadable", raw.Source, _cells.Row > 0 ? _cells.Row : null, null, null,
                    new($"读取失败：{e.Message}", $"Reading failed: {e.Message}")));
            }

            _read += raw.Size;
            _progress.Report(_read, _size);
        }

        _progress?.Report(new WorkProgress(1));
    }

    /// <summary>Reports the rows read so far of <paramref name="raw"/>, <paramref name="count"/> of them.</summary>
    private void Reading(RawTable raw, int count)
    {
        var done = raw.Done?.Invoke() ?? (raw.Rows is IReadOnlyCollection<RawRow> rows && rows.Count > 0 ? (double)count / rows.Count : 0);
        _progress.Report(_read + (long)(raw.Size * Math.Clamp(done, 0, 1)), _size);
    }

    /// <summary>
    /// Builds the dataset (merged into <paramref name="stored"/> when given) when reading found no problem; otherwise,
    /// or when the data has integrity problems, <c>null</c>. Integrity is checked over the rows that were read unless a
    /// whole file, table or column was not.
    /// </summary>
    public CityDataset? Build(LocalDate today, IndicatorCatalog indicators, CityDataset? stored, out DatasetMerge? merge, IProgress<WorkProgress>? progress = null)
    {
        merge = null;
        var city = Items<CityInfo>(DatasetSchema.City);
        // A file that could not be opened at all is reported once; its tables are not reported missing on top of it.
        var unreadable = _problems.Any(p => p.Code is "bad-workbook" or "bad-json" or "empty-file" or "bad-encoding" or "no-tables"
            or "workbook-too-large" or "json-too-deep" or "not-a-file" or "dangling-link" or "not-a-table");
        if (!_tableSources.TryGetValue(DatasetSchema.City, out var citySource))
        {
            // An incremental import is for the stored city: its file need not repeat it.
            if (stored is not null)
            {
                city = [stored.City];
            }
            else if (!unreadable)
            {
                _problems.Add(new ImportProblem("missing-table", "city", null, null, null,
                    new("缺少必需的表 city（城市），其中一行给出城市编码和名称。", "The required table city (城市) is missing: one row with the city's id and name.")));
            }
        }
        else if (city.Count != 1 && _problems.Count == 0)
        {
            _problems.Add(new ImportProblem("city-rows", citySource, null, null, city.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new("city（城市）表须正好有一行。", "The city table must have exactly one row.")));
        }
        else if (city.Count == 1 && stored is not null && city[0].Id != stored.City.Id)
        {
            _problems.Add(new ImportProblem("other-city", citySource, 2, DatasetSchema.City.Columns[0].Name, city[0].Id, new(
                $"文件是另一个城市的数据；已保存的数据是 {stored.City.Id}（{stored.City.Name}）的。请用 import --replace 重新开始，或选择该城市（Host:City:Id）。",
                $"The file is another city's data; the stored data is of {stored.City.Id} ({stored.City.Name}). Start over with import --replace, or choose that city (Host:City:Id).")));
        }

        var records = AttachChildren();

        // Integrity is checked over the rows read when only rows failed, each on its own (their records are missing, and
        // references to them are reported as skipped); a file, table or column not read, or a stray quote that swallowed
        // the rows after it, would make every reference into the rows lost unknown.
        if (city.Count != 1 || _rowProblems != _problems.Count)
        {
            return null;
        }

        var all = _items.Where(e => !Assembled.Contains(e.Key)).SelectMany(e => e.Value.Cast<DatasetRecord>()).Concat(records);
        IReadOnlyList<DatasetProblem> integrity;
        CityDataset? dataset;
        if (stored is not null)
        {
            merge = DatasetMerge.Create(stored, all, today, [indicators], city[0], progress);
            (dataset, integrity) = (merge.Dataset, merge.Problems);
        }
        else
        {
            var builder = new CityDatasetBuilder(city[0], today) { Indicators = indicators, Progress = progress };
            builder.AddRange(all);
            dataset = builder.TryBuild(out integrity);
        }

        foreach (var problem in integrity)
        {
            if (problem.Code != "unknown-reference" || problem.Value is null || problem.Origin is null
                || !_skipped.Add(FailedRow(ReferencedTable(problem), problem.Value), problem.Origin, ColumnOf(problem), problem.Value))
            {
                _problems.Add(ToImportProblem(problem));
            }
        }

        _problems.AddRange(_skipped.Problems());
        return dataset;
    }

    /// <summary>The table a reference names (<c>person_id</c> → <c>people</c>), when the schema says.</summary>
    private static string? ReferencedTable(DatasetProblem problem) =>
        DatasetSchema.ForEntity(problem.Entity)?.ColumnFor(problem.Field)?.References;

    /// <summary>
    /// The row that failed and would have given <paramref name="id"/>, in <paramref name="table"/> (in any table
    /// when it is not known); failing that, the first row of that table whose id could not be read.
    /// </summary>
    private RecordOrigin? FailedRow(string? table, string id)
    {
        if (table is not null)
        {
            return _failedIds.TryGetValue((table, id), out var row) ? row
                : _failedWithoutId.TryGetValue(table, out var rows) ? rows[0] : null;
        }

        foreach (var ((_, failedId), row) in _failedIds)
        {
            if (failedId == id)
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>The rows skipped because a row they refer to failed: one problem per failed row and file, naming the rows.</summary>
    private sealed class Skipped
    {
        private readonly Dictionary<(RecordOrigin Failed, string Source), (string? Column, string Id, SortedSet<int> Rows)> _groups = [];

        public bool Add(RecordOrigin? failed, RecordOrigin dependent, string? column, string id)
        {
            if (failed is null)
            {
                return false;
            }

            var key = (failed, dependent.Source);
            if (!_groups.TryGetValue(key, out var group))
            {
                _groups[key] = group = (column, id, []);
            }

            group.Rows.Add(dependent.Row ?? 0);
            return true;
        }

        public IEnumerable<ImportProblem> Problems() => _groups.Select(g =>
        {
            var (failed, source) = g.Key;
            var rows = g.Value.Rows;
            var first = rows.Min;
            var list = string.Join("、", rows.Take(10)) + (rows.Count > 10 ? "…" : string.Empty);
            var english = string.Join(", ", rows.Take(10)) + (rows.Count > 10 ? ", …" : string.Empty);
            var where = failed.Source == source ? $"第 {failed.Row} 行" : $"{failed.Source} 第 {failed.Row} 行";
            var whereEn = failed.Source == source ? $"row {failed.Row}" : $"{failed.Source} row {failed.Row}";
            return new ImportProblem("skipped", source, first == 0 ? null : first, g.Value.Column, g.Value.Id, new(
                $"因{where}出错而跳过：{rows.Count} 行（第 {list} 行）引用了该行，待该行改正后再检查。",
                $"Skipped because {whereEn} failed: {rows.Count} row(s) ({english}) refer to it; they are checked once it is corrected."));
        });
    }

    private void ReadTable(Table table, RawTable raw)
    {

        var map = MapHeaders(table, raw, out var marker);
        var headers = table.Columns.Select(c => c.Name).ToArray();
        var present = new bool[table.Columns.Count];
        for (var i = 0; i < map.Length; i++)
        {
            if (map[i] >= 0)
            {
                headers[map[i]] = raw.Headers[i].Trim();
                present[map[i]] = true;
            }
        }

        _headersBySource[raw.Source] = headers;
        _cells.StartTable(raw.Source, headers, present);
        var items = new List<object>();
        _items[table] = items;
        var cells = new string?[table.Columns.Count];
        var refused = new bool[table.Columns.Count];
        var count = 0;
        foreach (var row in raw.Rows)
        {
            if ((++count & 4095) == 0 && _progress is not null)
            {
                Reading(raw, count);
            }

            if (count > _limits.MaxRowsPerTable)
            {
                _problems.Add(new ImportProblem("too-many-rows", raw.Source, row.Number, null, null, new(
                    $"表中的行数超过上限 {_limits.MaxRowsPerTable:N0}（DatasetReadLimits.MaxRowsPerTable），从这一行起未读取。",
                    $"The table has more rows than the limit of {_limits.MaxRowsPerTable:N0} (DatasetReadLimits.MaxRowsPerTable); it was not read from this row on.")));
                break;
            }

            // Problems of the row's own cells. A quote out of place may have swallowed the rows after it: not counted.
            var before = _problems.Count;
            if (!Fill(row, map, raw, cells, refused))
            {
                continue;
            }

            if (marker >= 0 && marker < row.Cells.Count && row.Cells[marker] is { } mark && !string.IsNullOrWhiteSpace(mark) && !ReferenceEquals(mark, RawRow.Refused))
            {
                // A template's example row is skipped while it is still the example; changed, it may be data, so it is reported, never dropped.
                if (!IsExample(table, cells, present))
                {
                    _problems.Add(new ImportProblem("edited-example", raw.Source, row.Number, raw.Headers[marker].Trim(), mark, new(
                        "这一行标为示例（“示例”列有值），但内容与模板的示例不同，未导入：若是要导入的数据，请清空它的“示例”列；否则删除这一行。",
                        "This row is marked as the example (its 'example' cell has a value) but differs from the template's example, so it was not imported: if it is data to import, clear its 'example' cell; otherwise delete the row.")));
                }

                continue;
            }

            _cells.StartRow(row.Number, cells, refused);
            var item = table.Read(_cells);
            for (var p = before; p < _problems.Count; p++)
            {
                _rowProblems += _problems[p].Code is "stray-quote" or "unclosed-quote" or "row-too-large" ? 0 : 1;
            }

            if (!_cells.Failed)
            {
                items.Add(item);
            }
            else if (table.IdColumn is { } id)
            {
                var failed = new RecordOrigin(raw.Source, row.Number);
                if (cells[id.Index] is { } value && !refused[id.Index])
                {
                    _failedIds.TryAdd((table.Name, value), failed);
                }
                else
                {
                    (_failedWithoutId.TryGetValue(table.Name, out var list) ? list : _failedWithoutId[table.Name] = []).Add(failed);
                }
            }
        }
    }

    /// <summary>Whether a row marked as the example holds, in every column the file has, what a template's example row holds.</summary>
    private bool IsExample(Table table, string?[] cells, bool[] present) => _exampleContexts.Value.Any(context =>
    {
        // A plugin's table has no example row: a row marked as one is reported.
        if (TemplateGuide.Example(table, context) is not { } example)
        {
            return false;
        }

        return table.Columns.All(c => !present[c.Index] || Same(c, cells[c.Index], example[c.Index]));
    });

    /// <summary>Two cells with the same value: dates and numbers compared as such, since a workbook may have turned the example's into serial days or another spelling.</summary>
    private static bool Same(Column column, string? cell, string? example) => (cell, example) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        _ when column.IsDate => CellText.TryParseDate(cell, out var a) && CellText.TryParseDate(example, out var b) && a == b,
        _ when column.IsNumber => CellText.TryParseDecimal(cell, out var a) && CellText.TryParseDecimal(example, out var b) && a == b,
        _ => string.Equals(cell, example, StringComparison.Ordinal),
    };

    /// <summary>
    /// File column → table column, or -1 for an ignored one; problems for unknown, duplicate and missing columns.
    /// <paramref name="marker"/> is the column marking a template's example row (示例), or -1.
    /// </summary>
    private int[] MapHeaders(Table table, RawTable raw, out int marker)
    {
        marker = -1;
        var map = new int[raw.Headers.Count];
        var seen = new Dictionary<int, string>();
        for (var i = 0; i < raw.Headers.Count; i++)
        {
            map[i] = -1;
            var header = raw.Headers[i].Trim();
            var key = Names.Normalize(header);
            if (key.Length == 0 || IgnoredHeaders.Contains(key))
            {
                continue;
            }

            if (TemplateGuide.IsMarker(header) && marker < 0)
            {
                marker = i;
                continue;
            }

            var column = table.FindColumn(header);
            if (column is null)
            {
                var known = string.Join(", ", table.Columns.Select(c => $"{c.Name}（{c.ChineseName}）"));
                _problems.Add(new ImportProblem("unknown-column", raw.Source, 1, header, null,
                    new($"无法识别的列；本表的列：{known}。", $"Unknown column; this table's columns are: {known}.")));
            }
            else if (seen.TryGetValue(column.Index, out var earlier))
            {
                _problems.Add(new ImportProblem("duplicate-column", raw.Source, 1, header, null,
                    new($"与列“{earlier}”重复。", $"Repeats column '{earlier}'.")));
            }
            else
            {
                seen[column.Index] = header;
                map[i] = column.Index;
            }
        }

        foreach (var column in table.Columns.Where(c => c.Required && !seen.ContainsKey(c.Index)))
        {
            _problems.Add(new ImportProblem("missing-column", raw.Source, 1, column.Header(TextLanguage.Chinese), null,
                new($"缺少必需的列 {column.Name}（{column.ChineseName}）。", $"The required column {column.Name} ({column.ChineseName}) is missing.")));
        }

        return map;
    }

    /// <summary>Puts a row's trimmed cells in table order; <c>false</c> for a blank row, which is skipped.</summary>
    private bool Fill(RawRow row, int[] map, RawTable raw, string?[] cells, bool[] refused)
    {
        Array.Clear(cells);
        Array.Clear(refused);
        var blank = true;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var text = row.Cells[i];
            if (ReferenceEquals(text, RawRow.Refused) || (text is not null && !IsRefusedOrReadable(text, i, map, row.Number, raw)))
            {
                blank = false;
                if (i < map.Length && map[i] >= 0)
                {
                    refused[map[i]] = true;
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            blank = false;
            if (i >= map.Length || (map[i] < 0 && raw.Headers[i].Trim().Length == 0))
            {
                _problems.Add(new ImportProblem("value-without-header", raw.Source, row.Number, ColumnLetter(i), text,
                    new("该单元格有值，但所在列没有表头。", "The cell has a value but its column has no header.")));
            }
            else if (map[i] >= 0)
            {
                cells[map[i]] = text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? text.Trim() : text;
            }
        }

        return !blank;
    }

    private bool IsRefusedOrReadable(string text, int index, int[] map, int row, RawTable raw) =>
        index >= map.Length || map[index] < 0 || Readable(text, row, raw.Headers[index].Trim(), raw.Source);

    /// <summary>
    /// Whether a cell is within the size limit and holds only text: no control character other than tab and line breaks
    /// (XML, so XLSX, cannot hold them either), no lone surrogate, and no U+FFFD, the mark of text already damaged by a
    /// wrong encoding somewhere before this file.
    /// </summary>
    private bool Readable(string text, int row, string header, string source)
    {
        if (text.Length > _limits.MaxCellCharacters)
        {
            _problems.Add(new ImportProblem("cell-too-large", source, row, header, text, new(
                $"单元格有 {text.Length:N0} 个字符，超过上限 {_limits.MaxCellCharacters:N0}（DatasetReadLimits.MaxCellCharacters）。",
                $"The cell holds {text.Length:N0} characters, more than the limit of {_limits.MaxCellCharacters:N0} (DatasetReadLimits.MaxCellCharacters).")));
            return false;
        }

        // Vectorized first: almost every cell has none of these characters, and a national import has tens of millions of cells.
        var span = text.AsSpan();
        if (span.IndexOfAnyInRange('\0', '\u001F') < 0 && span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && span.IndexOfAny('\u007F', '\uFFFD') < 0)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var bad = c switch
            {
                '\t' or '\n' or '\r' => false,
                < ' ' or '\u007F' or '\uFFFD' => true,
                _ when char.IsHighSurrogate(c) => !(i + 1 < text.Length && char.IsLowSurrogate(text[++i])),
                _ when char.IsLowSurrogate(c) => true,
                _ => false,
            };
            if (bad)
            {
                var code = $"U+{(int)c:X4}";
                _problems.Add(new ImportProblem("bad-character", source, row, header, text, c == '\uFFFD'
                    ? new($"第 {i + 1} 个字符是替换字符 {code}（“�”）：这段文字在到达本文件之前已因编码错误而损坏，请从原始资料重新录入。",
                        $"Character {i + 1} is the replacement character {code} ('�'): the text was damaged by a wrong encoding before it reached this file; enter it again from the original.")
                    : new($"第 {i + 1} 个字符 {code} 是控制字符或不成对的代理项，不是文字。", $"Character {i + 1}, {code}, is a control character or an unpaired surrogate, not text.")));
                return false;
            }
        }

        return true;
    }

    /// <summary>Gives people their standings, activities and sessions their attendance, major matters their steps, from the child tables.</summary>
    private List<DatasetRecord> AttachChildren()
    {
        var standings = Items<StandingRow>(DatasetSchema.Standings);
        var people = Items<Person>(DatasetSchema.People);
        var personIds = people.Select(p => p.Id).ToHashSet();
        ReportOrphans(standings, s => personIds.Contains(s.PersonId), s => s.PersonId.Value, s => s.Origin, DatasetSchema.Standings, DatasetSchema.People);
        var standingsByPerson = standings.ToLookup(s => s.PersonId);

        var attendance = Items<ActivityAttendanceRow>(DatasetSchema.ActivityAttendance);
        var activities = Items<ActivityRecord>(DatasetSchema.Activities);
        var activityIds = activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        ReportOrphans(attendance, a => activityIds.Contains(a.ActivityId), a => a.ActivityId, a => a.Origin, DatasetSchema.ActivityAttendance, DatasetSchema.Activities);
        var attendanceByActivity = attendance.ToLookup(a => a.ActivityId, StringComparer.Ordinal);

        var trainees = Items<TrainingAttendanceRow>(DatasetSchema.TrainingAttendance);
        var sessions = Items<TrainingSession>(DatasetSchema.TrainingSessions);
        var sessionIds = sessions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        ReportOrphans(trainees, t => sessionIds.Contains(t.SessionId), t => t.SessionId, t => t.Origin, DatasetSchema.TrainingAttendance, DatasetSchema.TrainingSessions);
        var traineesBySession = trainees.ToLookup(t => t.SessionId, StringComparer.Ordinal);

        var steps = Items<MajorMatterStepRow>(DatasetSchema.MajorMatterSteps);
        var matters = Items<MajorMatter>(DatasetSchema.MajorMatters);
        var matterIds = matters.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        ReportOrphans(steps, s => matterIds.Contains(s.MatterId), s => s.MatterId, s => s.Origin, DatasetSchema.MajorMatterSteps, DatasetSchema.MajorMatters);
        var stepsByMatter = steps.ToLookup(s => s.MatterId, StringComparer.Ordinal);

        // Standings are kept in date order whatever order the rows came in; the builder checks the sequence itself.
        return
        [
            .. people.Select(p => standingsByPerson.Contains(p.Id)
                ? p with { Standings = [.. standingsByPerson[p.Id].Select(s => s.Change).OrderBy(c => c.Since)] }
                : p),
            .. activities.Select(a => attendanceByActivity.Contains(a.Id) ? a with { Attendance = [.. attendanceByActivity[a.Id].Select(x => x.Attendance)] } : a),
            .. sessions.Select(s => traineesBySession.Contains(s.Id) ? s with { Attendance = [.. traineesBySession[s.Id].Select(x => x.Attendance)] } : s),

            // Steps in the order they happened; rows of the same day keep their order in the file.
            .. matters.Select(m => stepsByMatter.Contains(m.Id) ? m with { Steps = [.. stepsByMatter[m.Id].Select(x => x.Step).OrderBy(x => x.Date)] } : m),
        ];
    }

    private void ReportOrphans<T>(List<T> rows, Func<T, bool> hasParent, Func<T, string> key, Func<T, RecordOrigin> origin, Table child, Table parent)
    {
        // Rows lost to a problem of a file, table or column (not a row's own), or a parent table missing while others
        // had problems, may be missing only because of it.
        if (_rowProblems != _problems.Count || (!_tableSources.ContainsKey(parent) && _problems.Count > 0))
        {
            return;
        }

        foreach (var row in rows.Where(r => !hasParent(r)))
        {
            var where = origin(row);
            var column = _headersBySource.TryGetValue(where.Source, out var h) ? h[0] : child.Columns[0].Name;
            if (_skipped.Add(FailedRow(parent.Name, key(row)), where, column, key(row)))
            {
                continue;
            }

            _rowProblems++;
            _problems.Add(new ImportProblem("unknown-reference", where.Source, where.Row, column, key(row),
                new($"{parent.Name}（{parent.ChineseName}）表中没有这个编号。", $"No row of {parent.Name} ({parent.ChineseName}) has this id.")));
        }
    }

    private ImportProblem ToImportProblem(DatasetProblem problem) => ImportProblem.From(problem, ColumnOf(problem), TableOf(problem), LanguageOf(problem.Origin));

    /// <summary>The language of the headers of the file a record was read from (English when its first column is headed in English), Chinese by default.</summary>
    private TextLanguage LanguageOf(RecordOrigin? origin) =>
        origin is not null && _headersBySource.TryGetValue(origin.Source, out var headers) && _tables.Any(t => t.Columns.Count == headers.Length && t.Columns[0].Name == headers[0])
            ? TextLanguage.English
            : TextLanguage.Chinese;

    /// <summary>The table the problem's record was read from: a plugin's own, or the built-in table of its type.</summary>
    private Table? TableOf(DatasetProblem problem) =>
        (problem.Origin is { } from ? _pluginTables.FirstOrDefault(t => _tableSources.GetValueOrDefault(t) == from.Source) : null) ?? DatasetSchema.ForEntity(problem.Entity);

    /// <summary>The header of the column the problem's field was read from, as the file wrote it, when the field has one.</summary>
    private string? ColumnOf(DatasetProblem problem) =>
        problem.Origin is { } origin && TableOf(problem)?.ColumnFor(problem.Field) is { } c
            ? _headersBySource.TryGetValue(origin.Source, out var headers) ? headers[c.Index] : c.Name
            : null;

    private List<T> Items<T>(Table table) => _items.TryGetValue(table, out var items) ? items.Cast<T>().ToList() : [];

    private static string ColumnLetter(int index) => XlsxWriter.ColumnLetter(index);
}
