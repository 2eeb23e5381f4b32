namespace PartyDomain.EntityFrameworkCore;

/// <summary>What about the store's environment failed; see <see cref="StoreUnavailableException"/>.</summary>
public enum StoreFault
{
    /// <summary>Another writer holds the store past <see cref="PartyDomainStoreOptions.BusyTimeout"/>: retry when it is done.</summary>
    Busy,

    /// <summary>The disk (or the PostgreSQL server's disk) has no space left: free some, then retry.</summary>
    Full,

    /// <summary>The file or its folder cannot be written: a read-only file system, no permission, or an I/O error.</summary>
    Unwritable,

    /// <summary>The PostgreSQL server does not answer, refused the connection or went away during the operation.</summary>
    Unreachable,
}

/// <summary>
/// The store could not do its work because of the machine or a service, not the data or the code: a full disk, a file
/// that cannot be written, a server that is down, another writer. The operation was a transaction, so the store is
/// left as it was before it; the same call succeeds once the cause is removed. The provider's exception is the inner
/// exception.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fault">What failed.</param>
    /// <param name="location">The SQLite file's full path, or the PostgreSQL server as <c>host:port</c> (never a password).</param>
    /// <param name="inner">The provider's exception.</param>
    public StoreUnavailableException(StoreFault fault, string location, Exception? inner)
        : base(Describe(fault, location), inner)
    {
        Fault = fault;
        Location = location;
    }

    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
        : this("The store is unavailable.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public StoreUnavailableException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="inner">The provider's exception.</param>
    public StoreUnavailableException(string message, Exception? inner)
        : base(message, inner) => Location = string.Empty;

    /// <summary>What failed.</summary>
    public StoreFault Fault { get; }

    /// <summary>The SQLite file's full path, or the PostgreSQL server as <c>host:port</c>; never a password.</summary>
    public string Location { get; }

    private static string Describe(StoreFault fault, string location) => fault switch
    {
        StoreFault.Busy => $"The store {location} is held by another writer past the busy timeout; retry when that import is done.",
        StoreFault.Full => $"The disk of the store {location} is full; free some space, then retry.",
        StoreFault.Unwritable => $"The store {location} cannot be written (read-only file system, no permission or an I/O error); check the folder's permissions and the disk.",
        _ => $"The PostgreSQL server {location} does not answer or went away; start it or check the network, then retry.",
    };
}
