using System.Globalization;
using System.Net;
using System.Text;

namespace PartyDomain.Reporting;

/// <summary>
/// Writes the summary as one self-contained HTML page (no external files, fonts or scripts from elsewhere) with the
/// charts drawn as inline SVG, styled to print on A4. A few lines of inline script only mark the page as rendered and
/// record any script error, so a headless browser can check it.
/// </summary>
public sealed class HtmlReportRenderer : IReportRenderer
{
    private static readonly string[] Palette = ["#b71c1c", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#c2185b", "#455a64", "#9e9d24"];

    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public string FileExtension => ".html";

    /// <inheritdoc />
    public string MediaType => "text/html";

    /// <inheritdoc />
    public void Render(AnnualSummary summary, Stream output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        var lang = summary.Language;
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine($"<html lang=\"{(lang == TextLanguage.English ? "en" : "zh-CN")}\">");
        w.WriteLine("<head>");
        w.WriteLine("<meta charset=\"utf-8\">");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine($"<title>{E(summary.Title)}</title>");
        w.WriteLine($"<meta name=\"generator\" content=\"PartyDomain\"><meta name=\"report-year\" content=\"{summary.Year}\">");
        w.WriteLine("<style>");
        w.WriteLine(Css);
        w.WriteLine("</style>");
        w.WriteLine("<script>window.__reportErrors=[];window.addEventListener('error',function(e){window.__reportErrors.push(String(e.message));document.documentElement.setAttribute('data-report-errors',window.__reportErrors.join(' | '));});</script>");
        w.WriteLine("</head>");
        w.WriteLine("<body>");
        w.WriteLine("<main>");
        w.WriteLine($"<h1>{E(summary.Title)}</h1>");
        var generated = lang == TextLanguage.English
            ? $"{summary.City.Name} · as of {Day(summary.AsOf)} · generated {Day(summary.Generated)}"
            : $"{summary.City.Name} · 数据截至{Day(summary.AsOf)} · 生成于{Day(summary.Generated)}";
        w.WriteLine($"<p class=\"meta\">{E(generated)}</p>");
        foreach (var section in summary.Sections)
        {
            w.WriteLine($"<section id=\"section-{E(section.Id)}\">");
            if (section.Title.Length > 0)
            {
                w.WriteLine($"<h2>{E(section.Title)}</h2>");
            }

            foreach (var block in section.Blocks)
            {
                WriteBlock(w, summary, block);
            }

            w.WriteLine("</section>");
        }

        w.WriteLine("</main>");
        w.WriteLine("<script>document.documentElement.setAttribute('data-charts',String(document.querySelectorAll('svg.chart').length));document.documentElement.setAttribute('data-rendered','ok');</script>");
        w.WriteLine("</body>");
        w.WriteLine("</html>");
    }

    private static void WriteBlock(StreamWriter w, AnnualSummary summary, ReportBlock block)
    {
        var lang = summary.Language;
        switch (block)
        {
            case ReportParagraph p:
                w.WriteLine($"<p>{Mark(p.Text, lang)}</p>");
                break;
            case ReportSubheading h:
                w.WriteLine($"<h3>{E(h.Text)}</h3>");
                break;
            case ReportList l:
                w.WriteLine("<ul>");
                foreach (var item in l.Items)
                {
                    w.WriteLine($"<li>{E(item)}</li>");
                }

                w.WriteLine("</ul>");
                break;
            case ReportFigureTable t:
                w.WriteLine("<table class=\"figures\">");
                w.WriteLine(lang == TextLanguage.English
                    ? "<thead><tr><th>id</th><th>figure</th><th>value</th><th>filter</th><th>source</th></tr></thead>"
                    : "<thead><tr><th>编号</th><th>指标</th><th>数值</th><th>统计口径</th><th>来源</th></tr></thead>");
                w.WriteLine("<tbody>");
                foreach (var id in t.FigureIds)
                {
                    var f = summary.Figure(id);
                    var value = f.IsMissing
                        ? $"<span class=\"missing\">{E(f.Format(lang))}</span>{(f.MissingReason is { } r ? $"<br><small>{E(r.In(lang))}</small>" : string.Empty)}"
                        : E(f.Format(lang)) + (f.Share?.Value is not null && f.Unit.Chinese != "%" ? $" <small>({E(f.Share.ToString())})</small>" : string.Empty);
                    w.WriteLine($"<tr id=\"figure-{E(f.Id)}\" data-status=\"{(f.IsMissing ? "missing" : "computed")}\"><td>{E(f.Id)}</td><td>{E(f.Name.In(lang))}</td><td class=\"num\">{value}</td><td>{E(f.Filter.In(lang))}</td><td>{E(f.Source.In(lang))}</td></tr>");
                }

                w.WriteLine("</tbody></table>");
                break;
            case ReportChartBlock c when summary.Chart(c.ChartId) is { } chart:
                w.WriteLine($"<figure class=\"chart\" id=\"chart-{E(chart.Id)}\">");
                w.WriteLine(Svg(chart, lang));
                w.WriteLine($"<figcaption>{E(chart.Title.In(lang))}（{E(chart.Unit.In(lang))}）</figcaption>");
                w.WriteLine("</figure>");
                break;
        }
    }

    /// <summary>Draws <paramref name="chart"/> as an SVG element with class <c>chart</c>.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="language">The language of the labels.</param>
    public static string Svg(ReportChart chart, TextLanguage language)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.Kind switch
        {
            ChartKind.Columns => Columns(chart, language),
            ChartKind.Funnel => Funnel(chart, language),
            _ => Bars(chart, language),
        };
    }

    private static string Open(ReportChart chart, int width, int height, TextLanguage language) =>
        $"<svg class=\"chart\" data-chart=\"{E(chart.Id)}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(chart.Title.In(language))}\"><title>{E(chart.Title.In(language))}</title>";

    private static string NoData(ReportChart chart, TextLanguage language) =>
        Open(chart, 640, 60, language) + $"<text x=\"320\" y=\"35\" text-anchor=\"middle\" class=\"missing\">{E(ReportFigure.MissingText.In(language))}</text></svg>";

    private static string Bars(ReportChart chart, TextLanguage language)
    {
        if (!chart.HasData)
        {
            return NoData(chart, language);
        }

        const int label = 190, barArea = 380, row = 26, top = 10;
        var values = chart.Series[0].Values;
        var max = chart.Unit.Chinese == "%" ? 100m : Math.Max(1m, values.Max(v => v ?? 0));
        var height = top * 2 + (row * chart.Categories.Count);
        var sb = new StringBuilder(Open(chart, 640, height, language));
        for (var i = 0; i < chart.Categories.Count; i++)
        {
            var y = top + (i * row);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{label - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{E(Short(chart.Categories[i].In(language), 14))}</text>");
            if (values[i] is { } v)
            {
                var width = (int)Math.Round(barArea * v / max);
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label}\" y=\"{y + 4}\" width=\"{Math.Max(width, 1)}\" height=\"{row - 8}\" fill=\"{Palette[0]}\"><title>{E(ReportFigure.Number(v))}</title></rect>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{label + width + 6}\" y=\"{y + 17}\">{E(ReportFigure.Number(v) + (chart.Unit.Chinese == "%" ? "%" : string.Empty))}</text>");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{label + 6}\" y=\"{y + 17}\" class=\"missing\">{E(ReportFigure.MissingText.In(language))}</text>");
            }
        }

        return sb.Append("</svg>").ToString();
    }

    private static string Columns(ReportChart chart, TextLanguage language)
    {
        if (!chart.HasData)
        {
            return NoData(chart, language);
        }

        const int left = 50, width = 640, plotHeight = 200, top = 10;
        var legendRows = (chart.Series.Count + 2) / 3;
        var height = top + plotHeight + 30 + (legendRows * 18);
        var max = Math.Max(1m, chart.Series.SelectMany(s => s.Values).Max(v => v ?? 0));
        var slot = (width - left - 10) / (double)chart.Categories.Count;
        var bar = Math.Max(1, (slot - 6) / chart.Series.Count);
        var sb = new StringBuilder(Open(chart, width, height, language));
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{width - 10}\" y2=\"{top + plotHeight}\" stroke=\"#555\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{top + 10}\" text-anchor=\"end\">{E(ReportFigure.Number(max))}</text><text x=\"{left - 6}\" y=\"{top + plotHeight}\" text-anchor=\"end\">0</text>");
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var x0 = left + (c * slot) + 3;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                if (chart.Series[s].Values[c] is { } v)
                {
                    var h = (double)(v / max) * plotHeight;
                    sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x0 + (s * bar):0.#}\" y=\"{top + plotHeight - h:0.#}\" width=\"{bar:0.#}\" height=\"{Math.Max(h, 0.5):0.#}\" fill=\"{Palette[s % Palette.Length]}\"><title>{E(chart.Series[s].Name.In(language))} {E(ReportFigure.Number(v))}</title></rect>");
                }
            }

            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0 + ((slot - 6) / 2):0.#}\" y=\"{top + plotHeight + 16}\" text-anchor=\"middle\">{E(chart.Categories[c].In(language))}</text>");
        }

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var x = left + ((s % 3) * 200);
            var y = top + plotHeight + 30 + ((s / 3) * 18);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"10\" height=\"10\" fill=\"{Palette[s % Palette.Length]}\"/><text x=\"{x + 14}\" y=\"{y + 10}\">{E(Short(chart.Series[s].Name.In(language), 16))}</text>");
        }

        return sb.Append("</svg>").ToString();
    }

    private static string Funnel(ReportChart chart, TextLanguage language)
    {
        if (!chart.HasData)
        {
            return NoData(chart, language);
        }

        const int width = 640, row = 34, top = 6, maxWidth = 420, centre = 380;
        var values = chart.Series[0].Values;
        var max = Math.Max(1m, values.Max(v => v ?? 0));
        var sb = new StringBuilder(Open(chart, width, (top * 2) + (row * values.Count), language));
        for (var i = 0; i < values.Count; i++)
        {
            var y = top + (i * row);
            var v = values[i] ?? 0;
            var w = Math.Max(4, (int)Math.Round(maxWidth * v / max));
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"150\" y=\"{y + 21}\" text-anchor=\"end\">{E(chart.Categories[i].In(language))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{centre - (w / 2)}\" y=\"{y + 3}\" width=\"{w}\" height=\"{row - 6}\" fill=\"{Palette[i % Palette.Length]}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{centre}\" y=\"{y + 22}\" text-anchor=\"middle\" class=\"on-bar\">{E(values[i] is { } x ? ReportFigure.Number(x) : ReportFigure.MissingText.In(language))}</text>");
        }

        return sb.Append("</svg>").ToString();
    }

    /// <summary>Marks the 数据未录入 of missing figures in a paragraph.</summary>
    private static string Mark(string text, TextLanguage language)
    {
        var missing = ReportFigure.MissingText.In(language);
        return E(text).Replace(E(missing), $"<span class=\"missing\">{E(missing)}</span>", StringComparison.Ordinal);
    }

    private static string Short(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static string Day(NodaTime.LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        @page { size: A4; margin: 20mm 18mm 20mm 18mm; }
        html { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "Source Han Sans SC", "Songti SC", SimSun, "WenQuanYi Micro Hei", serif; color: #111; }
        body { margin: 0; background: #fff; }
        main { max-width: 174mm; margin: 0 auto; padding: 8mm 0; line-height: 1.75; font-size: 11.5pt; }
        h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
        h2 { font-size: 14pt; margin: 8mm 0 3mm; border-bottom: 1px solid #b71c1c; }
        h3 { font-size: 12pt; margin: 4mm 0 2mm; }
        p { text-indent: 2em; margin: 0 0 3mm; text-align: justify; }
        p.meta { text-indent: 0; text-align: center; color: #555; font-size: 10pt; }
        .missing { color: #b71c1c; font-weight: bold; }
        figure.chart { margin: 4mm 0; break-inside: avoid; page-break-inside: avoid; text-align: center; }
        figure.chart svg { max-width: 100%; height: auto; font-size: 11px; font-family: inherit; }
        figure.chart svg text.on-bar { fill: #fff; font-weight: bold; }
        figcaption { font-size: 10pt; color: #333; }
        table.figures { width: 100%; border-collapse: collapse; font-size: 9pt; line-height: 1.4; }
        table.figures th, table.figures td { border: 1px solid #999; padding: 1.5mm; vertical-align: top; }
        table.figures thead { display: table-header-group; }
        table.figures tr { break-inside: avoid; page-break-inside: avoid; }
        td.num { white-space: nowrap; text-align: right; }
        ul { margin: 0 0 3mm; padding-left: 6mm; font-size: 10pt; }
        @media print { main { padding: 0; } h2 { break-after: avoid; page-break-after: avoid; } }
        """;
}
