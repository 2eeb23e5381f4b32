namespace PartyDomain.Data;

/// <summary>
/// A person-keyed group index read by the person's position in <c>dataset.People</c> instead of by id: an engine that
/// walks every person in order reads each one's group with no dictionary probe (at national scale a probe is a cache miss
/// or two, half a million times over). The groups are those of the index it is made from, sharing its array.
/// </summary>
internal sealed class PersonGroups<T>
{
    private readonly T[] _items;
    private readonly int[] _start;
    private readonly int[] _count;

    private PersonGroups(T[] items, int[] start, int[] count) => (_items, _start, _count) = (items, start, count);

    /// <summary>The groups of <paramref name="index"/> for <paramref name="people"/>, by position.</summary>
    public static PersonGroups<T> Of<TKey>(GroupIndex<TKey, T> index, TKey[] people)
        where TKey : notnull
    {
        var start = new int[people.Length];
        var count = new int[people.Length];
        for (var p = 0; p < people.Length; p++)
        {
            (start[p], count[p]) = index.Range(people[p]);
        }

        return new(index.Items, start, count);
    }

    /// <summary>The group of the person at <paramref name="position"/>, empty when they have none.</summary>
    public ReadOnlySpan<T> this[int position] => new(_items, _start[position], _count[position]);
}
