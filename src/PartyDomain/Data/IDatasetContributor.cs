namespace PartyDomain.Data;

/// <summary>
/// A platform connector (平台数据接入): reads one platform's export into a <see cref="CityDatasetBuilder"/>, so a
/// city's own systems feed the same snapshot as the library's files. Registered through
/// <see cref="Extensibility.PartyDomainBuilder.AddDatasetContributor"/>; the library's built-ins and plugins alike.
/// </summary>
public interface IDatasetContributor
{
    /// <summary>The contributor's id, unique among registered contributors, for example <c>xuexi-points</c>.</summary>
    string Id { get; }

    /// <summary>What it reads, shown to users.</summary>
    LocalizedText Description { get; }

    /// <summary>
    /// Reads <paramref name="export"/> and adds its records to <paramref name="builder"/>, each with its
    /// <see cref="DatasetRecord.Origin"/> (source and row). Rows it cannot read are reported, never dropped silently.
    /// </summary>
    /// <param name="export">The export's content.</param>
    /// <param name="sourceName">The export's name (usually the file name), used in origins and problems.</param>
    /// <param name="builder">The builder to add records to.</param>
    /// <returns>The rows that could not be read, naming source, row and field; empty when every row was read.</returns>
    IReadOnlyList<DatasetProblem> Contribute(Stream export, string sourceName, CityDatasetBuilder builder);
}
