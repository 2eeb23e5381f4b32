namespace PartyDomain.Reporting;

/// <summary>
/// The library's own report sections: the opening, the seed report's three parts, compliance, findings and the
/// appendix of how each figure was counted. They are registered through
/// <see cref="Extensibility.PartyDomainBuilder.AddReportSection"/> like a plugin's, so a city can replace or remove
/// any of them by id.
/// </summary>
public static class BuiltInReportSections
{
    /// <summary>Id of the untitled opening paragraph.</summary>
    public const string Intro = "intro";

    /// <summary>Id of part one: institutions and mechanisms (一、抓强党建).</summary>
    public const string Institutions = "part1-institutions";

    /// <summary>Id of part two: organizational life (二、抓严党建).</summary>
    public const string OrganizationalLife = "part2-organizational-life";

    /// <summary>Id of part three: legal services (三、抓实党建).</summary>
    public const string LegalServices = "part3-legal-services";

    /// <summary>Id of the compliance section with its charts.</summary>
    public const string Compliance = "compliance";

    /// <summary>Id of the findings section.</summary>
    public const string Findings = "findings";

    /// <summary>Id of the appendix listing every figure's basis.</summary>
    public const string Appendix = "appendix";

    /// <summary>The built-in sections, in order.</summary>
    public static IReadOnlyList<IReportSection> Create() =>
    [
        new TemplateSection(Intro, 0, null, [Para("intro")]),
        new TemplateSection(Institutions, 100, "part1.title",
            [Para("part1.leadership"), Chart("admission-funnel"), Para("part1.politics"), Para("part1.systems"), Para("part1.foundation")]),
        new TemplateSection(OrganizationalLife, 200, "part2.title", [Para("part2.quality"), Para("part2.platform"), Para("part2.openness")]),
        new TemplateSection(LegalServices, 300, "part3.title", [Para("part3.public"), Para("part3.advisers"), Para("part3.mediation"), Chart("services-by-month")]),
        new TemplateSection(Compliance, 400, "compliance.title", [Para("compliance.summary"), Chart("compliance-by-system"), Chart("compliance-by-branch")]),
        new FindingsSection(),
        new AppendixSection(),
    ];

    private static Func<ReportContext, ReportBlock> Para(string key) => c => new ReportParagraph(c.Text(key));

    private static Func<ReportContext, ReportBlock> Chart(string id) => _ => new ReportChartBlock(id);

    /// <summary>A section of template paragraphs and charts.</summary>
    private sealed class TemplateSection(string id, int order, string? titleKey, IReadOnlyList<Func<ReportContext, ReportBlock>> blocks) : IReportSection
    {
        public string Id => id;

        public int Order => order;

        public ReportSectionContent Compose(ReportContext context) =>
            new(id, titleKey is null ? string.Empty : context.Text(titleKey), blocks.Select(b => b(context)).ToArray());
    }

    /// <summary>The findings, counted by area, with the most serious first.</summary>
    private sealed class FindingsSection : IReportSection
    {
        private const int PerArea = 20;

        public string Id => Findings;

        public int Order => 500;

        public ReportSectionContent Compose(ReportContext context)
        {
            var language = context.Language;
            var blocks = new List<ReportBlock>();
            if (context.Findings.Count == 0)
            {
                blocks.Add(new ReportParagraph(context.Text("findings.none")));
            }

            // Areas in order of their first finding; per area the count and the first few in the order of a stable sort
            // by severity (most serious first), then subject: one pass that keeps the first few, without grouping or
            // sorting the hundreds of thousands a national city has.
            var areas = new List<(string Area, int Count, List<ReportFinding> First)>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var findings = context.Findings;
            for (var i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                if (!index.TryGetValue(finding.Area, out var a))
                {
                    index[finding.Area] = a = areas.Count;
                    areas.Add((finding.Area, 0, new List<ReportFinding>(PerArea)));
                }

                var (area, count, first) = areas[a];
                areas[a] = (area, count + 1, first);
                Keep(first, finding);
            }

            foreach (var (area, count, first) in areas)
            {
                var name = AreaName(area).In(language);
                blocks.Add(new ReportSubheading(language == TextLanguage.English ? $"{name} ({count})" : $"{name}（{count}项）"));
                var lines = first.ConvertAll(f => f.Finding.Describe(language));
                if (count > PerArea)
                {
                    lines.Add(language == TextLanguage.English ? $"… and {count - PerArea} more" : $"……另有{count - PerArea}项");
                }

                blocks.Add(new ReportList(lines));
            }

            return new ReportSectionContent(Findings, context.Text("findings.title"), blocks);
        }

        /// <summary>
        /// Puts <paramref name="finding"/> into <paramref name="first"/>, the first <see cref="PerArea"/> findings so far in
        /// order, if it belongs there: after every finding that does not come after it, so equal ones keep their order.
        /// </summary>
        private static void Keep(List<ReportFinding> first, ReportFinding finding)
        {
            var at = first.Count;
            while (at > 0 && Before(finding, first[at - 1]))
            {
                at--;
            }

            if (at >= PerArea)
            {
                return;
            }

            if (first.Count == PerArea)
            {
                first.RemoveAt(PerArea - 1);
            }

            first.Insert(at, finding);
        }

        private static bool Before(ReportFinding x, ReportFinding y) =>
            x.Finding.Severity != y.Finding.Severity
                ? x.Finding.Severity > y.Finding.Severity
                : string.CompareOrdinal(x.Finding.Subject.Id, y.Finding.Subject.Id) < 0;

        private static LocalizedText AreaName(string area) => area switch
        {
            "structure" => new("组织设置与覆盖", "Organization and coverage"),
            "compliance" => new("基本制度落实", "Basic systems"),
            "training" => new("学习培训", "Training"),
            "development" => new("发展党员", "Admissions"),
            "dues" => new("党费收缴", "Party dues"),
            "governance" => new("重大事项程序", "Major matters"),
            _ => new(area, area),
        };
    }

    /// <summary>Every figure with its value, filter and source.</summary>
    private sealed class AppendixSection : IReportSection
    {
        public string Id => Appendix;

        public int Order => 900;

        public ReportSectionContent Compose(ReportContext context) =>
            new(Appendix, context.Text("appendix.title"), [new ReportFigureTable(context.Figures.Select(f => f.Id).ToArray())]);
    }
}
