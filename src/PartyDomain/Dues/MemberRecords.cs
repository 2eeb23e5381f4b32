using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;

namespace PartyDomain.Dues;

/// <summary>The member and month of one kind of dues record, read without a delegate call per record.</summary>
internal interface IMemberMonth<in T>
{
    PersonId Person(T record);

    YearMonth Month(T record);
}

/// <summary>Reads a <see cref="MemberIncome"/>'s member and month.</summary>
internal readonly struct IncomeMonth : IMemberMonth<MemberIncome>
{
    public PersonId Person(MemberIncome record) => record.PersonId;

    public YearMonth Month(MemberIncome record) => record.Month;
}

/// <summary>Reads a <see cref="DuesPayment"/>'s member and month.</summary>
internal readonly struct PaymentMonth : IMemberMonth<DuesPayment>
{
    public PersonId Person(DuesPayment record) => record.PersonId;

    public YearMonth Month(DuesPayment record) => record.Month;
}

/// <summary>The dues records grouped by member, derived once per dataset: every sweep (this year's, last year's) reads them.</summary>
internal static class MemberRecords
{
    /// <summary>Each member's income declarations in month order.</summary>
    public static readonly DerivedIndex<MemberRecords<MemberIncome>> Incomes = new(static ix => MemberRecords<MemberIncome>.Of<IncomeMonth>(ix.Records<MemberIncome>(), ix));

    /// <summary>Each member's payments in month order.</summary>
    public static readonly DerivedIndex<MemberRecords<DuesPayment>> Payments = new(static ix => MemberRecords<DuesPayment>.Of<PaymentMonth>(ix.Records<DuesPayment>(), ix));
}

/// <summary>
/// One kind of dues record (declarations or payments) grouped by member, each group in month order (stable: a month's
/// records keep the dataset's order). Records usually come that way already, one run per member in month order, and
/// then the groups are runs of the dataset's own array: one pass reads each record's member and month, and nothing is
/// copied. Otherwise they are grouped by the member's position in <c>dataset.People</c> with a counting sort into a copy.
/// </summary>
internal sealed class MemberRecords<T>
{
    private readonly T[] _items;
    private readonly int[] _start;
    private readonly int[] _count;

    private readonly int[] _months;

    private MemberRecords(T[] items, int[] start, int[] count, int[] months) => (_items, _start, _count, _months) = (items, start, count, months);

    /// <summary>Each record's month as a <see cref="Key"/>, in the records' order.</summary>
    private static int[] MonthsOf<TFields>(T[] items)
        where TFields : struct, IMemberMonth<T>
    {
        var fields = default(TFields);
        var months = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            months[i] = Key(fields.Month(items[i]));
        }

        return months;
    }

    /// <summary>A month as an integer: months since January of year 0, so consecutive months differ by one.</summary>
    public static int Key(YearMonth month) => (month.Year * 12) + month.Month - 1;

    /// <summary>Groups <paramref name="records"/> by member.</summary>
    public static MemberRecords<T> Of<TFields>(T[] records, DatasetIndexes indexes)
        where TFields : struct, IMemberMonth<T>
    {
        var fields = default(TFields);
        var people = new PersonFinder(indexes);
        var start = new int[people.Count];
        var count = new int[people.Count];

        // The months are kept as they are read: the records are read once, in this pass (millions of them, each a cache miss).
        var months = new int[records.Length];
        PersonId last = default;
        int owner = -1, lastMonth = 0;
        for (var i = 0; i < records.Length; i++)
        {
            // A person's records usually follow one another: the previous record's owner saves the lookup. Records of a
            // person the dataset does not list belong to no one the sweep visits.
            var id = fields.Person(records[i]);
            var month = months[i] = Key(fields.Month(records[i]));
            if (i == 0 || id != last)
            {
                (last, owner) = (id, people.Find(id));
                if (owner >= 0 && count[owner] > 0)
                {
                    return Grouped<TFields>(records, indexes);
                }

                if (owner >= 0)
                {
                    start[owner] = i;
                }
            }
            else if (owner >= 0 && month < lastMonth)
            {
                return Grouped<TFields>(records, indexes);
            }

            if (owner >= 0)
            {
                count[owner]++;
            }

            lastMonth = month;
        }

        return new(records, start, count, months);
    }

    /// <summary>The records of the person at <paramref name="person"/> in <c>dataset.People</c>, in month order.</summary>
    public ReadOnlySpan<T> Items(int person) => _items.AsSpan(_start[person], _count[person]);

    /// <summary>
    /// The months (as <see cref="Key"/>) of <see cref="Items"/>, side by side: a sweep walking a member's months reads these
    /// instead of each record (millions of records, each a cache miss to skip over).
    /// </summary>
    public ReadOnlySpan<int> Months(int person) => _months.AsSpan(_start[person], _count[person]);

    /// <summary>The records of a person as a read-only list, for a base policy that is not the national one.</summary>
    public IReadOnlyList<T> List(int person) => new ReadOnlySegment<T>(_items, _start[person], _count[person]);

    // Records out of member or month order: a counting sort by member into a copy, then each group sorted by (month,
    // position), which is stable.
    private static MemberRecords<T> Grouped<TFields>(T[] records, DatasetIndexes indexes)
        where TFields : struct, IMemberMonth<T>
    {
        var fields = default(TFields);
        var people = new PersonFinder(indexes);
        var owners = new int[records.Length];
        var count = new int[people.Count];
        PersonId last = default;
        var owner = -1;
        var kept = 0;
        for (var i = 0; i < records.Length; i++)
        {
            var id = fields.Person(records[i]);
            if (i == 0 || id != last)
            {
                (last, owner) = (id, people.Find(id));
            }

            owners[i] = owner;
            if (owner >= 0)
            {
                count[owner]++;
                kept++;
            }
        }

        var start = new int[people.Count];
        for (var p = 1; p < start.Length; p++)
        {
            start[p] = start[p - 1] + count[p - 1];
        }

        var items = new T[kept];
        var next = (int[])start.Clone();
        for (var i = 0; i < records.Length; i++)
        {
            if (owners[i] >= 0)
            {
                items[next[owners[i]]++] = records[i];
            }
        }

        for (var p = 0; p < start.Length; p++)
        {
            SortStable<TFields>(items.AsSpan(start[p], count[p]));
        }

        return new(items, start, count, MonthsOf<TFields>(items));
    }

    // Groups usually arrive in month order, which costs one pass; otherwise sort by (month, position), which is stable.
    private static void SortStable<TFields>(Span<T> group)
        where TFields : struct, IMemberMonth<T>
    {
        var fields = default(TFields);
        var i = 1;
        while (i < group.Length && Key(fields.Month(group[i - 1])) <= Key(fields.Month(group[i])))
        {
            i++;
        }

        if (i >= group.Length)
        {
            return;
        }

        var keys = new long[group.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = ((long)Key(fields.Month(group[k])) << 32) | (uint)k;
        }

        keys.AsSpan().Sort(group);
    }
}
