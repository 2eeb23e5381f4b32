using System.Globalization;
using BenchmarkDotNet.Attributes;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.EntityFrameworkCore;
using PartyDomain.EntityFrameworkCore.Tests;
using PartyDomain.Metrics;
using PartyDomain.Testing;

namespace PartyDomain.Benchmarks.Persistence;

/// <summary>
/// Issue target: load 1 million service records into each store (PostgreSQL binary COPY ≥ 200k rows/s, SQLite batched
/// inserts ≥ 100k rows/s) and read the city's snapshot back. <see cref="Import"/> writes the whole city (organizations,
/// firms, coverages and the service records, which have no ids and are keyed by a hash of their content) into an
/// empty database in one transaction; <see cref="LoadSnapshot"/> reads it back and validates it into a CityDataset.
/// PostgreSQL is the one <c>.ci/postgres.sh</c> starts (or <c>PARTYDOMAIN_POSTGRES</c>).
/// <c>PARTYDOMAIN_BENCH_SCALE</c> (default 1) shrinks the records for CI's dry run.
/// </summary>
[MemoryDiagnoser]
public class PersistenceBenchmarks : IDisposable
{
    private CityDataset _dataset = null!;
    private BenchmarkDatabase _database = null!;
    private PartyDomainStore? _store;

    /// <summary>The store.</summary>
    [Params(StoreProvider.Sqlite, StoreProvider.PostgreSql)]
    public StoreProvider Provider { get; set; }

    /// <summary>The number of service records.</summary>
    public static int Records =>
        (int)(1_000_000 * (double.TryParse(Environment.GetEnvironmentVariable("PARTYDOMAIN_BENCH_SCALE"), CultureInfo.InvariantCulture, out var f) && f > 0 ? f : 1.0));

    [GlobalSetup]
    public void Setup()
    {
        _dataset = SyntheticServices.Build(organizations: 2_000, districts: 50, Records, out _);
        _database = new BenchmarkDatabase(Provider, "partydomain_bench");
    }

    [IterationSetup(Target = nameof(Import))]
    public void EmptyStore() => Recreate(import: false);

    [IterationSetup(Target = nameof(LoadSnapshot))]
    public void FilledStore()
    {
        if (_store is null)
        {
            Recreate(import: true);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _store = null;
        _database.Drop();
    }

    public void Dispose()
    {
        _store?.Dispose();
        _store = null;
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public long Import() => _store!.ImportAsync(_dataset, ImportMode.Replace).GetAwaiter().GetResult().Records;

    [Benchmark]
    public int LoadSnapshot() => _store!.LoadSnapshotAsync(_dataset.City.Id).GetAwaiter().GetResult()!.Services.Count;

    private void Recreate(bool import)
    {
        _store?.Dispose();
        _database.Recreate();

        _store = new PartyDomainStore(_database.Options, SystemClock.Instance.InShanghai(), indicators: _dataset.Indicators);
        _store.MigrateAsync().GetAwaiter().GetResult();
        if (import)
        {
            Import();
        }
    }
}
