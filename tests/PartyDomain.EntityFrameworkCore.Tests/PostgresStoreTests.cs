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
/// The PostgreSQL server the suite runs against (see <see cref="PostgresScript"/>). It never skips: when no server can
/// be had, every PostgreSQL test fails saying why.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresScript.ConnectionStringAsync();
        try
        {
            await ExecuteAsync("SELECT 1");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL server at '{new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}' does not answer ({e.Message}). " +
                $"Run .ci/postgres.sh or set {PostgresScript.Variable}.", e);
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
}
