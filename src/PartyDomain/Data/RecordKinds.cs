namespace PartyDomain.Data;

/// <summary>The order the dataset keeps its declared kinds in: the kinds a kind refers to first, then by name.</summary>
internal static class RecordKinds
{
    /// <summary>
    /// <paramref name="kinds"/> ordered so that each comes after the kinds it refers to (<see cref="RecordKind.After"/>),
    /// ties by name: the same set always gives the same order, whatever order the records came in.
    /// </summary>
    public static RecordKind[] Ordered(IEnumerable<RecordKind> kinds)
    {
        var pending = kinds.Distinct().OrderBy(k => k.Name, StringComparer.Ordinal).ToList();
        var placed = new HashSet<RecordKind>();
        var ordered = new List<RecordKind>(pending.Count);
        while (pending.Count > 0)
        {
            // The first kind by name whose referred kinds (among those present) are all placed; a cycle is broken by name.
            var next = pending.FirstOrDefault(k => k.After.All(a => placed.Contains(a) || !pending.Contains(a))) ?? pending[0];
            pending.Remove(next);
            placed.Add(next);
            ordered.Add(next);
        }

        return [.. ordered];
    }
}
