using System.Linq.Expressions;
using System.IO.Hashing;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using PartyDomain.Data;

namespace PartyDomain.EntityFrameworkCore.Mapping;

/// <summary>
/// One table of records: its name, how a record's key is made, which records of a dataset go in it and which date
/// decides whether a record falls in a loaded period. The model, the importers and the snapshot loader all read this one list.
/// </summary>
internal abstract class RecordTable
{
    public abstract Type ClrType { get; }

    public abstract string Name { get; }

    /// <summary>The records of this table in <paramref name="dataset"/>.</summary>
    public abstract IEnumerable<DatasetRecord> Select(CityDataset dataset);

    /// <summary>
    /// The record's own identifier when its type has one (a second record with it is an error), otherwise its natural key
    /// (the fields that identify it, so re-importing the same record overwrites it); <c>ownId</c> tells which.
    /// </summary>
    public abstract string Key(DatasetRecord record, out bool ownId);

    /// <summary>Streams the table's rows for the context's city into <paramref name="add"/>, untracked.</summary>
    public abstract Task LoadAsync(StoreContext context, DateInterval? period, Action<DatasetRecord> add, CancellationToken cancellationToken);

    /// <summary>Deletes the context's city's rows.</summary>
    public abstract Task<int> DeleteAsync(StoreContext context, CancellationToken cancellationToken);

    internal static string Join(params string?[] parts)
    {
        // Escaping keeps the key injective whatever the identifiers contain.
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('|');
            }

            sb.Append((parts[i] ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal));
        }

        return sb.ToString();
    }

    internal static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>A stable 128-bit hash of <paramref name="canonical"/> (xxHash128: the same in every process, and cheap enough for millions of records).</summary>
    internal static string Hash(string canonical)
    {
        var length = Encoding.UTF8.GetMaxByteCount(canonical.Length);
        var rented = length > 512 ? new byte[length] : null;
        Span<byte> utf8 = rented ?? stackalloc byte[512];
        var written = Encoding.UTF8.GetBytes(canonical, utf8);
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(utf8[..written], hash);
        return Convert.ToHexStringLower(hash);
    }
}

internal sealed class RecordTable<T>(
    string name,
    Func<CityDataset, IReadOnlyList<T>> select,
    Func<T, string?> ownId,
    Func<T, string> naturalKey,
    Func<DateInterval, Expression<Func<T, bool>>>? inPeriod = null,
    bool ordered = true) : RecordTable
    where T : DatasetRecord
{
    public override Type ClrType => typeof(T);

    public override string Name => name;

    public override IEnumerable<DatasetRecord> Select(CityDataset dataset) => select(dataset);

    public override string Key(DatasetRecord record, out bool ownId1)
    {
        var r = (T)record;
        var id = ownId(r);
        ownId1 = id is not null;
        return id ?? naturalKey(r);
    }

    public override async Task LoadAsync(StoreContext context, DateInterval? period, Action<DatasetRecord> add, CancellationToken cancellationToken)
    {
        IQueryable<T> query = context.Set<T>().AsNoTracking();
        if (period is not null && inPeriod is not null)
        {
            query = query.Where(inPeriod(period));
        }

        // The large tables stream in storage order; sorting a million keys would cost more than it tells.
        if (ordered)
        {
            query = query.OrderBy(r => EF.Property<string>(r, StoreContext.KeyColumn));
        }

        await foreach (var record in query.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            add(record);
        }
    }

    public override Task<int> DeleteAsync(StoreContext context, CancellationToken cancellationToken) =>
        context.Set<T>().ExecuteDeleteAsync(cancellationToken);
}
