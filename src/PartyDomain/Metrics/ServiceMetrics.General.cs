using System.Runtime.InteropServices;
using PartyDomain.BasicSystems;

namespace PartyDomain.Metrics;

// The general pass, for any query the specialized pass (ServiceMetrics.Scan.cs) does not take.
public sealed partial class ServiceMetrics
{
    /// <summary>
    /// The general pass, for any query: every filter, several grouping dimensions at once, distinct counts and latest
    /// values, and sums beyond 64 bits; a dense table of groups when it fits, a sparse one when not.
    /// </summary>
    private void Aggregate(MetricsQuery query, Layout layout, bool[] needed, IndicatorGroups[] recorded)
    {
        int first = ActivityIndex.Day(query.Period.Start), last = ActivityIndex.Day(query.Period.End);
        var organizations = query.Organization is { } root ? Subtree(root) : null;
        var firm = query.Firm is { } f ? (_firmIndex.TryGetValue(f, out var fi) ? fi : -2) : -1;
        var member = query.Member is { } m ? (_memberIndex.TryGetValue(m, out var mi) ? mi : -2) : -1;
        var district = query.District is { } d ? (_districtIndex.TryGetValue(d, out var di) ? di : -2) : -1;
        var tags = query.Tags.Select(t => _tagIndex.TryGetValue(t, out var ti) ? ti : -2).ToArray();
        var cells = layout.Cells;

        // The table holds the needed indicators only, each under its slot.
        var slots = Enumerable.Range(0, _recorded.Length).Where(i => needed[i]).ToArray();
        var slotOf = Filled(_recorded.Length, -1);
        for (var s = 0; s < slots.Length; s++)
        {
            slotOf[slots[s]] = s;
        }

        // Sums are exact integers (quantity × 10^4). 64 bits hold any total of this dataset unless its records are huge;
        // then the pass accumulates in 128 bits.
        var wide = (Int128)_maxQuantity * _indicator.Length > long.MaxValue;
        var dense = (long)slots.Length * cells <= CellBudget;
        var sums = dense && !wide ? new long[slots.Length * cells] : [];
        var wideSums = dense && wide ? new Int128[slots.Length * cells] : [];
        var counts = dense ? new long[slots.Length * cells] : [];
        var sparse = dense ? null : new Dictionary<long, (Int128 Sum, long Count)>();
        var special = new Dictionary<long, (HashSet<int> Distinct, int LatestDay, long Latest)>();
        var isSpecial = _recorded.Select(i => i.Aggregation is Aggregation.DistinctCount or Aggregation.Latest).ToArray();
        var filtered = organizations is not null || firm != -1 || member != -1 || district != -1 || tags.Length > 0;
        for (var r = 0; r < _indicator.Length; r++)
        {
            var indicator = _indicator[r];
            var slot = slotOf[indicator];
            if (slot < 0 || _firstDay[r] < first || LastDay(r) > last)
            {
                continue;
            }

            if (filtered && !Passes(r, organizations, firm, member, district, tags))
            {
                continue;
            }

            var period = _period[r];
            var cell = layout.Cell(_firstMonth + (period / 3), period % 3, _organization[r], _firm[r], _district[r] - 1);
            var key = ((long)slot * cells) + cell;
            var quantity = Quantity(r);
            if (isSpecial[indicator])
            {
                var acc = special.TryGetValue(key, out var a) ? a : ([], int.MinValue, 0);
                if (_recorded[indicator].Aggregation == Aggregation.DistinctCount)
                {
                    acc.Distinct.Add(_distinct![r]);
                }
                else if (_firstDay[r] >= acc.LatestDay)
                {
                    acc = (acc.Distinct, _firstDay[r], quantity);
                }

                special[key] = acc;
            }

            if (!dense)
            {
                ref var acc = ref CollectionsMarshal.GetValueRefOrAddDefault(sparse!, key, out _);
                acc = (acc.Sum + quantity, acc.Count + 1);
            }
            else if (wide)
            {
                wideSums[key] += quantity;
                counts[key]++;
            }
            else
            {
                sums[key] += quantity;
                counts[key]++;
            }
        }

        // The sparse table's keys in order are the slots in order, each with its cells in order.
        var sparseKeys = sparse is null ? [] : sparse.Keys.Order().ToArray();
        var next = 0;
        for (var s = 0; s < slots.Length; s++)
        {
            var indicator = _recorded[slots[s]];
            var cellsOf = new List<int>();
            var recordsOf = new List<long>();
            var valuesOf = new List<decimal?>();
            void Put(long key, Int128 sum, long count)
            {
                if (count == 0)
                {
                    return;
                }

                decimal value = indicator.Aggregation switch
                {
                    Aggregation.Count => count,
                    Aggregation.DistinctCount => special[key].Distinct.Count,
                    Aggregation.Latest => Unscaled(special[key].Latest),
                    _ => Unscaled(sum),
                };
                cellsOf.Add((int)(key - ((long)s * cells)));
                recordsOf.Add(count);
                valuesOf.Add(value);
            }

            if (dense)
            {
                for (var key = s * cells; key < (s + 1) * cells; key++)
                {
                    Put(key, wide ? wideSums[key] : sums[key], counts[key]);
                }
            }
            else
            {
                for (; next < sparseKeys.Length && sparseKeys[next] / cells == s; next++)
                {
                    var (sum, count) = sparse![sparseKeys[next]];
                    Put(sparseKeys[next], sum, count);
                }
            }

            recorded[slots[s]] = IndicatorGroups.Valued([.. cellsOf], [.. recordsOf], [.. valuesOf]);
        }
    }

    private bool Passes(int r, bool[]? organizations, int firm, int member, int district, int[] tags)
    {
        if ((organizations is not null && (_organization[r] < 0 || !organizations[_organization[r]]))
            || (firm != -1 && _firm[r] != firm) || (member != -1 && (_member is null || _member[r] != member))
            || (district != -1 && _district[r] - 1 != district))
        {
            return false;
        }

        if (tags.Length == 0)
        {
            return true;
        }

        if (_tagStart is null)
        {
            return false;
        }

        for (var t = _tagStart[r]; t < _tagStart[r + 1]; t++)
        {
            if (Array.IndexOf(tags, _tags[t]) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
