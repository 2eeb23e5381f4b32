using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using PartyDomain.Data;
using PartyDomain.EntityFrameworkCore.Mapping;
using PartyDomain.Metrics;

namespace PartyDomain.EntityFrameworkCore;

/// <summary>
/// The store over one database. It makes a short-lived EF context per operation, each for one city, from options built
/// once; EF caches the model per context type, so a context costs little.
/// </summary>
public sealed class PartyDomainStore : IPartyDomainStore, IDisposable
{
    private readonly PartyDomainStoreOptions _options;
    private readonly DbContextOptions _contextOptions;
    private readonly SemaphoreSlim _migrateOnce = new(1, 1);
    private bool _migrated;

    /// <summary>Creates a store; prefer <see cref="StoreServiceCollectionExtensions.AddPartyDomainStore"/>.</summary>
    /// <param name="options">The database.</param>
    /// <param name="clock">Tells "today" for loaded snapshots and the import time.</param>
    /// <param name="zone">The zone "today" is read in; Asia/Shanghai unless given.</param>
    /// <param name="indicators">The indicators service records are checked against on load; the built-in catalog unless given.</param>
    public PartyDomainStore(PartyDomainStoreOptions options, IClock clock, DateTimeZone? zone = null, IndicatorCatalog? indicators = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        Clock = clock;
        Zone = zone ?? Time.PartyDomainTime.DefaultZone;
        Indicators = indicators;
        _contextOptions = options.Provider switch
        {
            StoreProvider.Sqlite => new DbContextOptionsBuilder<SqliteStoreContext>().UseSqlite(options.ConnectionString).Options,
            StoreProvider.PostgreSql => new DbContextOptionsBuilder<PostgresStoreContext>().UseNpgsql(options.ConnectionString, o => o.UseNodaTime()).Options,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown store provider."),
        };
    }

    internal IClock Clock { get; }

    internal DateTimeZone Zone { get; }

    internal IndicatorCatalog? Indicators { get; }

    internal StoreProvider Provider => _options.Provider;

    /// <summary>The most records of a batch import held at once (one run of consecutive records of a type).</summary>
    internal int RunSize { get; init; } = 50_000;

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _migrateOnce.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var context = CreateContext(null);
            await using (context.ConfigureAwait(false))
            {
                await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                if (Provider == StoreProvider.Sqlite)
                {
                    // WAL lets the console host read while an import writes; the setting stays with the file.
                    await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
                }
            }

            _migrated = true;
        }
        finally
        {
            _migrateOnce.Release();
        }
    }

    /// <inheritdoc />
    public ICityStore ForCity(string cityId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cityId);
        return new CityStore(this, cityId);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CityInfo>> ListCitiesAsync(CancellationToken cancellationToken = default)
    {
        var context = await OpenAsync(null, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Cities.AsNoTracking().OrderBy(c => c.Id).Select(c => new CityInfo(c.Id, c.Name)).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _migrateOnce.Dispose();
        if (Provider == StoreProvider.Sqlite)
        {
            // Pooled SQLite connections keep the file open; a host that deletes or moves it after use needs them closed.
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>A context for <paramref name="cityId"/>, after the schema was migrated if the options ask for it.</summary>
    internal async Task<StoreContext> OpenAsync(string? cityId, CancellationToken cancellationToken)
    {
        if (_options.MigrateOnFirstUse && !_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return CreateContext(cityId);
    }

    private StoreContext CreateContext(string? cityId) => Provider == StoreProvider.Sqlite
        ? new SqliteStoreContext((DbContextOptions<SqliteStoreContext>)_contextOptions, cityId)
        : new PostgresStoreContext((DbContextOptions<PostgresStoreContext>)_contextOptions, cityId);

    internal static bool IsPostgres(StoreContext context) => context.Database.GetDbConnection() is NpgsqlConnection;
}
