using NodaTime;
using PartyDomain.Data;

namespace PartyDomain.EntityFrameworkCore;

/// <summary>
/// The PartyDomain store: one database (a SQLite file, or a PostgreSQL database a province shares) holding any number
/// of cities, each reached through its own <see cref="ICityStore"/>. Register it with
/// <see cref="StoreServiceCollectionExtensions.AddPartyDomainStore"/>.
/// <para>
/// City scoping is not an authorization boundary: any holder of this interface reaches every city through
/// <see cref="ForCity"/>. Code that must see one city only (one city's users of a province's application) is given an
/// <see cref="ICityStore"/> registered with <see cref="StoreServiceCollectionExtensions.AddPartyDomainCityStore"/>,
/// never this interface; who may act for which city is the application's decision, made before it picks the city.
/// </para>
/// <para>
/// A failure of the environment (a full disk, a file that cannot be written, a PostgreSQL server that is down or went
/// away, another writer past <see cref="PartyDomainStoreOptions.BusyTimeout"/>) is thrown as
/// <see cref="StoreUnavailableException"/>; every write is one transaction, so the store is then as it was.
/// </para>
/// </summary>
public interface IPartyDomainStore
{
    /// <summary>Creates the database schema or brings it up to date. Called on first use unless turned off in the options.</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The store of one city; nothing done through it reaches another city's rows. Any id is accepted: scoping keeps
    /// a city's queries apart, it does not check that the caller may see that city (see the remarks on
    /// <see cref="IPartyDomainStore"/>).
    /// </summary>
    /// <param name="cityId">The city's id (<see cref="CityInfo.Id"/>).</param>
    ICityStore ForCity(string cityId);

    /// <summary>The cities in the store, by id.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<CityInfo>> ListCitiesAsync(CancellationToken cancellationToken = default);
}

/// <summary>Shortcuts for the common calls.</summary>
public static class PartyDomainStoreExtensions
{
    /// <summary>Imports <paramref name="dataset"/> into its own city's store.</summary>
    /// <param name="store">The store.</param>
    /// <param name="dataset">The dataset.</param>
    /// <param name="mode">Merge with or replace the city's stored records.</param>
    /// <param name="progress">Told how far the writing has come; none by default.</param>
    /// <param name="cancellationToken">Cancels the import; nothing of it is kept.</param>
    public static Task<ImportResult> ImportAsync(this IPartyDomainStore store, CityDataset dataset, ImportMode mode = ImportMode.Merge, IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(dataset);
        return store.ForCity(dataset.City.Id).ImportAsync(dataset, mode, progress, cancellationToken);
    }

    /// <summary>Saves an incremental import into its own city's store; see <see cref="ICityStore.MergeAsync"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="merge">A merge that succeeded.</param>
    /// <param name="progress">Told how far the writing has come; none by default.</param>
    /// <param name="cancellationToken">Cancels the import; nothing of it is kept.</param>
    public static Task<ImportResult> MergeAsync(this IPartyDomainStore store, DatasetMerge merge, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(merge);
        return store.ForCity((merge.Dataset ?? throw new ArgumentException("The merge has integrity problems; nothing of it may be stored.", nameof(merge))).City.Id)
            .MergeAsync(merge, progress, cancellationToken);
    }

    /// <summary>Loads a city's snapshot; see <see cref="ICityStore.LoadSnapshotAsync"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="cityId">The city.</param>
    /// <param name="period">The days whose events to load, or <c>null</c> for all.</param>
    /// <param name="progress">Told how far loading and validating have come; none by default.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public static Task<CityDataset?> LoadSnapshotAsync(this IPartyDomainStore store, string cityId, DateInterval? period = null, IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ForCity(cityId).LoadSnapshotAsync(period, progress, cancellationToken);
    }
}
