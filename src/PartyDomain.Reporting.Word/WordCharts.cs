using System.Globalization;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace PartyDomain.Reporting.Word;

/// <summary>
/// A chart of the summary as a real Word chart: a DrawingML chart part (bars for compliance, lines for services by month)
/// whose values are cached in the part itself, so Word and LibreOffice draw it without a workbook or a browser.
/// </summary>
internal static class WordCharts
{
    private const string C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

    private static readonly string[] Palette = ["B71C1C", "1565C0", "2E7D32", "EF6C00", "6A1B9A", "00838F", "5D4037", "C2185B", "455A64", "9E9D24"];

    /// <summary>Adds the chart's part to <paramref name="main"/> and returns the paragraph markup that places it (inline, centred).</summary>
    /// <param name="main">The document's main part.</param>
    /// <param name="chart">The chart.</param>
    /// <param name="language">The language of the labels.</param>
    /// <param name="number">The drawing's number in the document, unique.</param>
    public static string Add(MainDocumentPart main, ReportChart chart, TextLanguage language, int number)
    {
        var part = main.AddNewPart<ChartPart>();
        using (var stream = part.GetStream(FileMode.Create, FileAccess.Write))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(ChartSpace(chart, language));
        }

        var id = main.GetIdOfPart(part);
        const long width = 5_580_000; // 15.5 cm, the text block's width
        var height = chart.Kind == ChartKind.Bars ? Math.Clamp(380_000 + (chart.Categories.Count * 150_000L), 1_300_000, 3_600_000) : 2_500_000;
        var name = SecurityElement.Escape(chart.Title.In(language));
        return "<w:p><w:pPr><w:pStyle w:val=\"Chart\"/></w:pPr><w:r><w:drawing>"
            + $"<wp:inline xmlns:wp=\"{WP}\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{width}\" cy=\"{height}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + $"<wp:docPr id=\"{number}\" name=\"Chart {number}\" descr=\"{name}\"/><wp:cNvGraphicFramePr/>"
            + $"<a:graphic xmlns:a=\"{A}\"><a:graphicData uri=\"{C}\"><c:chart xmlns:c=\"{C}\" xmlns:r=\"{R}\" r:id=\"{id}\"/></a:graphicData></a:graphic>"
            + "</wp:inline></w:drawing></w:r></w:p>";
    }

    private static string ChartSpace(ReportChart chart, TextLanguage language)
    {
        var bars = chart.Kind != ChartKind.Columns;
        var percent = chart.Unit.Chinese == "%";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><c:chartSpace xmlns:c=\"{C}\" xmlns:a=\"{A}\" xmlns:r=\"{R}\">");
        sb.Append("<c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>");
        sb.Append(bars
            ? "<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>"
            : "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>");
        var categories = chart.Categories.Select(c => c.In(language)).ToArray();
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var column = Column(s);
            var color = Palette[s % Palette.Length];
            sb.Append(CultureInfo.InvariantCulture, $"<c:ser><c:idx val=\"{s}\"/><c:order val=\"{s}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<c:tx><c:strRef><c:f>Sheet1!${column}$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>{X(series.Name.In(language))}</c:v></c:pt></c:strCache></c:strRef></c:tx>");
            sb.Append(bars
                ? $"<c:spPr><a:solidFill><a:srgbClr val=\"{color}\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>"
                : $"<c:spPr><a:ln w=\"22225\"><a:solidFill><a:srgbClr val=\"{color}\"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val=\"circle\"/><c:size val=\"4\"/></c:marker>");
            if (bars)
            {
                sb.Append("<c:dLbls><c:numFmt formatCode=\"0.0\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${categories.Length + 1}</c:f><c:strCache><c:ptCount val=\"{categories.Length}\"/>");
            for (var i = 0; i < categories.Length; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<c:pt idx=\"{i}\"><c:v>{X(categories[i])}</c:v></c:pt>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!${column}$2:${column}${categories.Length + 1}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"{categories.Length}\"/>");
            for (var i = 0; i < series.Values.Count; i++)
            {
                if (series.Values[i] is { } v)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<c:pt idx=\"{i}\"><c:v>{v.ToString(CultureInfo.InvariantCulture)}</c:v></c:pt>");
                }
            }

            sb.Append("</c:numCache></c:numRef></c:val>");
            sb.Append(bars ? string.Empty : "<c:smooth val=\"0\"/>");
            sb.Append("</c:ser>");
        }

        sb.Append(bars ? "<c:gapWidth val=\"50\"/>" : "<c:marker val=\"1\"/>");
        sb.Append("<c:axId val=\"1001\"/><c:axId val=\"1002\"/>");
        sb.Append(bars ? "</c:barChart>" : "</c:lineChart>");

        // Bars read top-down in the data's order, as the HTML page draws them.
        sb.Append(CultureInfo.InvariantCulture, $"<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"{(bars ? "maxMin" : "minMax")}\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"{(bars ? "l" : "b")}\"/>");
        sb.Append("<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>");
        sb.Append("<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>");
        sb.Append("<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/>");
        sb.Append(percent ? "<c:max val=\"100\"/><c:min val=\"0\"/>" : "<c:min val=\"0\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"</c:scaling><c:delete val=\"0\"/><c:axPos val=\"{(bars ? "b" : "l")}\"/><c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>");
        sb.Append("<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<c:crossAx val=\"1001\"/><c:crosses val=\"{(bars ? "max" : "autoZero")}\"/><c:crossBetween val=\"between\"/></c:valAx>");
        sb.Append("</c:plotArea>");
        if (chart.Series.Count > 1)
        {
            sb.Append("<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend>");
        }

        sb.Append("<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>");

        // The labels in the body's fonts: 宋体 for Chinese, 9 pt.
        sb.Append("<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"900\"><a:latin typeface=\"Times New Roman\"/><a:ea typeface=\"宋体\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"zh-CN\"/></a:p></c:txPr>");
        sb.Append("</c:chartSpace>");
        return sb.ToString();
    }

    /// <summary>The spreadsheet column of series <paramref name="index"/> (B, C, …), as the chart's references name them.</summary>
    private static string Column(int index)
    {
        var n = index + 2;
        var name = string.Empty;
        while (n > 0)
        {
            var r = (n - 1) % 26;
            name = (char)('A' + r) + name;
            n = (n - 1) / 26;
        }

        return name;
    }

    private static string X(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
