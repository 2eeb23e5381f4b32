namespace PartyDomain.Metrics;

// The specialized pass for the common shape of a report's query.
public sealed partial class ServiceMetrics
{
    /// <summary>Whether <paramref name="query"/> has the shape of the specialized pass (see <see cref="TryScan"/>).</summary>
    internal static bool IsScanShape(MetricsQuery query)
    {
        var dimension = query.GroupBy & (MetricGrouping.Organization | MetricGrouping.Firm | MetricGrouping.District);
        return query.Organization is null && query.Firm is null && query.Member is null && query.District is null && query.Tags.Count == 0
            && query.Period.Start.Day == 1 && query.Period.End.PlusDays(1).Day == 1 && (dimension & (dimension - 1)) == 0;
    }

    /// <summary>
    /// The pass for queries filtered by a period of whole months only and grouped by time and at most one of
    /// organization, firm and district: the shape of a report's tables. It takes the summed and counted indicators
    /// (clearing them in <paramref name="needed"/>) and leaves distinct counts and latest values to the general pass. The
    /// cell of a record is three table look-ups added together, by indicator, by month and span, and by the grouping
    /// column; the loop is compiled once per grouping column and quantity width (struct type parameters, so the
    /// look-ups are inlined) and reads only the four columns it needs. Records outside the period, and of indicators not
    /// asked for, go to a discarded cell instead of a branch. The records are split between cores, each into its own
    /// table, and the tables added up: integer sums, so the result is the same whatever the split. A table too big for
    /// <see cref="CellBudget"/> takes several passes, a share of the indicators each.
    /// </summary>
    private void TryScan(MetricsQuery query, Layout layout, bool[] needed, IndicatorGroups[] recorded)
    {
        if (!IsScanShape(query) || (_quantity64 is not null && (Int128)_maxQuantity * _indicator.Length > long.MaxValue))
        {
            return;
        }

        var period = query.Period;
        var dimension = query.GroupBy & (MetricGrouping.Organization | MetricGrouping.Firm | MetricGrouping.District);
        var slots = Enumerable.Range(0, _recorded.Length).Where(i => needed[i] && _recorded[i].Aggregation is Aggregation.Sum or Aggregation.Count).ToArray();
        if (slots.Length == 0)
        {
            return;
        }

        // Per indicator: the query's time buckets and one more for records outside the period, × the grouping column's keys.
        var keys = layout.Cells / layout.TimeBuckets;
        var buckets = layout.TimeBuckets + 1;
        var perIndicator = (long)buckets * keys;
        if (perIndicator * 2 > CellBudget)
        {
            return;
        }

        var partitions = Math.Max(1, Math.Min(MaxDegreeOfParallelism, _indicator.Length / RecordsPerPartition));
        while (partitions > 1 && perIndicator * 2 * partitions > CellBudget)
        {
            partitions--;
        }

        var perPass = (int)Math.Max(1, (CellBudget / (perIndicator * partitions)) - 1);

        // Each (month, span) of the records: the offset of its time bucket, or of the discarded bucket when the record is
        // not inside the period. The period is whole months, so a record is inside when its first and last months are.
        int startMonth = MonthOf(period.Start), endMonth = MonthOf(period.End);
        var bucketAt = new int[_monthEnd.Length * 3];
        for (var p = 0; p < bucketAt.Length; p++)
        {
            int month = _firstMonth + (p / 3), span = p % 3;
            var lastMonth = span == (int)RecordSpan.Year ? month + 11 : month;
            bucketAt[p] = (month >= startMonth && lastMonth <= endMonth ? layout.TimeBucket(month, span) : buckets - 1) * keys;
        }

        var slotAt = new int[_recorded.Length];
        for (var pass = 0; pass < slots.Length; pass += perPass)
        {
            // The indicators of this pass each get a slot; every other record goes to the discarded slot after them.
            var inPass = Math.Min(perPass, slots.Length - pass);
            Array.Fill(slotAt, inPass * (int)perIndicator);
            for (var s = 0; s < inPass; s++)
            {
                slotAt[slots[pass + s]] = s * (int)perIndicator;
            }

            var (sums, counts) = Scan(partitions, (inPass + 1) * (int)perIndicator, slotAt, bucketAt, dimension);
            for (var s = 0; s < inPass; s++)
            {
                // The non-empty cells, compacted: the table keeps sums as they are (× 10^4), made decimals only when read.
                int from = s * (int)perIndicator, to = from + ((buckets - 1) * keys);
                var present = counts.AsSpan(from, to - from);
                var length = present.Length - present.Count(0);
                var cells = new int[length];
                var records = new long[length];
                var counted = _recorded[slots[pass + s]].Aggregation == Aggregation.Count;
                var scaled = counted ? [] : new long[length];
                var g = 0;
                for (var at = from; at < to; at++)
                {
                    if (counts[at] > 0)
                    {
                        cells[g] = at - from;
                        records[g] = counts[at];
                        if (!counted)
                        {
                            scaled[g] = sums[at];
                        }

                        g++;
                    }
                }

                recorded[slots[pass + s]] = counted ? IndicatorGroups.Counted(cells, records) : IndicatorGroups.Summed(cells, records, scaled);
                needed[slots[pass + s]] = false;
            }
        }
    }

    /// <summary>
    /// Sums and counts every record into a table of <paramref name="size"/> cells, on <paramref name="partitions"/> cores.
    /// Each core sums into a table of its own, taking the records a chunk at a time (eight chunks a core), so a core
    /// slowed by other work takes fewer chunks instead of holding the query up with a fixed half.
    /// </summary>
    private (long[] Sums, int[] Counts) Scan(int partitions, int size, int[] slotAt, int[] bucketAt, MetricGrouping dimension)
    {
        var sums = new long[partitions][];
        var counts = new int[partitions][];
        var chunks = partitions == 1 ? 1 : partitions * 8;
        var taken = -1;
        void Run(int p)
        {
            for (var c = Interlocked.Increment(ref taken); c < chunks; c = Interlocked.Increment(ref taken))
            {
                int from = (int)((long)_indicator.Length * c / chunks), to = (int)((long)_indicator.Length * (c + 1) / chunks);
                sums[p] ??= new long[size];
                counts[p] ??= new int[size];
                ScanChunk(from, to, sums[p], counts[p]);
            }
        }

        void ScanChunk(int from, int to, long[] sums, int[] counts)
        {
            switch (dimension)
            {
                case MetricGrouping.Organization:
                    With(new IndexKey(_organization));
                    break;
                case MetricGrouping.Firm:
                    With(new IndexKey(_firm));
                    break;
                case MetricGrouping.District:
                    With(new DistrictKey(_district));
                    break;
                default:
                    With(default(NoKey));
                    break;
            }

            void With<TKey>(TKey key)
                where TKey : struct, IGroupKey
            {
                if (_quantity64 is { } wide)
                {
                    Scan(_indicator, _period, from, to, slotAt, bucketAt, key, new WideQuantities(wide), sums, counts);
                }
                else
                {
                    Scan(_indicator, _period, from, to, slotAt, bucketAt, key, new NarrowQuantities(_quantity32), sums, counts);
                }
            }
        }

        if (partitions == 1)
        {
            Run(0);
        }
        else
        {
            Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, Run);
        }

        // A core that found every chunk taken has no table; the others are added into the first (empty if it has none).
        sums[0] ??= new long[size];
        counts[0] ??= new int[size];
        for (var p = 1; p < partitions; p++)
        {
            if (sums[p] is not { } more)
            {
                continue;
            }

            for (var at = 0; at < size; at++)
            {
                sums[0][at] += more[at];
                counts[0][at] += counts[p][at];
            }
        }

        return (sums[0], counts[0]);
    }

    /// <summary>The loop: one record's cell is its indicator's slot + its time bucket's offset + its grouping key.</summary>
    private static void Scan<TKey, TQuantities>(ushort[] indicators, ushort[] periods, int from, int to, int[] slotAt, int[] bucketAt,
        TKey key, TQuantities quantities, long[] sums, int[] counts)
        where TKey : struct, IGroupKey
        where TQuantities : struct, IQuantities
    {
        for (var r = from; r < to; r++)
        {
            var at = slotAt[indicators[r]] + bucketAt[periods[r]] + key.Of(r);
            sums[at] += quantities.Of(r);
            counts[at]++;
        }
    }

    /// <summary>A record's key in the grouping column: 0 for none, else the organization's, firm's or district's index + 1.</summary>
    private interface IGroupKey
    {
        int Of(int r);
    }

    /// <summary>A record's quantity × 10^4.</summary>
    private interface IQuantities
    {
        long Of(int r);
    }

    private readonly struct NoKey : IGroupKey
    {
        public int Of(int r) => 0;
    }

    private readonly struct IndexKey(int[] column) : IGroupKey
    {
        public int Of(int r) => column[r] + 1;
    }

    private readonly struct DistrictKey(ushort[] column) : IGroupKey
    {
        public int Of(int r) => column[r];
    }

    private readonly struct NarrowQuantities(int[] column) : IQuantities
    {
        public long Of(int r) => column[r];
    }

    private readonly struct WideQuantities(long[] column) : IQuantities
    {
        public long Of(int r) => column[r];
    }
}
