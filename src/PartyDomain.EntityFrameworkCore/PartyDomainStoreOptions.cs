namespace PartyDomain.EntityFrameworkCore;

/// <summary>The database the store uses.</summary>
public enum StoreProvider
{
    /// <summary>A SQLite file: the embedded default, no server needed.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, for a province running many cities.</summary>
    PostgreSql,
}

/// <summary>Where the store keeps its data.</summary>
public sealed class PartyDomainStoreOptions
{
    /// <summary>The database kind.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>The ADO.NET connection string.</summary>
    public string ConnectionString { get; set; } = "Data Source=partydomain.db";

    /// <summary>Whether the schema is created or migrated on first use (default); turn off where a DBA runs migrations.</summary>
    public bool MigrateOnFirstUse { get; set; } = true;

    /// <summary>Keeps the data in a SQLite database.</summary>
    /// <param name="pathOrConnectionString">A file path such as <c>data/partydomain.db</c>, or a connection string (<c>Data Source=...</c>).</param>
    public PartyDomainStoreOptions UseSqlite(string pathOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrConnectionString);
        Provider = StoreProvider.Sqlite;
        ConnectionString = pathOrConnectionString.Contains('=', StringComparison.Ordinal) ? pathOrConnectionString : $"Data Source={pathOrConnectionString}";
        return this;
    }

    /// <summary>Keeps the data in a PostgreSQL database.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Database=...;Username=...;Password=...</c>).</param>
    public PartyDomainStoreOptions UsePostgreSql(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Provider = StoreProvider.PostgreSql;
        ConnectionString = connectionString;
        return this;
    }
}
