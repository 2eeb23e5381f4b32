using System.Text;
using MiniExcelLibs;

namespace PartyDomain.Interchange.Tests;

/// <summary>Files as staff really break them; each test asserts the whole problem list, and that no dataset came out.</summary>
public sealed partial class BrokenFileTests : IDisposable
{
    private static readonly Encoding Utf8Bom = new UTF8Encoding(true);
    private readonly TempFolder _folder = new();

    public BrokenFileTests() => DatasetFiles.Write(SampleCity.Build(), _folder.Path, DatasetFormat.Csv);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_sample_folder_reads_cleanly() => Read().Succeeded.Should().BeTrue();

    [Fact]
    public void A_file_neither_utf8_nor_gb18030_is_refused_not_mangled()
    {
        // Windows-1252 "é" followed by a comma: invalid in UTF-8 and in GB18030.
        File.WriteAllBytes(_folder["firms.csv"], [.. "id,name\nF1,Caf"u8, 0xE9, .. ",\n"u8]);

        Problems().Should().Equal(("bad-encoding", "firms.csv", 2, null, null));
    }

    [Fact]
    public void A_missing_column_is_reported_once_for_the_file()
    {
        Rewrite("registrations.csv", text => text.Replace("人员编号,组织编号,开始日期", "人员编号,开始日期", StringComparison.Ordinal)
            .Replace("M1,B1,", "M1,", StringComparison.Ordinal).Replace("M2,B1,", "M2,", StringComparison.Ordinal)
            .Replace("M2,J1,", "M2,", StringComparison.Ordinal).Replace("M3,J1,", "M3,", StringComparison.Ordinal));

        Problems().Should().Equal(("missing-column", "registrations.csv", 1, "组织编号", null));
    }

    [Fact]
    public void Every_bad_date_is_reported_with_row_column_and_value()
    {
        Rewrite("firms.csv", text => text.Replace("2012-03-05", "2012-13-05", StringComparison.Ordinal).Replace("2018-07-01", "2018年7月32日", StringComparison.Ordinal));
        Rewrite("people.csv", text => text.Replace("1990-02-28", "1990/2/30", StringComparison.Ordinal));

        Problems().Should().Equal(
            ("bad-date", "firms.csv", 2, "成立日期", "2012-13-05"),
            ("bad-date", "firms.csv", 2, "党建入章日期", "2018年7月32日"),
            ("bad-date", "people.csv", 7, "出生日期", "1990/2/30"),

            // The rows naming firm F1, whose row failed, once per file.
            ("skipped", "employments.csv", 2, "律所编号", "F1"),
            ("skipped", "firm_posts.csv", 2, "律所编号", "F1"),
            ("skipped", "coverage.csv", 2, "律所编号", "F1"),
            ("skipped", "instructors.csv", 2, "律所编号", "F1"),
            ("skipped", "donations.csv", 2, "律所编号", "F1"),
            ("skipped", "services.csv", 2, "律所编号", "F1")); // the declared kinds are checked in name order, after the backbone
    }

    [Fact]
    public void A_duplicate_id_is_named_by_file_row_and_column()
    {
        Rewrite("firms.csv", text => text.Replace("F2,F2律师事务所", "F1,F2律师事务所", StringComparison.Ordinal));

        // F2 is now gone, so the rows that referred to it are reported too, each at its own file and row.
        Problems().Should().Equal(
            ("duplicate-id", "firms.csv", 3, "律所编号", "F1"),
            ("unknown-reference", "employments.csv", 3, "律所编号", "F2"),
            ("unknown-reference", "firm_posts.csv", 3, "律所编号", "F2"),
            ("unknown-reference", "coverage.csv", 3, "律所编号", "F2"));
    }

    [Fact]
    public void The_rows_naming_a_row_that_failed_are_reported_once_per_file_as_skipped_not_as_unknown_references()
    {
        // Person M1's row fails; a dozen files name M1, some in several rows.
        Rewrite("people.csv", text => text.Replace("人员M1", "人员\u0007M1", StringComparison.Ordinal));

        var result = Read();

        result.Problems.Should().NotContain(p => p.Code == "unknown-reference");
        result.Problems[0].Code.Should().Be("bad-character");
        var skipped = result.Problems.Where(p => p.Code == "skipped").ToList();
        skipped.Should().HaveCountGreaterThan(5).And.OnlyContain(p => p.Value == "M1");
        skipped.Select(p => p.Source).Should().OnlyHaveUniqueItems("one line per file, however many of its rows name M1");
        var registrations = skipped.Single(p => p.Source == "registrations.csv");
        registrations.Describe(TextLanguage.Chinese).Should().Contain("因people.csv 第 2 行出错而跳过");
        registrations.Describe(TextLanguage.English).Should().Contain("Skipped because people.csv row 2 failed");
    }

    [Fact]
    public void An_unknown_reference_is_named_by_file_row_and_column()
    {
        Rewrite("registrations.csv", text => text.Replace("M3,J1,", "M3,J9,", StringComparison.Ordinal));
        Rewrite("standings.csv", text => text + "NOBODY,正式党员,2020-01-01\r\n");

        // The orphan row and the dataset's own check, together, each at its file, row and column.
        Problems().Should().Equal(
            ("unknown-reference", "standings.csv", 8, "人员编号", "NOBODY"),
            ("unknown-reference", "registrations.csv", 5, "组织编号", "J9"));
        Rewrite("standings.csv", text => text.Replace("NOBODY,正式党员,2020-01-01\r\n", string.Empty, StringComparison.Ordinal));
        Problems().Should().Equal(("unknown-reference", "registrations.csv", 5, "组织编号", "J9"));
    }

    [Fact]
    public void An_empty_csv_file_is_reported()
    {
        File.WriteAllBytes(_folder["coverage.csv"], []);

        Problems().Should().Equal(("empty-file", "coverage.csv", null, null, null));
    }

    [Fact]
    public void A_zero_byte_workbook_is_reported()
    {
        var path = _folder["city.xlsx"];
        File.WriteAllBytes(path, []);

        Problems(path).Should().Equal(("empty-file", "city.xlsx", null, null, null));
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_reported()
    {
        var path = _folder["city.xlsx"];
        File.WriteAllText(path, "id,name\n");

        Problems(path).Should().ContainSingle().Which.Should().Match<(string Code, string, int?, string?, string?)>(p => p.Code == "bad-workbook");
    }

    [Fact]
    public void Unknown_tables_columns_and_choices_are_reported_together_and_nothing_is_produced()
    {
        File.WriteAllText(_folder["members.csv"], "id\nM1\n", Utf8Bom);
        Rewrite("organizations.csv", text => text.Replace("组织类别", "组织类型", StringComparison.Ordinal));
        Rewrite("party_posts.csv", text => text.Replace(",书记,", ",主席,", StringComparison.Ordinal));

        var result = Read();

        result.Dataset.Should().BeNull();
        Tuples(result).Should().Equal(
            ("unknown-table", "members.csv", null, null, "members"),
            ("unknown-column", "organizations.csv", 1, "组织类型", null),
            ("missing-column", "organizations.csv", 1, "组织类别", null),
            ("bad-choice", "party_posts.csv", 2, "职务", "主席"),
            ("bad-choice", "party_posts.csv", 3, "职务", "主席"));
        result.Problems[3].Describe(TextLanguage.Chinese).Should().Be("party_posts.csv 第 2 行 [职务] '主席'：不是可选值之一：书记、副书记、委员、党小组组长。");
        result.Problems[3].Describe(TextLanguage.English).Should().Be(
            "party_posts.csv row 2 [职务] '主席': Not one of the accepted values: secretary (书记), deputy-secretary (副书记), committee-member (委员), group-leader (党小组组长).");
    }

    [Fact]
    public void A_missing_city_table_and_a_half_filled_vote_are_reported()
    {
        File.Delete(_folder["city.csv"]);
        Rewrite("admission_cases.csv", text => text.Replace(",2024-11-01,10,9,9,", ",2024-11-01,10,,9,", StringComparison.Ordinal));

        Problems().Should().Equal(
            ("incomplete-vote", "admission_cases.csv", 2, "接收表决实到人数", null),
            ("missing-table", "city", null, null, null));
    }

    [Fact]
    public void A_broken_workbook_sheet_names_the_sheet_and_the_row_as_excel_shows_it()
    {
        var path = _folder["city.xlsx"];
        DatasetFiles.Write(SampleCity.Build(), path, DatasetFormat.Xlsx);
        var sheets = MiniExcel.GetSheetNames(path).ToDictionary(s => s, s => (object)MiniExcel.Query(path, sheetName: s, useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList());
        var firms = (List<Dictionary<string, object?>>)sheets["律师事务所"];
        firms[1]["成立日期"] = "去年";

        // A blank row before it: rows are counted as Excel shows them.
        firms.Insert(1, firms[0].Keys.ToDictionary(k => k, _ => (object?)null));
        MiniExcel.SaveAs(path, sheets, overwriteFile: true);

        Problems(path).Where(p => p.Code != "skipped").Should().Equal(("bad-date", "city.xlsx/律师事务所", 4, "成立日期", "去年"));
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line_and_misshapen_tables_by_name()
    {
        var path = _folder["city.json"];
        File.WriteAllText(path, "{\n  \"city\": [ { \"id\": \"411500\", \"name\": \"信阳市\" } ],\n  \"people\": [ { \"id\": \"P1\" \"name\": \"x\" } ]\n}");
        Problems(path).Should().Equal(("bad-json", "city.json", 3, null, null));

        File.WriteAllText(path, "{ \"city\": [ { \"id\": \"411500\", \"name\": \"信阳市\" } ], \"people\": { \"id\": \"P1\" }, \"firms\": [ { \"id\": \"F1\", \"名称\": \"甲所\" } ] }");
        Problems(path).Should().Equal(
            ("bad-json", "city.json/people", null, null, null),
            ("unknown-column", "city.json/firms", 1, "名称", null),
            ("missing-column", "city.json/firms", 1, "律所名称", null));
    }

    [Fact]
    public void Headers_mix_languages_and_spellings_and_remarks_are_ignored()
    {
        File.WriteAllText(_folder["organizations.csv"],
            "ID,Name,组织类别,Parent Id,ESTABLISHED,备注\nC,信阳市律师行业党委,行业党委,,2010-01-01,\nB1,B1党支部,branch,C,2015-01-01,老支部\nJ1,J1联合党支部,JointBranch,C,2015-01-01,\nG1,G1党小组,党小组,B1,2015-01-01,\n", Utf8Bom);

        var result = Read();

        result.Problems.Should().BeEmpty();
        result.Dataset!.Organizations.Should().HaveCount(4);
    }

    [Theory]
    [InlineData(TextLanguage.Chinese, "组织编号", "组织关系 [M1 → G1 ", "党小组不能接收组织关系")]
    [InlineData(TextLanguage.English, "organization_id", "registrations [M1 → G1 ", "a party group cannot hold a registration")]
    public void An_integrity_problem_names_the_record_by_its_table_and_the_field_by_its_column_never_by_the_code(TextLanguage language, string column, string record, string reason)
    {
        DatasetFiles.Write(SampleCity.Build(), _folder.Path, DatasetFormat.Csv, language);
        Rewrite("registrations.csv", text => text.Replace("M1,B1,", "M1,G1,", StringComparison.Ordinal));

        var problem = Read().Problems.Should().ContainSingle().Subject;

        (problem.Code, problem.Source, problem.Column, problem.Value).Should().Be(("invalid-kind", "registrations.csv", column, "G1"));
        problem.Message.In(language).Should().StartWith(record).And.Contain(reason);
        problem.Describe(language).Should().NotContain("MembershipRegistration").And.NotContain("OrganizationId");
    }

    [Fact]
    public void A_problem_of_a_dataset_not_read_from_a_file_names_the_field_in_the_chosen_language()
    {
        var problems = new Data.CityDatasetBuilder(SampleCity.Build().City, new NodaTime.LocalDate(2020, 1, 1)).AddRange(SampleCity.Build().Records()).Validate();
        var standing = problems.First(p => p.Field == nameof(Organization.Person.Standings));

        ImportProblem.FromDataset(standing).Describe(TextLanguage.Chinese).Should().MatchRegex(@"^\[政治身份\] '\d{4}-\d\d-\d\d'：人员 \[\w+\]：日期晚于今天");
        ImportProblem.FromDataset(standing, TextLanguage.English).Describe(TextLanguage.English).Should().MatchRegex(@"^\[standings\] '\d{4}-\d\d-\d\d': people \[\w+\]: the date is after today");
    }

    private DatasetReadResult Read(string? path = null) => DatasetFiles.Read(path ?? _folder.Path, RoundTripTests.Options());

    private List<(string Code, string Source, int? Row, string? Column, string? Value)> Problems(string? path = null)
    {
        var result = Read(path);
        result.Dataset.Should().BeNull();
        return Tuples(result);
    }

    private static List<(string Code, string Source, int? Row, string? Column, string? Value)> Tuples(DatasetReadResult result) =>
        [.. result.Problems.Select(p => (p.Code, p.Source, p.Row, p.Column, p.Value))];

    private void Rewrite(string file, Func<string, string> change) =>
        File.WriteAllText(_folder[file], change(File.ReadAllText(_folder[file])), Utf8Bom);
}
