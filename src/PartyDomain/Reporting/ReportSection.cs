using PartyDomain.Data;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Time;

namespace PartyDomain.Reporting;

/// <summary>
/// A section of the annual summary. The built-in sections (the seed's three parts, compliance, findings, the figures'
/// basis) and a city plugin's own are registered the same way, with <see cref="Extensibility.PartyDomainBuilder.AddReportSection"/>,
/// and can be replaced or removed by <see cref="Id"/>.
/// </summary>
public interface IReportSection
{
    /// <summary>The section's id, unique in a report, for example <c>part1-institutions</c>.</summary>
    string Id { get; }

    /// <summary>Where the section goes: sections are laid out by ascending order (built-ins use 0, 100, 200, … 900).</summary>
    int Order { get; }

    /// <summary>Writes the section, or returns <c>null</c> to leave it out of this report.</summary>
    /// <param name="context">The figures, charts, findings, data and templates of the report being made.</param>
    ReportSectionContent? Compose(ReportContext context);
}

/// <summary>A block of a section's content.</summary>
public abstract record ReportBlock;

/// <summary>A paragraph of text.</summary>
/// <param name="Text">The text.</param>
public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>A heading inside a section.</summary>
/// <param name="Text">The heading.</param>
public sealed record ReportSubheading(string Text) : ReportBlock;

/// <summary>A bulleted list.</summary>
/// <param name="Items">The items.</param>
public sealed record ReportList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A table of figures: name, value, filter and source of each.</summary>
/// <param name="FigureIds">The figures, by id, in order.</param>
public sealed record ReportFigureTable(IReadOnlyList<string> FigureIds) : ReportBlock;

/// <summary>A chart of the summary.</summary>
/// <param name="ChartId">The chart's id.</param>
public sealed record ReportChartBlock(string ChartId) : ReportBlock;

/// <summary>A written section: its title (empty for an untitled opening) and blocks.</summary>
/// <param name="Id">The section's id.</param>
/// <param name="Title">The title.</param>
/// <param name="Blocks">The content.</param>
public sealed record ReportSectionContent(string Id, string Title, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>
    /// Figures the section publishes (a city's own indicators, say): they join the summary's figures, so they appear in
    /// the JSON report and the appendix like the built-in ones, and later sections can name them in templates. An id
    /// that is already taken fails the section.
    /// </summary>
    public IReadOnlyList<ReportFigure> Figures { get; init; } = [];

    /// <summary>Whether the section failed to compose and stands in the report as the note saying so.</summary>
    public bool Failed { get; init; }
}

/// <summary>What a section is written from: the report's figures, charts and findings, the data, and the templates.</summary>
public sealed class ReportContext
{
    private readonly Dictionary<string, ReportFigure> _figures;
    private readonly List<ReportFigure> _all;

    internal ReportContext(CityDataset dataset, ReportingPeriod period, NodaTime.LocalDate asOf, TextLanguage language, ReportTemplates templates,
        IReadOnlyList<ReportFigure> figures, IReadOnlyList<ReportChart> charts, IReadOnlyList<ReportFinding> findings, ServiceMetrics metrics)
    {
        Dataset = dataset;
        Metrics = metrics;
        Period = period;
        AsOf = asOf;
        Language = language;
        Templates = templates;
        _all = [.. figures];
        Charts = charts;
        Findings = findings;
        _figures = figures.ToDictionary(f => f.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// 一岗双责 where it is recorded: the industry committee's seats held on the as-of day that record a portfolio, as a
    /// clause (<c>，强化“一岗双责”，副书记分管……</c>); empty when none records one.
    /// </summary>
    private string Portfolios()
    {
        var committee = Dataset.Organizations.Where(o => o.Kind == Organization.OrganizationKind.IndustryCommittee && o.ExistsOn(AsOf)).MinBy(o => o.Established);
        if (committee is null)
        {
            return string.Empty;
        }

        var seats = Dataset.CommitteeOf(committee.Id, AsOf).Where(p => !string.IsNullOrWhiteSpace(p.Portfolio)).OrderBy(p => p.Post).ToArray();
        if (seats.Length == 0)
        {
            return string.Empty;
        }

        var english = Language == TextLanguage.English;
        var parts = seats.Select(p => english ? $"{p.Post} for {p.Portfolio}" : $"{PostName(p.Post)}分管{p.Portfolio}");
        return english ? $"; dual responsibility: {string.Join(", ", parts)}" : $"，强化“一岗双责”，{string.Join("，", parts)}";
    }

    private static string PostName(Organization.PartyPost post) => post switch
    {
        Organization.PartyPost.Secretary => "书记",
        Organization.PartyPost.DeputySecretary => "副书记",
        Organization.PartyPost.CommitteeMember => "委员",
        _ => "党小组组长",
    };

    /// <summary>Adds a section's own figures, or throws naming the first id already taken (and adds none).</summary>
    internal void AddFigures(IReadOnlyList<ReportFigure> figures)
    {
        foreach (var figure in figures)
        {
            ArgumentNullException.ThrowIfNull(figure);
            if (_figures.ContainsKey(figure.Id) || figures.Count(f => string.Equals(f.Id, figure.Id, StringComparison.OrdinalIgnoreCase)) > 1)
            {
                throw new InvalidOperationException($"The figure id '{figure.Id}' is already taken.");
            }
        }

        foreach (var figure in figures)
        {
            _figures.Add(figure.Id, figure);
            _all.Add(figure);
        }
    }

    /// <summary>The dataset.</summary>
    public CityDataset Dataset { get; }

    /// <summary>
    /// The dataset's service records, already ingested by the report: a section that needs a sum of its own (a city's
    /// indicator, say) queries it in milliseconds instead of scanning millions of records.
    /// </summary>
    public ServiceMetrics Metrics { get; }

    /// <summary>The year reported on.</summary>
    public int Year => Period.Start.Year;

    /// <summary>The period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>The date the "as of" figures hold for.</summary>
    public NodaTime.LocalDate AsOf { get; }

    /// <summary>The language to write in.</summary>
    public TextLanguage Language { get; }

    /// <summary>The wording templates.</summary>
    public ReportTemplates Templates { get; }

    /// <summary>Every figure: the built-in ones, then those published by the sections composed so far.</summary>
    public IReadOnlyList<ReportFigure> Figures => _all;

    /// <summary>The chart data.</summary>
    public IReadOnlyList<ReportChart> Charts { get; }

    /// <summary>The findings worth reporting.</summary>
    public IReadOnlyList<ReportFinding> Findings { get; }

    /// <summary>The plugins that shaped the report, in load order; empty without a plugin host.</summary>
    public IReadOnlyList<Extensibility.Roster.LoadedPlugin> Plugins { get; internal init; } = [];

    /// <summary>The figure with <paramref name="id"/>, or <c>null</c>.</summary>
    /// <param name="id">The id.</param>
    public ReportFigure? Figure(string id) => _figures.GetValueOrDefault(id);

    /// <summary>The template <paramref name="key"/> in the report's language with its placeholders filled (see <see cref="ReportTemplates"/>).</summary>
    /// <param name="key">The template's key.</param>
    public string Text(string key) => Fill(Templates.Get(key).In(Language), key);

    /// <summary>
    /// Fills the placeholders of <paramref name="template"/>: <c>{F2}</c> the value with its unit, <c>{F2:value}</c> the value
    /// alone, <c>{F4:share}</c> the share, <c>{city}</c>, <c>{year}</c>, <c>{asOf}</c>, <c>{documents}</c>. A missing figure
    /// reads 数据未录入.
    /// </summary>
    /// <param name="template">The text.</param>
    /// <param name="name">The template's name, for the error message.</param>
    /// <exception cref="InvalidOperationException">The template names an unknown placeholder.</exception>
    public string Fill(string template, string name = "(inline)") => ReportTemplates.Placeholder.Replace(template ?? string.Empty, m =>
    {
        var key = m.Groups["key"].Value;
        var format = m.Groups["format"].Value;
        switch (key)
        {
            case "city":
                return Dataset.City.Name;
            case "year":
                return Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case "asOf":
                return Language == TextLanguage.English
                    ? AsOf.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                    : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{AsOf.Year}年{AsOf.Month}月{AsOf.Day}日");
            case "portfolios":
                return Portfolios();
            case "documents":
                var titles = Dataset.GovernanceDocuments.Where(d => d.Issued <= AsOf).OrderBy(d => d.Issued).Select(d => $"《{d.Title}》").ToArray();
                return titles.Length == 0 ? ReportFigure.MissingText.In(Language) : string.Join(Language == TextLanguage.English ? ", " : "、", titles);
        }

        var figure = Figure(key) ?? throw new InvalidOperationException($"Report template '{name}' names '{{{m.Value.Trim('{', '}')}}}', but the report has no figure '{key}'.");
        return format switch
        {
            "value" => figure.FormatValue(Language),
            "share" => figure.FormatShare(Language),
            "change" => figure.FormatChange(Language),
            _ => figure.Format(Language),
        };
    });
}
