using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Interchange.Reading;
using PartyDomain.Interchange.Schema;
using PartyDomain.Interchange.Writing;
using PartyDomain.Metrics;

namespace PartyDomain.Interchange;

/// <summary>
/// Reads a city dataset from, and writes it to, a folder of CSV files, an XLSX workbook or a JSON document, in the
/// format docs/data-format.md describes. Reading reports every problem by file or sheet, row, column and value, and
/// yields a dataset only when there is none.
/// </summary>
public static class DatasetFiles
{
    private static readonly LocalizedText Reading = new("读取表格", "reading the tables");
    private static readonly LocalizedText Checking = new("校验数据完整性", "checking integrity");

    // The share of reading the tables in a read's time, as measured on the demo city's CSV folder at scale 200 (14.5 s of
    // 16 s); merging and validating take the rest.
    private const double ReadingShare = 0.9;

    /// <summary>
    /// Reads the dataset at <paramref name="path"/>: a folder of CSV files, an <c>.xlsx</c> workbook or a <c>.json</c>
    /// file. With <see cref="DatasetReadOptions.Stored"/> the file is an incremental import: its records are merged into
    /// the stored dataset and the result validated as a whole (<see cref="DatasetReadResult.Merge"/>).
    /// </summary>
    /// <param name="path">The folder or file.</param>
    /// <param name="options">The clock, the format when it cannot be told from the path, the city's catalogs and its stored data.</param>
    /// <returns>The dataset, or every problem found.</returns>
    public static DatasetReadResult Read(string path, DatasetReadOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        var indicators = options.Indicators ?? IndicatorCatalog.CreateDefault();
        var limits = options.Limits ?? DatasetReadLimits.Default;
        var reader = new DatasetReader(options.ActivityKinds ?? ActivityKindCatalog.CreateDefault(), indicators, limits, options.Tables);
        var problems = reader.Problems;
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing)
        {
            problems.Add(new ImportProblem("not-found", path, null, null, null, new("文件或文件夹不存在。", "No such file or folder.")));
            return new DatasetReadResult(null, problems);
        }

        // Checked before anything is opened: a named pipe called city.xlsx would block the read forever.
        if (FileKinds.Refusal(path, path, kind) is { } refusal)
        {
            problems.Add(refusal);
            return new DatasetReadResult(null, problems);
        }

        if ((options.Format ?? FormatOf(path)) is not { } format)
        {
            problems.Add(new ImportProblem("unknown-format", path, null, null, null, new(
                "无法判断格式：请给出存放 CSV 文件的文件夹、.xlsx 工作簿或 .json 文件。",
                "The format cannot be told: give a folder of CSV files, an .xlsx workbook or a .json file.")));
            return new DatasetReadResult(null, problems);
        }

        var progress = options.Progress;
        progress?.Report(new WorkProgress(0, Reading));
        var tables = format switch
        {
            DatasetFormat.Csv => CsvFolderSource.Read(path, problems, limits),
            DatasetFormat.Xlsx => XlsxSource.Read(path, problems, limits, measure: progress is not null),
            _ => JsonSource.Read(path, problems, limits),
        };

        // A CSV folder's tables come one by one as they are read; the other sources have listed theirs already.
        var size = progress is null ? 0 : format == DatasetFormat.Csv ? CsvFolderSource.Size(path) : tables.Sum(t => t.Size);
        reader.ReadAll(tables, progress.Part(0, ReadingShare, Reading), size);
        var dataset = reader.Build(options.Today, indicators, options.Stored, out var merge, progress.Part(ReadingShare, 1, Checking));
        progress?.Report(new WorkProgress(1, Checking));
        return new DatasetReadResult(dataset, problems, merge);
    }

    /// <summary>
    /// The name of the table records of <paramref name="recordType"/> are read from, as files and sheets are named
    /// (Chinese: <c>组织生活</c>; English: <c>activities</c>), for telling what an import did per table.
    /// </summary>
    /// <param name="recordType">A record type a <see cref="CityDataset"/> holds.</param>
    /// <returns>The name, or <c>null</c> for a type no table holds.</returns>
    public static LocalizedText? TableName(Type recordType)
    {
        ArgumentNullException.ThrowIfNull(recordType);
        return DatasetSchema.ForEntity(recordType.Name) is { } table ? new LocalizedText(table.ChineseName, table.Name) : null;
    }

    /// <summary>
    /// Writes <paramref name="dataset"/> to <paramref name="path"/>, replacing what is there, in the form of
    /// <see cref="WriteTemplate"/> without its example rows: what staff edit
    /// and import again. Choices are written with their Chinese names (codes in English). Text that a spreadsheet would
    /// take for a formula (beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) is written to
    /// CSV with a leading <c>'</c>, which reading takes off again, and to XLSX as plain text cells.
    /// </summary>
    /// <exception cref="InvalidOperationException">CSV, and a text value holds a line break: a CSV cell of this format is one line.</exception>
    /// <param name="dataset">The dataset.</param>
    /// <param name="path">A folder for CSV (created if needed; one file per table and a README.txt), otherwise the file.</param>
    /// <param name="format">The format.</param>
    /// <param name="language">The headers' and values' language: Chinese unless set, English for JSON unless set.</param>
    /// <param name="activityKinds">The city's activity kinds, written by their Chinese names; the built-in kinds unless set.
    /// The dataset's own indicators (<c>CityDataset.Indicators</c>) name its service records.</param>
    /// <exception cref="InvalidOperationException">The dataset holds records of a kind the format has no table for.</exception>
    public static void Write(CityDataset dataset, string path, DatasetFormat format, TextLanguage? language = null, ActivityKindCatalog? activityKinds = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        // A kind the format has no table for (a plugin's own) would be left out of the files without a word.
        if (dataset.Kinds.FirstOrDefault(k => !DatasetSchema.Tables.Any(t => t.RowType == k.RecordType)) is { } missing)
        {
            throw new InvalidOperationException(
                $"数据集含有{missing.Noun.Chinese}（{missing.Name}），数据格式没有该表，导出会遗漏这些记录。/ The dataset holds {missing.Noun.English} records ({missing.Name}), which the data format has no table for: exporting would leave them out.");
        }

        var context = Context(language, format, activityKinds, dataset.Indicators);
        DatasetWriter.Write(path, format, context, table => table.Write(dataset, context), template: false);
    }

    /// <summary>
    /// Writes the template staff fill in. XLSX: a 说明 sheet (the order to fill the sheets, what each holds, its required
    /// columns, how dates and the example row work), then a sheet per table with Chinese names and headers, a frozen header,
    /// dropdowns for every choice column (its Chinese names) and every reference column (the ids of the sheet it refers to),
    /// date cells formatted yyyy-mm-dd, and one grey, italic example row marked 示例 in a first column, which reading
    /// skips. CSV: a file per table (UTF-8 with a byte-order mark) with the same marker column and example row, and a
    /// README.txt with the instructions and every choice column's values. JSON: every table empty.
    /// </summary>
    /// <param name="path">A folder for CSV (created if needed), otherwise the file.</param>
    /// <param name="format">The format.</param>
    /// <param name="language">The headers' language: Chinese unless set, English for JSON unless set.</param>
    /// <param name="activityKinds">The activity kinds the dropdown lists; the built-in kinds unless set.</param>
    /// <param name="indicators">The indicators the dropdown lists (those that take records); the built-in catalog unless set.</param>
    public static void WriteTemplate(string path, DatasetFormat format, TextLanguage? language = null, ActivityKindCatalog? activityKinds = null, IndicatorCatalog? indicators = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var context = Context(language, format, activityKinds, indicators ?? IndicatorCatalog.CreateDefault());
        DatasetWriter.Write(path, format, context, _ => [], template: true);
    }

    /// <summary>The format of <paramref name="path"/>: a folder is CSV, <c>.xlsx</c> is XLSX, <c>.json</c> is JSON; otherwise <c>null</c>.</summary>
    /// <param name="path">The folder or file.</param>
    public static DatasetFormat? FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return DatasetFormat.Csv;
        }

        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".XLSX" => DatasetFormat.Xlsx,
            ".JSON" => DatasetFormat.Json,
            _ => null,
        };
    }

    private static WriteContext Context(TextLanguage? language, DatasetFormat format, ActivityKindCatalog? activityKinds, IndicatorCatalog indicators) => new(
        language ?? (format == DatasetFormat.Json ? TextLanguage.English : TextLanguage.Chinese),
        activityKinds ?? ActivityKindCatalog.CreateDefault(),
        indicators);
}
