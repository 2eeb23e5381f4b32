using PartyDomain.Data;
using PartyDomain.Interchange.Schema;
using PartyDomain.Organization;
using PartyDomain.Tests;
using PartyDomain.BasicSystems;

namespace PartyDomain.Interchange.Tests;

public sealed class RoundTripTests
{
    public static TheoryData<DatasetFormat, TextLanguage> Formats => new()
    {
        { DatasetFormat.Csv, TextLanguage.Chinese },
        { DatasetFormat.Csv, TextLanguage.English },
        { DatasetFormat.Xlsx, TextLanguage.Chinese },
        { DatasetFormat.Xlsx, TextLanguage.English },
        { DatasetFormat.Json, TextLanguage.Chinese },
        { DatasetFormat.Json, TextLanguage.English },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_written_dataset_reads_back_the_same(DatasetFormat format, TextLanguage language)
    {
        var original = SampleCity.Build();
        using var folder = new TempFolder();
        var path = folder[format switch { DatasetFormat.Csv => "city", DatasetFormat.Xlsx => "city.xlsx", _ => "city.json" }];

        DatasetFiles.Write(original, path, format, language);
        var result = DatasetFiles.Read(path, Options());

        result.Problems.Should().BeEmpty();
        var read = result.Dataset!;
        foreach (var table in DatasetSchema.Tables)
        {
            Rows(read, table).Should().BeEquivalentTo(Rows(original, table), o => o.WithStrictOrdering(), table.Name);
        }

        read.City.Should().Be(original.City);
        read.People.Single(p => p.Id == new PersonId("X1")).IdNumber!.Value.Reveal().Should().Be("41150219900228123X");
        read.Activities.Single(a => a.Id == "ACT-1").Attendance.Should().HaveCount(3);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_dataset_with_empty_tables_reads_back_without_problems(DatasetFormat format, TextLanguage language)
    {
        // Most tables of a small city are empty; an empty table written out (a JSON [] names no columns) is no table.
        var original = new TestCity().Firm("F1").BranchOf("B1", "F1").Build();
        using var folder = new TempFolder();
        var path = folder[format switch { DatasetFormat.Csv => "city", DatasetFormat.Xlsx => "city.xlsx", _ => "city.json" }];

        DatasetFiles.Write(original, path, format, language);
        var result = DatasetFiles.Read(path, Options());

        result.Problems.Should().BeEmpty();
        result.Dataset!.Organizations.Should().HaveCount(original.Organizations.Count);
        result.Dataset.Activities.Should().BeEmpty();
    }

    [Fact]
    public void Every_table_of_the_sample_has_rows_so_the_round_trip_covers_it()
    {
        var dataset = SampleCity.Build();
        DatasetSchema.Tables.Where(t => !t.Write(dataset, TextLanguage.English).Any()).Select(t => t.Name).Should().BeEmpty();
    }

    [Fact]
    public void Records_carry_the_file_and_row_they_were_read_from()
    {
        using var folder = new TempFolder();
        DatasetFiles.Write(SampleCity.Build(), folder.Path, DatasetFormat.Csv);

        var dataset = DatasetFiles.Read(folder.Path, Options()).Dataset!;

        dataset.Firms.Select(f => f.Origin).Should().Equal(new RecordOrigin("firms.csv", 2), new RecordOrigin("firms.csv", 3));
    }

    [Theory]
    [InlineData(DatasetFormat.Csv)]
    [InlineData(DatasetFormat.Xlsx)]
    [InlineData(DatasetFormat.Json)]
    public void A_person_named_in_many_rows_is_one_string(DatasetFormat format)
    {
        using var folder = new TempFolder();
        var path = folder[format switch { DatasetFormat.Csv => "city", DatasetFormat.Xlsx => "city.xlsx", _ => "city.json" }];
        DatasetFiles.Write(SampleCity.Build(), path, format);

        var dataset = DatasetFiles.Read(path, Options()).Dataset!;

        var attendees = dataset.Activities.SelectMany(a => a.Attendance).Select(a => a.PersonId).Where(id => dataset.TryGetPerson(id, out _)).ToList();
        attendees.Should().NotBeEmpty();
        attendees.Should().OnlyContain(id => ReferenceEquals(id.Value, dataset.GetPerson(id).Id.Value), "ids read from the files are shared, not copied per cell");
        dataset.Registrations.Should().OnlyContain(r => ReferenceEquals(r.OrganizationId.Value, dataset.GetOrganization(r.OrganizationId).Id.Value));
    }

    internal static DatasetReadOptions Options() => new() { Clock = TestCity.ClockAt(TestCity.DefaultToday) };

    private static List<string> Rows(CityDataset dataset, Table table) =>
        [.. table.Write(dataset, TextLanguage.English).Select(r => string.Join("|", r)).Order(StringComparer.Ordinal)];
}
