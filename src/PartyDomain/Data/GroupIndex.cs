using System.Runtime.InteropServices;

namespace PartyDomain.Data;

/// <summary>
/// Records grouped by a key once, at build time, so that as-of queries never scan the whole dataset. Each key gets a
/// group number and every group is a run of one shared array (counted first, then filled), which keeps a million records
/// to a few allocations and one dictionary probe each.
/// </summary>
/// <remarks>
/// An index may number its groups by a numbering it shares (<c>numbering</c>: each person's position in the dataset):
/// then group <c>n</c> is the person at position <c>n</c>, read by <see cref="Group"/> with no probe at all, and a key the
/// numbering lacks (a record of an unknown person, which the validator reports) gets a number after them.
/// </remarks>
internal sealed class GroupIndex<TKey, T>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int>? _numbering;
    private readonly Dictionary<TKey, int> _ownNumbers = [];
    private readonly int[] _start; // group n is _items[_start[n].._start[n + 1]]
    private readonly T[] _items;

    public GroupIndex(IReadOnlyList<T> items, Func<T, TKey> key, Comparison<T>? order = null, Dictionary<TKey, int>? numbering = null)
    {
        _numbering = numbering;
        var shared = numbering?.Count ?? 0;
        var groupOf = new int[items.Count];
        for (var i = 0; i < groupOf.Length; i++)
        {
            var k = key(items[i]);
            if (numbering is null || !numbering.TryGetValue(k, out var group))
            {
                ref var own = ref CollectionsMarshal.GetValueRefOrAddDefault(_ownNumbers, k, out var exists);
                if (!exists)
                {
                    own = shared + _ownNumbers.Count - 1;
                }

                group = own;
            }

            groupOf[i] = group;
        }

        GroupCount = shared + _ownNumbers.Count;
        _start = new int[GroupCount + 1];
        foreach (var group in groupOf)
        {
            _start[group + 1]++;
        }

        for (var g = 0; g < GroupCount; g++)
        {
            _start[g + 1] += _start[g];
        }

        _items = new T[groupOf.Length];
        var next = _start[..GroupCount];
        for (var i = 0; i < groupOf.Length; i++)
        {
            _items[next[groupOf[i]]++] = items[i];
        }

        if (order is not null)
        {
            var comparer = Comparer<T>.Create(order);
            for (var g = 0; g < GroupCount; g++)
            {
                if (_start[g + 1] - _start[g] > 1)
                {
                    SortStable(_items, _start[g], _start[g + 1] - _start[g], comparer);
                }
            }
        }
    }

    /// <summary>How many groups there are: the shared numbering's size plus the keys outside it.</summary>
    public int GroupCount { get; }

    /// <summary>How many keys the shared numbering lacks (records of unknown people); 0 when every key is numbered.</summary>
    public int KeysOutsideNumbering => _numbering is null ? 0 : _ownNumbers.Count;

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

    private bool TryGroup(TKey key, out int group) =>
        (_numbering is not null && _numbering.TryGetValue(key, out group)) || _ownNumbers.TryGetValue(key, out group);

    /// <summary>The group of <paramref name="key"/>, empty when there is none.</summary>
    public ReadOnlySpan<T> Span(TKey key) => TryGroup(key, out var g) ? Group(g) : [];

    /// <summary>The group of <paramref name="key"/> as a list, empty when there is none.</summary>
    public IReadOnlyList<T> this[TKey key] =>
        TryGroup(key, out var g) ? new ReadOnlySegment<T>(_items, _start[g], _start[g + 1] - _start[g]) : [];

    /// <summary>
    /// The group numbered <paramref name="number"/> (0 to <see cref="GroupCount"/> - 1): with a shared numbering, the
    /// group of the key at that position; without one, groups are numbered in the order their keys first appear.
    /// </summary>
    public ReadOnlySpan<T> Group(int number) => new(_items, _start[number], _start[number + 1] - _start[number]);
}
