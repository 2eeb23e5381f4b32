using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Npgsql;
using PartyDomain.Data;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.EntityFrameworkCore.Import;
using PartyDomain.EntityFrameworkCore.Mapping;

namespace PartyDomain.EntityFrameworkCore;

/// <summary>One city's view of the store; every context it opens is scoped to <see cref="CityId"/>.</summary>
internal sealed class CityStore(PartyDomainStore store, string cityId) : ICityStore
{
    private static readonly LocalizedText Removing = new("删除原有数据", "removing the stored records");
    private static readonly LocalizedText Writing = new("写入数据库", "writing to the store");
    private static readonly LocalizedText Loading = new("从数据库读取", "reading from the store");

    // The share of a snapshot's time reading the rows takes, as measured on SQLite with the demo city at scale 200 (21.5 s
    // of 24 s); indexing and validating them take the rest.
    private const double LoadingShare = 0.9;

    public string CityId { get; } = cityId;

    public Task<ImportResult> ImportAsync(CityDataset dataset, ImportMode mode = ImportMode.Merge, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!string.Equals(dataset.City.Id, CityId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The dataset is of city '{dataset.City.Id}', but this store is scoped to city '{CityId}'.", nameof(dataset));
        }

        var total = progress is null ? 0 : RecordTables.All.Sum(t => (long)t.Count(dataset));
        return WriteAsync(dataset.City.Name, RecordTables.All.Select(t => new Run(t, t.Select(dataset))), mode == ImportMode.Replace, new(progress, total), cancellationToken);
    }

    public Task<ImportResult> MergeAsync(DatasetMerge merge, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merge);
        var dataset = merge.Dataset ?? throw new ArgumentException($"The merge has {merge.Problems.Count} integrity problem(s); nothing of it may be stored.", nameof(merge));
        if (!string.Equals(dataset.City.Id, CityId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The merge is of city '{dataset.City.Id}', but this store is scoped to city '{CityId}'.", nameof(merge));
        }

        // Nothing changed: nothing is written, not even the time of the import.
        if (merge.Changes.Count == 0)
        {
            progress?.Report(new WorkProgress(1, Writing));
            return Task.FromResult(new ImportResult(CityId, 0));
        }

        // The merge keyed each change against the stored records; they are written under those keys, not keyed again
        // within the batch (a second dues payment of a day is key#2 whether or not the first is in the batch).
        var runs = merge.Changes.GroupBy(c => RecordTables.For(c.Record.GetType()))
            .OrderBy(g => IndexOf(g.Key))
            .SelectMany(g => g.Chunk(store.RunSize).Select(chunk => new Run(g.Key, Array.ConvertAll(chunk, c => c.Record), Array.ConvertAll(chunk, c => c.Key))));
        return WriteAsync(dataset.City.Name, runs, replace: false, new(progress, merge.Changes.Count), cancellationToken);

        static int IndexOf(RecordTable table)
        {
            for (var i = 0; ; i++)
            {
                if (RecordTables.All[i] == table)
                {
                    return i;
                }
            }
        }
    }

    public Task<ImportResult> ImportRecordsAsync(IEnumerable<DatasetRecord> records, ImportMode mode = ImportMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return WriteAsync(null, Runs(records, store.RunSize), mode == ImportMode.Replace, default, cancellationToken);
    }

    public async Task<CityDataset?> LoadSnapshotAsync(DateInterval? period = null, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await LoadAsync(period, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (store.Fault(e) is { } fault)
        {
            throw fault;
        }
    }

    private async Task<CityDataset?> LoadAsync(DateInterval? period, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var context = await store.OpenAsync(CityId, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var city = await context.Cities.AsNoTracking().SingleOrDefaultAsync(c => c.Id == CityId, cancellationToken).ConfigureAwait(false);
            if (city is null)
            {
                return null;
            }

            var builder = new CityDatasetBuilder(new CityInfo(city.Id, city.Name), store.Clock.GetCurrentDate()) { Progress = progress.Part(LoadingShare, 1) };
            if (store.Indicators is { } indicators)
            {
                builder.Indicators = indicators;
            }

            // Watched: each table weighs its rows, counted first (a count costs little beside reading the rows).
            var reading = progress.Part(0, LoadingShare, Loading);
            long total = 0, loaded = 0;
            if (reading is not null)
            {
                reading.Report(new WorkProgress(0));
                foreach (var table in RecordTables.All)
                {
                    total += await table.CountAsync(context, period, cancellationToken).ConfigureAwait(false);
                }
            }

            // One query per table, streamed straight into the builder: no joins to repeat rows, no per-record queries,
            // no change tracking, and nothing held twice.
            var batch = new List<DatasetRecord>(4096);
            foreach (var table in RecordTables.All)
            {
                await table.LoadAsync(context, period, r =>
                {
                    batch.Add(r is Person person ? store.PersonalData.Unprotect(CityId, person) : r);
                    if (batch.Count == batch.Capacity)
                    {
                        builder.AddRange(batch);
                        batch.Clear();
                        loaded += batch.Capacity;
                        reading.Report(loaded, total);
                    }
                }, cancellationToken).ConfigureAwait(false);
            }

            builder.AddRange(batch);
            reading?.Report(new WorkProgress(1));
            return builder.Build();
        }
    }

    private async Task<ImportResult> WriteAsync(string? cityName, IEnumerable<Run> runs, bool replace, Watch watch, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteCoreAsync(cityName, runs, replace, watch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (store.Fault(e) is { } fault)
        {
            throw fault;
        }
    }

    private async Task<ImportResult> WriteCoreAsync(string? cityName, IEnumerable<Run> runs, bool replace, Watch watch, CancellationToken cancellationToken)
    {
        var context = await store.OpenAsync(CityId, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (context.Database.GetDbConnection() is SqliteConnection sqlite && !SqliteWriteLockFree(sqlite))
            {
                store.WaitingForWriter();
            }

            // On SQLite the transaction begins IMMEDIATE: it takes the file's write lock now, retrying while another
            // writer holds it for the connection's timeout (the store's BusyTimeout), then fails as busy.
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (context.Database.GetDbConnection() is NpgsqlConnection pg)
                {
                    await LockCityAsync(pg, cancellationToken).ConfigureAwait(false);
                }

                // Disposal without commit rolls back: a failure or cancellation anywhere below leaves the store as it was.
                await UpsertCityAsync(context, cityName, cancellationToken).ConfigureAwait(false);
                if (replace)
                {
                    watch.Progress?.Report(new WorkProgress(0, Removing));
                    foreach (var table in RecordTables.All)
                    {
                        await table.DeleteAsync(context, cancellationToken).ConfigureAwait(false);
                    }
                }

                // Keys are given per table across the whole import, so a table split over several runs still gets unique keys.
                var writers = new Dictionary<RecordTable, (TableShape Shape, RecordKeys Keys)>();
                long written = 0;
                foreach (var (table, records, keys) in runs)
                {
                    if (!writers.TryGetValue(table, out var writer))
                    {
                        writers.Add(table, writer = (TableShape.For(context, table), new RecordKeys(table)));
                    }

                    var before = written;
                    written += await WriteRunAsync(context, writer.Shape, keys is null ? writer.Keys : null, records, keys, replace,
                        watch.Progress is null ? null : rows => watch.Progress.Report(before + rows, watch.Total, Writing), cancellationToken).ConfigureAwait(false);
                    watch.Progress.Report(written, watch.Total, Writing);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new ImportResult(CityId, written);
            }
        }
    }

    /// <summary>
    /// Whether no other connection holds the SQLite file's write lock, asked without waiting: the lock is taken and
    /// given back at once (Microsoft.Data.Sqlite's own retry loop would wait, and say nothing while it waits).
    /// </summary>
    private static bool SqliteWriteLockFree(SqliteConnection connection)
    {
        var db = connection.Handle!;
        var rc = SQLitePCL.raw.sqlite3_exec(db, "BEGIN IMMEDIATE;");
        if (rc == SQLitePCL.raw.SQLITE_OK)
        {
            SQLitePCL.raw.sqlite3_exec(db, "ROLLBACK;");
            return true;
        }

        // Any other failure (a full disk, a read-only file) is met again, and reported, when the transaction begins.
        return rc is not (SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED);
    }

    /// <summary>
    /// Serializes imports of one city on PostgreSQL with a transaction-scoped advisory lock, bounded by the store's
    /// BusyTimeout (lock_timeout, which then bounds every lock wait of the import); readers take no such lock.
    /// </summary>
    private async Task LockCityAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var timeout = (long)Math.Max(1, store.BusyTimeout.TotalMilliseconds);
        var command = new NpgsqlCommand($"SET LOCAL lock_timeout = {timeout}; SELECT pg_try_advisory_xact_lock(hashtextextended('partydomain:city:' || @city, 0))", connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("city", CityId);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return;
            }

            store.WaitingForWriter();
            command.CommandText = "SELECT pg_advisory_xact_lock(hashtextextended('partydomain:city:' || @city, 0))";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Consecutive records of one type, up to a bounded run, so a long batch streams through without being held whole.</summary>
    private static IEnumerable<Run> Runs(IEnumerable<DatasetRecord> records, int maxRun)
    {
        List<DatasetRecord>? run = null;
        RecordTable? table = null;
        foreach (var record in records)
        {
            var next = RecordTables.For(record?.GetType() ?? throw new ArgumentException("A record is null.", nameof(records)));
            if (run is not null && (next != table || run.Count == maxRun))
            {
                yield return new Run(table!, run);
                run = null;
            }

            table = next;
            (run ??= []).Add(record);
        }

        if (run is not null)
        {
            yield return new Run(table!, run);
        }
    }

    private async Task UpsertCityAsync(StoreContext context, string? cityName, CancellationToken cancellationToken)
    {
        var city = await context.Cities.SingleOrDefaultAsync(c => c.Id == CityId, cancellationToken).ConfigureAwait(false);
        if (city is null)
        {
            if (cityName is null)
            {
                throw new InvalidOperationException($"City '{CityId}' is not in the store; import its dataset before adding records to it.");
            }

            context.Cities.Add(city = new CityRow { Id = CityId, Name = cityName });
        }

        city.Name = cityName ?? city.Name;
        city.ImportedAt = store.Clock.GetCurrentInstant();
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<long> WriteRunAsync(StoreContext context, TableShape shape, RecordKeys? recordKeys, IEnumerable<DatasetRecord> records, string[]? keys, bool emptied,
        Action<int>? written, CancellationToken cancellationToken)
    {
        var array = records as DatasetRecord[] ?? [.. records];
        if (store.PersonalData.Enabled && array.Length > 0 && array[0] is Person)
        {
            // A run holds one table's records: people are written with their personal data encrypted.
            array = Array.ConvertAll(array, r => r is Person p ? store.PersonalData.Protect(CityId, p) : r);
        }

        var rows = keys is null ? recordKeys!.Assign(array, cancellationToken) : KeyedRows.Sorted(keys, array);
        return context.Database.GetDbConnection() switch
        {
            NpgsqlConnection pg => PostgresBulkWriter.WriteAsync(pg, shape, CityId, rows, emptied, written, cancellationToken),
            SqliteConnection sqlite => Task.FromResult(SqliteBulkWriter.Write(sqlite, shape, CityId, rows, written, cancellationToken)),
            var other => throw new NotSupportedException($"The store does not write to {other.GetType().Name}."),
        };
    }

    /// <summary>Who is told how far a write has come, and of how many records; nobody (<c>default</c>) for a streamed batch, whose size is not known.</summary>
    private readonly record struct Watch(IProgress<WorkProgress>? Progress, long Total);

    /// <summary>Records of one table to write; <paramref name="Keys"/> when they were keyed beforehand (an incremental import), otherwise keyed as written.</summary>
    private sealed record Run(RecordTable Table, IEnumerable<DatasetRecord> Records, string[]? Keys = null);
}
