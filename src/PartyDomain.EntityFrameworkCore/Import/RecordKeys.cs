using System.Globalization;
using PartyDomain.Data;
using PartyDomain.EntityFrameworkCore.Mapping;

namespace PartyDomain.EntityFrameworkCore.Import;

/// <summary>
/// Gives each record of one import its key. A record type with its own identifier may not repeat it; a record known by
/// its natural key may (two identical dues payments the same day), and the second gets <c>#2</c>, so an import keeps
/// every record and re-running it writes the same keys.
/// </summary>
internal sealed class RecordKeys(RecordTable table)
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public string Next(DatasetRecord record)
    {
        var key = table.Key(record, out var ownId);
        if (!_seen.TryGetValue(key, out var count))
        {
            _seen.Add(key, 1);
            return key;
        }

        if (ownId)
        {
            throw new ArgumentException(
                $"Two {table.ClrType.Name} records have the identifier '{key}'{(record.Origin is { } o ? $" (the second at {o})" : string.Empty)}; an import takes each identifier once.");
        }

        _seen[key] = ++count;
        return key + "#" + count.ToString(CultureInfo.InvariantCulture);
    }
}
