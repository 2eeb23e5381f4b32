using PartyDomain.Tests.Shared;
using PartyDomain.Data;
using PartyDomain.Testing;

namespace PartyDomain.Interchange.Tests;

/// <summary>A read reports its progress when asked: reading the tables (every few thousand rows), then validating, only ever forward, ending at 100 %.</summary>
public sealed class ProgressTests
{
    private static readonly CityDataset Demo = DemoCity.Build();

    [Theory]
    [InlineData(DatasetFormat.Csv, "city")]
    [InlineData(DatasetFormat.Xlsx, "city.xlsx")]
    [InlineData(DatasetFormat.Json, "city.json")]
    public void Reading_a_file_reports_progress_that_only_grows_and_ends_at_100_percent(DatasetFormat format, string name)
    {
        using var folder = new TempFolder();
        DatasetFiles.Write(Demo, folder[name], format);
        var reports = new Reports();

        var result = DatasetFiles.Read(folder[name], new DatasetReadOptions { Clock = DemoCity.Clock, Progress = reports });

        result.Problems.Should().BeEmpty();
        reports.ShouldGrowTo100Percent();
        reports.Stages.Should().Equal("reading the tables", "indexing", "checking integrity");

        // Reading is reported between the tables, and within the large ones (the attendance of a year's meetings).
        reports.Fractions.Count(f => f < 0.9).Should().BeGreaterThan(format == DatasetFormat.Xlsx ? 15 : 30);
    }

    [Fact]
    public void A_merge_into_stored_data_reports_matching_then_validating()
    {
        using var folder = new TempFolder();
        DatasetFiles.Write(Demo, folder["again"], DatasetFormat.Csv);
        var reports = new Reports();

        var result = DatasetFiles.Read(folder["again"], new DatasetReadOptions { Clock = DemoCity.Clock, Stored = Demo, Progress = reports });

        result.Problems.Should().BeEmpty();
        result.Merge!.Changes.Should().BeEmpty("the file holds records the stored data has");
        reports.ShouldGrowTo100Percent();
        reports.Stages.Should().ContainInOrder("reading the tables", "matching the stored records", "checking integrity");
    }

    [Fact]
    public void Without_a_progress_nothing_is_reported_and_the_read_is_the_same()
    {
        using var folder = new TempFolder();
        DatasetFiles.Write(Demo, folder["city"], DatasetFormat.Csv);

        var watched = DatasetFiles.Read(folder["city"], new DatasetReadOptions { Clock = DemoCity.Clock, Progress = new Reports() });
        var unwatched = DatasetFiles.Read(folder["city"], new DatasetReadOptions { Clock = DemoCity.Clock });

        unwatched.Dataset!.Records().Count().Should().Be(watched.Dataset!.Records().Count());
    }
}

/// <summary>Integrity problems named as the import format names records and fields, never by the library's types and properties.</summary>
public sealed class IntegrityNamingTests
{
    [Fact]
    public void Every_property_of_every_record_type_has_a_name_in_the_format()
    {
        var unnamed = new List<string>();
        foreach (var type in typeof(CityDataset).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DatasetRecord)) && !t.IsAbstract))
        {
            var table = Schema.DatasetSchema.ForEntity(type.Name);
            if (table is null)
            {
                unnamed.Add(type.Name);
                continue;
            }

            foreach (var property in type.GetProperties().Where(p => p.Name != nameof(DatasetRecord.Origin) && p.CanWrite))
            {
                if (Schema.DatasetSchema.FieldName(table, type.Name, property.Name) is null)
                {
                    unnamed.Add($"{type.Name}.{property.Name}");
                }
            }
        }

        unnamed.Should().BeEmpty();
    }
}
