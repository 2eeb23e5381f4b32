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
/// without its latest 100,000 activity records: imported once in the global setup and kept as a template, restored from
/// it before each iteration (a file copy; <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL), since importing a national
/// city again took minutes per iteration. Rows/s is 100,000 over the time. <c>PARTYDOMAIN_BENCH_SCALE</c> (default 1)
/// shrinks the city and the records for CI's dry run.
/// </summary>
[MemoryDiagnoser]
public class MergeBenchmarks : IDisposable
{
    private string _cityId = null!;
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
        var stored = builder.Build();
        _cityId = stored.City.Id;
        Console.WriteLine($"// MergeBenchmarks: {stored.People.Count:N0} people, {stored.Activities.Count:N0} stored activity records, {_new.Count:N0} to merge");

        // The stored city, imported once and kept as the template each iteration starts from.
        _database = new BenchmarkDatabase(Provider, "partydomain_bench_merge");
        _database.Recreate();
        var started = System.Diagnostics.Stopwatch.StartNew();
        using (var store = new PartyDomainStore(_database.Options, DemoCity.Clock.InShanghai()))
        {
            store.MigrateAsync().GetAwaiter().GetResult();
            store.ImportAsync(stored, ImportMode.Replace).GetAwaiter().GetResult();
        }

        _database.KeepAsTemplate();
        Console.WriteLine($"// MergeBenchmarks: the stored city imported in {started.Elapsed.TotalSeconds:F1} s and kept as the template");
    }

    [IterationSetup]
    public void StoredCityWithoutTheNewRecords()
    {
        _store?.Dispose();
        var started = System.Diagnostics.Stopwatch.StartNew();
        _database.RestoreTemplate();
        _store = new PartyDomainStore(_database.Options, DemoCity.Clock.InShanghai());
        _store.MigrateAsync().GetAwaiter().GetResult();
        Console.WriteLine($"// MergeBenchmarks: restored from the template in {started.Elapsed.TotalSeconds:F1} s");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _store = null;
        _database.Drop();
        _database.DropTemplate();
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
        var stored = store.LoadSnapshotAsync(_cityId).GetAwaiter().GetResult()!;
        var merge = DatasetMerge.Create(stored, _new, DemoCity.Today);
        if (!merge.Succeeded)
        {
            throw new InvalidOperationException(merge.Problems[0].ToString());
        }

        return store.MergeAsync(merge).GetAwaiter().GetResult().Records;
    }
}
