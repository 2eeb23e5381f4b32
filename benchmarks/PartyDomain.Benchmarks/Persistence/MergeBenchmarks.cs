using System.Globalization;
using BenchmarkDotNet.Attributes;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.EntityFrameworkCore;
using PartyDomain.EntityFrameworkCore.Tests;
using PartyDomain.Testing;

namespace PartyDomain.Benchmarks.Persistence;

/// <summary>
/// Issue target: merge 100,000 new activity records into a national-scale store (the demo city at scale 1000: about
/// 46,000 branches and 560,000 people), as <c>import PATH</c> does: load the city's snapshot, merge the records into it
/// and validate the whole (<see cref="DatasetMerge"/>), write the changes in one transaction. The store holds the city
/// without its latest 100,000 activity records, restored before each iteration. Rows/s is 100,000 over the time.
/// <c>PARTYDOMAIN_BENCH_SCALE</c> (default 1) shrinks the city and the records for CI's dry run.
/// </summary>
[MemoryDiagnoser]
public class MergeBenchmarks : IDisposable
{
    private CityDataset _base = null!;
    private List<ActivityRecord> _new = null!;
    private BenchmarkDatabase _database = null!;
    private PartyDomainStore? _store;

    /// <summary>The store.</summary>
    [Params(StoreProvider.Sqlite, StoreProvider.PostgreSql)]
    public StoreProvider Provider { get; set; }

    private static double Scale => double.TryParse(Environment.GetEnvironmentVariable("PARTYDOMAIN_BENCH_SCALE"), CultureInfo.InvariantCulture, out var f) && f > 0 ? f : 1.0;

    /// <summary>The number of new activity records.</summary>
    public static int Records => (int)(100_000 * Scale);

    [GlobalSetup]
    public void Setup()
    {
        var records = DemoCity.Generate(scale: 1000 * Scale);
        _new = [.. records.OfType<ActivityRecord>().OrderByDescending(a => a.Date).ThenBy(a => a.Id, StringComparer.Ordinal).Take(Records)];
        var taken = _new.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var builder = new CityDatasetBuilder(DemoCity.City, DemoCity.Today);
        builder.AddRange(records.Where(r => r is not ActivityRecord a || !taken.Contains(a.Id)));
        _base = builder.Build();
        Console.WriteLine($"// MergeBenchmarks: {_base.People.Count:N0} people, {_base.Activities.Count:N0} stored activity records, {_new.Count:N0} to merge");
        _database = new BenchmarkDatabase(Provider, "partydomain_bench_merge");
    }

    [IterationSetup]
    public void StoredCityWithoutTheNewRecords()
    {
        _store?.Dispose();
        _database.Recreate();

        _store = new PartyDomainStore(_database.Options, DemoCity.Clock);
        _store.MigrateAsync().GetAwaiter().GetResult();
        _store.ImportAsync(_base, ImportMode.Replace).GetAwaiter().GetResult();
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

    /// <summary>Load, merge and validate, write: the records written.</summary>
    [Benchmark]
    public long MergeActivities()
    {
        var store = _store!;
        var stored = store.LoadSnapshotAsync(_base.City.Id).GetAwaiter().GetResult()!;
        var merge = DatasetMerge.Create(stored, _new, DemoCity.Today);
        if (!merge.Succeeded)
        {
            throw new InvalidOperationException(merge.Problems[0].ToString());
        }

        return store.MergeAsync(merge).GetAwaiter().GetResult().Records;
    }
}
