using System.Text;

namespace PartyDomain.Reporting;

/// <summary>Writes the summary as Markdown (UTF-8): headings, paragraphs, lists, and tables for figures and chart data.</summary>
public sealed class MarkdownReportRenderer : IReportRenderer
{
    /// <inheritdoc />
    public string Format => "md";

    /// <inheritdoc />
    public string FileExtension => ".md";

    /// <inheritdoc />
    public string MediaType => "text/markdown";

    /// <inheritdoc />
    public void Render(AnnualSummary summary, Stream output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        w.WriteLine($"# {Escape(summary.Title)}");
        foreach (var section in summary.Sections)
        {
            w.WriteLine();
            if (section.Title.Length > 0)
            {
                w.WriteLine($"## {Escape(section.Title)}");
                w.WriteLine();
            }

            foreach (var block in section.Blocks)
            {
                WriteBlock(w, summary, block);
            }
        }
    }

    private static void WriteBlock(StreamWriter w, AnnualSummary summary, ReportBlock block)
    {
        var lang = summary.Language;
        switch (block)
        {
            case ReportParagraph p:
                w.WriteLine(Escape(p.Text));
                w.WriteLine();
                break;
            case ReportSubheading h:
                w.WriteLine($"### {Escape(h.Text)}");
                w.WriteLine();
                break;
            case ReportList l:
                foreach (var item in l.Items)
                {
                    w.WriteLine($"- {Escape(item)}");
                }

                w.WriteLine();
                break;
            case ReportFigureTable t:
                w.WriteLine(lang == TextLanguage.English ? "| id | figure | value | filter | source |" : "| 编号 | 指标 | 数值 | 统计口径 | 来源 |");
                w.WriteLine("|---|---|---|---|---|");
                foreach (var id in t.FigureIds)
                {
                    var f = summary.Figure(id);
                    var value = f.Format(lang) + (f.IsMissing && f.MissingReason is { } r ? $"（{r.In(lang)}）" : string.Empty)
                        + (!f.IsMissing && f.Share?.Value is not null && f.Unit.Chinese != "%" ? $" ({f.Share})" : string.Empty);
                    w.WriteLine($"| {Cell(f.Id)} | {Cell(f.Name.In(lang))} | {Cell(value)} | {Cell(f.Filter.In(lang))} | {Cell(f.Source.In(lang))} |");
                }

                w.WriteLine();
                break;
            case ReportChartBlock c when summary.Chart(c.ChartId) is { } chart:
                w.WriteLine($"**{Escape(chart.Title.In(lang))}**（{Escape(chart.Unit.In(lang))}）");
                w.WriteLine();
                if (!chart.HasData)
                {
                    w.WriteLine(ReportFigure.MissingText.In(lang));
                    w.WriteLine();
                    break;
                }

                w.WriteLine("| | " + string.Join(" | ", chart.Series.Select(s => Cell(s.Name.In(lang)))) + " |");
                w.WriteLine("|---|" + string.Concat(chart.Series.Select(_ => "---:|")));
                for (var i = 0; i < chart.Categories.Count; i++)
                {
                    var row = i;
                    w.WriteLine($"| {Cell(chart.Categories[i].In(lang))} | " + string.Join(" | ", chart.Series.Select(s => s.Values[row] is { } v ? ReportFigure.Number(v) : "—")) + " |");
                }

                w.WriteLine();
                break;
        }
    }

    /// <summary>
    /// Backslash-escapes the characters Markdown (CommonMark) reads as markup, so a name such as <c>&lt;script&gt;</c>,
    /// <c>**x**</c> or <c>[a](b)</c> prints as it is and never becomes HTML, emphasis or a link.
    /// </summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~' or '!' or '&')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string Cell(string text) => Escape(text).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
