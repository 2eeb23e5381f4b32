using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PartyDomain.Reporting.Word;

/// <summary>
/// Writes the <see cref="AnnualSummary"/> as a Word (.docx) document on A4 in the fonts of official writing: the title,
/// each section with its heading, paragraphs indented two characters, lists, figure tables, each chart as a real Word
/// chart (its values cached in the chart part), 数据未录入 in red where data is missing, a header with the city and year
/// and the page number in the footer.
/// </summary>
public sealed class WordReportRenderer : IReportRenderer
{
    private const string Missing = "C00000";

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>The relationships namespace, which a part's references (a section's header and footer) are written in.</summary>
    internal const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

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
            var (header, footer) = HeaderAndFooter(main, summary.Language == TextLanguage.English
                ? $"{summary.City.Name} · {summary.Year} annual summary"
                : $"{summary.City.Name}律师行业党建工作{summary.Year}年度总结");

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
            var drawings = 0;
            foreach (var section in summary.Sections)
            {
                if (section.Title.Length > 0)
                {
                    Para(section.Title, "Heading1").WriteTo(writer);
                }

                foreach (var block in section.Blocks)
                {
                    WriteBlock(writer, main, summary, block, ref drawings);
                }
            }

            Page(header, footer).WriteTo(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>A4 with the margins of official documents (GB/T 9704), the header and the footer.</summary>
    internal static SectionProperties Page(string header, string footer) => new(
        new HeaderReference { Type = HeaderFooterValues.Default, Id = header },
        new FooterReference { Type = HeaderFooterValues.Default, Id = footer },
        new PageSize { Width = 11906U, Height = 16838U },
        new PageMargin { Top = 1440, Bottom = 1440, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U });

    /// <summary>The header (the document's name, right-aligned, ruled) and the footer (— page —, centred), by relationship id.</summary>
    internal static (string Header, string Footer) HeaderAndFooter(MainDocumentPart main, string title)
    {
        var header = main.AddNewPart<HeaderPart>();
        header.Header = HeaderOf(title);
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = PageFooter();
        return (main.GetIdOfPart(header), main.GetIdOfPart(footer));
    }

    /// <summary>The header: the document's name, right-aligned, ruled.</summary>
    internal static Header HeaderOf(string title) => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = "Header" }),
        new Run(Text(Safe(title)))));

    /// <summary>The footer: — page —, centred.</summary>
    internal static Footer PageFooter() => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
        new Run(Text("— ")),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(Text("1")),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
        new Run(Text(" —"))));

    /// <summary>
    /// The text with the characters XML 1.0 cannot hold (control characters, lone surrogates) removed: a name pasted from
    /// elsewhere must not make the document unreadable. Markup such as <c>&lt;script&gt;</c> is escaped by the writer.
    /// </summary>
    internal static string Safe(string text)
    {
        // Almost every text is clean: one vectorized search says so.
        if (!MarkupWriter.MayNeedCleaning(text))
        {
            return text;
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (XmlConvert.IsXmlChar(text[i]) || pair)
            {
                sb?.Append(text[i]);
                if (pair)
                {
                    sb?.Append(text[++i]);
                }
            }
            else
            {
                sb ??= new StringBuilder(text.Length).Append(text, 0, i);
            }
        }

        return sb?.ToString() ?? text;
    }

    private static void WriteBlock(XmlWriter writer, MainDocumentPart main, AnnualSummary summary, ReportBlock block, ref int drawings)
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
                // Three narrow columns in small type, so the figures' basis fits a page or so of the 4–6 a summary has;
                // the ids and every branch's rate are in the JSON report.
                var header = lang == TextLanguage.English ? new[] { "figure", "value", "basis (source)" } : ["指标", "数值", "统计口径（来源）"];
                var rows = t.FigureIds.Select(summary.Figure).Select(f => new[]
                {
                    f.Name.In(lang),
                    f.Format(lang) + (f.IsMissing && f.MissingReason is { } r ? $"（{r.In(lang)}）" : string.Empty)
                        + (!f.IsMissing && f.Share?.Value is not null && f.Unit.Chinese != "%" ? $" ({f.Share})" : string.Empty),
                    $"{f.Filter.In(lang)}（{f.Source.In(lang)}）",
                });
                WriteTable(new MarkupWriter(writer), header, rows, [2700, 1400, 4900], ReportFigure.MissingText.In(lang), "AppendixText");
                Para(string.Empty, "TableGap").WriteTo(writer);
                break;
            case ReportChartBlock c when summary.Chart(c.ChartId) is { } chart:
                if (!chart.HasData)
                {
                    Para($"{chart.Title.In(lang)}（{chart.Unit.In(lang)}）", "Caption").WriteTo(writer);
                    Para(ReportFigure.MissingText.In(lang), "BodyText", ReportFigure.MissingText.In(lang)).WriteTo(writer);
                    break;
                }

                writer.WriteRaw(WordCharts.Add(main, chart, lang, ++drawings));
                Para($"图{drawings}  {chart.Title.In(lang)}（{chart.Unit.In(lang)}）", "Caption").WriteTo(writer);
                break;
        }
    }

    /// <summary>Writes a one-run paragraph straight to the stream, without building its elements (the problem list has hundreds of thousands).</summary>
    internal static void WritePara(MarkupWriter writer, string text, string style)
    {
        writer.Raw("<w:p><w:pPr><w:pStyle w:val=\""u8);
        writer.Raw(style);
        writer.Raw("\"/></w:pPr><w:r>"u8);
        WriteText(writer, text);
        writer.Raw("</w:r></w:p>"u8);
    }

    internal static Paragraph Para(string text, string style, string? highlight = null)
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

    private static Text Text(string text) => new(Safe(text)) { Space = SpaceProcessingModeValues.Preserve };

    /// <summary>
    /// Writes a table row by row: the small fixed parts (row and cell properties, paragraph style, run formatting) are
    /// serialized once per table and written again as they are for every cell, so a row costs no elements of its own.
    /// </summary>
    internal static void WriteTable(MarkupWriter writer, string[] header, IEnumerable<string[]> rows, int[] widths, string missing, string? style = "TableText")
    {
        // A problem list has a table per branch and area (tens of thousands at national scale): the fixed markup is made
        // once per layout, as UTF-8, and copied as it stands.
        var t = Templates.GetOrAdd(string.Join(',', widths) + "|" + style, _ => TableTemplate.Of(widths, style));
        writer.Raw(t.Start);

        void Row(string[] cells, byte[] start, bool head)
        {
            writer.Raw(start);
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = cells[i];
                if (cell.Length > 0 && !cell.Contains(missing, StringComparison.Ordinal))
                {
                    // Most cells: one run, without the pieces below.
                    writer.Raw(head ? t.HeadRun[i] : t.BodyRun[i]);
                    writer.Raw(MarkupWriter.KeepsSpaces(cell) ? "<w:t xml:space=\"preserve\">"u8 : "<w:t>"u8);
                    writer.Text(cell);
                    writer.Raw("</w:t></w:r></w:p></w:tc>"u8);
                    continue;
                }

                writer.Raw(t.CellStart[i]);
                foreach (var (part, isHighlight) in Segments(cell, missing))
                {
                    // A heading cell is bold throughout; the missing-data phrase is bold red wherever it stands.
                    writer.Raw(isHighlight ? t.Highlighted : head ? t.Bold : "<w:r>"u8);
                    WriteText(writer, part);
                    writer.Raw("</w:r>"u8);
                }

                writer.Raw("</w:p></w:tc>"u8);
            }

            writer.Raw("</w:tr>"u8);
        }

        Row(header, t.HeaderRow, head: true);
        foreach (var cells in rows)
        {
            Row(cells, t.BodyRow, head: false);
        }

        writer.Raw("</w:tbl>"u8);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TableTemplate> Templates = new(StringComparer.Ordinal);

    /// <summary>
    /// The fixed markup of a table layout, as UTF-8: the table's start (properties and grid), each column's cell start, and
    /// with a heading's and a body cell's run start, the run starts and the row starts.
    /// </summary>
    private sealed record TableTemplate(byte[] Start, byte[][] CellStart, byte[][] HeadRun, byte[][] BodyRun, byte[] Bold, byte[] Highlighted, byte[] HeaderRow, byte[] BodyRow)
    {
        public static TableTemplate Of(int[] widths, string? style)
        {
            BorderType Line<TBorder>()
                where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "808080" };

            static byte[] Utf8(string markup) => Encoding.UTF8.GetBytes(markup);
            var start = "<w:tbl>" + Fragment(new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed }))
                + Fragment(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
            // The fixed layout takes the columns' widths from the grid, so cells carry no width of their own: at national
            // scale the problem list has millions of cells.
            var cellStart = widths.Select(_ => "<w:tc><w:p>" + (style is null ? string.Empty : Fragment(new ParagraphProperties(new ParagraphStyleId { Val = style })))).ToArray();
            var bold = "<w:r>" + Fragment(new RunProperties(new Bold()));
            return new TableTemplate(Utf8(start), cellStart.Select(Utf8).ToArray(), cellStart.Select(c => Utf8(c + bold)).ToArray(), cellStart.Select(c => Utf8(c + "<w:r>")).ToArray(),
                Utf8(bold), Utf8("<w:r>" + Fragment(HighlightProperties())),
                Utf8("<w:tr>" + Fragment(new TableRowProperties(new TableHeader()))), Utf8("<w:tr>" + Fragment(new TableRowProperties(new CantSplit()))));
        }
    }

    /// <summary>A run's text, marked to keep its spaces only when it has spaces at either end to keep.</summary>
    private static void WriteText(MarkupWriter writer, string text)
    {
        writer.Raw(MarkupWriter.KeepsSpaces(text) ? "<w:t xml:space=\"preserve\">"u8 : "<w:t>"u8);
        writer.Text(text);
        writer.Raw("</w:t>"u8);
    }

    /// <summary>An element's markup as it stands inside the document, where the <c>w</c> prefix is already declared.</summary>
    internal static string Fragment(OpenXmlElement element)
    {
        var xml = element.OuterXml.Replace($" xmlns:w=\"{W}\"", string.Empty, StringComparison.Ordinal)
            .Replace($" xmlns:r=\"{R}\"", string.Empty, StringComparison.Ordinal);
        return xml.Contains("xmlns", StringComparison.Ordinal) ? throw new InvalidOperationException($"Unexpected namespace in {xml}") : xml;
    }

    /// <param name="normalIsTableText">
    /// Whether the Normal style takes the table text's size and spacing: a document whose every other paragraph names its
    /// style (the problem list) then writes its millions of table cells without a style of their own.
    /// </param>
    internal static Styles Styles(bool normalIsTableText = false)
    {
        static Style Paragraph(string id, string name, string eastAsia, int halfPoints, bool bold = false, JustificationValues? justify = null,
            int before = 0, int after = 120, int? firstLineChars = null, bool keepNext = false, int line = 360, int? exact = null)
        {
            var pPr = new StyleParagraphProperties();
            if (keepNext)
            {
                pPr.Append(new KeepNext());
            }

            pPr.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture), Line = (exact ?? line).ToString(CultureInfo.InvariantCulture), LineRule = exact is null ? LineSpacingRuleValues.Auto : LineSpacingRuleValues.Exact });
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
            new StyleRunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "宋体" }, new FontSize { Val = normalIsTableText ? TableTextSize : "24" }, new Languages { Val = "en-US", EastAsia = "zh-CN" }))
        {
            Type = StyleValues.Paragraph, StyleId = "Normal", Default = true,
        };
        if (normalIsTableText)
        {
            normal.InsertBefore(new StyleParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = TableTextLine, LineRule = LineSpacingRuleValues.Exact }), normal.GetFirstChild<StyleRunProperties>());
        }

        return new Styles(
            normal,
            Paragraph("Title", "Title", "方正小标宋简体", 40, bold: true, justify: JustificationValues.Center, after: 120),
            Paragraph("Subtitle", "Subtitle", "仿宋", 21, justify: JustificationValues.Center, after: 240),
            Paragraph("Heading1", "heading 1", "黑体", 32, bold: true, before: 200, after: 60, keepNext: true, exact: 560),
            Paragraph("Heading2", "heading 2", "楷体", 28, bold: true, before: 120, after: 60, keepNext: true, exact: 500),
            Paragraph("BodyText", "Body Text", "仿宋", 28, justify: JustificationValues.Both, firstLineChars: 200, after: 0, exact: 500),
            Paragraph("ListItem", "List Paragraph", "仿宋", 21, after: 40, exact: 360),
            Paragraph("Caption", "caption", "黑体", 21, justify: JustificationValues.Center, before: 0, after: 120, exact: 340),
            Paragraph("TableCaption", "Table Caption", "黑体", 21, justify: JustificationValues.Center, before: 0, after: 120, keepNext: true, exact: 340),
            Paragraph("Chart", "Chart", "宋体", 21, justify: JustificationValues.Center, before: 120, after: 0, keepNext: true),
            Paragraph("Header", "header", "仿宋", 18, justify: JustificationValues.Right, after: 0),
            Paragraph("Footer", "footer", "宋体", 28, justify: JustificationValues.Center, after: 0),
            Paragraph("TableText", "Table Text", "宋体", int.Parse(TableTextSize, CultureInfo.InvariantCulture), after: 0, exact: int.Parse(TableTextLine, CultureInfo.InvariantCulture)),
            Paragraph("AppendixText", "Appendix Text", "宋体", 15, after: 0, exact: 210),
            Paragraph("TableGap", "Table Gap", "宋体", 12, after: 60));
    }

    private const string TableTextSize = "18", TableTextLine = "260";

    private static string Day(NodaTime.LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
