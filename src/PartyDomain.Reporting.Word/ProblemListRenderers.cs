using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using Break = DocumentFormat.OpenXml.Wordprocessing.Break;
using Fonts = DocumentFormat.OpenXml.Spreadsheet.Fonts;
using FontSize = DocumentFormat.OpenXml.Spreadsheet.FontSize;
using Run = DocumentFormat.OpenXml.Wordprocessing.Run;
using VerticalAlignmentValues = DocumentFormat.OpenXml.Spreadsheet.VerticalAlignmentValues;

namespace PartyDomain.Reporting.Word;

/// <summary>
/// Writes the summary's <see cref="AnnualSummary.Problems"/> (问题清单) as a Word document (landscape A4): on the first page
/// the count per branch, then each branch with its secretary and, area by area, one table row per finding with its period
/// slot, subject, problem, what is expected and found, and the citation.
/// </summary>
public sealed class ProblemListWordRenderer : IReportRenderer
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <inheritdoc />
    public string Format => "problems.docx";

    /// <inheritdoc />
    public string FileExtension => "-problems.docx";

    /// <inheritdoc />
    public string MediaType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <inheritdoc />
    public void Render(AnnualSummary summary, Stream output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        var list = summary.Problems;
        var english = summary.Language == TextLanguage.English;
        var missing = ReportFigure.MissingText.In(summary.Language);
        using (var package = new PackageWriter(output, list.Title))
        {
            const string Relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
            const string Main = "word/document.xml";
            package.Relate(string.Empty, "rIdDocument", Relations + "officeDocument", Main);
            package.Relate(Main, "rIdStyles", Relations + "styles", "styles.xml");
            package.Relate(Main, "rIdHeader", Relations + "header", "header1.xml");
            package.Relate(Main, "rIdFooter", Relations + "footer", "footer1.xml");
            package.Write("word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml", WordReportRenderer.Styles(normalIsTableText: true));
            package.Write("word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml", WordReportRenderer.HeaderOf(list.Title));
            package.Write("word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml", WordReportRenderer.PageFooter());
            var (header, footer) = ("rIdHeader", "rIdFooter");
            using var writer = package.OpenMarkup(Main, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
            writer.Raw($"<w:document xmlns:w=\"{W}\" xmlns:r=\"{WordReportRenderer.R}\"><w:body>");
            void Para(string text, string style) => writer.Raw(WordReportRenderer.Fragment(WordReportRenderer.Para(text, style)));
            Para(list.Title, "Title");
            var counts = list.CountByBranch();
            Para(english
                ? $"{summary.City.Name} · as of {list.AsOf:uuuu-MM-dd} · {list.Lines.Count} problems in {counts.Count} organizations"
                : $"{summary.City.Name} · 数据截至{list.AsOf.Year}年{list.AsOf.Month}月{list.AsOf.Day}日 · 共{list.Lines.Count}项问题，涉及{counts.Count}个党组织", "Subtitle");
            Para(english ? "Problems by organization" : "一、各党组织问题数量", "Heading1");
            if (list.Lines.Count == 0)
            {
                Para(english ? "No problem was found." : "未发现需要整改的问题。", "BodyText");
            }
            else
            {
                var firsts = new Dictionary<string, ProblemLine>(StringComparer.Ordinal);
                foreach (var line in list.Lines)
                {
                    firsts.TryAdd(line.Branch, line);
                }

                WordReportRenderer.WriteTable(writer, english ? ["organization", "secretary", "problems"] : ["党组织", "书记（责任人）", "问题数"],
                    counts.Select(c => new[] { c.Branch, firsts[c.Branch].Secretary, c.Count.ToString(CultureInfo.InvariantCulture) }), [7000, 3600, 1800], missing, style: null);
                writer.Raw(WordReportRenderer.Fragment(new Paragraph(new Run(new Break { Type = BreakValues.Page }))));
                Para(english ? "Problems, by organization and area" : "二、问题明细（按党组织、领域）", "Heading1");
                string[] head = english ? ["period", "subject", "problem", "expected", "found", "source", "responsible"] : ["所属周期", "对象", "问题", "应当", "实际", "依据", "责任人"];
                int[] widths = [1500, 1800, 2400, 2600, 2800, 2000, 1100];
                for (var i = 0; i < list.Lines.Count;)
                {
                    var branch = list.Lines[i].Branch;
                    var end = i;
                    while (end < list.Lines.Count && list.Lines[end].Branch == branch)
                    {
                        end++;
                    }

                    WordReportRenderer.WritePara(writer, english ? $"{branch} ({end - i}; secretary: {list.Lines[i].Secretary})" : $"{branch}（{end - i}项，书记：{list.Lines[i].Secretary}）", "Heading2");
                    for (var a = i; a < end;)
                    {
                        var area = list.Lines[a].Area;
                        var stop = a;
                        while (stop < end && list.Lines[stop].Area == area)
                        {
                            stop++;
                        }

                        WordReportRenderer.WritePara(writer, english ? $"{area} ({stop - a})" : $"{area}（{stop - a}项）", "TableCaption");
                        WordReportRenderer.WriteTable(writer, head,
                            Enumerable.Range(a, stop - a).Select(k => list.Lines[k]).Select(l => new[] { l.Slot, l.Subject, l.Problem, l.Expected, l.Found, l.Citation, l.Secretary }),
                            widths, missing, style: null);
                        WordReportRenderer.WritePara(writer, string.Empty, "TableGap");
                        a = stop;
                    }

                    i = end;
                }
            }

            var page = WordReportRenderer.Page(header, footer);
            page.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Width = 16838U;
            page.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Height = 11906U;
            page.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Orient = PageOrientationValues.Landscape;
            writer.Raw(WordReportRenderer.Fragment(page));
            writer.Raw("</w:body></w:document>");
        }
    }
}

/// <summary>
/// Writes the summary's <see cref="AnnualSummary.Problems"/> (问题清单) as an Excel workbook: a sheet with the count per
/// organization, and a sheet with one row per finding (organization, area, period slot, subject, problem, expected,
/// found, citation, responsible secretary, severity), filterable, rows streamed.
/// </summary>
public sealed class ProblemListXlsxRenderer : IReportRenderer
{
    private const string S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <inheritdoc />
    public string Format => "problems.xlsx";

    /// <inheritdoc />
    public string FileExtension => "-problems.xlsx";

    /// <inheritdoc />
    public string MediaType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <inheritdoc />
    public void Render(AnnualSummary summary, Stream output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        var list = summary.Problems;
        var english = summary.Language == TextLanguage.English;
        const string Relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        const string Book = "xl/workbook.xml";
        using var package = new PackageWriter(output, list.Title);
        package.Relate(string.Empty, "rIdWorkbook", Relations + "officeDocument", Book);
        package.Relate(Book, "rIdStyles", Relations + "styles", "styles.xml");
        package.Relate(Book, "rIdStrings", Relations + "sharedStrings", "sharedStrings.xml");
        package.Write("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", new Stylesheet(
            new Fonts(new DocumentFormat.OpenXml.Spreadsheet.Font(new FontSize { Val = 11 }), new DocumentFormat.OpenXml.Spreadsheet.Font(new DocumentFormat.OpenXml.Spreadsheet.Bold(), new FontSize { Val = 11 })) { Count = 2U },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
            new Borders(new DocumentFormat.OpenXml.Spreadsheet.Border()) { Count = 1U },
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1U, ApplyFont = true }, new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }) { Count = 3U }));

        var counts = list.CountByBranch();
        var firsts = new Dictionary<string, ProblemLine>(StringComparer.Ordinal);
        foreach (var line in list.Lines)
        {
            firsts.TryAdd(line.Branch, line);
        }

        // Branches, areas, problems, citations and secretaries repeat on most lines: each text is written once, in the
        // shared strings, and the cells refer to it.
        var strings = new SharedStrings();
        var sheets = new List<(string Name, string Part)>();
        void Add(string name, string[] head, int[] widths, IEnumerable<string[]> rows, int numberColumn)
        {
            var part = $"xl/worksheets/sheet{sheets.Count + 1}.xml";
            package.Relate(Book, $"rIdSheet{sheets.Count + 1}", Relations + "worksheet", $"worksheets/sheet{sheets.Count + 1}.xml");
            sheets.Add((name, part));
            Sheet(package, part, strings, head, widths, rows, numberColumn);
        }

        Add(english ? "Summary" : "汇总", english ? ["organization", "secretary", "problems"] : ["党组织", "书记（责任人）", "问题数"], [40, 16, 10],
            counts.Select(c => new[] { c.Branch, firsts[c.Branch].Secretary, c.Count.ToString(CultureInfo.InvariantCulture) }), numberColumn: 2);
        string[] head = english
            ? ["organization", "area", "period", "subject", "problem", "expected", "found", "source", "responsible", "severity"]
            : ["党组织", "领域", "所属周期", "对象", "问题", "应当", "实际", "依据", "责任人", "严重程度"];

        // A sheet holds at most 1,048,576 rows: a longer list goes on in a second sheet (问题清单2), with its header again.
        var name = english ? "Problems" : "问题清单";
        for (var from = 0; from == 0 || from < list.Lines.Count; from += RowsPerSheet)
        {
            var take = Math.Min(RowsPerSheet, list.Lines.Count - from);
            Add(from == 0 ? name : $"{name}{(from / RowsPerSheet) + 1}", head, [30, 14, 14, 20, 30, 40, 40, 30, 10, 8],
                Enumerable.Range(from, take).Select(i => list.Lines[i]).Select(l => new[] { l.Branch, l.Area, l.Slot, l.Subject, l.Problem, l.Expected, l.Found, l.Citation, l.Secretary, Severity(l.Severity, english) }),
                numberColumn: -1);
        }

        using (var writer = package.OpenMarkup("xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"))
        {
            writer.Raw($"<sst xmlns=\"{S}\" count=\"{strings.References.ToString(CultureInfo.InvariantCulture)}\" uniqueCount=\"{strings.Texts.Count.ToString(CultureInfo.InvariantCulture)}\">");
            foreach (var text in strings.Texts)
            {
                writer.Raw(MarkupWriter.KeepsSpaces(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>");
                writer.Text(text);
                writer.Raw("</t></si>");
            }

            writer.Raw("</sst>");
        }

        package.Write(Book, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", new Workbook(new Sheets(
            sheets.Select((sheet, i) => new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = $"rIdSheet{i + 1}" }))));
    }

    /// <summary>The most rows of findings a sheet takes below its header (Excel's limit is 1,048,576 rows).</summary>
    internal int RowsPerSheet { get; init; } = 1_048_575;

    /// <summary>The workbook's shared strings: each distinct text once, in the order first met.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public List<string> Texts { get; } = [];

        public long References { get; private set; }

        // A column mostly repeats the cell above it (the same branch, area, rule title, citation, secretary): the last text
        // instance of each column is compared by reference before a text is hashed.
        private readonly (string? Text, int Index)[] _above = new (string?, int)[16];

        public int Of(string text, int column)
        {
            References++;
            ref var above = ref _above[column];
            if (ReferenceEquals(above.Text, text))
            {
                return above.Index;
            }

            var safe = WordReportRenderer.Safe(text);
            if (!_index.TryGetValue(safe, out var i))
            {
                _index[safe] = i = Texts.Count;
                Texts.Add(safe);
            }

            above = (text, i);
            return i;
        }
    }

    private static string Severity(Rules.FindingSeverity severity, bool english) => severity switch
    {
        Rules.FindingSeverity.Violation => english ? "violation" : "违规",
        Rules.FindingSeverity.Warning => english ? "warning" : "提醒",
        _ => english ? "notice" : "提示",
    };

    /// <summary>A sheet streamed row by row, the header bold and frozen, the columns filterable; <paramref name="numberColumn"/> is written as numbers.</summary>
    private static void Sheet(PackageWriter package, string part, SharedStrings strings, string[] head, int[] widths, IEnumerable<string[]> rows, int numberColumn)
    {
        using var writer = package.OpenMarkup(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        writer.Raw($"<worksheet xmlns=\"{S}\">");
        writer.Raw($"<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        writer.Raw("<cols>" + string.Concat(widths.Select((w, i) => $"<col min=\"{i + 1}\" max=\"{i + 1}\" width=\"{w}\" customWidth=\"1\"/>")) + "</cols>");
        writer.Raw("<sheetData>");
        var count = 1;
        void Row(string[] cells, int style)
        {
            writer.Raw("<row>"u8);
            for (var i = 0; i < cells.Length; i++)
            {
                if (i == numberColumn && style != 1 && decimal.TryParse(cells[i], NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                {
                    writer.Raw(style == 1 ? "<c s=\"1\"><v>"u8 : "<c s=\"2\"><v>"u8);
                    writer.Text(cells[i]);
                }
                else
                {
                    writer.Raw(style == 1 ? "<c s=\"1\" t=\"s\"><v>"u8 : "<c s=\"2\" t=\"s\"><v>"u8);
                    writer.Number(strings.Of(cells[i], i));
                }

                writer.Raw("</v></c>"u8);
            }

            writer.Raw("</row>"u8);
        }

        Row(head, 1);
        foreach (var row in rows)
        {
            Row(row, 2);
            count++;
        }

        writer.Raw("</sheetData>");
        writer.Raw($"<autoFilter ref=\"A1:{(char)('A' + head.Length - 1)}{count}\"/>");
        writer.Raw("</worksheet>");
    }
}
