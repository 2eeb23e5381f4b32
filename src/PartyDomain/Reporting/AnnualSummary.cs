using NodaTime;
using PartyDomain.Data;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Reporting;

/// <summary>A finding worth reporting, with the area of work it belongs to.</summary>
/// <param name="Area">The area: <c>structure</c>, <c>compliance</c>, <c>training</c>, <c>development</c>, <c>dues</c>, <c>governance</c>, or a plugin's own.</param>
/// <param name="Finding">The finding, naming subject, rule and source.</param>
public sealed record ReportFinding(string Area, Finding Finding)
{
    /// <summary>The period slot a missed obligation belongs to (the month or quarter), when it has one.</summary>
    public CadenceSlot? Slot { get; init; }
}

/// <summary>A report section that threw while it was composed: it stands in the report as a note with the reason.</summary>
/// <param name="SectionId">The section's id.</param>
/// <param name="Reason">The exception's message.</param>
/// <param name="Exception">The exception.</param>
public sealed record ReportSectionFailure(string SectionId, string Reason, Exception Exception);

/// <summary>
/// The annual summary of a city's lawyer-industry party building: every figure F1–F26 of <c>domain.md</c> §3 (and
/// their parts), the chart data, the findings worth reporting and the text sections, in one plain, serializable model
/// that every renderer (Markdown, HTML, JSON, Word) reads. Build it with <see cref="AnnualSummaryBuilder"/>.
/// </summary>
public sealed record AnnualSummary
{
    private Dictionary<string, ReportFigure>? _byId;

    /// <summary>The city.</summary>
    public required CityInfo City { get; init; }

    /// <summary>The year reported on.</summary>
    public required int Year { get; init; }

    /// <summary>The period: the calendar year.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>The date the "as of" figures hold for: the year's last day, or the data's today when earlier.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The day the summary was made.</summary>
    public required LocalDate Generated { get; init; }

    /// <summary>The language of <see cref="Title"/> and <see cref="Sections"/>.</summary>
    public required TextLanguage Language { get; init; }

    /// <summary>The report's title.</summary>
    public required string Title { get; init; }

    /// <summary>Every figure, in report order.</summary>
    public required IReadOnlyList<ReportFigure> Figures { get; init; }

    /// <summary>The chart data.</summary>
    public required IReadOnlyList<ReportChart> Charts { get; init; }

    /// <summary>The findings worth reporting.</summary>
    public required IReadOnlyList<ReportFinding> Findings { get; init; }

    /// <summary>The text sections, in order.</summary>
    public required IReadOnlyList<ReportSectionContent> Sections { get; init; }

    private Lazy<ProblemList> _problems = new(ProblemList.Empty);

    /// <summary>The problem list (问题清单): one line per finding, by branch, then area; the separate document a branch acts on.</summary>
    /// <remarks>The builder's list is put together on first read, so it is made while the summary's other files are written.</remarks>
    public ProblemList Problems
    {
        get => _problems.Value;
        init => _problems = new(value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Sets <see cref="Problems"/> to be made on first read, once, whichever thread reads first.</summary>
    internal Func<ProblemList> ProblemsFrom
    {
        init => _problems = new(value, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The sections that failed, each standing in <see cref="Sections"/> as a note saying so; empty when all were written.</summary>
    public IReadOnlyList<ReportSectionFailure> FailedSections { get; init; } = [];

    /// <summary>The plugins that shaped the summary (its rules, indicators, sections, data), in load order; empty without a plugin host.</summary>
    public IReadOnlyList<Extensibility.Roster.LoadedPlugin> Plugins { get; init; } = [];

    /// <summary>Whether the year had not ended by the data's today, so the figures over the year are partial.</summary>
    public bool PartialYear { get; init; }

    /// <summary>The figure with <paramref name="id"/>.</summary>
    /// <param name="id">The figure's id, for example <c>F17</c>.</param>
    /// <exception cref="KeyNotFoundException">No figure has that id.</exception>
    public ReportFigure Figure(string id) =>
        (_byId ??= Figures.ToDictionary(f => f.Id, StringComparer.OrdinalIgnoreCase)).TryGetValue(id, out var f)
            ? f
            : throw new KeyNotFoundException($"The summary has no figure '{id}'.");

    /// <summary>The chart with <paramref name="id"/>, or <c>null</c>.</summary>
    /// <param name="id">The chart's id.</param>
    public ReportChart? Chart(string id) => Charts.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
}
