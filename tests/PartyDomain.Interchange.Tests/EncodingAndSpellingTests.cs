using System.Text;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using PartyDomain.Extensibility;
using PartyDomain.Interchange.Reading;
using PartyDomain.Organization;
using PartyDomain.Tests;

namespace PartyDomain.Interchange.Tests;

public sealed class EncodingAndSpellingTests : IDisposable
{
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Encodings => new() { "utf-8", "utf-8-bom", "gb18030", "utf-16-bom" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Csv_as_excel_writes_it_is_read_in_its_encoding(string encoding)
    {
        // Chinese headers, Chinese values, and the date spellings Excel and staff produce.
        Write("city.csv", "城市编码,城市名称\r\n411500,信阳市\r\n", encoding);
        Write("organizations.csv", "组织编号,组织名称,组织类别,上级组织编号,成立日期\r\nC,信阳市律师行业党委,行业党委,,2010年1月1日\r\nB1,\"某某律师事务所党支部\",党支部,C,2015/3/5\r\n", encoding);
        Write("firms.csv", "律所编号,律所名称,所在区县,成立日期\r\nF1,河南某某律师事务所,浉河区,40179\r\n", encoding);

        var result = DatasetFiles.Read(_folder.Path, RoundTripTests.Options());

        result.Problems.Should().BeEmpty();
        var dataset = result.Dataset!;
        dataset.City.Name.Should().Be("信阳市");
        dataset.Organizations.Select(o => (o.Name, o.Established)).Should().Equal(
            ("信阳市律师行业党委", new LocalDate(2010, 1, 1)), ("某某律师事务所党支部", new LocalDate(2015, 3, 5)));
        dataset.Firms.Single().Should().Match<LawFirm>(f => f.Name == "河南某某律师事务所" && f.District == "浉河区" && f.Founded == new LocalDate(2010, 1, 1));
    }

    [Fact]
    public void A_workbook_with_real_excel_dates_and_numbers_is_read()
    {
        var path = _folder["data.xlsx"];
        var sheets = new Dictionary<string, object>
        {
            ["城市"] = new[] { new Dictionary<string, object?> { ["城市编码"] = 411500, ["城市名称"] = "信阳市" } },
            ["党组织"] = new[]
            {
                new Dictionary<string, object?> { ["组织编号"] = "C", ["组织名称"] = "党委", ["组织类别"] = "行业党委", ["成立日期"] = new DateTime(2010, 1, 1) },
            },
            ["elections"] = new[] { new Dictionary<string, object?> { ["organization_id"] = "C", ["elected_on"] = 45000, ["term_years"] = 5.0 } },
        };
        MiniExcel.SaveAs(path, sheets);

        var dataset = DatasetFiles.Read(path, RoundTripTests.Options()).Dataset!;

        dataset.City.Id.Should().Be("411500");
        dataset.Organizations.Single().Established.Should().Be(new LocalDate(2010, 1, 1));
        dataset.Elections.Single().Should().Match<CommitteeElection>(e => e.ElectedOn == new LocalDate(2023, 3, 15) && e.TermYears == 5);
    }

    [Theory]
    [InlineData("2021-03-05")]
    [InlineData("2021/3/5")]
    [InlineData("2021/03/05")]
    [InlineData("2021.3.5")]
    [InlineData("2021年3月5日")]
    [InlineData("2021年03月05日")]
    [InlineData("2021年3月5")]
    [InlineData(" 2021-3-5 ")]
    [InlineData("44260")]
    [InlineData("2021/3/5 0:00")]
    [InlineData("2021-03-05 00:00:00")]
    public void Dates_in_every_common_spelling_are_read(string text)
    {
        CellText.TryParseDate(text, out var date).Should().BeTrue();
        date.Should().Be(new LocalDate(2021, 3, 5));
    }

    [Theory]
    [InlineData("2021-02-29")]
    [InlineData("2021-13-01")]
    [InlineData("21/3/5")]
    [InlineData("2021/3-5")]
    [InlineData("2021-03")]
    [InlineData("3/5/2021")]
    [InlineData("2021-03-05 14:30")]
    [InlineData("60")]
    [InlineData("44260.5")]
    [InlineData("昨天")]
    [InlineData("")]
    public void Ambiguous_or_impossible_dates_are_refused(string text) => CellText.TryParseDate(text, out _).Should().BeFalse();

    [Theory]
    [InlineData("2021-03")]
    [InlineData("2021/3")]
    [InlineData("2021年3月")]
    [InlineData("2021-03-01")]
    [InlineData("44256")]
    public void Months_are_read(string text)
    {
        CellText.TryParseMonth(text, out var month).Should().BeTrue();
        month.Should().Be(new YearMonth(2021, 3));
    }

    [Theory]
    [InlineData("2021-03-05")]
    [InlineData("2021-13")]
    [InlineData("三月")]
    public void Months_that_are_not_a_month_are_refused(string text) => CellText.TryParseMonth(text, out _).Should().BeFalse();

    [Theory]
    [InlineData("办理非诉业务", "found")]
    [InlineData(" 办理 非诉_业务 ", "found")]
    [InlineData("NON-LITIGATION", "code")]
    [InlineData("Non_Litigation", "code")]
    [InlineData("non-litigation", "code")]
    [InlineData("A B", "letters")]
    public void Choices_are_found_by_any_spelling_that_normalizes_alike(string text, string expected)
    {
        // The exact spellings are a shortcut: whatever they find must be what the normalized form finds.
        var lookup = new Schema.ChoiceLookup<string>([("办理非诉业务", "found"), ("ab", "letters"), ("nonlitigation", "name"), ("non-litigation", "code")]);

        lookup.TryFind(text, out var value).Should().BeTrue();
        value.Should().Be(expected);
        lookup.TryFind("办理诉讼业务", out _).Should().BeFalse();
    }

    [Fact]
    public void Normalizing_drops_spaces_and_separators_and_lowers_the_case_of_any_script() =>
        Schema.Names.Normalize(" Ａb_C-d\u3000Ä\t法律 援助 ").Should().Be("ａbcdä法律援助");

    [Fact]
    public void Templates_hold_every_table_with_its_headers_and_only_the_example_row()
    {
        DatasetFiles.WriteTemplate(_folder["csv"], DatasetFormat.Csv);
        DatasetFiles.WriteTemplate(_folder["t.xlsx"], DatasetFormat.Xlsx);
        DatasetFiles.WriteTemplate(_folder["t.json"], DatasetFormat.Json);

        File.ReadAllBytes(_folder["csv/people.csv"]).Should().Equal([0xEF, 0xBB, 0xBF, .. "示例,人员编号,姓名,出生日期,身份证号,手机号码,执业证号,首次执业日期\n示例,P0001,张三,1990-05-20,,,14115201810012345,2018-10-01\n"u8]);
        Directory.GetFiles(_folder["csv"]).Select(Path.GetFileName).Should().HaveCount(Schema.DatasetSchema.Tables.Count + 1).And.Contain("README.txt");
        MiniExcel.GetSheetNames(_folder["t.xlsx"]).Should().HaveCount(Schema.DatasetSchema.Tables.Count + 2).And.Contain(["说明", "城市", "党组织", "服务记录", "发展党员", "可选值"]);
        MiniExcel.Query(_folder["t.xlsx"], sheetName: "组织关系").Cast<IDictionary<string, object?>>().First().Values
            .Should().Equal("示例", "人员编号", "组织编号", "开始日期", "结束日期");
        File.ReadAllText(_folder["t.json"]).Should().Contain("\"services\": []");

        // A filled-in template with only its city row is a valid, empty dataset, in every format: the examples are skipped.
        File.AppendAllText(_folder["csv/city.csv"], ",411500,信阳市\n");
        var csv = DatasetFiles.Read(_folder["csv"], RoundTripTests.Options());
        csv.Problems.Should().BeEmpty();
        csv.Dataset!.City.Name.Should().Be("信阳市");
        csv.Dataset.People.Should().BeEmpty();
        File.WriteAllText(_folder["t.json"], File.ReadAllText(_folder["t.json"]).Replace("\"city\": []", "\"city\": [ { \"id\": \"411500\", \"name\": \"信阳市\" } ]", StringComparison.Ordinal));
        DatasetFiles.Read(_folder["t.json"], RoundTripTests.Options()).Problems.Should().BeEmpty();
    }

    [Fact]
    public void The_container_reads_with_its_own_clock_and_catalogs()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2009, 1, 1, 0, 0)))
            .AddPartyDomain(b => b.AddInterchange()).Services
            .BuildServiceProvider();
        DatasetFiles.Write(SampleCity.Build(), _folder["data.json"], DatasetFormat.Json);

        var result = provider.GetRequiredService<DatasetInterchange>().Read(_folder["data.json"]);

        // In 2009 every record of the sample lies in the future.
        result.Succeeded.Should().BeFalse();
        result.Problems.Should().Contain(p => p.Code == "future-date" && p.Source == "data.json/organizations" && p.Row == 1);
    }

    [Fact]
    public void The_format_follows_from_the_path()
    {
        DatasetFiles.FormatOf(_folder.Path).Should().Be(DatasetFormat.Csv);
        DatasetFiles.FormatOf("a.XLSX").Should().Be(DatasetFormat.Xlsx);
        DatasetFiles.FormatOf("a.json").Should().Be(DatasetFormat.Json);
        DatasetFiles.FormatOf("a.xls").Should().BeNull();
        DatasetFiles.Read(_folder["missing"], RoundTripTests.Options()).Problems.Single().Code.Should().Be("not-found");
    }

    private void Write(string file, string text, string encoding)
    {
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            "gb18030" => Gb18030.GetBytes(text),
            _ => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text.Replace(',', '\t'))],
        };
        File.WriteAllBytes(_folder[file], bytes);
    }
}
