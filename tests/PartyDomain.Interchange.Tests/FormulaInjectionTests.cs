using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using PartyDomain.Organization;
using PartyDomain.Tests;

namespace PartyDomain.Interchange.Tests;

/// <summary>
/// Text a spreadsheet would take for a formula (OWASP, "CSV Injection") goes out as text — CSV with a leading
/// <c>'</c>, XLSX as plain string cells — and comes back exactly, a name that really begins with <c>'</c> included.
/// LibreOffice itself checks that nothing is evaluated.
/// </summary>
public sealed class FormulaInjectionTests : IDisposable
{
    private static readonly string[] Names =
    [
        "=1+1", "+1+1", "-1+1", "@SUM(1,1)", "=HYPERLINK(\"http://example.invalid\",\"点击\")", "'单引号开头", "''", "-", "普通姓名",
    ];

    private static readonly Lazy<string> SofficePath = new(() => PartyDomain.Tests.Shared.CiTool.Find("PARTYDOMAIN_SOFFICE", "libreoffice.sh", "LibreOffice (soffice)"));
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Csv_cells_that_would_be_formulas_get_a_leading_quote_and_read_back_exactly()
    {
        var path = _folder["csv"];
        DatasetFiles.Write(Dataset(), path, DatasetFormat.Csv);

        var people = File.ReadAllText(Path.Combine(path, "people.csv"));
        people.Should().Contain("\nF0,'=1+1,").And.Contain("\nF1,'+1+1,").And.Contain("\nF2,'-1+1,").And.Contain("\nF3,\"'@SUM(1,1)\",")
            .And.Contain("\nF5,''单引号开头,").And.Contain("\nF6,''',").And.Contain("\nF7,'-,").And.Contain("\nF8,普通姓名,");
        ReadNames(path).Should().Equal(Names);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("'x", "''x")]
    [InlineData("'", "''")]
    [InlineData("x=1", "x=1")]
    [InlineData("", "")]
    public void The_guard_covers_the_owasp_characters_and_is_taken_off_exactly(string value, string written)
    {
        FormulaGuard.Neutralize(value).Should().Be(written);
        FormulaGuard.Restore(written).Should().Be(value);
    }

    [Fact]
    public void Xlsx_cells_are_plain_strings_never_formulas_and_read_back_exactly()
    {
        var path = _folder["city.xlsx"];
        DatasetFiles.Write(Dataset(), path, DatasetFormat.Xlsx);

        using (var zip = ZipFile.OpenRead(path))
        {
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.Name.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(sheet.Open());
                reader.ReadToEnd().Should().NotContainAny(["<x:f>", "<f>", "<x:f ", "<f "], $"{sheet.FullName} holds no formula");
            }
        }

        ReadNames(path).Should().Equal(Names);
    }

    [Fact]
    public void LibreOffice_opens_the_exported_csv_and_xlsx_with_no_formula_evaluated()
    {
        var csv = _folder["csv"];
        var xlsx = _folder["city.xlsx"];
        DatasetFiles.Write(Dataset(), csv, DatasetFormat.Csv);
        DatasetFiles.Write(Dataset(), xlsx, DatasetFormat.Xlsx);
        // Ids and names: LibreOffice reads a long digit string such as a certificate number as a number, which is no formula.
        var written = Cells(File.ReadAllText(Path.Combine(csv, "people.csv"))).Select(r => string.Join("|", r[..2])).ToList();

        // The CSV as LibreOffice reads it (comma, double quote, UTF-8): a formula would come back as its result, 2.
        var fromCsv = Convert(Path.Combine(csv, "people.csv"), "people.csv", filterOptions: "44,34,76,1", infilter: "CSV:44,34,76,1");
        Cells(File.ReadAllText(fromCsv)).Select(r => string.Join("|", r[..2])).Should().Equal(written, "LibreOffice shows the CSV's cells as written, the guard's quote included, and evaluates none");

        // The workbook, every sheet (the 12th option, -1): the people sheet's names are the names, not results.
        var sheets = Convert(xlsx, "city-人员.csv", filterOptions: "44,34,76,1,,0,false,true,false,false,false,-1");
        Cells(File.ReadAllText(sheets)).Skip(1).Select(r => r[1]).Where(n => n.Length > 0).Should().Contain(Names);
        Cells(File.ReadAllText(sheets)).Skip(1).Select(r => r[1]).Should().NotContain(["2", "0", "点击", "#NAME?", "Err:508"]);
    }

    private static TestCity City()
    {
        var city = SampleCity.Create();
        for (var i = 0; i < Names.Length; i++)
        {
            city.Add(new Person { Id = new PersonId($"F{i}"), Name = Names[i] });
        }

        return city;
    }

    private static PartyDomain.Data.CityDataset Dataset() => City().Build();

    private static List<string> ReadNames(string path)
    {
        var result = DatasetFiles.Read(path, RoundTripTests.Options());
        result.Problems.Should().BeEmpty();
        return [.. Enumerable.Range(0, Names.Length).Select(i => result.Dataset!.GetPerson(new PersonId($"F{i}")).Name)];
    }

    /// <summary>Runs <c>soffice --headless --convert-to csv</c> with its own profile; the path of the file it wrote.</summary>
    private string Convert(string input, string output, string filterOptions, string? infilter = null)
    {
        var outDir = _folder["lo-out-" + Path.GetFileNameWithoutExtension(input)];
        var start = new ProcessStartInfo(SofficePath.Value) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[$"-env:UserInstallation=file://{_folder["lo-profile"]}", "--headless", .. infilter is null ? (string[])[] : [$"--infilter={infilter}"],
            "--convert-to", $"csv:Text - txt - csv (StarCalc):{filterOptions}", "--outdir", outDir, input])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"soffice did not finish converting {input}.");
        }

        var file = Path.Combine(outDir, output);
        File.Exists(file).Should().BeTrue($"soffice wrote {output} (exit {process.ExitCode}): {stdout.Result} {stderr.Result}");
        return file;
    }

    /// <summary>RFC 4180 cells, for comparing what LibreOffice wrote with what the library wrote.</summary>
    private static List<string[]> Cells(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else if (c != '\uFEFF')
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }

}
