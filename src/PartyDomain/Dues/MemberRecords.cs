using System.Runtime.InteropServices;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;

namespace PartyDomain.Dues;

/// <summary>
/// One kind of dues record (declarations or payments) grouped by member, each group in month order, with every month
/// as an integer: the dues sweep compares months millions of times at national scale, and integers compare in one
/// instruction where <see cref="YearMonth"/> checks calendars first. Grouped by the member's position in
/// <c>dataset.People</c> with a counting sort, which keeps the dataset's order within a month (as a stable sort does).
/// </summary>
internal sealed class MemberRecords<T>
{
    private readonly T[] _items;
    private readonly int[] _months;
    private readonly int[] _start;

    public MemberRecords(IReadOnlyList<T> records, Func<T, PersonId> person, Func<T, YearMonth> month, Dictionary<PersonId, int> people)
    {
        var owner = new int[records.Count];
        _start = new int[people.Count + 1];
        PersonId last = default;
        var lastOwner = -1;
        for (var i = 0; i < owner.Length; i++)
        {
            // A person's records usually follow one another: the previous record's owner saves the lookup. Records of a
            // person the dataset does not list belong to no one the sweep visits.
            var id = person(records[i]);
            if (i == 0 || id != last)
            {
                (last, lastOwner) = (id, people.TryGetValue(id, out var p) ? p : -1);
            }

            owner[i] = lastOwner;
            if (owner[i] >= 0)
            {
                _start[owner[i] + 1]++;
            }
        }

        for (var p = 0; p < people.Count; p++)
        {
            _start[p + 1] += _start[p];
        }

        _items = new T[_start[people.Count]];
        _months = new int[_items.Length];
        var next = _start[..^1];
        for (var i = 0; i < owner.Length; i++)
        {
            if (owner[i] >= 0)
            {
                var at = next[owner[i]]++;
                _items[at] = records[i];
                _months[at] = Key(month(records[i]));
            }
        }

        for (var p = 0; p < people.Count; p++)
        {
            SortStable(_start[p], _start[p + 1]);
        }
    }

    /// <summary>A month as an integer: months since January of year 0, so consecutive months differ by one.</summary>
    public static int Key(YearMonth month) => (month.Year * 12) + month.Month - 1;

    /// <summary>The records of the person at <paramref name="person"/> in <c>dataset.People</c>, in month order.</summary>
    public ReadOnlySpan<T> Items(int person) => _items.AsSpan(_start[person], _start[person + 1] - _start[person]);

    /// <summary>Their months, as <see cref="Key"/>s.</summary>
    public ReadOnlySpan<int> Months(int person) => _months.AsSpan(_start[person], _start[person + 1] - _start[person]);

    /// <summary>The records of a person as a read-only list, for a base policy that is not the national one.</summary>
    public IReadOnlyList<T> List(int person) => new ReadOnlySegment<T>(_items, _start[person], _start[person + 1] - _start[person]);

    // Groups usually arrive in month order, which costs one pass; otherwise sort by (month, position), which is stable.
    private void SortStable(int start, int end)
    {
        var i = start + 1;
        while (i < end && _months[i - 1] <= _months[i])
        {
            i++;
        }

        if (i >= end)
        {
            return;
        }

        var keys = new long[end - start];
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = ((long)_months[start + k] << 32) | (uint)k;
        }

        keys.AsSpan().Sort(_items.AsSpan(start, keys.Length));
        for (var k = 0; k < keys.Length; k++)
        {
            _months[start + k] = (int)(keys[k] >> 32);
        }
    }
}

/// <summary>Positions of people in <c>dataset.People</c>.</summary>
internal static class PeoplePositions
{
    public static Dictionary<PersonId, int> Of(IReadOnlyList<Person> people)
    {
        var positions = new Dictionary<PersonId, int>(people.Count);
        for (var i = 0; i < people.Count; i++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(positions, people[i].Id, out _) = i;
        }

        return positions;
    }
}
