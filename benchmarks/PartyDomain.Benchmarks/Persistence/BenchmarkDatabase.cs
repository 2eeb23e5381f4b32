using Microsoft.Data.Sqlite;
using Npgsql;
using PartyDomain.EntityFrameworkCore;
using PartyDomain.EntityFrameworkCore.Tests;

namespace PartyDomain.Benchmarks.Persistence;

/// <summary>
/// A store benchmark's own database: a SQLite file in the temporary folder, or a database of its own on the tests'
/// PostgreSQL server (started by <c>.ci/postgres.sh</c>), created empty and dropped again. A filled database can be kept
/// as a template and restored from it before each iteration (<see cref="KeepAsTemplate"/>, <see cref="RestoreTemplate"/>),
/// far cheaper than importing a national city again: a file copy, or PostgreSQL's <c>CREATE DATABASE … TEMPLATE</c>.
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

    private string TemplateName => _name + "_template";

    private string TemplatePath => _sqlitePath + ".template";

    /// <summary>Keeps the database as it is now as the template (the store using it must be disposed first), replacing an older one.</summary>
    public void KeepAsTemplate()
    {
        if (_provider == StoreProvider.PostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            Admin($"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)");
            Admin($"ALTER DATABASE {_name} RENAME TO {TemplateName}");
        }
        else
        {
            // Every change in the main file first: the copy is of the file alone.
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _sqlitePath, Pooling = false }.ToString()))
            {
                connection.Open();
                using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
                checkpoint.ExecuteNonQuery();
            }

            SqliteConnection.ClearAllPools();
            File.Move(_sqlitePath, TemplatePath, overwrite: true);
            Drop();
        }
    }

    /// <summary>Makes the database a copy of the template.</summary>
    public void RestoreTemplate()
    {
        Drop();
        if (_provider == StoreProvider.PostgreSql)
        {
            Admin($"CREATE DATABASE {_name} TEMPLATE {TemplateName}");
        }
        else
        {
            File.Copy(TemplatePath, _sqlitePath);
        }
    }

    /// <summary>Drops the template.</summary>
    public void DropTemplate()
    {
        if (_provider == StoreProvider.PostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            Admin($"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)");
        }
        else
        {
            File.Delete(TemplatePath);
        }
    }

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
