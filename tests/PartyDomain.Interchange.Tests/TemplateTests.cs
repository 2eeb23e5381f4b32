using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PartyDomain.BasicSystems;
using PartyDomain.Organization;
using PartyDomain.Tests;
using PartyDomain.Development;
using PartyDomain.Metrics;

namespace PartyDomain.Interchange.Tests;

/// <summary>
/// The template staff fill in, opened as Excel would with the OpenXML SDK: instructions, dropdowns, date cells, a frozen
/// header and an example row; then filled in programmatically, saved and imported: the rows typed arrive, the examples
/// do not.
/// </summary>
public sealed class TemplateTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_workbook_starts_with_the_instructions_and_hides_the_dropdown_lists()
    {
        var path = Template();
        using var document = SpreadsheetDocument.Open(path, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();

        sheets[0].Name!.Value.Should().Be("说明");
        sheets.Skip(1).SkipLast(1).Select(s => s.Name!.Value).Should().Equal(Schema.DatasetSchema.Tables.Select(t => t.ChineseName));
        sheets[^1].Name!.Value.Should().Be("可选值");
        sheets[^1].State!.Value.Should().Be(SheetStateValues.Hidden);
        sheets.Take(sheets.Count - 1).Should().OnlyContain(s => s.State == null);

        var instructions = Texts(document, "说明");
        instructions.Should().Contain(["1. 城市", "2. 党组织", "3. 律师事务所", "4. 人员", "示例行", "日期"]);
        string.Join("\n", instructions).Should().Contain("必填列：组织编号、组织名称、组织类别、成立日期")
            .And.Contain("yyyy-mm-dd").And.Contain("第 2 行是灰色斜体的示例行").And.Contain("导入时跳过");
        instructions.IndexOf("2. 党组织").Should().BeLessThan(instructions.IndexOf("13. 组织生活"), "the order to fill is parents first");
    }

    [Fact]
    public void Every_choice_column_has_a_dropdown_of_its_chinese_names_and_every_reference_one_of_the_ids()
    {
        var path = Template();
        using var document = SpreadsheetDocument.Open(path, false);

        Dropdown(document, "党组织", "组织类别").Should().Equal("行业党委", "党总支", "党支部", "联合党支部", "党小组");
        Dropdown(document, "组织生活", "活动类型").Should().StartWith(["支部党员大会", "支委会", "党小组会", "党课"]).And.Contain("红色教育");
        Dropdown(document, "活动出勤", "出勤情况").Should().Equal("出席", "缺席", "请假");
        Dropdown(document, "党内职务", "职务").Should().Equal("书记", "副书记", "委员", "党小组组长");
        Dropdown(document, "培训班次", "集中培训").Should().Equal("是", "否");
        Dropdown(document, "服务记录", "指标").Should().Contain("12348热线来电").And.NotContain("12348热线接通率", "a computed indicator takes no records");

        // Reference columns list the ids of the sheet they refer to, below its header and example row.
        IdRange(document, "组织关系", "人员编号").Should().StartWith("'人员'!$B$3:$B$");
        IdRange(document, "组织关系", "组织编号").Should().StartWith("'党组织'!$B$3:$B$");
        IdRange(document, "党组织", "上级组织编号").Should().StartWith("'党组织'!$B$3:$B$");
        IdRange(document, "执业经历", "律所编号").Should().StartWith("'律师事务所'!$B$3:$B$");
        IdRange(document, "活动出勤", "记录编号").Should().StartWith("'组织生活'!$B$3:$B$");

        foreach (var table in Schema.DatasetSchema.Tables)
        {
            var validated = Validations(document, table.ChineseName).Select(v => Header(document, table.ChineseName, v.SequenceOfReferences!.InnerText!)).ToHashSet();
            var expected = table.Columns.Where(c => (c.Choices is not null && c.Kind != Schema.ColumnKind.List) || (c.References is not null && c.Kind == Schema.ColumnKind.Id));
            validated.Should().BeEquivalentTo(expected.Select(c => c.ChineseName), table.Name);
        }
    }

    [Fact]
    public void Dates_are_date_cells_ids_are_text_the_header_is_frozen_and_the_example_row_is_marked_grey_and_italic()
    {
        var path = Template();
        using var document = SpreadsheetDocument.Open(path, false);
        var part = Part(document, "党组织");
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

        var pane = part.Worksheet.Descendants<Pane>().Single();
        (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value).Should().Be((PaneStateValues.Frozen, 1d, "A2"));

        var example = Cell(part, "A2");
        Text(document, example).Should().Be("示例");
        var font = Font(styles, example);
        font.Italic.Should().NotBeNull();
        font.Color!.Rgb!.Value.Should().Be("FF808080");

        // 成立日期 of the example: a number (serial day) shown as yyyy-mm-dd, grey and italic like the rest of the row.
        var established = Cell(part, Letter(part, document, "成立日期") + "2");
        established.DataType.Should().BeNull();
        DateTime.FromOADate(double.Parse(established.CellValue!.Text, CultureInfo.InvariantCulture)).Should().Be(new DateTime(2020, 3, 1));
        NumberFormat(styles, established.StyleIndex!.Value).Should().Be("yyyy-mm-dd");
        Font(styles, established).Italic.Should().NotBeNull();

        // Empty rows below: the column itself is formatted, so a date typed later is a date, an id typed later text.
        var columns = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().ToList();
        NumberFormat(styles, ColumnStyle(columns, Letter(part, document, "成立日期"))).Should().Be("yyyy-mm-dd");
        NumberFormat(styles, ColumnStyle(columns, Letter(part, document, "组织编号"))).Should().Be("@");
        columns.Should().OnlyContain(c => c.Width! >= 8);
        columns.Single(c => c.Min! == 3).Width!.Value.Should().BeGreaterThan(20, "组织名称 is wide enough for a branch's name");

        // Required headers orange, optional ones blue.
        Fill(styles, Cell(part, Letter(part, document, "组织编号") + "1")).Should().Be("FFFCE4D6");
        Fill(styles, Cell(part, Letter(part, document, "撤销日期") + "1")).Should().Be("FFDDEBF7");
    }

    [Fact]
    public void A_filled_in_workbook_imports_the_rows_typed_and_skips_every_example()
    {
        var path = Template();
        using (var document = SpreadsheetDocument.Open(path, true))
        {
            Append(document, "城市", "411500", "信阳市");
            Append(document, "党组织", "C", "信阳市律师行业党委", "行业党委", null, new DateTime(2019, 10, 1));
            Append(document, "党组织", "B1", "河南某某律师事务所党支部", "党支部", "C", new DateTime(2020, 3, 1));
            Append(document, "律师事务所", "F1", "河南某某律师事务所", null, "浉河区", "2012/3/5");
            Append(document, "人员", "M1", "王芳", new DateTime(1988, 8, 8), "411502198808081234", null, "14115201310012345", new DateTime(2013, 9, 1));
            Append(document, "政治身份", "M1", "正式党员", new DateTime(2010, 7, 1));
            Append(document, "组织关系", "M1", "B1", new DateTime(2020, 3, 1));
            Append(document, "执业经历", "M1", "F1", new DateTime(2013, 9, 1));
            Append(document, "组织覆盖", "B1", "F1", new DateTime(2020, 3, 1));
            Append(document, "组织生活", "H1", "B1", "支部党员大会", new DateTime(2025, 3, 5), "学习新党章");
            Append(document, "活动出勤", "H1", "M1", "出席");
            document.Save();
        }

        var result = DatasetFiles.Read(path, RoundTripTests.Options());

        result.Problems.Should().BeEmpty();
        var dataset = result.Dataset!;
        dataset.City.Should().Be(new Data.CityInfo("411500", "信阳市"));
        dataset.Organizations.Select(o => o.Id.Value).Should().Equal("C", "B1");
        dataset.Firms.Single().Founded.Should().Be(new LocalDate(2012, 3, 5));
        var person = dataset.People.Single();
        (person.Name, person.BirthDate, person.IdNumber!.Value.Reveal()).Should().Be(("王芳", new LocalDate(1988, 8, 8), "411502198808081234"));
        person.Standings.Single().Standing.Should().Be(MemberStanding.FullMember);
        var activity = dataset.Activities.Single();
        (activity.Kind, activity.Date, activity.Attendance.Single().Status).Should().Be((ActivityKind.GeneralMeeting, new LocalDate(2025, 3, 5), AttendanceStatus.Present));
        dataset.Registrations.Should().ContainSingle();
        dataset.Services.Should().BeEmpty("the services sheet held only its example");
        dataset.AdmissionCases.Should().BeEmpty();
    }

    [Fact]
    public void An_example_row_that_was_typed_over_is_reported_never_dropped_or_imported()
    {
        var path = Template();
        using (var document = SpreadsheetDocument.Open(path, true))
        {
            Append(document, "城市", "411500", "信阳市");
            var part = Part(document, "人员");
            var name = Cell(part, Letter(part, document, "姓名") + "2");
            name.CellValue = null;
            name.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text("赵六"));
            part.Worksheet.Save();
            document.Save();
        }

        var result = DatasetFiles.Read(path, RoundTripTests.Options());

        result.Dataset.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().Match<ImportProblem>(p =>
            p.Code == "edited-example" && p.Source == "template.xlsx/人员" && p.Row == 2 && p.Column == "示例");
        result.Describe(TextLanguage.Chinese).Should().Contain("请清空它的“示例”列");
    }

    [Fact]
    public void The_csv_template_has_a_readme_and_an_example_per_file_which_import_skips_and_real_rows_after_it_arrive()
    {
        var folder = _folder["csv"];
        DatasetFiles.WriteTemplate(folder, DatasetFormat.Csv);

        var readme = File.ReadAllBytes(Path.Combine(folder, "README.txt"));
        readme.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var text = Encoding.UTF8.GetString(readme);
        text.Should().Contain("1. 城市（city.csv）").And.Contain("2. 党组织（organizations.csv）").And.Contain("示例")
            .And.Contain("组织生活 / 活动类型：支部党员大会、支委会").And.Contain("党组织 / 组织类别：行业党委、党总支、党支部、联合党支部、党小组");
        File.ReadAllLines(Path.Combine(folder, "activities.csv"))[1].Should().StartWith("示例,A2025-001,B01,支部党员大会,2025-03-05,");

        File.AppendAllText(Path.Combine(folder, "city.csv"), ",411500,信阳市\n");
        File.AppendAllText(Path.Combine(folder, "organizations.csv"), ",C,信阳市律师行业党委,行业党委,,2019-10-01,,,\n,B1,某所党支部,党支部,C,2020/3/1,,,\n");
        var result = DatasetFiles.Read(folder, RoundTripTests.Options());

        result.Problems.Should().BeEmpty();
        result.Dataset!.Organizations.Select(o => o.Id.Value).Should().Equal("C", "B1");
        result.Dataset.People.Should().BeEmpty();
    }

    [Fact]
    public void Exports_name_choices_in_chinese_and_read_back_the_same()
    {
        var original = SampleCity.Build();
        var path = _folder["export.xlsx"];
        DatasetFiles.Write(original, path, DatasetFormat.Xlsx);
        DatasetFiles.Write(original, _folder["csv"], DatasetFormat.Csv);

        using (var document = SpreadsheetDocument.Open(path, false))
        {
            Texts(document, "组织生活").Should().Contain(["支部党员大会", "普法活动"]).And.NotContain("general-meeting");
            Texts(document, "服务记录").Should().Contain("12348热线来电").And.NotContain("hotline-calls");
            Cell(Part(document, "城市"), "A1").Should().Match<Cell>(c => Text(document, c) == "城市编码", "an export has no example marker column");
            Dropdown(document, "组织生活", "活动类型").Should().Contain("支部党员大会");
            IdRange(document, "组织关系", "组织编号").Should().StartWith("'党组织'!$A$2:$A$");
        }

        File.ReadAllText(_folder["csv/activities.csv"]).Should().Contain(",支部党员大会,");
        foreach (var read in new[] { DatasetFiles.Read(path, RoundTripTests.Options()), DatasetFiles.Read(_folder["csv"], RoundTripTests.Options()) })
        {
            read.Problems.Should().BeEmpty();
            read.Dataset!.Activities.Select(a => a.Kind).Should().Equal(original.Activities.Select(a => a.Kind));
            read.Dataset!.Services.Select(s => s.Indicator).Should().Equal(original.Services.Select(s => s.Indicator));
        }
    }

    [Fact]
    public void A_city_kind_is_written_by_its_name_and_the_hint_for_a_bad_kind_lists_the_chinese_names()
    {
        var kinds = ActivityKindCatalog.CreateDefault();
        kinds.Add(new ActivityKind("lawyer-salon"), new LocalizedText("律师沙龙", "Lawyer salon"));
        var path = _folder["kinds.xlsx"];
        DatasetFiles.WriteTemplate(path, DatasetFormat.Xlsx, activityKinds: kinds);
        using (var document = SpreadsheetDocument.Open(path, false))
        {
            Dropdown(document, "组织生活", "活动类型").Should().EndWith("律师沙龙");
        }

        var folder = _folder["bad"];
        DatasetFiles.Write(SampleCity.Build(), folder, DatasetFormat.Csv);
        var activities = Path.Combine(folder, "activities.csv");
        File.WriteAllText(activities, File.ReadAllText(activities).Replace(",支部党员大会,", ",例会,", StringComparison.Ordinal), new UTF8Encoding(true));

        var result = DatasetFiles.Read(folder, RoundTripTests.Options());

        var problem = result.Problems.Where(p => p.Code != "skipped").Should().ContainSingle().Which;
        (problem.Code, problem.Value).Should().Be(("bad-choice", "例会"));
        problem.Message.Chinese.Should().Contain("支部党员大会（general-meeting）、支委会（committee-meeting）");
        problem.Message.English.Should().Contain("general-meeting (支部党员大会), committee-meeting (支委会)");
    }

    private string Template()
    {
        var path = _folder["template.xlsx"];
        DatasetFiles.WriteTemplate(path, DatasetFormat.Xlsx);
        return path;
    }

    private static WorksheetPart Part(SpreadsheetDocument document, string sheet)
    {
        var id = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        return (WorksheetPart)document.WorkbookPart.GetPartById(id);
    }

    private static List<string> Texts(SpreadsheetDocument document, string sheet) =>
        [.. Part(document, sheet).Worksheet.Descendants<Cell>().Select(c => Text(document, c)).OfType<string>()];

    private static string? Text(SpreadsheetDocument document, Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
        : cell.DataType?.Value == CellValues.SharedString ? document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
        : cell.CellValue?.Text;

    private static Cell Cell(WorksheetPart part, string reference) => part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);

    /// <summary>The column letter of the header <paramref name="header"/>.</summary>
    private static string Letter(WorksheetPart part, SpreadsheetDocument document, string header) =>
        new(part.Worksheet.Descendants<Row>().First().Elements<Cell>().Single(c => Text(document, c) == header).CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());

    private static string Header(SpreadsheetDocument document, string sheet, string range)
    {
        var letter = new string(range.TakeWhile(char.IsLetter).ToArray());
        return Text(document, Cell(Part(document, sheet), letter + "1"))!;
    }

    private static IEnumerable<DataValidation> Validations(SpreadsheetDocument document, string sheet) => Part(document, sheet).Worksheet.Descendants<DataValidation>();

    /// <summary>The list behind the dropdown of a column: its defined name, resolved to the hidden sheet's cells.</summary>
    private static List<string> Dropdown(SpreadsheetDocument document, string sheet, string header)
    {
        var range = Range(document, sheet, header);
        var (target, cells) = (range.Split('!')[0].Trim('\''), range.Split('!')[1].Replace("$", string.Empty, StringComparison.Ordinal).Split(':'));
        var letter = new string(cells[0].TakeWhile(char.IsLetter).ToArray());
        int first = int.Parse(cells[0][letter.Length..], CultureInfo.InvariantCulture), last = int.Parse(cells[1][letter.Length..], CultureInfo.InvariantCulture);
        var part = Part(document, target);
        return [.. Enumerable.Range(first, last - first + 1).Select(r => part.Worksheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == letter + r)).OfType<Cell>().Select(c => Text(document, c)!)];
    }

    private static string IdRange(SpreadsheetDocument document, string sheet, string header) => Range(document, sheet, header);

    private static string Range(SpreadsheetDocument document, string sheet, string header)
    {
        var part = Part(document, sheet);
        var letter = Letter(part, document, header);
        var validation = Validations(document, sheet).Single(v => v.SequenceOfReferences!.InnerText!.StartsWith(letter + "2:", StringComparison.Ordinal));
        validation.Type!.Value.Should().Be(DataValidationValues.List);
        var name = validation.Formula1!.Text;
        return document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == name).Text;
    }

    private static Font Font(Stylesheet styles, Cell cell) =>
        styles.Fonts!.Elements<Font>().ElementAt((int)styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value).FontId!.Value);

    private static string Fill(Stylesheet styles, Cell cell) =>
        styles.Fills!.Elements<Fill>().ElementAt((int)styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value).FillId!.Value).PatternFill!.ForegroundColor!.Rgb!.Value!;

    private static uint ColumnStyle(List<DocumentFormat.OpenXml.Spreadsheet.Column> columns, string letter)
    {
        var index = letter.Aggregate(0, (n, c) => (n * 26) + c - 'A' + 1);
        return columns.Single(c => c.Min! <= index && c.Max! >= index).Style!.Value;
    }

    private static string NumberFormat(Stylesheet styles, uint style)
    {
        var id = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)style).NumberFormatId?.Value ?? 0;
        return id == 49 ? "@" : styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == id).FormatCode!.Value!;
    }

    /// <summary>Types a row below the last one of a sheet, from column B (A is the example marker): text, or a date as Excel stores it, with the column's date style.</summary>
    private static void Append(SpreadsheetDocument document, string sheet, params object?[] values)
    {
        var part = Part(document, sheet);
        var data = part.Worksheet.GetFirstChild<SheetData>()!;
        var number = (uint)data.Elements<Row>().Count() + 1;
        var row = new Row { RowIndex = number };
        var columns = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().ToList();
        for (var i = 0; i < values.Length; i++)
        {
            var reference = $"{(char)('B' + i)}{number}";
            row.Append(values[i] switch
            {
                null => new Cell { CellReference = reference },
                DateTime d => new Cell { CellReference = reference, CellValue = new CellValue(d.ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = ColumnStyle(columns, $"{(char)('B' + i)}") },
                var text => new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text((string)text))) { CellReference = reference, DataType = CellValues.InlineString },
            });
        }

        data.Append(row);
        part.Worksheet.Save();
    }
}
