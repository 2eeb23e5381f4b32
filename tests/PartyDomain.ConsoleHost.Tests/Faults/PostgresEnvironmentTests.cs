using System.Net;
using System.Net.Sockets;
using Npgsql;
using PartyDomain.EntityFrameworkCore;
using PartyDomain.EntityFrameworkCore.Tests;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary>
/// The console host on PostgreSQL (<c>Host:PostgreSql</c>) when the server is down, goes away mid-import (a proxy the
/// test controls cuts it) or another import holds the city: exit code 5, the server named, the store as it was.
/// </summary>
public sealed class PostgresEnvironmentTests : IAsyncLifetime
{
    private readonly string _host = HostFaults.NewHostFolder();
    private readonly string _database = $"partydomain_host_{Guid.NewGuid():N}";
    private string _server = string.Empty;

    private string Direct => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    public async Task InitializeAsync()
    {
        _server = await PostgresScript.ConnectionStringAsync();
        await ExecuteAsync(_server, $"CREATE DATABASE {_database}");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        Directory.Delete(_host, recursive: true);
    }

    [Fact]
    public void A_server_that_is_down_exits_5_naming_host_and_port_but_never_the_password()
    {
        var port = FreePort();
        var connection = new NpgsqlConnectionStringBuilder(Direct) { Port = port, Timeout = 3 }.ConnectionString;

        var check = HostRun.In(_host, "check", "--set", $"Host:PostgreSql={connection}");
        var import = HostRun.In(_host, "import", HostFaults.DemoFile(_host, 0.3), "--set", $"Host:PostgreSql={connection}", "--lang", "en");

        check.ExitCode.Should().Be(ExitCodes.EnvironmentFailure, check.Output);
        check.Output.Should().Contain($"无法连接 PostgreSQL 服务器 127.0.0.1:{port}").And.Contain("请启动服务器");
        import.ExitCode.Should().Be(ExitCodes.EnvironmentFailure, import.Output);
        import.Output.Should().Contain($"The PostgreSQL server 127.0.0.1:{port} does not answer").And.Contain("start it");
        var password = new NpgsqlConnectionStringBuilder(Direct).Password!;
        check.Output.Should().NotContain($"Password={password}");
        import.Output.Should().NotContain($"Password={password}");
    }

    [Fact]
    public void A_server_that_goes_away_mid_import_exits_5_and_leaves_the_store_as_it_was()
    {
        var first = HostRun.In(_host, "import", HostFaults.DemoFile(_host, 0.3), "--set", $"Host:PostgreSql={Direct}");
        first.ExitCode.Should().Be(ExitCodes.Success, first.Output);
        var before = HostFaults.Stored(new PartyDomainStoreOptions { PersonalDataKey = HostFaults.KeyOf(_host) }.UsePostgreSql(Direct));

        var target = new NpgsqlConnectionStringBuilder(Direct);
        using var proxy = new TcpProxy(target.Host!, target.Port);
        var through = new NpgsqlConnectionStringBuilder(Direct) { Port = proxy.Port, Pooling = false, Timeout = 3 }.ConnectionString;
        proxy.GoDownAfter(256 * 1024);
        var run = HostRun.In(_host, "import", HostFaults.ChangedDemoFile(_host, 0.3), "--set", $"Host:PostgreSql={through}");

        proxy.IsDown.Should().BeTrue("the proxy cut the connection during the import");
        run.ExitCode.Should().Be(ExitCodes.EnvironmentFailure, run.Output);
        run.Output.Should().Contain($"127.0.0.1:{proxy.Port}").And.Contain("数据未作任何改动");
        HostFaults.Stored(new PartyDomainStoreOptions { PersonalDataKey = HostFaults.KeyOf(_host) }.UsePostgreSql(Direct)).Should().Be(before);
    }

    [Fact]
    public async Task A_second_import_of_the_city_waits_with_a_message_then_exits_5_while_check_reads_at_once()
    {
        HostRun.In(_host, "import", HostFaults.DemoFile(_host, 0.3), "--set", $"Host:PostgreSql={Direct}").ExitCode.Should().Be(ExitCodes.Success);
        var before = HostFaults.Stored(new PartyDomainStoreOptions { PersonalDataKey = HostFaults.KeyOf(_host) }.UsePostgreSql(Direct));
        var unlocked = HostRun.In(_host, "check", "--set", $"Host:PostgreSql={Direct}"); // also warms up: the timing below is the check's
        await using var holder = new NpgsqlConnection(Direct);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, "SELECT pg_advisory_xact_lock(hashtextextended('partydomain:city:411500', 0)); DELETE FROM people WHERE city_id = '411500'");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var check = HostRun.In(_host, "check", "--set", $"Host:PostgreSql={Direct}");
        watch.Stop();
        var import = HostRun.In(_host, "import", HostFaults.ChangedDemoFile(_host, 0.3), "--set", $"Host:PostgreSql={Direct}", "--set", "Host:BusyTimeoutSeconds=1");
        await transaction.RollbackAsync();

        check.ExitCode.Should().Be(ExitCodes.Success, check.Output);
        check.Output.Should().Be(unlocked.Output, "the reader sees the last committed data, not the holder's uncommitted deletes");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        import.ExitCode.Should().Be(ExitCodes.EnvironmentFailure, import.Output);
        import.Output.Should().Contain("另一个导入正在写入 127.0.0.1:").And.Contain("最多等待 1 秒").And.Contain("Host:BusyTimeoutSeconds");
        HostFaults.Stored(new PartyDomainStoreOptions { PersonalDataKey = HostFaults.KeyOf(_host) }.UsePostgreSql(Direct)).Should().Be(before);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
