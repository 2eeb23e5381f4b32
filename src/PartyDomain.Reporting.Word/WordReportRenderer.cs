using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PartyDomain.Reporting.Word;

/// <summary>
/// Writes the <see cref="AnnualSummary"/> as a Word (.docx) document on A4: the title, each section with its heading,
/// paragraphs indented two characters as Chinese official writing is, lists, figure tables, each chart as a table of
/// its data, and 数据未录入 in red where data is missing.
/// </summary>
public sealed class WordReportRenderer : IReportRenderer
{
    private const string Missing = "C00000";

    /// <inheritdoc />
    public string Format => "docx";

    /// <inheritdoc />
    public string FileExtension => ".docx";

    /// <inheritdoc />
    public string MediaType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <inheritdoc />
    public void Render(AnnualSummary summary, Stream output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);

        // OpenXml needs a seekable stream; a host may hand over a network or console stream.
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = summary.Title;
            document.PackageProperties.Creator = "PartyDomain";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Para(summary.Title, "Title"));
            var meta = summary.Language == TextLanguage.English
                ? $"{summary.City.Name} · as of {Day(summary.AsOf)} · generated {Day(summary.Generated)}"
                : $"{summary.City.Name} · 数据截至{Day(summary.AsOf)} · 生成于{Day(summary.Generated)}";
            body.Append(Para(meta, "Subtitle"));
            foreach (var section in summary.Sections)
            {
                if (section.Title.Length > 0)
                {
                    body.Append(Para(section.Title, "Heading1"));
                }

                foreach (var block in section.Blocks)
                {
                    foreach (var element in Block(summary, block))
                    {
                        body.Append(element);
                    }
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static IEnumerable<OpenXmlElement> Block(AnnualSummary summary, ReportBlock block)
    {
        var lang = summary.Language;
        switch (block)
        {
            case ReportParagraph p:
                yield return Para(p.Text, "BodyText", ReportFigure.MissingText.In(lang));
                break;
            case ReportSubheading h:
                yield return Para(h.Text, "Heading2");
                break;
            case ReportList l:
                foreach (var item in l.Items)
                {
                    yield return Para("• " + item, "ListItem");
                }

                break;
            case ReportFigureTable t:
                var header = lang == TextLanguage.English ? new[] { "id", "figure", "value", "filter", "source" } : ["编号", "指标", "数值", "统计口径", "来源"];
                var rows = t.FigureIds.Select(summary.Figure).Select(f => new[]
                {
                    f.Id,
                    f.Name.In(lang),
                    f.Format(lang) + (f.IsMissing && f.MissingReason is { } r ? $"（{r.In(lang)}）" : string.Empty)
                        + (!f.IsMissing && f.Share?.Value is not null && f.Unit.Chinese != "%" ? $" ({f.Share})" : string.Empty),
                    f.Filter.In(lang),
                    f.Source.In(lang),
                });
                yield return Table(header, rows, [700, 1900, 1500, 2700, 2200], ReportFigure.MissingText.In(lang));
                yield return Para(string.Empty, "TableGap");
                break;
            case ReportChartBlock c when summary.Chart(c.ChartId) is { } chart:
                yield return Para($"{chart.Title.In(lang)}（{chart.Unit.In(lang)}）", "Caption");
                if (!chart.HasData)
                {
                    yield return Para(ReportFigure.MissingText.In(lang), "BodyText", ReportFigure.MissingText.In(lang));
                    break;
                }

                var columns = new[] { string.Empty }.Concat(chart.Series.Select(s => s.Name.In(lang))).ToArray();
                var data = chart.Categories.Select((category, i) =>
                    new[] { category.In(lang) }.Concat(chart.Series.Select(s => s.Values[i] is { } v ? ReportFigure.Number(v) : "—")).ToArray());
                var width = 9000 / columns.Length;
                yield return Table(columns, data, Enumerable.Repeat(width, columns.Length).ToArray(), ReportFigure.MissingText.In(lang));
                yield return Para(string.Empty, "TableGap");
                break;
        }
    }

    private static Paragraph Para(string text, string style, string? highlight = null)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        foreach (var run in Runs(text, highlight))
        {
            paragraph.Append(run);
        }

        return paragraph;
    }

    /// <summary>The text as runs, the <paramref name="highlight"/> phrase (数据未录入) in bold red.</summary>
    private static IEnumerable<Run> Runs(string text, string? highlight)
    {
        var parts = string.IsNullOrEmpty(highlight) ? [text] : text.Split(highlight);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                yield return new Run(new RunProperties(new Bold(), new Color { Val = Missing }), new Text(highlight!) { Space = SpaceProcessingModeValues.Preserve });
            }

            if (parts[i].Length > 0)
            {
                yield return new Run(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }
    }

    private static Table Table(string[] header, IEnumerable<string[]> rows, int[] widths, string missing)
    {
        static TableCell Cell(string text, int width, bool head, string missing)
        {
            var paragraph = Para(text, "TableText", missing);
            if (head)
            {
                foreach (var run in paragraph.Elements<Run>())
                {
                    run.PrependChild(new RunProperties(new Bold()));
                }
            }

            return new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), paragraph);
        }

        BorderType Line<TBorder>()
            where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "808080" };

        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(new TableRow(header.Select((h, i) => (OpenXmlElement)Cell(h, widths[i], head: true, missing)).Prepend(new TableRowProperties(new TableHeader()))));
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select((text, i) => (OpenXmlElement)Cell(text, widths[i], head: false, missing)).Prepend(new TableRowProperties(new CantSplit()))));
        }

        return table;
    }

    private static Styles Styles()
    {
        static Style Paragraph(string id, string name, string eastAsia, int halfPoints, bool bold = false, JustificationValues? justify = null,
            int before = 0, int after = 120, int? firstLineChars = null, bool keepNext = false)
        {
            var pPr = new StyleParagraphProperties();
            if (keepNext)
            {
                pPr.Append(new KeepNext());
            }

            pPr.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture), Line = "360", LineRule = LineSpacingRuleValues.Auto });
            if (firstLineChars is { } chars)
            {
                pPr.Append(new Indentation { FirstLineChars = chars });
            }

            if (justify is { } j)
            {
                pPr.Append(new Justification { Val = j });
            }

            var rPr = new StyleRunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = eastAsia });
            if (bold)
            {
                rPr.Append(new Bold());
            }

            rPr.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new PrimaryStyle(), pPr, rPr) { Type = StyleValues.Paragraph, StyleId = id };
        }

        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleRunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "宋体" }, new FontSize { Val = "24" }, new Languages { Val = "en-US", EastAsia = "zh-CN" }))
        {
            Type = StyleValues.Paragraph, StyleId = "Normal", Default = true,
        };

        return new Styles(
            normal,
            Paragraph("Title", "Title", "方正小标宋简体", 40, bold: true, justify: JustificationValues.Center, after: 120),
            Paragraph("Subtitle", "Subtitle", "仿宋", 21, justify: JustificationValues.Center, after: 240),
            Paragraph("Heading1", "heading 1", "黑体", 32, bold: true, before: 240, after: 120, keepNext: true),
            Paragraph("Heading2", "heading 2", "楷体", 28, bold: true, before: 120, after: 60, keepNext: true),
            Paragraph("BodyText", "Body Text", "仿宋", 28, justify: JustificationValues.Both, firstLineChars: 200),
            Paragraph("ListItem", "List Paragraph", "仿宋", 21, after: 40),
            Paragraph("Caption", "caption", "黑体", 21, justify: JustificationValues.Center, before: 120, after: 60, keepNext: true),
            Paragraph("TableText", "Table Text", "宋体", 18, after: 0),
            Paragraph("TableGap", "Table Gap", "宋体", 12, after: 60));
    }

    private static string Day(NodaTime.LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
