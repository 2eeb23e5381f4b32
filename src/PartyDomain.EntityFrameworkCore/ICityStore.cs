using NodaTime;
using PartyDomain.Data;

namespace PartyDomain.EntityFrameworkCore;

/// <summary>
/// One city's data in the store. Every read and write goes to <see cref="CityId"/> only: the city's rows are filtered
/// by it in every query, and a dataset of another city is refused.
/// </summary>
public interface ICityStore
{
    /// <summary>The city this store reads and writes.</summary>
    string CityId { get; }

    /// <summary>
    /// Saves <paramref name="dataset"/> in one transaction: a failed or cancelled import leaves the store as it was.
    /// Records are keyed by their identifiers (or, for records without one, by the fields that identify them), so
    /// running the same import again changes nothing.
    /// </summary>
    /// <param name="dataset">The city's dataset; its city must be <see cref="CityId"/>.</param>
    /// <param name="mode"><see cref="ImportMode.Merge"/> adds and updates records; <see cref="ImportMode.Replace"/> first removes the city's stored records.</param>
    /// <param name="progress">Told how far the writing has come, every few thousand records; none by default.</param>
    /// <param name="cancellationToken">Cancels the import; nothing of it is kept.</param>
    /// <exception cref="ArgumentException">The dataset belongs to another city.</exception>
    Task<ImportResult> ImportAsync(CityDataset dataset, ImportMode mode = ImportMode.Merge, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves an incremental import (<see cref="DatasetMerge"/>, made against this city's snapshot): its added and
    /// updated records, under the keys the merge gave them, in one transaction; a merge without changes writes nothing.
    /// Running the same merge again changes nothing.
    /// </summary>
    /// <param name="merge">A merge that succeeded, of this city.</param>
    /// <param name="progress">Told how far the writing has come, every few thousand records; none by default.</param>
    /// <param name="cancellationToken">Cancels the import; nothing of it is kept.</param>
    /// <exception cref="ArgumentException">The merge has integrity problems or is of another city.</exception>
    /// <remarks>
    /// The merge was validated against the snapshot it was made from; an import written to the city between that
    /// snapshot and this call is not checked again (the console host runs one import at a time).
    /// </remarks>
    Task<ImportResult> MergeAsync(DatasetMerge merge, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a batch of records (of any types a <see cref="CityDataset"/> holds, in any order) for the city, in one
    /// transaction and idempotently, like <see cref="ImportAsync(CityDataset, ImportMode, IProgress{WorkProgress}, CancellationToken)"/>; the
    /// batch streams through in bounded runs. The city must have been imported once; the records are checked together
    /// with the rest when the snapshot is loaded.
    /// </summary>
    /// <param name="records">The records.</param>
    /// <param name="mode"><see cref="ImportMode.Merge"/> adds and updates records; <see cref="ImportMode.Replace"/> first removes the city's stored records.</param>
    /// <param name="cancellationToken">Cancels the import; nothing of it is kept.</param>
    /// <exception cref="InvalidOperationException">The city is not in the store.</exception>
    /// <exception cref="ArgumentException">A record is of a type the store does not keep, or two records share an identifier.</exception>
    Task<ImportResult> ImportRecordsAsync(IEnumerable<DatasetRecord> records, ImportMode mode = ImportMode.Merge, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads the city's data as a validated <see cref="CityDataset"/>. The organization, people and post records are
    /// loaded whole (their history decides who was a member when); dated events (activities, service records, training
    /// sessions, study credits, incomes, dues) only within <paramref name="period"/> when one is given.
    /// </summary>
    /// <param name="period">The days whose events to load, or <c>null</c> for all; include the previous year for year-over-year figures.</param>
    /// <param name="progress">Told how far loading (every few thousand rows, each table weighed by its rows) and then validating have come; none by default.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The dataset, or <c>null</c> when the city is not in the store.</returns>
    /// <exception cref="DatasetValidationException">The stored records have integrity problems; the exception lists them all.</exception>
    Task<CityDataset?> LoadSnapshotAsync(DateInterval? period = null, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>What an import does with the records already stored for the city.</summary>
public enum ImportMode
{
    /// <summary>Keeps them; records with the same keys are overwritten.</summary>
    Merge,

    /// <summary>Removes them first, in the same transaction, so the city's data becomes exactly the dataset.</summary>
    Replace,
}

/// <summary>The outcome of an import.</summary>
/// <param name="CityId">The city.</param>
/// <param name="Records">The records written (inserted or overwritten).</param>
public sealed record ImportResult(string CityId, long Records);
