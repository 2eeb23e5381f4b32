using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using PartyDomain.Data;
using PartyDomain.Metrics;
using PartyDomain.Testing;

namespace PartyDomain.EntityFrameworkCore.Tests;

/// <summary>The PostgreSQL store when the server is down, goes away mid-import, or another import holds the city.</summary>
public sealed class PostgresFaultTests(PostgresServer server) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private readonly string _database = $"partydomain_fault_{Guid.NewGuid():N}";

    private string Direct => new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = _database }.ConnectionString;

    public async Task InitializeAsync() => await server.ExecuteAsync($"CREATE DATABASE {_database}");

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await server.ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    [Fact]
    public async Task A_server_that_is_down_fails_as_unreachable_naming_host_and_port_but_never_the_password()
    {
        var port = FreePort();
        var options = new PartyDomainStoreOptions().UsePostgreSql(new NpgsqlConnectionStringBuilder(Direct) { Port = port, Timeout = 3 }.ConnectionString);
        using var store = new PartyDomainStore(options, SampleCity.Clock().InShanghai());

        var fault = (await store.Invoking(s => s.ImportAsync(SampleCity.Build())).Should().ThrowAsync<StoreUnavailableException>()).Which;

        fault.Fault.Should().Be(StoreFault.Unreachable);
        fault.Location.Should().Be($"127.0.0.1:{port}");
        fault.Message.Should().Contain($"127.0.0.1:{port}").And.NotContain(new NpgsqlConnectionStringBuilder(Direct).Password!);
        (await store.Invoking(s => s.ListCitiesAsync()).Should().ThrowAsync<StoreUnavailableException>()).Which.Fault.Should().Be(StoreFault.Unreachable);
    }

    [Fact]
    public async Task A_server_that_goes_away_mid_import_fails_as_unreachable_and_leaves_the_store_as_it_was()
    {
        var before = SampleCity.Build();
        using (var direct = new PartyDomainStore(new PartyDomainStoreOptions().UsePostgreSql(Direct), SampleCity.Clock().InShanghai()))
        {
            await direct.ImportAsync(before);
        }

        var target = new NpgsqlConnectionStringBuilder(Direct);
        using var proxy = new TcpProxy(target.Host!, target.Port);
        using (var store = new PartyDomainStore(new PartyDomainStoreOptions().UsePostgreSql(new NpgsqlConnectionStringBuilder(Direct) { Port = proxy.Port, Pooling = false }.ConnectionString), SampleCity.Clock().InShanghai()))
        {
            proxy.GoDownAfter(512 * 1024); // well into the COPY of 20,000 service records (several MB)

            var fault = (await store.Invoking(s => s.ImportAsync(SampleCity.Build(services: 20_000), ImportMode.Replace)).Should().ThrowAsync<StoreUnavailableException>()).Which;

            proxy.IsDown.Should().BeTrue("the connection was cut by the proxy, mid-import");
            fault.Fault.Should().Be(StoreFault.Unreachable);
            fault.Location.Should().Be($"127.0.0.1:{proxy.Port}");
        }

        using var after = new PartyDomainStore(new PartyDomainStoreOptions().UsePostgreSql(Direct), SampleCity.Clock().InShanghai());
        var loaded = await after.LoadSnapshotAsync(before.City.Id);
        loaded!.Services.Should().HaveCount(before.Services.Count);
        loaded!.People.Should().HaveCount(before.People.Count);
    }

    [Fact]
    public async Task A_second_import_of_a_city_says_it_waits_then_fails_as_busy_while_readers_read_at_once()
    {
        var before = SampleCity.Build();
        using (var first = new PartyDomainStore(new PartyDomainStoreOptions().UsePostgreSql(Direct), SampleCity.Clock().InShanghai()))
        {
            await first.ImportAsync(before);
        }

        // Another import in progress: its transaction holds the city's import lock and has changed the city's rows.
        await using var holder = new NpgsqlConnection(Direct);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('partydomain:city:411500', 0)); DELETE FROM people WHERE city_id = '411500'", holder))
        {
            await hold.ExecuteNonQueryAsync();
        }

        var waited = new List<string>();
        using var second = new PartyDomainStore(
            new PartyDomainStoreOptions { BusyTimeout = TimeSpan.FromSeconds(1), OnWaitingForWriter = waited.Add }.UsePostgreSql(Direct), SampleCity.Clock().InShanghai());
        using (var warm = new PartyDomainStore(new PartyDomainStoreOptions().UsePostgreSql(Direct), SampleCity.Clock().InShanghai()))
        {
            await warm.ListCitiesAsync(); // the timing below is the read's, not the first connection's or the JIT's
        }

        var watch = Stopwatch.StartNew();
        var read = await second.LoadSnapshotAsync("411500");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        read!.People.Should().HaveCount(before.People.Count, "a reader sees the last committed data");

        watch.Restart();
        var fault = (await second.Invoking(s => s.ImportAsync(SampleCity.Build(services: 50), ImportMode.Replace)).Should().ThrowAsync<StoreUnavailableException>()).Which;

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)).And.BeLessThan(TimeSpan.FromSeconds(10));
        fault.Fault.Should().Be(StoreFault.Busy);
        waited.Should().ContainSingle().Which.Should().StartWith("127.0.0.1:");
        await transaction.RollbackAsync();
        (await second.LoadSnapshotAsync("411500"))!.Services.Should().HaveCount(before.Services.Count);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
