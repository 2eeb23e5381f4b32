namespace PartyDomain.Metrics;

// The query evaluation: which recorded indicators a query needs, and the derived indicators (sums of indicators and
// ratios) computed from the groups of the ones they are made of.
public sealed partial class ServiceMetrics
{
    /// <summary>Marks in <paramref name="needed"/> the recorded indicators <paramref name="indicator"/> is (or is made of).</summary>
    private void MarkNeeded(IndicatorDefinition indicator, bool[] needed)
    {
        if (_recordedIndex.TryGetValue(indicator.Code, out var i))
        {
            needed[i] = true;
        }

        foreach (var part in indicator.Components.Concat(new[] { indicator.Numerator, indicator.Denominator }.OfType<IndicatorCode>()))
        {
            MarkNeeded(_catalog.Get(part), needed);
        }
    }

    /// <summary>The values of any indicator by group: recorded ones from the pass, derived and activity ones on top.</summary>
    private Dictionary<int, (decimal? Value, long Records)> Values(IndicatorDefinition indicator, MetricsQuery query, Layout layout,
        IndicatorGroups[] recorded, Dictionary<IndicatorCode, Dictionary<int, (decimal? Value, long Records)>> groups)
    {
        if (groups.TryGetValue(indicator.Code, out var known))
        {
            return known;
        }

        var result = new Dictionary<int, (decimal? Value, long Records)>();
        switch (indicator.Aggregation)
        {
            case Aggregation.Sum or Aggregation.Count or Aggregation.DistinctCount or Aggregation.Latest:
                var own = recorded[_recordedIndex[indicator.Code]];
                for (var g = 0; g < own.Count; g++)
                {
                    result[own.Cells[g]] = (own.Value(g), own.Records[g]);
                }

                break;
            case Aggregation.SumOfIndicators:
                foreach (var part in indicator.Components)
                {
                    foreach (var (cell, (value, count)) in Values(_catalog.Get(part), query, layout, recorded, groups))
                    {
                        var acc = result.GetValueOrDefault(cell, (0m, 0));
                        result[cell] = (acc.Value + (value ?? 0), acc.Records + count);
                    }
                }

                break;
            case Aggregation.Ratio:
                var numerator = Values(_catalog.Get(indicator.Numerator!.Value), query, layout, recorded, groups);
                var denominator = Values(_catalog.Get(indicator.Denominator!.Value), query, layout, recorded, groups);
                foreach (var cell in numerator.Keys.Union(denominator.Keys))
                {
                    var n = numerator.GetValueOrDefault(cell);
                    var d = denominator.GetValueOrDefault(cell);
                    result[cell] = (d.Value is { } dv && dv != 0 ? Math.Round((n.Value ?? 0) / dv * 100, 2, MidpointRounding.AwayFromZero) : null, n.Records + d.Records);
                }

                break;
            default:
                // Activity records name no member; with a member filter the activity indicators have no rows. Without
                // one they were all counted up front (see ActivityValues).
                break;
        }

        groups[indicator.Code] = result;
        return result;
    }

    private static IndicatorGroups Valued(Dictionary<int, (decimal? Value, long Records)> values)
    {
        var cells = values.Keys.ToArray();
        Array.Sort(cells);
        var records = new long[cells.Length];
        var decimals = new decimal?[cells.Length];
        for (var g = 0; g < cells.Length; g++)
        {
            (decimals[g], records[g]) = values[cells[g]];
        }

        return IndicatorGroups.Valued(cells, records, decimals);
    }
}
