using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Extensibility;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Time;

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
            var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => c.Width!.Value!).ToArray();
            var rows = table.Elements<TableRow>().ToArray();
            rows.Should().NotBeEmpty();
            var style = rows[0].Descendants<ParagraphStyleId>().First().Val!.Value!;
            for (var i = 0; i < rows.Length; i++)
            {
                var texts = rows[i].Elements<TableCell>().Select(c => c.InnerText).ToArray();
                rows[i].OuterXml.Should().Be(Row(texts, widths, head: i == 0, style).OuterXml, $"row {i} of a table");
            }
        }

        tables.SelectMany(t => t.Descendants<Run>()).Should().Contain(r => r.InnerText == "数据未录入", "a missing figure's row has the phrase in bold red");
    }

    /// <summary>A table row as the element tree builds it: each cell a paragraph of runs, 数据未录入 in bold red, a heading bold.</summary>
    private static TableRow Row(string[] texts, string[] widths, bool head, string style)
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
                    paragraph.Append(new Run(new RunProperties(new Bold(), new Color { Val = "C00000" }), new Text(missing) { Space = SpaceProcessingModeValues.Preserve }));
                }

                if (parts[p].Length > 0)
                {
                    var run = new Run(new Text(parts[p]) { Space = SpaceProcessingModeValues.Preserve });
                    if (head)
                    {
                        run.PrependChild(new RunProperties(new Bold()));
                    }

                    paragraph.Append(run);
                }
            }

            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[i], Type = TableWidthUnitValues.Dxa }), paragraph));
        }

        return row;
    }
}
