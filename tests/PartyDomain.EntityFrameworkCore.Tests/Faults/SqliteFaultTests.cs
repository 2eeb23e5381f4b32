using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PartyDomain.Data;
using PartyDomain.Metrics;
using PartyDomain.Testing;

namespace PartyDomain.EntityFrameworkCore.Tests;

/// <summary>The SQLite store when the machine fails or another connection writes: named faults, readers that never wait, the store as it was.</summary>
public sealed class SqliteFaultTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("partydomain-faults-").FullName;

    private string DataFile => Path.Combine(_folder, "city.db");

    [Fact]
    public async Task A_reader_reads_the_last_committed_data_at_once_while_another_connection_holds_the_write_lock()
    {
        var before = await ImportAsync(SampleCity.Build());
        await ImportAsync(before); // warms up: the timing below is the read's, not the JIT's
        using var writer = HoldWriteLock(DataFile);

        // A fresh store, as a new process would make: it checks the schema on first use, which once waited for the writer.
        using var reader = new PartyDomainStore(new PartyDomainStoreOptions { BusyTimeout = TimeSpan.FromSeconds(20) }.UseSqlite(DataFile), SampleCity.Clock().InShanghai());
        var watch = Stopwatch.StartNew();
        var cities = await reader.ListCitiesAsync();
        var loaded = await reader.LoadSnapshotAsync("411500");
        watch.Stop();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        cities.Select(c => c.Id).Should().Equal("411500"); // not the writer's uncommitted city
        loaded!.People.Should().HaveCount(before.People.Count);
    }

    [Fact]
    public async Task A_second_writer_says_it_waits_then_fails_as_busy_after_the_timeout_and_changes_nothing()
    {
        var before = await ImportAsync(SampleCity.Build());
        var waited = new List<string>();
        using (HoldWriteLock(DataFile))
        {
            using var second = new PartyDomainStore(
                new PartyDomainStoreOptions { BusyTimeout = TimeSpan.FromSeconds(1), OnWaitingForWriter = waited.Add }.UseSqlite(DataFile), SampleCity.Clock().InShanghai());
            var watch = Stopwatch.StartNew();

            var fault = (await second.Invoking(s => s.ImportAsync(SampleCity.Build(services: 50), ImportMode.Replace)).Should().ThrowAsync<StoreUnavailableException>()).Which;

            watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)).And.BeLessThan(TimeSpan.FromSeconds(10));
            fault.Fault.Should().Be(StoreFault.Busy);
            fault.Location.Should().Be(DataFile);
            fault.InnerException.Should().BeOfType<SqliteException>();
            waited.Should().Equal(DataFile);
        }

        await ShouldHoldAsync(before);
    }

    [Fact]
    public async Task A_writer_that_finds_the_store_free_does_not_say_it_waits()
    {
        var waited = new List<string>();
        using var store = new PartyDomainStore(new PartyDomainStoreOptions { OnWaitingForWriter = waited.Add }.UseSqlite(DataFile), SampleCity.Clock().InShanghai());

        await store.ImportAsync(SampleCity.Build());

        waited.Should().BeEmpty();
    }

    [Fact]
    public async Task A_full_disk_fails_as_full_and_leaves_the_store_as_it_was()
    {
        using var disk = Mount.Tmpfs(16 * 1024);
        var file = Path.Combine(disk.Path, "city.db");
        var before = SampleCity.Build();
        using (var store = Open(file))
        {
            await store.ImportAsync(before);
        }

        disk.Fill(leaveKilobytes: 200);
        using (var store = Open(file))
        {
            var fault = (await store.Invoking(s => s.ImportAsync(SampleCity.Build(services: 20_000), ImportMode.Replace)).Should().ThrowAsync<StoreUnavailableException>()).Which;

            fault.Fault.Should().Be(StoreFault.Full);
            fault.Location.Should().Be(file);
            fault.Message.Should().Contain(file).And.Contain("free some space");
            ((SqliteException)fault.InnerException!).SqliteErrorCode.Should().Be(13); // SQLITE_FULL
        }

        File.Delete(Path.Combine(disk.Path, "filler"));
        using (var store = Open(file))
        {
            (await store.LoadSnapshotAsync("411500"))!.Services.Should().HaveCount(before.Services.Count);
        }
    }

    [Fact]
    public async Task A_read_only_file_system_fails_as_unwritable_and_leaves_the_store_as_it_was()
    {
        var before = await ImportAsync(SampleCity.Build());
        using (Mount.ReadOnly(_folder))
        {
            using var store = Open(DataFile);
            var fault = (await store.Invoking(s => s.ImportAsync(SampleCity.Build(services: 50), ImportMode.Replace)).Should().ThrowAsync<StoreUnavailableException>()).Which;

            fault.Fault.Should().Be(StoreFault.Unwritable);
            fault.Location.Should().Be(DataFile);
        }

        await ShouldHoldAsync(before);
    }

    private static PartyDomainStore Open(string file) => new(new PartyDomainStoreOptions().UseSqlite(file), SampleCity.Clock().InShanghai());

    private async Task<CityDataset> ImportAsync(CityDataset dataset)
    {
        using var store = Open(DataFile);
        await store.ImportAsync(dataset);
        return dataset;
    }

    private async Task ShouldHoldAsync(CityDataset expected)
    {
        using var store = Open(DataFile);
        var loaded = await store.LoadSnapshotAsync(expected.City.Id);
        loaded!.People.Should().HaveCount(expected.People.Count);
        loaded.Services.Should().HaveCount(expected.Services.Count);
    }

    /// <summary>Another connection in the middle of a write: it took the write lock and wrote a city it has not committed.</summary>
    internal static SqliteConnection HoldWriteLock(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; INSERT INTO cities (id, name, imported_at) VALUES ('999999', 'uncommitted', '2025-01-01T00:00:00Z');";
        command.ExecuteNonQuery();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
