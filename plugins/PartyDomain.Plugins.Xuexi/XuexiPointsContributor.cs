using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Training;

namespace PartyDomain.Plugins.Xuexi;

/// <summary>
/// Reads the points export: UTF-8 CSV with the header row <c>党员编号,姓名,日期,积分</c> (in any order; other columns
/// are ignored). Each row becomes a <see cref="StudyCredit"/> of the person with that member id; a row that cannot be
/// read is reported with its row number and column, never skipped silently.
/// </summary>
public sealed class XuexiPointsContributor : IDatasetContributor
{
    private const string Entity = nameof(StudyCredit);
    private static readonly LocalDatePattern[] DatePatterns =
        [LocalDatePattern.Iso, LocalDatePattern.CreateWithInvariantCulture("uuuu/M/d"), LocalDatePattern.CreateWithInvariantCulture("uuuu-M-d")];

    /// <summary>The required columns.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["党员编号", "日期", "积分"];

    /// <inheritdoc />
    public string Id => "xuexi-points";

    /// <inheritdoc />
    public LocalizedText Description { get; } = new("学习强国积分导出（CSV：党员编号、姓名、日期、积分）", "Xuexi Qiangguo points export (CSV: member id, name, date, points)");

    /// <inheritdoc />
    public IReadOnlyList<DatasetProblem> Contribute(Stream export, string sourceName, CityDatasetBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(builder);
        var problems = new List<DatasetProblem>();
        using var reader = new StreamReader(export, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine();
        var columns = header is null ? [] : Split(header).Select(c => c.Trim()).ToList();
        var missing = Columns.Where(c => !columns.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            problems.Add(new("missing-column", Entity, "header", string.Join("、", missing), header,
                new($"缺少列：{string.Join("、", missing)}", $"missing column(s): {string.Join(", ", missing)}"), new RecordOrigin(sourceName, 1)));
            return problems;
        }

        int idAt = columns.IndexOf("党员编号"), dateAt = columns.IndexOf("日期"), pointsAt = columns.IndexOf("积分");
        var row = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            row++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = Split(line);
            var origin = new RecordOrigin(sourceName, row);
            string Cell(int at) => at < cells.Count ? cells[at].Trim() : string.Empty;
            var id = Cell(idAt);
            var key = $"{id} {Cell(dateAt)}";
            var ok = true;
            if (id.Length == 0)
            {
                problems.Add(new("missing-value", Entity, key, "党员编号", null, new("党员编号为空", "the member id is empty"), origin));
                ok = false;
            }

            var date = DatePatterns.Select(p => p.Parse(Cell(dateAt))).FirstOrDefault(r => r.Success);
            if (date is null)
            {
                problems.Add(new("bad-date", Entity, key, "日期", Cell(dateAt), new("日期无法识别，应为 2025-03-01 或 2025/3/1", "not a date such as 2025-03-01 or 2025/3/1"), origin));
                ok = false;
            }

            if (!decimal.TryParse(Cell(pointsAt), NumberStyles.Number, CultureInfo.InvariantCulture, out var points) || points < 0)
            {
                problems.Add(new("bad-number", Entity, key, "积分", Cell(pointsAt), new("积分应为不小于0的数", "points must be a number not below 0"), origin));
                ok = false;
            }

            if (ok)
            {
                builder.Add(new StudyCredit { PersonId = new PersonId(id), Platform = XuexiPlugin.Platform, Date = date!.Value, Points = points, Origin = origin });
            }
        }

        return problems;
    }

    // One CSV line: commas separate, double quotes quote, "" is a quote.
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
