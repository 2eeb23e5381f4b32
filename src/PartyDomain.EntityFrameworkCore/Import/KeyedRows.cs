using PartyDomain.Data;

namespace PartyDomain.EntityFrameworkCore.Import;

/// <summary>
/// A run of records with their keys, in key order (<see cref="RecordKeys.Assign"/>). Both databases keep a table's rows
/// in a B-tree on <c>(city_id, key)</c>: rows written in key order append to it, rows in any other order land on random
/// pages, which made a million-row load several times slower.
/// </summary>
internal sealed class KeyedRows(string[] keys, DatasetRecord[] records)
{
    public string[] Keys { get; } = keys;

    public DatasetRecord[] Records { get; } = records;

    public int Count => Keys.Length;

    /// <summary>Records already keyed (an incremental import's changes), put in key order.</summary>
    public static KeyedRows Sorted(string[] keys, DatasetRecord[] records)
    {
        var order = Order(keys);
        return new KeyedRows(Array.ConvertAll(order, i => keys[i]), Array.ConvertAll(order, i => records[i]));
    }

    /// <summary>
    /// The positions of <paramref name="keys"/> in ordinal order (the C collation's, and close to any other's for these
    /// keys), equal keys in their original order. Most comparisons are decided by the keys' first 16 characters packed
    /// in one number, without touching the strings.
    /// </summary>
    public static int[] Order(string[] keys)
    {
        var entries = new Entry[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            entries[i] = new Entry(Prefix(keys[i]), i);
        }

        Array.Sort(entries, new EntryComparer(keys));
        var order = new int[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            order[i] = entries[i].Index;
        }

        return order;
    }

    /// <summary>
    /// The first 16 characters as bytes, ordered like the strings: ASCII as itself, the first other character as 0xFF
    /// (greater than any ASCII) and nothing after it, a shorter key padded with zeros. Equal prefixes decide nothing.
    /// </summary>
    internal static UInt128 Prefix(string key)
    {
        UInt128 prefix = 0;
        var i = 0;
        for (; i < 16 && i < key.Length; i++)
        {
            var c = key[i];
            prefix = (prefix << 8) | (c < 0x80 ? c : 0xFFu);
            if (c >= 0x80)
            {
                i++;
                break;
            }
        }

        return i == 0 ? 0 : prefix << (8 * (16 - i));
    }

    private readonly record struct Entry(UInt128 Prefix, int Index);

    private sealed class EntryComparer(string[] keys) : IComparer<Entry>
    {
        public int Compare(Entry x, Entry y)
        {
            if (x.Prefix != y.Prefix)
            {
                return x.Prefix < y.Prefix ? -1 : 1;
            }

            var byKey = string.CompareOrdinal(keys[x.Index], keys[y.Index]);
            return byKey != 0 ? byKey : x.Index.CompareTo(y.Index);
        }
    }
}
