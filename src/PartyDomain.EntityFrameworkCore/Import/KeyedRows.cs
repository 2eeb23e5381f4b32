using PartyDomain.Data;

namespace PartyDomain.EntityFrameworkCore.Import;

/// <summary>
/// A run of records with their keys, in key order. Both databases keep a table's rows in a B-tree on
/// <c>(city_id, key)</c>: rows written in key order append to it, rows in any other order land on random pages. Keys are
/// given in the records' own order first, so duplicates get the same <c>#2</c> suffixes whatever the sort does.
/// </summary>
internal sealed class KeyedRows
{
    private KeyedRows(string[] keys, DatasetRecord[] records)
    {
        Keys = keys;
        Records = records;
    }

    public string[] Keys { get; }

    public DatasetRecord[] Records { get; }

    public int Count => Keys.Length;

    public static KeyedRows Sorted(IEnumerable<DatasetRecord> records, RecordKeys keys, CancellationToken cancellationToken)
    {
        var recordArray = records as DatasetRecord[] ?? [.. records];
        var keyArray = new string[recordArray.Length];
        var order = new Entry[recordArray.Length];
        for (var i = 0; i < recordArray.Length; i++)
        {
            if ((i & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            keyArray[i] = keys.Next(recordArray[i]);
            order[i] = new Entry(Prefix(keyArray[i]), i);
        }

        // Ordinal order (the C collation's, and close to any other's for these keys). Most comparisons are decided by
        // the keys' first 16 characters packed in one number, without touching the strings.
        Array.Sort(order, new EntryComparer(keyArray));
        var sortedKeys = new string[order.Length];
        var sortedRecords = new DatasetRecord[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sortedKeys[i] = keyArray[order[i].Index];
            sortedRecords[i] = recordArray[order[i].Index];
        }

        return new KeyedRows(sortedKeys, sortedRecords);
    }

    /// <summary>
    /// The first 16 characters as bytes, comparable like the strings: ASCII as itself, the first other character as
    /// 0xFF (greater than any ASCII) and nothing after it, a shorter key padded with zeros. Equal prefixes say nothing.
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

        return prefix << (8 * (16 - i));
    }

    internal readonly record struct Entry(UInt128 Prefix, int Index);

    private sealed class EntryComparer(string[] keys) : IComparer<Entry>
    {
        public int Compare(Entry x, Entry y) =>
            x.Prefix != y.Prefix ? x.Prefix.CompareTo(y.Prefix) : string.CompareOrdinal(keys[x.Index], keys[y.Index]);
    }
}
