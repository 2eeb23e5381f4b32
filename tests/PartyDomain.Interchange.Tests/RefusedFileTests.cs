using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using PartyDomain.Dues;

namespace PartyDomain.Interchange.Tests;

/// <summary>
/// Issue 20's corpus: each case is the sample city's valid export with one change, and each ends in the problem that
/// names its file, row and column — never an exception, a hang, or a dataset with the damage stored.
/// </summary>
public sealed partial class BrokenFileTests
{
    [Fact]
    public void A_header_with_a_column_twice_is_one_problem_not_a_parser_crash()
    {
        Rewrite("people.csv", text => text.Replace("执业证号,首次执业日期", "执业证号,执业证号", StringComparison.Ordinal));

        Problems().Should().Equal(("duplicate-column", "people.csv", 1, "执业证号", null));
    }

    [Fact]
    public void Empty_header_cells_are_ignored_but_a_value_under_one_is_reported()
    {
        Rewrite("people.csv", text => text.Replace("首次执业日期\n", "首次执业日期,,\n", StringComparison.Ordinal));
        Read().Succeeded.Should().BeTrue("two empty header cells with nothing under them are no columns");

        Rewrite("people.csv", text => text.Replace("14115M2,\n", "14115M2,,x\n", StringComparison.Ordinal));
        Problems().Should().Equal(("value-without-header", "people.csv", 3, "H", "x"));
    }

    [Fact]
    public void A_stray_quote_is_one_problem_at_its_line_not_rows_silently_dropped()
    {
        Rewrite("people.csv", text => text.Replace("M2,人员M2,", "M2,人员\"M2,", StringComparison.Ordinal));

        // Before, the quote ran to the end of the file: the rows after it vanished and every reference to them failed.
        var result = Read();

        Tuples(result).Should().ContainSingle().Which.Should().Match<(string Code, string Source, int? Row, string? Column, string? Value)>(
            p => p.Code == "unclosed-quote" && p.Source == "people.csv" && p.Row == 3 && p.Column == "姓名" && p.Value!.StartsWith("人员\"M2,,,,14115M2,␊M3,人员M3", StringComparison.Ordinal));
        result.Describe(TextLanguage.English).Should().Contain("on line 3").And.Contain("up to 7");
    }

    [Fact]
    public void A_quote_pair_that_would_merge_rows_is_refused_at_the_line_it_opened()
    {
        Rewrite("people.csv", text => text.Replace("M2,人员M2,", "M2,\"人员M2,", StringComparison.Ordinal).Replace("A1,人员A1,", "A1,人员A1\",", StringComparison.Ordinal));

        var problems = Problems();

        problems.Should().ContainSingle().Which.Should().Match<(string Code, string Source, int? Row, string? Column, string? Value)>(
            p => p.Code == "unclosed-quote" && p.Source == "people.csv" && p.Row == 3 && p.Column == "姓名");
        Read().Problems.Single().Describe(TextLanguage.English).Should().Contain("line 3").And.Contain("up to 5");
    }

    [Fact]
    public void A_quote_in_the_middle_of_a_cell_is_refused()
    {
        Rewrite("people.csv", text => text.Replace("M2,人员M2,", "M2,人员\"M\"2,", StringComparison.Ordinal));

        Problems().Should().Equal(("stray-quote", "people.csv", 3, "姓名", "人员\"M\"2"));
    }

    [Theory]
    [InlineData("\"1,25\"", "1,25")]
    [InlineData("\"1,2,3\"", "1,2,3")]
    [InlineData("120.5-", "120.5-")]
    public void A_decimal_comma_or_misgrouped_thousands_are_refused_not_read_as_another_number(string cell, string value)
    {
        Rewrite("dues_payments.csv", text => text.Replace(",120.5,", $",{cell},", StringComparison.Ordinal));

        Problems().Should().Equal(("bad-number", "dues_payments.csv", 2, "金额", value));
        Read().Problems.Single().Describe(TextLanguage.English).Should().Contain("'1,25' is not 1.25");
    }

    [Fact]
    public void Thousands_in_groups_of_three_are_read()
    {
        Rewrite("dues_payments.csv", text => text.Replace(",120.5,", ",\"1,120.5\",", StringComparison.Ordinal));

        Read().Dataset!.DuesPayments.Single().Amount.Should().Be(1120.5m);
    }

    [Fact]
    public void A_birth_date_in_year_one_is_refused()
    {
        Rewrite("people.csv", text => text.Replace("1990-02-28", "0001-02-28", StringComparison.Ordinal));

        Problems().Should().Equal(("out-of-range", "people.csv", 7, "出生日期", "0001-02-28"));
    }

    [Fact]
    public void A_head_count_of_int_max_is_refused_with_the_range()
    {
        Rewrite("activities.csv", text => text.Replace(",120,", ",2147483647,", StringComparison.Ordinal));

        Problems().Should().Equal(("out-of-range", "activities.csv", 3, "参加人数", "2147483647"));
        Read().Problems.Single().Describe(TextLanguage.English).Should().Contain("0 – 1,000,000");
    }

    [Fact]
    public void A_file_that_is_not_a_table_is_reported_and_table_files_match_in_any_case()
    {
        File.WriteAllText(_folder["notes.txt"], "备忘");
        File.Move(_folder["people.csv"], _folder["PEOPLE.CSV"]);

        Problems().Should().Equal(("not-a-table", "notes.txt", null, null, null));

        File.Delete(_folder["notes.txt"]);
        Read().Dataset!.People.Should().HaveCount(6, "PEOPLE.CSV is the people table");
    }

    [Fact]
    public void A_utf16_file_with_a_lone_surrogate_is_refused_not_stored_with_a_replacement_character()
    {
        var text = File.ReadAllText(_folder["people.csv"]).Replace("王 小明", "王 \uD800明", StringComparison.Ordinal).Replace(',', '\t');

        // By hand: every .NET encoder would replace the lone surrogate on the way out.
        var bytes = new List<byte> { 0xFF, 0xFE };
        foreach (var c in text)
        {
            bytes.Add((byte)(c & 0xFF));
            bytes.Add((byte)(c >> 8));
        }

        File.WriteAllBytes(_folder["people.csv"], [.. bytes]);

        Problems().Should().Equal(("bad-encoding", "people.csv", 7, null, null));
    }

    [Fact]
    public void A_replacement_character_or_a_control_character_in_a_cell_is_refused_and_shown_escaped()
    {
        Rewrite("people.csv", text => text.Replace("王 小明", "王 \uFFFD明", StringComparison.Ordinal).Replace("人员M1", "人员\u0007M1\u202E", StringComparison.Ordinal));

        var result = Read();

        Tuples(result).Where(p => p.Code != "skipped").Should().Equal(
            ("bad-character", "people.csv", 2, "姓名", "人员␇M1\\u202E"),
            ("bad-character", "people.csv", 7, "姓名", "王 \uFFFD明"));
        var text = result.Describe(TextLanguage.English);
        text.Should().Contain("'人员␇M1\\u202E'").And.Contain("U+0007").And.Contain("U+FFFD");
        text.Should().NotContain("\u0007").And.NotContain("\u202E");
    }

    [Fact]
    public void An_excused_absence_without_a_reason_names_the_attendee_at_the_attendance_row()
    {
        Rewrite("activity_attendance.csv", text => text.Replace("\"出差, 北京\"", string.Empty, StringComparison.Ordinal));

        Problems().Should().Equal(("missing-value", "activity_attendance.csv", 3, "请假事由", null));
        Read().Problems.Single().Describe(TextLanguage.Chinese).Should().Contain("M2 请假，但没有填写请假事由");
    }

    [Fact]
    public void A_cell_over_the_limit_names_the_row_column_and_limit()
    {
        Rewrite("people.csv", text => text.Replace("人员M2", new string('长', 40_000), StringComparison.Ordinal));

        var result = Read();

        Tuples(result).Where(p => p.Code != "skipped").Should().ContainSingle().Which.Should().Match<(string Code, string Source, int? Row, string? Column, string? Value)>(
            p => p.Code == "cell-too-large" && p.Source == "people.csv" && p.Row == 3 && p.Column == "姓名" && p.Value!.Length < 300);
        result.Describe(TextLanguage.English).Should().Contain("40,000 characters").And.Contain("32,767");
    }

    [Fact]
    public void A_100_mb_cell_names_its_row_and_the_limit_quickly()
    {
        using (var writer = new StreamWriter(_folder["people.csv"], append: true, Utf8Bom))
        {
            writer.Write("Y1,");
            var chunk = new string('x', 1 << 20);
            for (var i = 0; i < 100; i++)
            {
                writer.Write(chunk);
            }

            writer.Write("\r\n");
        }

        var clock = Stopwatch.StartNew();
        var result = Read();

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        Tuples(result).Should().Equal(("row-too-large", "people.csv", 8, null, null));
        result.Describe(TextLanguage.English).Should().Contain("line 8").And.Contain("16,777,216").And.Contain("32,767");
    }

    [Fact]
    public void A_table_over_the_row_limit_is_refused_at_the_first_row_past_it()
    {
        var result = DatasetFiles.Read(_folder.Path, Options(new DatasetReadLimits { MaxRowsPerTable = 4 }));

        Tuples(result).Should().Equal(("too-many-rows", "people.csv", 6, null, null), ("too-many-rows", "standings.csv", 6, null, null));
        result.Describe(TextLanguage.English).Should().Contain("limit of 4");
    }

    [Fact]
    public async Task A_named_pipe_named_like_a_table_is_refused_without_opening_it()
    {
        File.Delete(_folder["firms.csv"]);
        MakeFifo(_folder["firms.csv"]);

        var read = Task.Run(() => Problems());

        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20)))).Should().BeSameAs(read, "a FIFO must not block the import");
        (await read).Should().Equal(("not-a-file", "firms.csv", null, null, null));
    }

    [Fact]
    public async Task A_named_pipe_given_as_the_workbook_is_refused_without_opening_it()
    {
        var path = _folder["city.xlsx"];
        MakeFifo(path);

        var read = Task.Run(() => Problems(path));

        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20)))).Should().BeSameAs(read, "a FIFO must not block the import");
        (await read).Should().ContainSingle().Which.Code.Should().Be("not-a-file");
    }

    [Fact]
    public void A_dangling_symbolic_link_is_named()
    {
        File.Delete(_folder["firms.csv"]);
        File.CreateSymbolicLink(_folder["firms.csv"], _folder["gone/firms.csv"]);

        Problems().Should().Equal(("dangling-link", "firms.csv", null, null, null));
    }

    [Fact]
    public void A_workbook_with_malformed_sheet_xml_names_the_sheet_and_row()
    {
        var path = Workbook();
        // Part 5: the 说明 sheet comes first, then 城市, 党组织, 律师事务所 and 人员.
        RewriteEntry(path, "xl/worksheets/sheet5.xml", xml => xml.Replace("人员M3", "人员M3<", StringComparison.Ordinal));

        Problems(path).Should().ContainSingle().Which.Should().Match<(string Code, string Source, int? Row, string? Column, string? Value)>(
            p => p.Code == "bad-workbook" && p.Source == "city.xlsx/人员" && p.Row == 4);
    }

    [Fact]
    public void A_zip_bomb_workbook_is_refused_from_its_directory_in_seconds()
    {
        var path = _folder["bomb.xlsx"];
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 1024; i++)
            {
                entry.Write(zeros);
            }
        }

        var clock = Stopwatch.StartNew();
        var problems = Problems(path);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        problems.Should().Equal(("workbook-too-large", "bomb.xlsx", null, null, null));
        Read(path).Describe(TextLanguage.English).Should().Contain("536,870,912").And.Contain("1,073,741,824");
    }

    [Fact]
    public void A_workbook_with_more_parts_than_the_limit_is_refused()
    {
        var result = DatasetFiles.Read(Workbook(), Options(new DatasetReadLimits { MaxXlsxEntries = 5 }));

        Tuples(result).Should().ContainSingle().Which.Code.Should().Be("workbook-too-large");
    }

    [Fact]
    public void Json_with_invalid_utf8_in_a_string_names_the_table_row_and_key()
    {
        var path = Json();
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf("人员M2"u8);
        bytes[at] = 0xFF;
        File.WriteAllBytes(path, bytes);

        Problems(path).Should().Equal(("bad-encoding", "city.json/people", 2, "name", null));
    }

    [Fact]
    public void Json_objects_and_arrays_in_text_fields_and_duplicate_keys_are_named()
    {
        var path = Json();
        RewriteJson(path, text => text
            .Replace("\"name\": \"人员M1\"", "\"name\": { \"first\": \"人员M1\" }", StringComparison.Ordinal)
            .Replace("\"name\": \"人员M2\"", "\"name\": [\"人员M2\"]", StringComparison.Ordinal)
            .Replace("\"name\": \"人员M3\"", "\"name\": \"人员M3\", \"name\": \"人员M4\"", StringComparison.Ordinal));

        Problems(path).Should().Equal(
            ("json-structure", "city.json/people", 1, "name", "{ \"first\": \"人员M1\" }"),
            ("json-structure", "city.json/people", 2, "name", "[\"人员M2\"]"),
            ("duplicate-key", "city.json/people", 3, "name", "人员M4"));
    }

    [Fact]
    public void Json_nested_past_the_depth_limit_is_refused_with_its_line()
    {
        var path = Json();
        RewriteJson(path, text => text.Replace("\"name\": \"人员M1\"", "\"name\": " + new string('[', 40) + new string(']', 40), StringComparison.Ordinal));

        var problems = Problems(path);

        problems.Should().ContainSingle().Which.Should().Match<(string Code, string Source, int? Row, string? Column, string? Value)>(
            p => p.Code == "json-too-deep" && p.Source == "city.json" && p.Row > 1);
        Read(path).Describe(TextLanguage.English).Should().Contain("deeper than 16 levels");
    }

    private static DatasetReadOptions Options(DatasetReadLimits limits) => new() { Clock = RoundTripTests.Options().Clock, Limits = limits };

    private string Workbook()
    {
        var path = _folder["city.xlsx"];
        DatasetFiles.Write(SampleCity.Build(), path, DatasetFormat.Xlsx);
        return path;
    }

    private string Json()
    {
        var path = _folder["city.json"];
        DatasetFiles.Write(SampleCity.Build(), path, DatasetFormat.Json);
        return path;
    }

    private static void RewriteJson(string path, Func<string, string> change) => File.WriteAllText(path, change(File.ReadAllText(path)));

    internal static void RewriteEntry(string workbook, string entryName, Func<string, string> change)
    {
        using var zip = ZipFile.Open(workbook, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName)!;
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
        writer.Write(change(xml));
    }

    internal static void MakeFifo(string path)
    {
        using var process = Process.Start("mkfifo", [path]);
        process.WaitForExit();
        process.ExitCode.Should().Be(0, "mkfifo makes the named pipe");
    }
}
