using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using PartyDomain.Data;

namespace PartyDomain.EntityFrameworkCore.Mapping;

/// <summary>
/// One table of records: its name, which records of a dataset go in it and which date
/// decides whether a record falls in a loaded period. The model, the importers and the snapshot loader all read this one list.
/// </summary>
internal abstract class RecordTable
{
    public abstract Type ClrType { get; }

    public abstract string Name { get; }

    /// <summary>The records of this table in <paramref name="dataset"/>.</summary>
    public abstract IEnumerable<DatasetRecord> Select(CityDataset dataset);

    /// <summary>The record's key (<see cref="DatasetRecordKeys"/>): its own identifier, or its natural key; <c>ownId</c> tells which.</summary>
    public abstract string Key(DatasetRecord record, out bool ownId);

    /// <summary>How many records of this table <paramref name="dataset"/> holds.</summary>
    public abstract int Count(CityDataset dataset);

    /// <summary>Streams the table's rows for the context's city into <paramref name="add"/>, untracked.</summary>
    public abstract Task LoadAsync(StoreContext context, DateInterval? period, Action<DatasetRecord> add, CancellationToken cancellationToken);

    /// <summary>How many rows <see cref="LoadAsync"/> would stream.</summary>
    public abstract Task<int> CountAsync(StoreContext context, DateInterval? period, CancellationToken cancellationToken);

    /// <summary>Deletes the context's city's rows.</summary>
    public abstract Task<int> DeleteAsync(StoreContext context, CancellationToken cancellationToken);

    /// <summary>Maps the table in the store's model.</summary>
    public abstract void Configure(StoreContext context, ModelBuilder modelBuilder);
}

internal sealed class RecordTable<T>(
    string name,
    Func<CityDataset, IReadOnlyList<T>> select,
    Func<DateInterval, Expression<Func<T, bool>>>? inPeriod = null,
    bool ordered = true,
    string? dateIndex = null) : RecordTable
    where T : DatasetRecord
{
    public override Type ClrType => typeof(T);

    public override string Name => name;

    public override IEnumerable<DatasetRecord> Select(CityDataset dataset) => select(dataset);

    public override string Key(DatasetRecord record, out bool ownId) => DatasetRecordKeys.Of(record, out ownId);

    public override int Count(CityDataset dataset) => select(dataset).Count;

    public override Task<int> CountAsync(StoreContext context, DateInterval? period, CancellationToken cancellationToken) =>
        Query(context, period).CountAsync(cancellationToken);

    public override async Task LoadAsync(StoreContext context, DateInterval? period, Action<DatasetRecord> add, CancellationToken cancellationToken)
    {
        var query = Query(context, period);

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

    public override void Configure(StoreContext context, ModelBuilder modelBuilder) => context.Scope<T>(modelBuilder, name, dateIndex);

    private IQueryable<T> Query(StoreContext context, DateInterval? period)
    {
        IQueryable<T> query = context.Set<T>().AsNoTracking();
        return period is not null && inPeriod is not null ? query.Where(inPeriod(period)) : query;
    }
}
