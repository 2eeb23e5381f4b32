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
    /// <param name="clock">
    /// Tells "today" (in the city's zone) for loaded snapshots, and the import time: the <see cref="ZonedClock"/> the engines
    /// take, which <c>AddPartyDomain</c> registers (without a container: <c>new ZonedClock(clock, zone, CalendarSystem.Iso)</c>).
    /// </param>
    /// <param name="indicators">The indicators service records are checked against on load; the built-in catalog unless given.</param>
    public PartyDomainStore(PartyDomainStoreOptions options, ZonedClock clock, IndicatorCatalog? indicators = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        Clock = clock;
        Indicators = indicators;
        PersonalData = new Mapping.PersonalDataProtector(options.PersonalDataKey);
        _contextOptions = options.Provider switch
        {
            StoreProvider.Sqlite => new DbContextOptionsBuilder<SqliteStoreContext>().UseSqlite(SqliteConnectionString(options)).Options,
            StoreProvider.PostgreSql => new DbContextOptionsBuilder<PostgresStoreContext>().UseNpgsql(options.ConnectionString, o => o.UseNodaTime()).Options,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown store provider."),
        };
    }

    internal ZonedClock Clock { get; }

    /// <summary>Encrypts and decrypts people's personal data at rest (<see cref="PartyDomainStoreOptions.PersonalDataKey"/>).</summary>
    internal Mapping.PersonalDataProtector PersonalData { get; }

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
                // Only a schema that is behind is migrated. EF's Migrate takes its migration lock (a row written to
                // __EFMigrationsLock) even when nothing is pending, so a reader calling it waited for any writer to
                // commit (30 s, then "database is locked"); the pending check and the journal mode are plain reads.
                if ((await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any())
                {
                    await Migrations.ServiceKeyMigration.MigrateAsync(context, cancellationToken).ConfigureAwait(false);
                }

                if (Provider == StoreProvider.Sqlite && !await IsWalAsync(context, cancellationToken).ConfigureAwait(false))
                {
                    // WAL lets readers read the last committed data while an import writes; the setting stays with the file.
                    await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
                }
            }

            _migrated = true;
        }
        catch (Exception e) when (Fault(e) is { } fault)
        {
            throw fault;
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
        try
        {
            var context = await OpenAsync(null, cancellationToken).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                return await context.Cities.AsNoTracking().OrderBy(c => c.Id).Select(c => new CityInfo(c.Id, c.Name)).ToListAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (Fault(e) is { } fault)
        {
            throw fault;
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

    /// <summary>The store's location: the SQLite file's full path, or the PostgreSQL server as host:port.</summary>
    internal string Location => StoreFaults.Location(_options);

    /// <summary>How long a write waits for another writer.</summary>
    internal TimeSpan BusyTimeout => _options.BusyTimeout;

    /// <summary>Tells the host a write waits for another writer.</summary>
    internal void WaitingForWriter() => _options.OnWaitingForWriter?.Invoke(Location);

    /// <summary>The environment's fault <paramref name="exception"/> stands for, or <c>null</c>.</summary>
    internal StoreUnavailableException? Fault(Exception exception) => StoreFaults.Translate(exception, _options);

    /// <summary>Whole seconds, at least one: Microsoft.Data.Sqlite retries a busy statement for its command timeout, and 0 would mean forever.</summary>
    internal static int BusySeconds(TimeSpan timeout) => (int)Math.Clamp(Math.Ceiling(timeout.TotalSeconds), 1, int.MaxValue);

    private static string SqliteConnectionString(PartyDomainStoreOptions options) =>
        new SqliteConnectionStringBuilder(options.ConnectionString) { DefaultTimeout = BusySeconds(options.BusyTimeout) }.ConnectionString;

    private static async Task<bool> IsWalAsync(StoreContext context, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "PRAGMA journal_mode;";
                return string.Equals(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string, "wal", StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    internal static bool IsPostgres(StoreContext context) => context.Database.GetDbConnection() is NpgsqlConnection;
}
