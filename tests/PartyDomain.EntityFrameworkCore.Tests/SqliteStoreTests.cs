using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartyDomain.EntityFrameworkCore.Import;
using PartyDomain.EntityFrameworkCore.Mapping;

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
    public async Task The_bulk_writer_stores_every_column_as_Microsoft_Data_Sqlite_would_bind_it()
    {
        var dataset = SampleCity.Build();
        await Store.ImportAsync(dataset);
        await using var context = await Store.OpenAsync(dataset.City.Id, default);
        await context.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)context.Database.GetDbConnection();

        foreach (var table in RecordTables.All)
        {
            var entity = context.Model.FindEntityType(table.ClrType)!;
            var properties = entity.GetProperties().Where(p => !p.IsShadowProperty()).ToList();
            var rows = new RecordKeys(table).Assign([.. table.Select(dataset)], default);
            for (var r = 0; r < rows.Count; r++)
            {
                // What the writer stored, and what the parameters of the old writer (EF's converters, then Microsoft.Data.Sqlite) give.
                using var stored = connection.CreateCommand();
                stored.CommandText = $"SELECT {string.Join(" || ',' || ", properties.Select(p => $"quote(\"{p.GetColumnName()}\")"))} FROM \"{table.Name}\" WHERE city_id = $c AND key = $k";
                stored.Parameters.AddWithValue("$c", dataset.City.Id);
                stored.Parameters.AddWithValue("$k", rows.Keys[r]);
                using var bound = connection.CreateCommand();
                bound.CommandText = "SELECT " + string.Join(" || ',' || ", properties.Select((_, i) => $"quote($p{i})"));
                for (var i = 0; i < properties.Count; i++)
                {
                    var value = properties[i].GetGetter().GetClrValueUsingContainingEntity(rows.Records[r]);
                    var converter = properties[i].GetTypeMapping().Converter;
                    bound.Parameters.AddWithValue($"$p{i}", (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value);
                }

                (await stored.ExecuteScalarAsync()).Should().Be(await bound.ExecuteScalarAsync(), "{0} {1}", table.Name, rows.Keys[r]);
            }
        }
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
