namespace PartyDomain.Data;

/// <summary>
/// A read-only view of a run of a shared array (one group of a grouping index); unlike ArraySegment it cannot be cast
/// back to something writable.
/// </summary>
internal sealed class ReadOnlySegment<T>(T[] items, int start, int count) : IReadOnlyList<T>
{
    public int Count => count;

    public T this[int index] => (uint)index < (uint)count ? items[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return items[start + i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
