namespace PartyDomain;

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

/// <summary>
/// The base of every record a <see cref="Data.CityDataset"/> holds. It lives below every folder of the library, so a
/// record type depends on nothing but its own concept.
/// </summary>
public abstract record DatasetRecord
{
    /// <summary>Where the record was read from, if known.</summary>
    public RecordOrigin? Origin { get; init; }

    /// <summary>
    /// The kind this record is of (its key, checks and name: a <see cref="Data.RecordKind{T}"/> declared beside the
    /// record type). The dataset's backbone (organizations, firms, people, their posts, registrations, employments,
    /// coverages, instructors and elections) is the dataset builder's own and returns <c>null</c>; every other record
    /// type returns its declaration.
    /// </summary>
    protected internal virtual RecordKind? Declared => null;
}

/// <summary>
/// A kind of record the dataset holds beside its backbone: what <see cref="Data.CityDatasetBuilder"/> needs to
/// take, check, key and store records of a type it was not written for. Declare one with <see cref="Data.RecordKind{T}"/>.
/// </summary>
public abstract class RecordKind
{
    private protected RecordKind(string name, Type recordType, LocalizedText noun)
    {
        Name = name;
        RecordType = recordType;
        Noun = noun;
    }

    /// <summary>The kind's name: lower-case letters, digits and '_', the same as its table in the data format (<c>activities</c>).</summary>
    public string Name { get; }

    /// <summary>The record type.</summary>
    public Type RecordType { get; }

    /// <summary>What one record is called in messages (活动记录 / activity record), for example in "refers to an unknown …".</summary>
    public LocalizedText Noun { get; }

    /// <summary>The kinds whose records these records refer to: they are checked, listed and stored first.</summary>
    public abstract IReadOnlyList<RecordKind> After { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
