using System.Text;
using PartyDomain.Tests;
using PartyDomain.Data;
using PartyDomain.Metrics;
using PartyDomain.Organization;

namespace PartyDomain.Interchange.Tests;

/// <summary>
/// A plugin's own table of the import format (<see cref="ImportTable"/>): read beside the built-in tables from CSV,
/// XLSX and JSON, with the built-in tables' row-level problems at the same file, row and column.
/// </summary>
public sealed class ImportTableTests : IDisposable
{
    private static readonly Encoding Utf8Bom = new UTF8Encoding(true);
    private readonly TempFolder _folder = new();

    /// <summary>A city's night clinics, one row per member and evening, read into service records of the built-in indicator.</summary>
    private static readonly ImportTable Clinics = new("night_clinics", "夜间法律诊所",
        [
            new("member_id", "党员编号", ImportColumnKind.Text, Required: true) { Property = nameof(ServiceRecord.Member) },
            new("date", "日期", ImportColumnKind.Date, Required: true),
            new("visitors", "接待人次", ImportColumnKind.WholeNumber, Required: true) { Min = 0, Max = 500 },
            new("on_site", "现场", ImportColumnKind.YesNo),
            new("status", "状态"),
        ],
        row =>
        {
            if (row.Text("status") == "作废")
            {
                row.Fail("status", new("作废的记录不能导入", "a void record cannot be imported"));
            }

            return new ServiceRecord
            {
                Indicator = IndicatorCodes.WalkInConsultations,
                Date = row.Date("date")!.Value,
                Quantity = row.Number("visitors")!.Value,
                Member = new PersonId(row.Text("member_id")!),
                Channel = row.YesNo("on_site") == true ? "现场" : null,
                Origin = row.Origin,
            };
        });

    public ImportTableTests() => DatasetFiles.Write(SampleCity.Build(), _folder.Path, DatasetFormat.Csv);

    public void Dispose() => _folder.Dispose();

    private static DatasetReadResult Read(string path, params ImportTable[] tables) =>
        DatasetFiles.Read(path, new DatasetReadOptions { Clock = TestCity.ClockAt(TestCity.DefaultToday), Tables = tables });

    [Fact]
    public void Rows_of_a_plugins_table_become_records_of_the_dataset()
    {
        var before = Read(_folder.Path).Dataset!.Services.Count;
        File.WriteAllText(_folder["夜间法律诊所.csv"], "党员编号,日期,接待人次,现场\nM1,2025-03-01,12,是\nM2,2025/3/8,3,\n", Utf8Bom);

        var result = Read(_folder.Path, Clinics);

        result.Problems.Should().BeEmpty();
        var added = result.Dataset!.Services.Where(s => s.Origin?.Source == "夜间法律诊所.csv").ToList();
        added.Should().HaveCount(2);
        result.Dataset!.Services.Should().HaveCount(before + 2);
        added[0].Should().Match<ServiceRecord>(s => s.Quantity == 12 && s.Channel == "现场" && s.Date == new LocalDate(2025, 3, 1) && s.Origin!.Row == 2);
    }

    [Fact]
    public void Cells_are_checked_like_a_built_in_tables_by_file_row_and_column()
    {
        File.WriteAllText(_folder["night_clinics.csv"],
            "member_id,date,visitors,on_site,status\n" +
            "M1,2025-13-01,12,maybe,\n" +      // a date that is not one, a yes/no that is not one
            ",2025-03-02,1.5,,\n" +           // a required value missing, not a whole number
            "M1,2025-03-03,900,,\n" +         // above the column's bound
            "M1,2025-03-04,1,,作废\n",        // the plugin's own check
            Utf8Bom);

        var result = Read(_folder.Path, Clinics);

        result.Succeeded.Should().BeFalse();
        result.Problems.Select(p => (p.Code, p.Source, p.Row, p.Column)).Should().Equal(
            ("bad-date", "night_clinics.csv", 2, "date"),
            ("bad-boolean", "night_clinics.csv", 2, "on_site"),
            ("required", "night_clinics.csv", 3, "member_id"),
            ("bad-integer", "night_clinics.csv", 3, "visitors"),
            ("out-of-range", "night_clinics.csv", 4, "visitors"),
            ("invalid-value", "night_clinics.csv", 5, "status"));
        result.Problems[^1].Message.Chinese.Should().Be("作废的记录不能导入");

        File.WriteAllText(_folder["night_clinics.csv"], "member_id,date,visitors\nNOBODY,2025-03-05,1\n", Utf8Bom);
        var unknown = Read(_folder.Path, Clinics).Problems.Should().ContainSingle().Subject;
        (unknown.Source, unknown.Row, unknown.Column, unknown.Value).Should().Be(("night_clinics.csv", 2, "member_id", "NOBODY"));
    }

    [Fact]
    public void Without_the_plugin_its_table_is_an_unknown_table_and_a_name_taken_by_a_built_in_is_refused()
    {
        File.WriteAllText(_folder["night_clinics.csv"], "member_id,date,visitors\nM1,2025-03-05,1\n", Utf8Bom);
        Read(_folder.Path).Problems.Should().ContainSingle(p => p.Code == "unknown-table" && p.Value == "night_clinics");
        Read(_folder.Path, Clinics).Problems.Should().BeEmpty();

        var shadow = new ImportTable("people", "人员x", [new("id", "编号")], _ => throw new InvalidOperationException());
        Read(_folder.Path, Clinics, shadow).Problems.Should().ContainSingle(p => p.Code == "table-clash" && p.Source == "people");
    }

    [Fact]
    public void A_plugins_table_is_read_from_a_json_array_too()
    {
        var city = SampleCity.Build();
        var json = _folder["city.json"];
        DatasetFiles.Write(city, json, DatasetFormat.Json);
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(json))!.AsObject();
        document["night_clinics"] = System.Text.Json.Nodes.JsonNode.Parse("""[ { "member_id": "M1", "date": "2025-03-01", "visitors": 4, "on_site": true } ]""");
        File.WriteAllText(json, document.ToJsonString());

        Read(json, Clinics).Dataset!.Services.Should().ContainSingle(s => s.Origin!.Source.Contains("night_clinics", StringComparison.Ordinal) && s.Quantity == 4);
        Read(json).Problems.Should().ContainSingle(p => p.Code == "unknown-table");
    }

    [Fact]
    public void A_table_definition_is_checked_when_made()
    {
        var act = () => new ImportTable("Night Clinics", "夜间", [new("a", "甲")], _ => null!);
        act.Should().Throw<ArgumentException>().WithMessage("*not a table name*");
        act = () => new ImportTable("night", "夜间", [new("a", "甲"), new("b", "甲")], _ => null!);
        act.Should().Throw<ArgumentException>().WithMessage("*headed '甲'*");
    }
}
