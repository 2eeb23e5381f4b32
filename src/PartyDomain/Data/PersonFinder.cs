using PartyDomain.Organization;

namespace PartyDomain.Data;

/// <summary>
/// Finds people's positions in <c>dataset.People</c> for one stream of records. Records usually come grouped by person
/// in the people's own order (as the demo city and ordered exports write them, people without records skipped), so
/// the last position found and the next few are tried before the dataset's position dictionary: at national scale a
/// dictionary probe is a cache miss or two, millions of times over.
/// </summary>
internal sealed class PersonFinder(DatasetIndexes indexes)
{
    private const int Ahead = 4;
    private readonly PersonId[] _people = indexes.PersonIds;
    private Dictionary<PersonId, int>? _positions;
    private int _last;

    /// <summary>The position of each record's person in <c>dataset.People</c> (-1 for one the dataset does not list), in the records' order.</summary>
    public static int[] Positions<T>(DatasetIndexes indexes, IReadOnlyList<T> records, Func<T, PersonId> person)
    {
        var finder = new PersonFinder(indexes);
        var positions = new int[records.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = finder.Find(person(records[i]));
        }

        return positions;
    }

    /// <summary>The number of people.</summary>
    public int Count => _people.Length;

    /// <summary>The position of <paramref name="id"/>, or -1 when the dataset does not list the person.</summary>
    public int Find(PersonId id)
    {
        var people = _people;
        for (int k = _last, end = Math.Min(_last + Ahead, people.Length); k < end; k++)
        {
            if (people[k] == id)
            {
                return _last = k;
            }
        }

        if (!(_positions ??= indexes.PersonPositions).TryGetValue(id, out var found))
        {
            return -1;
        }

        return _last = found;
    }
}
