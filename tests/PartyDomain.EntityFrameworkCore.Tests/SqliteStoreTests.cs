using Microsoft.Data.Sqlite;

namespace PartyDomain.EntityFrameworkCore.Tests;

/// <summary>The store suite on a SQLite file of its own per test.</summary>
public sealed class SqliteStoreTests : StoreTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"partydomain-test-{Guid.NewGuid():N}.db");

    protected override Task<PartyDomainStoreOptions> CreateDatabaseAsync() => Task.FromResult(new PartyDomainStoreOptions().UseSqlite(_path));

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Dates_are_stored_as_ISO_text()
    {
        await Store.ImportAsync(SampleCity.Build());
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT established || ' ' || typeof(established) FROM organizations WHERE id = 'C'; ";

        (await command.ExecuteScalarAsync()).Should().Be("2010-01-01 text");
    }
}
