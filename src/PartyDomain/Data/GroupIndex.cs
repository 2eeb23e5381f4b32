namespace PartyDomain.Data;

/// <summary>Records grouped by a key once, at build time, so that as-of queries never scan the whole dataset.</summary>
internal sealed class GroupIndex<TKey, T>
    where TKey : notnull
{
    private readonly Dictionary<TKey, T[]> _groups;

    public GroupIndex(IReadOnlyList<T> items, Func<T, TKey> key, Comparison<T>? order = null)
    {
        var lists = new Dictionary<TKey, List<T>>();
        foreach (var item in items)
        {
            var k = key(item);
            if (!lists.TryGetValue(k, out var list))
            {
                lists[k] = list = new List<T>(2);
            }

            list.Add(item);
        }

        _groups = new Dictionary<TKey, T[]>(lists.Count);
        foreach (var (k, list) in lists)
        {
            var array = list.ToArray();
            if (order is not null && array.Length > 1)
            {
                Array.Sort(array, order);
            }

            _groups[k] = array;
        }
    }

    public IReadOnlyList<T> this[TKey key] => _groups.TryGetValue(key, out var group) ? group : [];

    public IEnumerable<TKey> Keys => _groups.Keys;
}
