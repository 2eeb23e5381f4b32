using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PartyDomain.Testing;
using PartyDomain.Interchange;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary>
/// Issue 20's corpus through the host: each case is the demo city's valid export with one change, and each import ends
/// in exit code 2 with the file, row and column printed, and the store imported before left as it was.
/// </summary>
public sealed class BadFileImportTests : IDisposable
{
    private static readonly Encoding Utf8Bom = new UTF8Encoding(true);
    private readonly string _host = Directory.CreateTempSubdirectory("partydomain-badfile-").FullName;
    private readonly Data.CityDataset _demo = DemoCity.Build(scale: 0.2);

    public BadFileImportTests() => HostFolder.WriteSettings(_host);

    public void Dispose() => Directory.Delete(_host, recursive: true);

    public static TheoryData<string> CsvCases => new()
    {
        "duplicate header", "stray quote", "quote pair", "decimal comma", "misgrouped thousands", "birth in year 1", "head count int max",
        "excused without reason", "control character", "utf-16 lone surrogate", "notes.txt", "fifo", "dangling link",
    };

    [Theory]
    [MemberData(nameof(CsvCases))]
    public async Task A_bad_csv_folder_is_exit_2_naming_file_row_and_column_and_the_store_is_unchanged(string change)
    {
        var store = ImportValid();
        var folder = Path.Combine(_host, "broken");
        DatasetFiles.Write(_demo, folder, DatasetFormat.Csv);

        var (file, row, column) = Break(folder, change);
        var import = Task.Run(() => HostRun.In(_host, "import", folder));
        (await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(60)))).Should().BeSameAs(import, "the import must not hang");
        var run = await import;

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Output);
        Where(run.Output, file, row, column).Should().BeTrue($"the output names {file}, row {row}, column {column}:\n{run.Output}");
        Hash(store).Should().Be(StoreHash, "a refused import leaves the store as it was");
        run.Output.Should().NotContain("\u0007").And.NotContain("Exception");
        if (change is "stray quote" or "quote pair")
        {
            run.Output.Should().Contain("导入失败：1 处问题", "one error where the quote opened, no follow-on errors");
        }

        if (change == "excused without reason")
        {
            run.Output.Should().Contain(column!).And.MatchRegex(@"\S+ 请假，但没有填写请假事由");
        }

        if (change == "control character")
        {
            run.Output.Should().Contain("␇");
        }
    }

    [Theory]
    [InlineData("object in a text field")]
    [InlineData("invalid utf-8 in a string")]
    [InlineData("duplicate key")]
    public void A_bad_json_file_is_exit_2_naming_table_row_and_key(string change)
    {
        var store = ImportValid();
        var path = Path.Combine(_host, "broken.json");
        DatasetFiles.Write(_demo, path, DatasetFormat.Json);
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.UTF8.GetString(bytes);
        var name = Regex.Match(text, "\"people\": \\[\\s*\\{\\s*\"id\": \"[^\"]+\",\\s*\"name\": \"([^\"]+)\"").Groups[1].Value;
        name.Should().NotBeEmpty();
        switch (change)
        {
            case "object in a text field":
                File.WriteAllText(path, ReplaceFirst(text, $"\"name\": \"{name}\"", "\"name\": { \"x\": 1 }"));
                break;
            case "invalid utf-8 in a string":
                var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes($"\"name\": \"{name}\"")) + 9;
                bytes[at] = 0xFF;
                File.WriteAllBytes(path, bytes);
                break;
            default:
                File.WriteAllText(path, ReplaceFirst(text, $"\"name\": \"{name}\"", $"\"name\": \"{name}\", \"name\": \"x\""));
                break;
        }

        var run = HostRun.In(_host, "import", path);

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Output);
        Where(run.Output, "broken.json/people", "1", "name").Should().BeTrue(run.Output);
        Hash(store).Should().Be(StoreHash);
    }

    [Fact]
    public void A_workbook_with_malformed_sheet_xml_is_exit_2_naming_the_sheet_and_row()
    {
        var store = ImportValid();
        var path = Path.Combine(_host, "broken.xlsx");
        DatasetFiles.Write(_demo, path, DatasetFormat.Xlsx);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            // Part 5: the 说明 sheet comes first, then 城市, 党组织, 律师事务所 and 人员.
            var entry = zip.GetEntry("xl/worksheets/sheet5.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            var row = xml.IndexOf("<x:row r=\"3\"", StringComparison.Ordinal);
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet5.xml").Open());
            writer.Write(xml.Insert(xml.IndexOf("<x:t>", row, StringComparison.Ordinal) + 5, "<"));
        }

        var run = HostRun.In(_host, "import", path);

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Output);
        Where(run.Output, "broken.xlsx/人员", "3", null).Should().BeTrue(run.Output);
        Hash(store).Should().Be(StoreHash);
    }

    private string StoreHash { get; set; } = string.Empty;

    /// <summary>Imports the valid export, so that there is a store a bad import could damage; its hash is kept.</summary>
    private string ImportValid()
    {
        var valid = Path.Combine(_host, "valid");
        DatasetFiles.Write(_demo, valid, DatasetFormat.Csv);
        var run = HostRun.In(_host, "import", valid);
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        var store = Path.Combine(_host, "data", "partydomain.db");
        StoreHash = Hash(store);
        return store;
    }

    private static (string File, string? Row, string? Column) Break(string folder, string change)
    {
        var people = Path.Combine(folder, "people.csv");
        switch (change)
        {
            case "duplicate header":
                return Edit(people, (lines, h) => lines[0] = lines[0].Replace("首次执业日期", "执业证号", StringComparison.Ordinal), "people.csv", 1, "执业证号");
            case "stray quote":
                return EditCell(people, 3, "姓名", v => "\"" + v);
            case "quote pair":
                Edit(people, (lines, h) => lines[4] = Cells(lines[4], h, "姓名", v => v + "\""), "people.csv", 0, null);
                return EditCell(people, 3, "姓名", v => "\"" + v);
            case "decimal comma":
                return EditCell(Path.Combine(folder, "dues_payments.csv"), 2, "金额", _ => "\"1,25\"");
            case "misgrouped thousands":
                return EditCell(Path.Combine(folder, "dues_payments.csv"), 2, "金额", _ => "\"1,2,3\"");
            case "birth in year 1":
                return EditCell(people, RowWith(people, "出生日期"), "出生日期", _ => "0001-01-01");
            case "head count int max":
                return EditCell(Path.Combine(folder, "activities.csv"), 2, "参加人数", _ => "2147483647");
            case "excused without reason":
                return EditCell(Path.Combine(folder, "activity_attendance.csv"), RowWith(Path.Combine(folder, "activity_attendance.csv"), "请假事由"), "请假事由", _ => string.Empty);
            case "control character":
                return EditCell(people, 2, "姓名", v => v + "\u0007");
            case "utf-16 lone surrogate":
            {
                var text = File.ReadAllText(people);
                var lines = text.Split('\n');
                lines[1] = Cells(lines[1], lines[0].Split(','), "姓名", v => v + "\uD800");
                var bytes = new List<byte> { 0xFF, 0xFE };
                foreach (var c in string.Join('\n', lines))
                {
                    bytes.Add((byte)(c & 0xFF));
                    bytes.Add((byte)(c >> 8));
                }

                File.WriteAllBytes(people, [.. bytes]);
                return ("people.csv", "2", null);
            }

            case "notes.txt":
                File.WriteAllText(Path.Combine(folder, "notes.txt"), "备忘");
                return ("notes.txt", null, null);
            case "fifo":
                File.Delete(people);
                using (var process = Process.Start("mkfifo", [people]))
                {
                    process.WaitForExit();
                }

                return ("people.csv", null, null);
            default:
                File.Delete(people);
                File.CreateSymbolicLink(people, Path.Combine(folder, "gone", "people.csv"));
                return ("people.csv", null, null);
        }
    }

    private static (string, string?, string?) EditCell(string file, int row, string header, Func<string, string> change) =>
        Edit(file, (lines, h) => lines[row - 1] = Cells(lines[row - 1], h, header, change), Path.GetFileName(file), row, header);

    private static (string, string?, string?) Edit(string file, Action<List<string>, string[]> change, string name, int row, string? header)
    {
        var lines = File.ReadAllLines(file, Encoding.UTF8).ToList();
        change(lines, lines[0].Split(','));
        File.WriteAllLines(file, lines, Utf8Bom);
        return (name, row.ToString(System.Globalization.CultureInfo.InvariantCulture), header);
    }

    /// <summary>The line with one cell changed; the demo's cells hold no commas or quotes, so a split is enough.</summary>
    private static string Cells(string line, string[] headers, string header, Func<string, string> change)
    {
        var cells = line.Split(',');
        var i = Array.IndexOf(headers, header);
        i.Should().BeGreaterThanOrEqualTo(0, $"the file has the column {header}");
        cells[i] = change(cells[i]);
        return string.Join(',', cells);
    }

    /// <summary>The first row whose <paramref name="header"/> cell has a value.</summary>
    private static int RowWith(string file, string header)
    {
        var lines = File.ReadAllLines(file, Encoding.UTF8);
        var i = Array.IndexOf(lines[0].Split(','), header);
        return Array.FindIndex(lines, 1, l => l.Split(',')[i].Length > 0) + 1;
    }

    /// <summary>Whether the problem table has a row naming the file, row and column (in that order, on one line).</summary>
    private static bool Where(string output, string file, string? row, string? column) =>
        output.Split('\n').Any(l => l.Contains(file, StringComparison.Ordinal)
            && (row is null || Regex.IsMatch(l, $@"[│|]\s*{row}\s*[│|]"))
            && (column is null || l.Contains(column, StringComparison.Ordinal)));

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0);
        return string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + what.Length));
    }

    private static string Hash(string file)
    {
        var parts = new[] { file, file + "-wal" }.Where(File.Exists).Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
        return string.Join("+", parts);
    }
}
