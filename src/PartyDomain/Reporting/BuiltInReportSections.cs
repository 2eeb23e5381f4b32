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

    /// <summary>Id of the list of the plugins that shaped the report (附：加载的插件), left out when none was loaded.</summary>
    public const string Plugins = "plugins";

    /// <summary>The built-in sections, in order.</summary>
    public static IReadOnlyList<IReportSection> Create() =>
    [
        new TemplateSection(Intro, 0, null, [Para("intro")]),
        new TemplateSection(Institutions, 100, "part1.title", [Para("part1.leadership"), Para("part1.politics"), Para("part1.systems"), Para("part1.foundation")]),
        new TemplateSection(OrganizationalLife, 200, "part2.title", [Para("part2.quality"), Para("part2.platform"), Para("part2.openness")]),
        new TemplateSection(LegalServices, 300, "part3.title", [Para("part3.public"), Para("part3.advisers"), Para("part3.mediation"), Chart("services-by-month")]),
        new ComplianceSection(),
        new FindingsSection(),
        new AppendixSection(),
        new PluginsSection(),
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

    /// <summary>
    /// The findings in one paragraph: how many, by area, and that each is in the problem list (问题清单), the separate
    /// document a branch acts on. The summary names no person, rule id or single finding.
    /// </summary>
    private sealed class FindingsSection : IReportSection
    {
        public string Id => Findings;

        public int Order => 500;

        public ReportSectionContent Compose(ReportContext context)
        {
            if (context.Findings.Count == 0)
            {
                return new ReportSectionContent(Findings, context.Text("findings.title"), [new ReportParagraph(context.Text("findings.none"))]);
            }

            // Areas in order of their first finding, counted in one pass: a national city has half a million findings.
            var areas = new List<(string Area, int Count)>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var finding in context.Findings)
            {
                if (!index.TryGetValue(finding.Area, out var a))
                {
                    index[finding.Area] = a = areas.Count;
                    areas.Add((finding.Area, 0));
                }

                areas[a] = (areas[a].Area, areas[a].Count + 1);
            }

            var english = context.Language == TextLanguage.English;
            var parts = areas.Select(a => english ? $"{AreaName(a.Area).English.ToLowerInvariant()} {a.Count}" : $"{AreaName(a.Area).Chinese}{a.Count}项");
            var text = context.Templates.Get("findings.summary").In(context.Language)
                .Replace("{count}", context.Findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{areas}", string.Join(english ? ", " : "，", parts), StringComparison.Ordinal);
            return new ReportSectionContent(Findings, context.Text("findings.title"), [new ReportParagraph(context.Fill(text, "findings.summary"))]);
        }
    }

    /// <summary>The name of a findings area (<c>structure</c>, <c>compliance</c>, …; a plugin's own area is shown as it is).</summary>
    /// <param name="area">The area.</param>
    internal static LocalizedText AreaName(string area) => area switch
    {
        "structure" => new("组织设置与覆盖", "Organization and coverage"),
        "compliance" => new("基本制度落实", "Basic systems"),
        "training" => new("学习培训", "Training"),
        "development" => new("发展党员", "Admissions"),
        "dues" => new("党费收缴", "Party dues"),
        "governance" => new("重大事项程序", "Major matters"),
        _ => new(area, area),
    };

    /// <summary>The compliance part: the overall rate, each system's, the lowest branches, and the two charts.</summary>
    private sealed class ComplianceSection : IReportSection
    {
        public string Id => Compliance;

        public int Order => 400;

        public ReportSectionContent Compose(ReportContext context)
        {
            var english = context.Language == TextLanguage.English;
            var systems = context.Figures.Where(f => f.Id.StartsWith("F26-system-", StringComparison.Ordinal) && !f.IsMissing)
                .Select(f => english ? $"{f.Name.English} {f.Format(context.Language)}" : $"{f.Name.Chinese.Replace("落实率", string.Empty, StringComparison.Ordinal)}{f.Format(context.Language)}").ToArray();
            var lowest = context.Figures.Where(f => f.Id.StartsWith("F26-branch-", StringComparison.Ordinal) && !f.IsMissing).OrderBy(f => f.Value).ThenBy(f => f.Id, StringComparer.Ordinal).Take(3)
                .Select(f => english ? $"{f.Name.English} {f.Format(context.Language)}" : $"{f.Name.Chinese.Replace("落实率", string.Empty, StringComparison.Ordinal)}（{f.Format(context.Language)}）").ToArray();
            var text = context.Text("compliance.summary");
            if (systems.Length > 0)
            {
                text += english ? $" By system: {string.Join("; ", systems)}." : $"分制度看，{string.Join("，", systems)}。";
            }

            if (lowest.Length > 0)
            {
                text += english ? $" Lowest branches: {string.Join("; ", lowest)}." : $"落实率较低的党支部是{string.Join("、", lowest)}，已列入问题清单督促整改。";
            }

            return new ReportSectionContent(Compliance, context.Text("compliance.title"),
                [new ReportParagraph(text), new ReportChartBlock("compliance-by-system"), new ReportChartBlock("compliance-by-branch")]);
        }
    }

    /// <summary>Every figure with its value, filter and source.</summary>
    private sealed class AppendixSection : IReportSection
    {
        public string Id => Appendix;

        public int Order => 900;

        public ReportSectionContent Compose(ReportContext context) =>
            // Each branch's rate is in the branch chart, the JSON report and the problem list; here, the city's figures.
            new(Appendix, context.Text("appendix.title"), [new ReportFigureTable(context.Figures.Where(f => !f.Id.StartsWith("F26-branch-", StringComparison.Ordinal)).Select(f => f.Id).ToArray())]);
    }

    /// <summary>Each loaded plugin with its version and what it registered, so a reader knows what shaped the figures.</summary>
    private sealed class PluginsSection : IReportSection
    {
        public string Id => Plugins;

        public int Order => 950;

        public ReportSectionContent? Compose(ReportContext context) => context.Plugins.Count == 0 ? null
            : new(Plugins, context.Text("plugins.title"), [new ReportList(context.Plugins.Select(p => Describe(p, context.Language)).ToArray())]);

        /// <summary>
        /// <c>xinyang 1.0.0（信阳市律师行业党建）：规则1项、指标2项</c>: what it registered counted by kind, since the summary
        /// a bureau hands up names no rule id; the JSON report lists each by id.
        /// </summary>
        internal static string Describe(Extensibility.Roster.LoadedPlugin plugin, TextLanguage language)
        {
            var english = language == TextLanguage.English;
            var parts = plugin.Contributions.GroupBy(c => c.Kind).Select(g => english
                ? $"{KindName(g.Key).English}: {g.Count()}"
                : $"{KindName(g.Key).Chinese}{g.Count()}项").ToArray();
            var what = parts.Length == 0 ? (english ? "registered nothing" : "未注册任何内容") : string.Join(english ? "; " : "、", parts);
            return english ? $"{plugin.Id} {plugin.Version} ({plugin.DisplayName.English}): {what}" : $"{plugin.Id} {plugin.Version}（{plugin.DisplayName.Chinese}）：{what}";
        }

        private static LocalizedText KindName(Extensibility.Roster.PluginContributionKind kind) => kind switch
        {
            Extensibility.Roster.PluginContributionKind.Rule => new("规则", "rules"),
            Extensibility.Roster.PluginContributionKind.RuleDefault => new("规则默认值", "rule defaults"),
            Extensibility.Roster.PluginContributionKind.Indicator => new("指标", "indicators"),
            Extensibility.Roster.PluginContributionKind.ActivityKind => new("活动类型", "activity kinds"),
            Extensibility.Roster.PluginContributionKind.StudyCreditConverter => new("学习积分折算", "study-credit converters"),
            Extensibility.Roster.PluginContributionKind.DatasetContributor => new("平台接入", "platform connectors"),
            Extensibility.Roster.PluginContributionKind.ImportTable => new("导入表", "import tables"),
            Extensibility.Roster.PluginContributionKind.ReportSection => new("报告章节", "report sections"),
            _ => new("党费基数政策", "dues base policy"),
        };
    }
}
