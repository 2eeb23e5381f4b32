using Microsoft.Data.Sqlite;
using Npgsql;
using PartyDomain.EntityFrameworkCore;
using PartyDomain.EntityFrameworkCore.Tests;

namespace PartyDomain.Benchmarks.Persistence;

/// <summary>
/// A store benchmark's own database: a SQLite file in the temporary folder, or a database of its own on the tests'
/// PostgreSQL server (started by <c>.ci/postgres.sh</c>), created empty and dropped again.
/// </summary>
internal sealed class BenchmarkDatabase
{
    private readonly StoreProvider _provider;
    private readonly string _name;
    private readonly string _sqlitePath;
    private readonly string _admin = string.Empty;

    public BenchmarkDatabase(StoreProvider provider, string name)
    {
        _provider = provider;
        _name = name;
        _sqlitePath = Path.Combine(Path.GetTempPath(), name.Replace('_', '-') + ".db");
        if (provider == StoreProvider.PostgreSql)
        {
            _admin = PostgresScript.ConnectionStringAsync().GetAwaiter().GetResult();
            Options = new PartyDomainStoreOptions().UsePostgreSql(new NpgsqlConnectionStringBuilder(_admin) { Database = name, Pooling = false }.ConnectionString);
        }
        else
        {
            Options = new PartyDomainStoreOptions().UseSqlite(_sqlitePath);
        }
    }

    /// <summary>The store's options for this database.</summary>
    public PartyDomainStoreOptions Options { get; }

    /// <summary>Drops the database and creates it empty (the SQLite file is made by the store on opening).</summary>
    public void Recreate()
    {
        Drop();
        if (_provider == StoreProvider.PostgreSql)
        {
            Admin($"CREATE DATABASE {_name}");
        }
    }

    /// <summary>Drops the database, or deletes the SQLite file and its journal.</summary>
    public void Drop()
    {
        if (_provider == StoreProvider.PostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            Admin($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
