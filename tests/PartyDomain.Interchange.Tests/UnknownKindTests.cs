using FluentAssertions;
using PartyDomain.Data;
using Xunit;

namespace PartyDomain.Interchange.Tests;

/// <summary>A dataset holding a kind the format has no table for is never exported with those records left out.</summary>
public sealed class UnknownKindTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Exporting_a_kind_the_format_has_no_table_for_is_refused_by_name()
    {
        var sample = SampleCity.Build();
        var dataset = new CityDatasetBuilder(sample.City, sample.Today).AddRange(sample.Records()).Add(new Note { Id = "N1" }).Build();

        var write = () => DatasetFiles.Write(dataset, _folder.Path, DatasetFormat.Csv);

        write.Should().Throw<InvalidOperationException>().WithMessage("*备注*notes*no table*");
    }

    private sealed record Note : DatasetRecord
    {
        public static RecordKind<Note> Declaration { get; } = new("notes", new("备注", "note"), n => RecordKey.Id(n.Id), n => n.Id);

        public required string Id { get; init; }

        protected override RecordKind Declared => Declaration;
    }
}
