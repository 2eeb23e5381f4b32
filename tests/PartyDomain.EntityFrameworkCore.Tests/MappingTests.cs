using PartyDomain.Data;
using PartyDomain.EntityFrameworkCore.Mapping;

namespace PartyDomain.EntityFrameworkCore.Tests;

public sealed class MappingTests
{
    [Fact]
    public void Every_record_type_a_dataset_takes_has_a_table()
    {
        // A record type added to the library without a table here would be dropped silently on import: every record
        // type of the core (the backbone and every declared kind) has one.
        var taken = typeof(CityDataset).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DatasetRecord)) && !t.IsAbstract);

        RecordTables.All.Select(t => t.ClrType).Should().BeEquivalentTo(taken);
    }

    [Fact]
    public void The_sample_city_has_a_record_in_every_table()
    {
        var dataset = SampleCity.Build();

        RecordTables.All.Where(t => !t.Select(dataset).Any()).Select(t => t.Name).Should().BeEmpty();
    }

    [Fact]
    public void Natural_keys_escape_the_separator()
    {
        static string Key(string person, string platform) =>
            DatasetRecordKeys.Of(new Training.StudyCredit { PersonId = new(person), Platform = platform, Date = new(2025, 1, 1), Points = 1 });

        Key("a|b", "c").Should().NotBe(Key("a", "b|c"));
        Key("a\\", "|c").Should().NotBe(Key("a\\|", "c"));
    }
}
