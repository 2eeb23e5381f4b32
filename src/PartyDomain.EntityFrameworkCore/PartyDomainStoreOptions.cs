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

    /// <summary>
    /// How long a write waits for another writer to finish before it fails with <see cref="StoreFault.Busy"/>
    /// (30 s by default; whole seconds on SQLite, at least one). Readers never wait: a SQLite file is in WAL mode and a
    /// PostgreSQL reader takes no lock a writer holds, so both read the last committed data at once.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Called once, before waiting, when a write finds another writer holding the store (another import of the same
    /// SQLite file, or of the same city on PostgreSQL); the argument is the store's location (file path or
    /// <c>host:port</c>). A host tells its user it waits, and for how long at most (<see cref="BusyTimeout"/>).
    /// </summary>
    public Action<string>? OnWaitingForWriter { get; set; }

    /// <summary>
    /// The key that protects personal data at rest: 32 random bytes in Base64 (<c>openssl rand -base64 32</c>). With it,
    /// each person's ID-card number and phone are stored encrypted (AES-256-GCM, bound to the city and the person), so
    /// a copy of the database file or a dump does not disclose them; without it they are stored in clear. Keep the key
    /// apart from the database (an environment variable, a secret store, a file only the service account reads): data
    /// written with a key cannot be read without that same key.
    /// </summary>
    public string? PersonalDataKey { get; set; }

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
