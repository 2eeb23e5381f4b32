using System.Diagnostics;
using Npgsql;

namespace PartyDomain.EntityFrameworkCore.Tests;

/// <summary>The store suite on a real PostgreSQL server, in a database of its own per test, dropped afterwards.</summary>
public sealed class PostgresStoreTests(PostgresServer server) : StoreTests, IClassFixture<PostgresServer>
{
    private readonly string _database = $"partydomain_test_{Guid.NewGuid():N}";

    protected override async Task<PartyDomainStoreOptions> CreateDatabaseAsync()
    {
        await server.ExecuteAsync($"CREATE DATABASE {_database}");
        return new PartyDomainStoreOptions().UsePostgreSql(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = _database }.ConnectionString);
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await server.ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    [Fact]
    public async Task NodaTime_values_have_native_columns()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = _database }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(table_name || '.' || column_name || ' ' || data_type, ', ' ORDER BY table_name, column_name) FROM information_schema.columns " +
            "WHERE (table_name, column_name) IN (('services', 'date'), ('incomes', 'month'), ('cities', 'imported_at'), ('people', 'standings'))", connection);

        (await command.ExecuteScalarAsync()).Should().Be("cities.imported_at timestamp with time zone, incomes.month date, people.standings jsonb, services.date date");
    }
}

/// <summary>
/// The PostgreSQL server the suite runs against: the one named by <c>PARTYDOMAIN_POSTGRES</c> (as <c>.ci/run</c> sets
/// it), or else the one <c>.ci/postgres.sh</c> installs and starts, so a plain <c>dotnet test</c> works too. It never
/// skips: when no server can be had, every PostgreSQL test fails saying why.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "PARTYDOMAIN_POSTGRES";

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : await StartWithScriptAsync();
        try
        {
            await ExecuteAsync("SELECT 1");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The PostgreSQL server at '{Redacted()}' does not answer ({e.Message}). Run .ci/postgres.sh or set {Variable}.", e);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private string Redacted() => new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString;

    private static async Task<string> StartWithScriptAsync()
    {
        var script = FindScript();
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Variable} is not set and {script} could not start PostgreSQL (exit {process.ExitCode}):\n{await error}");
        }

        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, ".ci", "postgres.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new InvalidOperationException($"{Variable} is not set and no .ci/postgres.sh was found above {AppContext.BaseDirectory} to start PostgreSQL.");
    }
}
