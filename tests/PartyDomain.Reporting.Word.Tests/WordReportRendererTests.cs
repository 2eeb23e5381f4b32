using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime.Testing;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Extensibility;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Organization.Structure;
using PartyDomain.Time;
using PartyDomain.Training;

namespace PartyDomain.Reporting.Word.Tests;

public class WordReportRendererTests
{
    private static readonly FakeClock Clock = new(new LocalDate(2025, 3, 1).At(new LocalTime(10, 0)).InZoneStrictly(PartyDomainTime.DefaultZone).ToInstant());

    /// <summary>A committee, one firm with its branch and three members, a meeting and some services in 2024; no mediations (F22 missing).</summary>
    private static CityDataset City()
    {
        var since = new LocalDate(2015, 1, 1);
        var builder = new CityDatasetBuilder(new CityInfo("411500", "信阳市"), Clock)
            .Add(new PartyOrganization { Id = new("C"), Name = "信阳市律师行业党委", Kind = OrganizationKind.IndustryCommittee, Established = new(2019, 10, 1) })
            .Add(new PartyOrganization { Id = new("B"), Name = "涵信律师事务所党支部", Kind = OrganizationKind.Branch, ParentId = new("C"), Established = new(2019, 11, 1) })
            .Add(new LawFirm { Id = new("F"), Name = "涵信律师事务所", CharterIncludesPartyBuildingSince = new(2020, 1, 1) })
            .Add(new FirmCoverage { OrganizationId = new("B"), FirmId = new("F"), From = new(2019, 11, 1) });
        foreach (var id in new[] { "P1", "P2", "P3" })
        {
            builder.Add(new Person { Id = new(id), Name = $"律师{id}", Standings = [new(MemberStanding.FullMember, since)], Lawyer = new LawyerProfile($"1411{id}") })
                .Add(new MembershipRegistration { PersonId = new(id), OrganizationId = new("B"), From = new(2019, 11, 1) })
                .Add(new FirmEmployment { PersonId = new(id), FirmId = new("F"), From = since });
        }

        builder.Add(new PartyPostHolding { PersonId = new("P1"), OrganizationId = new("B"), Post = PartyPost.Secretary, From = new(2019, 11, 1) })
            .Add(new FirmPostHolding { PersonId = new("P1"), FirmId = new("F"), Post = FirmPost.Director, From = since })
            .Add(new ActivityRecord { Id = "A1", OrganizationId = new("B"), Kind = ActivityKind.GeneralMeeting, Date = new(2024, 3, 5), Attendance = [new(new("P1"), AttendanceStatus.Present), new(new("P2"), AttendanceStatus.Present)] })
            .Add(new ServiceRecord { Indicator = IndicatorCodes.HotlineAnswered, Date = new(2024, 4, 1), Span = RecordSpan.Month, Quantity = 1200 })
            .Add(new ServiceRecord { Indicator = IndicatorCodes.LegalAidCases, Date = new(2024, 6, 1), Quantity = 35 });
        return builder.Build();
    }

    private static (AnnualSummary Summary, IReportRenderer Renderer) Render()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(Clock);
        services.AddPartyDomain(b => b.AddWordReport());
        using var provider = services.BuildServiceProvider();
        var renderer = provider.GetServices<IReportRenderer>().Single(r => r.Format == "docx");
        return (provider.GetRequiredService<AnnualSummaryBuilder>().Build(City(), 2024), renderer);
    }

    private static byte[] Docx(AnnualSummary summary, IReportRenderer renderer)
    {
        using var stream = new MemoryStream();
        renderer.Render(summary, stream);
        return stream.ToArray();
    }

    [Fact]
    public void The_document_ends_with_the_plugins_that_shaped_it_and_stays_valid()
    {
        var (_, renderer) = Render();
        var roster = new Extensibility.Roster.PluginRoster(
            [new("xinyang", "1.2.0", new("信阳市律师行业党建", "Xinyang")) { Contributions = [new(Extensibility.Roster.PluginContributionKind.Indicator, "xy-a")] }], []);
        var services = new ServiceCollection().AddSingleton<IClock>(Clock);
        services.AddPartyDomain();
        using var provider = services.BuildServiceProvider();
        T Get<T>() where T : notnull => provider.GetRequiredService<T>();
        var builder = new AnnualSummaryBuilder(Get<StructureChecker>(), Get<ComplianceEvaluator>(), Get<TrainingEvaluator>(), Get<AdmissionPipeline>(), Get<DuesEvaluator>(),
            Get<GovernanceEvaluator>(), BuiltInReportSections.Create(), ReportTemplates.CreateDefault(), Get<ZonedClock>(), Get<IOptions<PartyDomainOptions>>()) { Plugins = roster };
        var summary = builder.Build(City(), 2024);
        using var document = WordprocessingDocument.Open(new MemoryStream(Docx(summary, renderer)), false);

        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        text.Should().Contain("附：加载的插件").And.Contain("xinyang 1.2.0（信阳市律师行业党建）：指标1项");
        text.IndexOf("附：加载的插件", StringComparison.Ordinal).Should().BeGreaterThan(text.IndexOf("附：数据口径", StringComparison.Ordinal));
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Should().BeEmpty();
    }

    [Fact]
    public void The_document_passes_open_xml_validation_with_no_errors()
    {
        var (summary, renderer) = Render();
        using var document = WordprocessingDocument.Open(new MemoryStream(Docx(summary, renderer)), false);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToArray();

        errors.Should().BeEmpty();
    }

    [Fact]
    public void The_document_holds_the_three_parts_the_figures_and_says_data_not_entered_in_red()
    {
        var (summary, renderer) = Render();
        using var document = WordprocessingDocument.Open(new MemoryStream(Docx(summary, renderer)), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var text = body.InnerText;

        renderer.FileExtension.Should().Be(".docx");
        text.Should().Contain("一、抓强党建，在健全制度机制上下功夫").And.Contain("二、抓严党建").And.Contain("三、抓实党建");
        text.Should().Contain("解答来电1200人次").And.Contain("办理法律援助案件35件").And.Contain("2019年10月");
        text.Should().Contain("参与化解各类纠纷调解数据未录入").And.NotContain("XX");
        body.Descendants<Run>().Where(r => r.InnerText == "数据未录入")
            .Should().NotBeEmpty().And.OnlyContain(r => r.RunProperties!.Color!.Val == "C00000");
        body.Descendants<Table>().Should().NotBeEmpty("the figures' basis is a table");
        var page = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        ((uint)page.Width!, (uint)page.Height!).Should().Be((11906U, 16838U), "A4 in twentieths of a point");
    }

    [Fact]
    public void The_streamed_tables_hold_the_same_xml_the_element_tree_of_the_same_rows_would()
    {
        var (summary, renderer) = Render();
        using var document = WordprocessingDocument.Open(new MemoryStream(Docx(summary, renderer)), false);
        var tables = document.MainDocumentPart!.Document.Body!.Elements<Table>().ToArray();

        tables.Should().NotBeEmpty();
        foreach (var table in tables)
        {
            table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Should().OnlyContain(c => c.Width!.Value!.Length > 0);
            var rows = table.Elements<TableRow>().ToArray();
            rows.Should().NotBeEmpty();
            var style = rows[0].Descendants<ParagraphStyleId>().First().Val!.Value!;
            for (var i = 0; i < rows.Length; i++)
            {
                var texts = rows[i].Elements<TableCell>().Select(c => c.InnerText).ToArray();
                rows[i].OuterXml.Should().Be(Row(texts, head: i == 0, style).OuterXml, $"row {i} of a table");
            }
        }

        tables.SelectMany(t => t.Descendants<Run>()).Should().Contain(r => r.InnerText == "数据未录入", "a missing figure's row has the phrase in bold red");
    }

    /// <summary>A table row as the element tree builds it: each cell a paragraph of runs, 数据未录入 in bold red, a heading bold.</summary>
    private static TableRow Row(string[] texts, bool head, string style)
    {
        const string missing = "数据未录入";
        var row = new TableRow(head ? new TableRowProperties(new TableHeader()) : new TableRowProperties(new CantSplit()));
        for (var i = 0; i < texts.Length; i++)
        {
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            var parts = texts[i].Split(missing);
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0)
                {
                    paragraph.Append(new Run(new RunProperties(new Bold(), new Color { Val = "C00000" }), Text(missing)));
                }

                if (parts[p].Length > 0)
                {
                    var run = new Run(Text(parts[p]));
                    if (head)
                    {
                        run.PrependChild(new RunProperties(new Bold()));
                    }

                    paragraph.Append(run);
                }
            }

            // The table's layout is fixed: the grid holds the widths, the cells none.
            row.Append(new TableCell(paragraph));
        }

        return row;
    }

    /// <summary>A text that keeps its spaces only when it has some at either end.</summary>
    private static Text Text(string text) =>
        text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? new Text(text) { Space = SpaceProcessingModeValues.Preserve } : new Text(text);

    [Fact]
    public void The_charts_are_real_word_charts_with_their_values_cached_and_the_pages_are_numbered_under_a_header()
    {
        var (summary, renderer) = Render();
        using var document = WordprocessingDocument.Open(new MemoryStream(Docx(summary, renderer)), false);
        var main = document.MainDocumentPart!;

        var charts = main.ChartParts.ToArray();
        charts.Length.Should().BeGreaterThanOrEqualTo(2);
        var referenced = main.Document.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ChartReference>().Select(c => c.Id!.Value).ToArray();
        referenced.Should().BeEquivalentTo(charts.Select(main.GetIdOfPart), "each chart part is placed in the body");
        var bySystem = charts.Select(c => c.ChartSpace).Single(c => c.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarChart>().Any()
            && c.Descendants<DocumentFormat.OpenXml.Drawing.Charts.StringPoint>().Any(p => p.InnerText == "三会一课"));
        bySystem.Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>().Should().NotBeEmpty("the values are cached in the chart");
        charts.Should().Contain(c => c.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.LineChart>().Any(), "services by month");

        main.HeaderParts.Single().Header.InnerText.Should().Be("信阳市律师行业党建工作2024年度总结");
        main.FooterParts.Single().Footer.Descendants<FieldCode>().Single().Text.Trim().Should().Be("PAGE");
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        section.Elements<HeaderReference>().Should().ContainSingle();
        section.Elements<FooterReference>().Should().ContainSingle();
        main.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>().Select(f => f.EastAsia?.Value).Should().Contain(["仿宋", "黑体", "方正小标宋简体", "楷体"]);
    }

    [Fact]
    public void The_problem_list_is_a_valid_word_document_and_workbook_with_the_count_per_branch_first_and_a_row_per_finding()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(Clock);
        services.AddPartyDomain(b => b.AddWordReport());
        using var provider = services.BuildServiceProvider();
        var renderers = provider.GetServices<IReportRenderer>().ToDictionary(r => r.Format);
        var summary = provider.GetRequiredService<AnnualSummaryBuilder>().Build(City(), 2024);
        summary.Problems.Lines.Should().NotBeEmpty();

        using var docx = WordprocessingDocument.Open(new MemoryStream(Docx(summary, renderers["problems.docx"])), false);
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}").Should().BeEmpty();
        var tables = docx.MainDocumentPart!.Document.Body!.Elements<Table>().ToArray();
        var first = tables[0].Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToArray();
        first.Should().BeEquivalentTo(summary.Problems.CountByBranch().Select(c => new[] { c.Branch, summary.Problems.Lines.First(l => l.Branch == c.Branch).Secretary, c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        tables.Skip(1).Sum(t => t.Elements<TableRow>().Count() - 1).Should().Be(summary.Problems.Lines.Count, "one row per finding");

        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(Docx(summary, renderers["problems.xlsx"])), false);
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(xlsx).Select(e => $"{e.Path?.XPath}: {e.Description}").Should().BeEmpty();
        var sheets = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToArray();
        sheets.Select(s => s.Name!.Value).Should().Equal("汇总", "问题清单");
        var lines = (WorksheetPart)xlsx.WorkbookPart.GetPartById(sheets[1].Id!);
        var rows = lines.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToArray();
        rows.Should().HaveCount(summary.Problems.Lines.Count + 1);
        var shared = xlsx.WorkbookPart.SharedStringTablePart!.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(i => i.InnerText).ToArray();
        rows[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString ? shared[int.Parse(c.InnerText, System.Globalization.CultureInfo.InvariantCulture)] : c.InnerText).Should().Equal(
            summary.Problems.Lines[0].Branch, summary.Problems.Lines[0].Area, summary.Problems.Lines[0].Slot, summary.Problems.Lines[0].Subject, summary.Problems.Lines[0].Problem,
            summary.Problems.Lines[0].Expected, summary.Problems.Lines[0].Found, summary.Problems.Lines[0].Citation, summary.Problems.Lines[0].Secretary, "提醒");
    }

    [Fact]
    public void A_problem_list_longer_than_a_sheet_goes_on_in_further_sheets_each_with_its_header()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(Clock);
        services.AddPartyDomain(b => b.AddWordReport());
        using var provider = services.BuildServiceProvider();
        var summary = provider.GetRequiredService<AnnualSummaryBuilder>().Build(City(), 2024);
        var lines = summary.Problems.Lines.Count;
        lines.Should().BeGreaterThan(4);

        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(Docx(summary, new ProblemListXlsxRenderer { RowsPerSheet = 2 })), false);

        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(xlsx).Should().BeEmpty();
        var sheets = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToArray();
        sheets.Select(s => s.Name!.Value).Should().Equal(["汇总", "问题清单", .. Enumerable.Range(2, ((lines + 1) / 2) - 1).Select(i => $"问题清单{i}")]);
        var rows = sheets.Skip(1).Select(s => ((WorksheetPart)xlsx.WorkbookPart.GetPartById(s.Id!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count()).ToArray();
        rows.Should().OnlyContain(r => r == 2 || r == 3, "a header and at most two lines each");
        rows.Sum(r => r - 1).Should().Be(lines);
    }

    [Fact]
    public void A_name_with_markup_and_control_characters_stays_text_and_the_document_stays_valid()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(Clock);
        services.AddPartyDomain(b => b.AddWordReport().AddReportSection(new Hostile()));
        using var provider = services.BuildServiceProvider();
        var summary = provider.GetRequiredService<AnnualSummaryBuilder>().Build(City(), 2024);

        using var document = WordprocessingDocument.Open(new MemoryStream(Docx(summary, provider.GetServices<IReportRenderer>().Single(r => r.Format == "docx"))), false);
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Should().BeEmpty();
        document.MainDocumentPart!.Document.Body!.InnerText.Should().Contain("<script>alert(1)</script><img onerror=x>本所");
    }

    private sealed class Hostile : IReportSection
    {
        public string Id => "hostile";

        public int Order => 350;

        public ReportSectionContent Compose(ReportContext context) => new(Id, "<b>标题</b>", [new ReportParagraph("<script>alert(1)</script><img onerror=x>\u0001本所\u0008")]);
    }
}
