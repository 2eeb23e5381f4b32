namespace PartyDomain.Data;

/// <summary>
/// Where a record was read from, so that every problem found in it can name the file (or sheet) and row.
/// Importers and platform connectors set it; records built in code may leave it empty.
/// </summary>
/// <param name="Source">The file, sheet or platform the record came from.</param>
/// <param name="Row">The 1-based row or line, when the source has rows.</param>
public sealed record RecordOrigin(string Source, int? Row = null)
{
    /// <summary>Formats the origin as <c>members.csv row 12</c>.</summary>
    public override string ToString() => Row is { } r ? $"{Source} row {r}" : Source;
}

/// <summary>The base of every record a <see cref="CityDataset"/> holds.</summary>
public abstract record DatasetRecord
{
    /// <summary>Where the record was read from, if known.</summary>
    public RecordOrigin? Origin { get; init; }
}
