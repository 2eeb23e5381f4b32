using PartyDomain.Data;
using PartyDomain.EntityFrameworkCore.Mapping;

namespace PartyDomain.EntityFrameworkCore.Import;

/// <summary>
/// Gives each record of one import its key. A record type with its own identifier may not repeat it; a record known by
/// its natural key may (two identical dues payments the same day), and the second gets <c>#2</c>, so an import keeps
/// every record and re-running it writes the same keys. Keys are counted across every run of the table in the import.
/// </summary>
internal sealed class RecordKeys(RecordTable table)
{
    // How often each key was given in earlier runs; filled only once a second run comes (most tables have one).
    private Dictionary<string, int>? _earlier;
    private List<(string Key, int Count)>? _last;

    /// <summary>
    /// Keys <paramref name="records"/> and orders them by key. Repeats are found next to each other once sorted; ties
    /// keep the records' order, so the first of them keeps the plain key and the next ones get <c>#2</c>, <c>#3</c> ...
    /// </summary>
    public KeyedRows Assign(DatasetRecord[] records, CancellationToken cancellationToken)
    {
        var keys = new string[records.Length];
        var ownIds = new bool[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            if ((i & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            keys[i] = table.Key(records[i], out ownIds[i]);
        }

        var order = KeyedRows.Order(keys);
        if (_last is not null)
        {
            _earlier ??= new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (key, count) in _last)
            {
                _earlier[key] = count;
            }
        }

        _last = [];
        var sortedKeys = new string[records.Length];
        var sortedRecords = new DatasetRecord[records.Length];
        for (var s = 0; s < order.Length;)
        {
            var key = keys[order[s]];
            var end = s + 1;
            while (end < order.Length && string.Equals(keys[order[end]], key, StringComparison.Ordinal))
            {
                end++;
            }

            var before = _earlier is not null && _earlier.TryGetValue(key, out var n) ? n : 0;
            for (var i = s; i < end; i++)
            {
                var count = before + (i - s) + 1;
                if (count > 1 && ownIds[order[i]])
                {
                    var origin = records[order[i]].Origin;
                    throw new ArgumentException(
                        $"Two {table.ClrType.Name} records have the identifier '{key}'{(origin is { } o ? $" (the second at {o})" : string.Empty)}; an import takes each identifier once.");
                }

                sortedKeys[i] = DatasetRecordKeys.Numbered(key, count);
                sortedRecords[i] = records[order[i]];
            }

            _last.Add((key, before + (end - s)));
            s = end;
        }

        return new KeyedRows(sortedKeys, sortedRecords);
    }
}
