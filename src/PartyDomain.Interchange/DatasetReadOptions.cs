using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Metrics;
using PartyDomain.Time;

namespace PartyDomain.Interchange;

/// <summary>How a dataset is read: the clock that says what "today" is, and the city's catalogs values are checked against.</summary>
public sealed class DatasetReadOptions
{
    /// <summary>The clock; a record dated after today (in <see cref="TimeZone"/>) is refused.</summary>
    public required IClock Clock { get; init; }

    /// <summary>The time zone of "today"; Asia/Shanghai unless set.</summary>
    public DateTimeZone? TimeZone { get; init; }

    /// <summary>The format; when <c>null</c> it follows from the path (a folder is CSV, <c>.xlsx</c>, <c>.json</c>).</summary>
    public DatasetFormat? Format { get; init; }

    /// <summary>The indicators service records may use, by code or Chinese name; the built-in catalog unless set.</summary>
    public IndicatorCatalog? Indicators { get; init; }

    /// <summary>The activity kinds activities may have, by code or name; the built-in kinds unless set.</summary>
    public ActivityKindCatalog? ActivityKinds { get; init; }

    /// <summary>
    /// The tables plugins add to the format (<see cref="Extensibility.PartyDomainBuilder.ImportTables"/>), read beside the
    /// built-in ones with the same checks; none unless set.
    /// </summary>
    public IReadOnlyList<Data.ImportTable>? Tables { get; init; }

    /// <summary>How much is read before a file is refused; <see cref="DatasetReadLimits.Default"/> unless set.</summary>
    public DatasetReadLimits? Limits { get; init; }

    /// <summary>
    /// The city's stored data, for an incremental import: the file's records (a month's activity records, new people,
    /// corrected rows) are merged into it, a record with the key of a stored one (<see cref="DatasetRecordKeys"/>)
    /// replacing it, and the merged records are validated as a whole, so the file's references resolve against the stored
    /// records and its own. The file need not hold the city table; when it does, it must be the stored city's.
    /// <c>null</c>: the file is the whole city.
    /// </summary>
    public CityDataset? Stored { get; init; }

    /// <summary>
    /// Told how far the read has come: reading the tables (by the bytes of each CSV file, the size of each sheet, the rows
    /// of JSON; every few thousand rows), then merging and validating; <c>null</c> (the default) reports nothing.
    /// </summary>
    public IProgress<WorkProgress>? Progress { get; init; }

    internal LocalDate Today => PartyDomainTime.Today(Clock, TimeZone);
}
