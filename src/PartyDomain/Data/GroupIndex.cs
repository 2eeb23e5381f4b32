using System.Runtime.InteropServices;

namespace PartyDomain.Data;

/// <summary>
/// Records grouped by a key once, at build time, so that as-of queries never scan the whole dataset. All groups
/// share one array (counted first, then filled), which keeps a million records to two allocations.
/// </summary>
internal sealed class GroupIndex<TKey, T>
    where TKey : notnull
{
    private readonly Dictionary<TKey, (int Start, int Count)> _ranges;
    private readonly T[] _items;

    public GroupIndex(IReadOnlyList<T> items, Func<T, TKey> key, Comparison<T>? order = null)
    {
        var keys = new TKey[items.Count];
        var counts = new Dictionary<TKey, int>();
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = key(items[i]);
            CollectionsMarshal.GetValueRefOrAddDefault(counts, keys[i], out _)++;
        }

        _ranges = new Dictionary<TKey, (int, int)>(counts.Count);
        var offset = 0;
        foreach (var (k, count) in counts)
        {
            _ranges[k] = (offset, 0);
            offset += count;
        }

        _items = new T[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            ref var range = ref CollectionsMarshal.GetValueRefOrNullRef(_ranges, keys[i]);
            _items[range.Start + range.Count++] = items[i];
        }

        if (order is not null)
        {
            var comparer = Comparer<T>.Create(order);
            foreach (var (start, count) in _ranges.Values)
            {
                if (count > 1)
                {
                    SortStable(_items, start, count, comparer);
                }
            }
        }
    }

    // Stable, so records that compare equal keep the order of the dataset (findings come out in the same order as a
    // stable LINQ OrderBy would give); groups are usually already in order, which costs one pass.
    private static void SortStable(T[] items, int start, int count, Comparer<T> comparer)
    {
        var end = start + count;
        var i = start + 1;
        while (i < end && comparer.Compare(items[i - 1], items[i]) <= 0)
        {
            i++;
        }

        if (i == end)
        {
            return;
        }

        var sorted = items.AsSpan(start, count).ToArray().OrderBy(x => x, comparer).ToArray();
        sorted.CopyTo(items, start);
    }

    /// <summary>The group of <paramref name="key"/>, empty when there is none.</summary>
    public ReadOnlySpan<T> Span(TKey key) =>
        _ranges.TryGetValue(key, out var r) ? new ReadOnlySpan<T>(_items, r.Start, r.Count) : [];

    /// <summary>The position of <paramref name="key"/>'s group in <see cref="Items"/>; (0, 0) when there is none.</summary>
    public (int Start, int Count) Range(TKey key) => _ranges.TryGetValue(key, out var r) ? r : default;

    /// <summary>The array every group is a run of.</summary>
    public T[] Items => _items;

    /// <summary>The group of <paramref name="key"/> as a list, empty when there is none.</summary>
    public IReadOnlyList<T> this[TKey key] =>
        _ranges.TryGetValue(key, out var r) ? new ReadOnlySegment<T>(_items, r.Start, r.Count) : [];

    /// <summary>Every group's position in the shared array, in no particular order.</summary>
    public IEnumerable<(int Start, int Count)> Ranges => _ranges.Values;

    /// <summary>The group at a position from <see cref="Ranges"/>.</summary>
    public ReadOnlySpan<T> At((int Start, int Count) range) => new(_items, range.Start, range.Count);
}
