using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PartyDomain.EntityFrameworkCore;

/// <summary>Tells a provider's failure of the environment (disk, file system, server, another writer) from any other.</summary>
internal static class StoreFaults
{
    // SQLite primary result codes (https://www.sqlite.org/rescode.html).
    private const int SqlitePerm = 3, SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoError = 10, SqliteFull = 13, SqliteCantOpen = 14;

    /// <summary>The fault <paramref name="exception"/> (or one of its inner exceptions) stands for, or <c>null</c> when it is not the environment's.</summary>
    public static StoreUnavailableException? Translate(Exception exception, PartyDomainStoreOptions options)
    {
        if (exception is StoreUnavailableException)
        {
            return null;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (Classify(e) is { } fault)
            {
                return new StoreUnavailableException(fault, Location(options), exception);
            }
        }

        return null;
    }

    /// <summary>The SQLite file's full path, or the PostgreSQL server as host:port: never the password.</summary>
    public static string Location(PartyDomainStoreOptions options)
    {
        if (options.Provider == StoreProvider.Sqlite)
        {
            var source = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            return string.IsNullOrEmpty(source) || source == ":memory:" ? source : Path.GetFullPath(source);
        }

        var pg = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"{pg.Host}:{pg.Port}";
    }

    private static StoreFault? Classify(Exception e) => e switch
    {
        SqliteException s => (s.SqliteErrorCode & 0xFF) switch
        {
            SqliteBusy or SqliteLocked => StoreFault.Busy,
            SqliteFull => StoreFault.Full,
            SqliteReadOnly or SqlitePerm or SqliteCantOpen or SqliteIoError => StoreFault.Unwritable,
            _ => null,
        },
        PostgresException p => p.SqlState switch
        {
            "55P03" => StoreFault.Busy,                         // lock_not_available: lock_timeout passed
            "53100" => StoreFault.Full,                         // disk_full
            "25006" => StoreFault.Unwritable,                   // read_only_sql_transaction (a standby)
            "53300" or "57P01" or "57P02" or "57P03" => StoreFault.Unreachable, // too many connections, shutting down, starting up
            var state when state.StartsWith("08", StringComparison.Ordinal) => StoreFault.Unreachable, // connection exceptions
            _ => null,
        },

        // Npgsql's own exception for a refused, lost or timed-out connection carries the socket or I/O error inside.
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException or EndOfStreamException } => StoreFault.Unreachable,
        _ => null,
    };
}
