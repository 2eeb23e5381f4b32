using System.Globalization;
using System.Text;
using System.Xml;
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

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

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

            // The body is streamed, not built as one DOM: a national city's appendix has about 46,000 table rows, whose
            // elements cost seconds and hundreds of megabytes to build, hold and then save. It goes straight to an
            // XmlWriter: the SDK's own element writer spent a second on metadata lookups for those rows.
            using var stream = main.GetStream(FileMode.Create, FileAccess.Write);
            using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
            writer.WriteStartDocument();
            writer.WriteStartElement("w", "document", W);
            writer.WriteStartElement("w", "body", W);
            Para(summary.Title, "Title").WriteTo(writer);
            var meta = summary.Language == TextLanguage.English
                ? $"{summary.City.Name} · as of {Day(summary.AsOf)} · generated {Day(summary.Generated)}"
                : $"{summary.City.Name} · 数据截至{Day(summary.AsOf)} · 生成于{Day(summary.Generated)}";
            Para(meta, "Subtitle").WriteTo(writer);
            foreach (var section in summary.Sections)
            {
                if (section.Title.Length > 0)
                {
                    Para(section.Title, "Heading1").WriteTo(writer);
                }

                foreach (var block in section.Blocks)
                {
                    WriteBlock(writer, summary, block);
                }
            }

            new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }).WriteTo(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static void WriteBlock(XmlWriter writer, AnnualSummary summary, ReportBlock block)
    {
        var lang = summary.Language;
        switch (block)
        {
            case ReportParagraph p:
                Para(p.Text, "BodyText", ReportFigure.MissingText.In(lang)).WriteTo(writer);
                break;
            case ReportSubheading h:
                Para(h.Text, "Heading2").WriteTo(writer);
                break;
            case ReportList l:
                foreach (var item in l.Items)
                {
                    Para("• " + item, "ListItem").WriteTo(writer);
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
                WriteTable(writer, header, rows, [700, 1900, 1500, 2700, 2200], ReportFigure.MissingText.In(lang));
                Para(string.Empty, "TableGap").WriteTo(writer);
                break;
            case ReportChartBlock c when summary.Chart(c.ChartId) is { } chart:
                Para($"{chart.Title.In(lang)}（{chart.Unit.In(lang)}）", "Caption").WriteTo(writer);
                if (!chart.HasData)
                {
                    Para(ReportFigure.MissingText.In(lang), "BodyText", ReportFigure.MissingText.In(lang)).WriteTo(writer);
                    break;
                }

                var columns = new[] { string.Empty }.Concat(chart.Series.Select(s => s.Name.In(lang))).ToArray();
                var data = chart.Categories.Select((category, i) =>
                    new[] { category.In(lang) }.Concat(chart.Series.Select(s => s.Values[i] is { } v ? ReportFigure.Number(v) : "—")).ToArray());
                var width = 9000 / columns.Length;
                WriteTable(writer, columns, data, Enumerable.Repeat(width, columns.Length).ToArray(), ReportFigure.MissingText.In(lang));
                Para(string.Empty, "TableGap").WriteTo(writer);
                break;
        }
    }

    private static Paragraph Para(string text, string style, string? highlight = null)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        foreach (var (part, highlighted) in Segments(text, highlight))
        {
            paragraph.Append(highlighted ? new Run(HighlightProperties(), Text(part)) : new Run(Text(part)));
        }

        return paragraph;
    }

    /// <summary>The text in pieces, the <paramref name="highlight"/> phrase (数据未录入) apart, to be set in bold red.</summary>
    private static IEnumerable<(string Text, bool Highlighted)> Segments(string text, string? highlight)
    {
        var parts = string.IsNullOrEmpty(highlight) || !text.Contains(highlight, StringComparison.Ordinal) ? [text] : text.Split(highlight);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                yield return (highlight!, true);
            }

            if (parts[i].Length > 0)
            {
                yield return (parts[i], false);
            }
        }
    }

    private static RunProperties HighlightProperties() => new(new Bold(), new Color { Val = Missing });

    private static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    /// <summary>
    /// Writes a table row by row: the small fixed parts (row and cell properties, paragraph style, run formatting) are
    /// serialized once per table and written again as they are for every cell, so a row costs no elements of its own.
    /// </summary>
    private static void WriteTable(XmlWriter writer, string[] header, IEnumerable<string[]> rows, int[] widths, string missing)
    {
        BorderType Line<TBorder>()
            where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "808080" };

        writer.WriteStartElement("w", "tbl", W);
        new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed }).WriteTo(writer);
        new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })).WriteTo(writer);

        var cellStart = widths.Select(w => "<w:tc>" + Fragment(new TableCellProperties(new TableCellWidth { Width = w.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }))
            + "<w:p>" + Fragment(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }))).ToArray();
        var bold = "<w:r>" + Fragment(new RunProperties(new Bold())) + TextStart;
        var highlighted = "<w:r>" + Fragment(HighlightProperties()) + TextStart;

        void Row(string[] cells, string start, bool head)
        {
            writer.WriteRaw(start);
            for (var i = 0; i < cells.Length; i++)
            {
                writer.WriteRaw(cellStart[i]);
                foreach (var (part, isHighlight) in Segments(cells[i], missing))
                {
                    // A heading cell is bold throughout; the missing-data phrase is bold red wherever it stands.
                    writer.WriteRaw(isHighlight ? highlighted : head ? bold : PlainRunStart);
                    writer.WriteString(part);
                    writer.WriteRaw("</w:t></w:r>");
                }

                writer.WriteRaw("</w:p></w:tc>");
            }

            writer.WriteRaw("</w:tr>");
        }

        Row(header, "<w:tr>" + Fragment(new TableRowProperties(new TableHeader())), head: true);
        var body = "<w:tr>" + Fragment(new TableRowProperties(new CantSplit()));
        foreach (var cells in rows)
        {
            Row(cells, body, head: false);
        }

        writer.WriteEndElement();
    }

    private const string TextStart = "<w:t xml:space=\"preserve\">";

    private const string PlainRunStart = "<w:r>" + TextStart;

    /// <summary>An element's markup as it stands inside the document, where the <c>w</c> prefix is already declared.</summary>
    private static string Fragment(OpenXmlElement element)
    {
        var xml = element.OuterXml.Replace($" xmlns:w=\"{W}\"", string.Empty, StringComparison.Ordinal);
        return xml.Contains("xmlns", StringComparison.Ordinal) ? throw new InvalidOperationException($"Unexpected namespace in {xml}") : xml;
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
