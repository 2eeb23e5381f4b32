using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary><c>template</c> and <c>export</c>: the files staff fill in, and the data written in the same form, which <c>import</c> reads back.</summary>
public sealed class TemplateExportTests : IDisposable
{
    // Host folders of their own: import keeps its data next to appsettings.json.
    private readonly string _host = HostFolder.Create("partydomain-template-");
    private readonly string _demo = HostFolder.Create("partydomain-template-demo-");

    [Fact]
    public void Template_writes_the_workbook_with_instructions_and_dropdowns_and_its_examples_are_not_imported()
    {
        var path = Path.Combine(_host, "模板.xlsx");
        var run = HostRun.In(_host, "template", "--out", path);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        run.Output.Should().Contain(path).And.Contain("说明").And.Contain("第 3 行");
        using (var document = SpreadsheetDocument.Open(path, true))
        {
            var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
            sheets.Select(s => s.Name!.Value).Should().StartWith(["说明", "城市", "党组织"]).And.EndWith("可选值");
            document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DataValidation>()).Should().NotBeEmpty();

            // Staff type the city's row below the example.
            var city = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[1].Id!.Value!);
            city.Worksheet.GetFirstChild<SheetData>()!.Append(new Row(
                new Cell(new InlineString(new Text("411500"))) { CellReference = "B3", DataType = CellValues.InlineString },
                new Cell(new InlineString(new Text("信阳市"))) { CellReference = "C3", DataType = CellValues.InlineString }) { RowIndex = 3 });
            city.Worksheet.Save();
        }

        var import = HostRun.In(_host, "import", path);

        import.ExitCode.Should().Be(ExitCodes.Success, import.Output);
        HostRun.In(_host, "export", "--out", Path.Combine(_host, "back")).ExitCode.Should().Be(ExitCodes.Success);
        File.ReadAllLines(Path.Combine(_host, "back", "people.csv")).Should().ContainSingle("the example person 张三 was skipped: only the header is left");
        File.ReadAllLines(Path.Combine(_host, "back", "city.csv")).Should().Equal("城市编码,城市名称", "411500,信阳市");
    }

    [Fact]
    public void Template_writes_csv_files_with_a_readme_and_refuses_json()
    {
        var folder = Path.Combine(_host, "csv");
        var run = HostRun.In(_host, "template", "--format", "csv", "--out", folder);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        run.Output.Should().Contain("README.txt");
        File.ReadAllText(Path.Combine(folder, "README.txt"), Encoding.UTF8).Should().Contain("填写顺序").And.Contain("支部党员大会");
        File.ReadAllLines(Path.Combine(folder, "organizations.csv"), Encoding.UTF8)[1].Should().StartWith("示例,B01,示例律师事务所党支部,党支部,C01,");

        var english = HostRun.In(_host, "template", "--lang", "en", "--out", Path.Combine(_host, "en.xlsx"));
        english.ExitCode.Should().Be(ExitCodes.Success);
        english.Output.Should().Contain("Read the instructions sheet first");

        HostRun.In(_host, "template", "--format", "json").ExitCode.Should().Be(ExitCodes.BadInput);
        HostRun.In(_host, "export").ExitCode.Should().Be(ExitCodes.BadInput, "export needs --out");
    }

    [Fact]
    public void The_demo_city_exported_imported_and_exported_again_is_the_same_dataset()
    {
        var workbook = Path.Combine(_host, "信阳市.xlsx");
        var export = HostRun.In(_host, "export", "--out", workbook, "--set", "Host:Demo:Scale=0.3");
        export.ExitCode.Should().Be(ExitCodes.Success, export.Output);
        export.Output.Should().Contain("内置演示数据").And.Contain(workbook);
        using (var document = SpreadsheetDocument.Open(workbook, false))
        {
            var activities = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "组织生活").Id!.Value!);
            activities.Worksheet.Descendants<Cell>().Select(c => c.InnerText).Should().Contain("支部党员大会").And.NotContain("general-meeting");
        }

        HostRun.In(_host, "import", workbook).ExitCode.Should().Be(ExitCodes.Success);
        HostRun.In(_host, "export", "--out", Path.Combine(_host, "imported")).ExitCode.Should().Be(ExitCodes.Success);
        HostRun.In(_demo, "export", "--out", Path.Combine(_demo, "demo"), "--set", "Host:Demo:Scale=0.3").ExitCode.Should().Be(ExitCodes.Success);

        var files = Directory.GetFiles(Path.Combine(_demo, "demo"), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        files.Should().HaveCount(28);
        Directory.GetFiles(Path.Combine(_host, "imported"), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal(files);
        foreach (var file in files)
        {
            // The same rows; the store may give them back in another order.
            Lines(Path.Combine(_host, "imported", file!)).Should().Equal(Lines(Path.Combine(_demo, "demo", file!)), file);
        }

        Lines(Path.Combine(_demo, "demo", "activities.csv")).Should().HaveCountGreaterThan(100);
    }

    [Fact]
    public void Template_and_export_run_as_a_process()
    {
        Process(_host, "template").Should().Be(ExitCodes.Success);
        File.Exists(Path.Combine(_host, "数据录入模板.xlsx")).Should().BeTrue("the default path is in the working folder");
        Process(_host, "export", "--out", "city.json").Should().Be(ExitCodes.Success);
        File.ReadAllText(Path.Combine(_host, "city.json")).Should().Contain("\"organizations\"");
        Process(_host, "template", "--format", "json").Should().Be(ExitCodes.BadInput);
    }

    private static List<string> Lines(string file) => [.. File.ReadAllLines(file, Encoding.UTF8).Order(StringComparer.Ordinal)];

    private static int Process(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PartyDomain.ConsoleHost.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        _ = output.Result + error.Result;
        return process.ExitCode;
    }

    public void Dispose()
    {
        Directory.Delete(_host, recursive: true);
        Directory.Delete(_demo, recursive: true);
    }
}
