using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Extensibility;
using PartyDomain.Metrics;

namespace PartyDomain.Interchange;

/// <summary>Registers dataset import and export.</summary>
public static class InterchangeBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="DatasetInterchange"/>, which reads with the container's clock, time zone
    /// (<see cref="PartyDomainOptions.TimeZone"/>), indicators, activity kinds and the plugins' import tables:
    /// <c>services.AddPartyDomain(b =&gt; b.AddInterchange())</c>.
    /// </summary>
    /// <param name="builder">The PartyDomain builder.</param>
    /// <returns>The builder.</returns>
    public static PartyDomainBuilder AddInterchange(this PartyDomainBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(sp => new DatasetInterchange(
            sp.GetRequiredService<ZonedClock>(),
            sp.GetRequiredService<IndicatorCatalog>(),
            sp.GetRequiredService<ActivityKindCatalog>(),
            sp.GetService<IEnumerable<ImportTable>>()));
        return builder;
    }
}

/// <summary>
/// Reads datasets with the clock, time zone and catalogs of the application's container, and writes datasets and
/// templates with its activity kinds and indicators (their Chinese names in the files and the template's dropdowns).
/// </summary>
/// <param name="clock">The clock "today" is read from, in the city's zone: the <see cref="ZonedClock"/> the engines take.</param>
/// <param name="indicators">The city's indicators.</param>
/// <param name="activityKinds">The city's activity kinds.</param>
/// <param name="tables">The tables plugins add to the import format (<see cref="PartyDomainBuilder.ImportTables"/>); none when <c>null</c>.</param>
public sealed class DatasetInterchange(ZonedClock clock, IndicatorCatalog indicators, ActivityKindCatalog activityKinds, IEnumerable<ImportTable>? tables = null)
{
    private readonly ImportTable[] _tables = tables?.ToArray() ?? [];

    /// <summary>Reads the dataset at <paramref name="path"/>; see <see cref="DatasetFiles.Read"/>.</summary>
    /// <param name="path">The folder or file.</param>
    /// <param name="format">The format, when it cannot be told from the path.</param>
    /// <param name="stored">The city's stored data, for an incremental import (see <see cref="DatasetReadOptions.Stored"/>).</param>
    /// <param name="progress">Told how far the read has come (see <see cref="DatasetReadOptions.Progress"/>); none by default.</param>
    public DatasetReadResult Read(string path, DatasetFormat? format = null, CityDataset? stored = null, IProgress<WorkProgress>? progress = null) => DatasetFiles.Read(path, new DatasetReadOptions
    {
        Clock = clock,
        TimeZone = clock.Zone,
        Format = format,
        Indicators = indicators,
        ActivityKinds = activityKinds,
        Tables = _tables,
        Stored = stored,
        Progress = progress,
    });

    /// <summary>Writes <paramref name="dataset"/>; see <see cref="DatasetFiles.Write"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="path">A folder for CSV, otherwise the file.</param>
    /// <param name="format">The format.</param>
    /// <param name="language">The language: Chinese unless set, English for JSON unless set.</param>
    public void Write(CityDataset dataset, string path, DatasetFormat format, TextLanguage? language = null) =>
        DatasetFiles.Write(dataset, path, format, language, activityKinds);

    /// <summary>Writes the template staff fill in; see <see cref="DatasetFiles.WriteTemplate"/>.</summary>
    /// <param name="path">A folder for CSV, otherwise the file.</param>
    /// <param name="format">The format.</param>
    /// <param name="language">The language: Chinese unless set, English for JSON unless set.</param>
    public void WriteTemplate(string path, DatasetFormat format, TextLanguage? language = null) =>
        DatasetFiles.WriteTemplate(path, format, language, activityKinds, indicators);
}
