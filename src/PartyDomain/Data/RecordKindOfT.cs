using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace PartyDomain.Data;

/// <summary>
/// The one declaration of a record kind: its name, its key, its checks and the kinds it refers to. Declared once,
/// as a static member of the record type in its concept's folder, and returned by the record's
/// <see cref="DatasetRecord.Declared"/>; the dataset builder, the validator, the merge and the store read it from there,
/// so adding a record type touches no file of the dataset (ARCHITECTURE.md, "a record type").
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <example>
/// <code>
/// public sealed record Visit : DatasetRecord
/// {
///     public static RecordKind&lt;Visit&gt; Declaration { get; } = new("visits", new("走访记录", "visit"), v => RecordKey.Natural(v.PersonId.Value, RecordKey.Day(v.Date)), v => $"{v.PersonId} {v.Date}")
///     {
///         Check = (v, check) => { check.Person(v.PersonId, nameof(PersonId)); check.NotFuture(v.Date, nameof(Date)); },
///     };
///     public required PersonId PersonId { get; init; }
///     public required LocalDate Date { get; init; }
///     protected override RecordKind Declared => Declaration;
/// }
/// </code>
/// </example>
public sealed class RecordKind<T> : RecordKind, IRecordKindRuntime
    where T : DatasetRecord
{
    private readonly Func<T, RecordKey> _key;
    private readonly Func<T, string> _describe;

    /// <summary>Declares a kind.</summary>
    /// <param name="name">The name: lower-case letters, digits and '_', starting with a letter (<c>dues_payments</c>).</param>
    /// <param name="noun">What one record is called in messages.</param>
    /// <param name="key">What identifies a record across imports (<see cref="RecordKey.Id"/> or <see cref="RecordKey.Natural"/>): the store's key and the merge's.</param>
    /// <param name="describe">What names a record in a problem report (its id, or the ids and date that tell it apart), in the format's words.</param>
    /// <exception cref="ArgumentException">The name is not well-formed.</exception>
    public RecordKind(string name, LocalizedText noun, Func<T, RecordKey> key, Func<T, string> describe)
        : base(name, typeof(T), noun ?? throw new ArgumentNullException(nameof(noun)))
    {
        if (!ImportTable.IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a record kind name: use lower-case letters, digits and '_', starting with a letter.", nameof(name));
        }

        _key = key ?? throw new ArgumentNullException(nameof(key));
        _describe = describe ?? throw new ArgumentNullException(nameof(describe));
    }

    /// <summary>
    /// Checks one record against the rest of the dataset; every problem is reported through the <see cref="RecordCheck"/>
    /// and none stops the others. A record whose key is its own id is also checked for a duplicate id, before this runs.
    /// </summary>
    public Action<T, RecordCheck>? Check { get; init; }

    /// <summary>The kinds whose records these refer to (besides the backbone), checked and listed first.</summary>
    public IReadOnlyList<RecordKind> Refers { get; init; } = [];

    /// <inheritdoc/>
    public override IReadOnlyList<RecordKind> After => Refers;

    /// <summary>The record's key.</summary>
    /// <param name="record">The record.</param>
    public RecordKey Key(T record) => _key(record ?? throw new ArgumentNullException(nameof(record)));

    /// <summary>What names the record in a problem report.</summary>
    /// <param name="record">The record.</param>
    public string Describe(T record) => _describe(record ?? throw new ArgumentNullException(nameof(record)));

    RecordKey IRecordKindRuntime.Key(DatasetRecord record) => _key((T)record);

    string IRecordKindRuntime.Describe(DatasetRecord record) => _describe((T)record);

    IRecordList IRecordKindRuntime.NewList() => new RecordList<T>();

    void IRecordKindRuntime.Check(DatasetRecord record, RecordCheck check) => Check?.Invoke((T)record, check);
}

/// <summary>
/// What identifies a record across imports: its own identifier (a second record with it is an error), or its natural
/// key (the fields that tell it apart; records with equal natural keys are numbered, <see cref="DatasetRecordKeys.Numbered"/>).
/// </summary>
/// <param name="Value">The key's text.</param>
/// <param name="OwnId">Whether it is the record's own identifier.</param>
public readonly record struct RecordKey(string Value, bool OwnId)
{
    /// <summary>The key of a record with its own identifier.</summary>
    /// <param name="id">The identifier.</param>
    public static RecordKey Id(string id) => new(id, OwnId: true);

    /// <summary>The natural key made of <paramref name="parts"/>, joined with <c>|</c> and escaped so that the key is injective whatever they contain.</summary>
    /// <param name="parts">The fields that identify the record, each as the data format writes it (<see cref="Day"/>, <see cref="Month"/>).</param>
    public static RecordKey Natural(params string?[] parts) => new(DatasetRecordKeys.Join(parts), OwnId: false);

    /// <summary>A date as keys write it: <c>2025-03-01</c>.</summary>
    /// <param name="date">The date.</param>
    public static string Day(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>A month as keys write it: <c>2025-03</c>.</summary>
    /// <param name="month">The month.</param>
    public static string Month(YearMonth month) => month.ToString("uuuu-MM", CultureInfo.InvariantCulture);
}

/// <summary>
/// A catalog a dataset's records are checked against and kept with (the indicator catalog, say): given to the builder
/// with <see cref="CityDatasetBuilder.Use{TCatalog}"/>, read back with <see cref="CityDataset.Catalog{TCatalog}"/>.
/// </summary>
public interface IDatasetCatalog
{
    /// <summary>The catalog's own problems, reported with the records'; empty when it is consistent.</summary>
    IReadOnlyList<string> Validate();

    /// <summary>A copy the dataset keeps, so that changing the builder's catalog later never changes a built dataset.</summary>
    IDatasetCatalog Snapshot();
}

/// <summary>What the dataset does with the records of one kind; the generic kind implements it.</summary>
internal interface IRecordKindRuntime
{
    RecordKey Key(DatasetRecord record);

    string Describe(DatasetRecord record);

    IRecordList NewList();

    void Check(DatasetRecord record, RecordCheck check);
}

/// <summary>A builder's list of one kind's records, typed so the dataset's array is too.</summary>
internal interface IRecordList
{
    int Count { get; }

    IReadOnlyList<DatasetRecord> Records { get; }

    void Add(DatasetRecord record);

    Array ToArray();
}

internal sealed class RecordList<T> : IRecordList
    where T : DatasetRecord
{
    private readonly List<T> _records = [];

    public int Count => _records.Count;

    public IReadOnlyList<DatasetRecord> Records => _records;

    public void Add(DatasetRecord record) => _records.Add((T)record);

    public Array ToArray() => _records.ToArray();
}
