using NodaTime;

namespace PartyDomain.Time;

/// <summary>
/// How often something falls due: monthly, quarterly, half-yearly or yearly. A cadence splits any run of days
/// into calendar-aligned slots (months start on the 1st, quarters in January, April, July and October, halves
/// in January and July), so a slot never depends on when a period happens to begin.
/// </summary>
public sealed class Cadence : IEquatable<Cadence>
{
    private Cadence(string name, int months)
    {
        Name = name;
        Months = months;
    }

    /// <summary>Every calendar month (每月).</summary>
    public static Cadence Monthly { get; } = new("monthly", 1);

    /// <summary>Every calendar quarter (每季度).</summary>
    public static Cadence Quarterly { get; } = new("quarterly", 3);

    /// <summary>Every half year, January–June and July–December (每半年).</summary>
    public static Cadence HalfYearly { get; } = new("half-yearly", 6);

    /// <summary>Every calendar year (每年).</summary>
    public static Cadence Yearly { get; } = new("yearly", 12);

    /// <summary>All cadences, shortest first.</summary>
    public static IReadOnlyList<Cadence> All { get; } = [Monthly, Quarterly, HalfYearly, Yearly];

    /// <summary>The cadence's name: <c>monthly</c>, <c>quarterly</c>, <c>half-yearly</c> or <c>yearly</c>.</summary>
    public string Name { get; }

    /// <summary>The number of calendar months in one slot.</summary>
    public int Months { get; }

    /// <summary>Finds a cadence by its <see cref="Name"/> (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="ArgumentException">No cadence has that name.</exception>
    public static Cadence Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown cadence '{name}'; expected one of: {string.Join(", ", All.Select(c => c.Name))}.", nameof(name));
    }

    /// <summary>The whole calendar slot that contains <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    public DateInterval SlotContaining(LocalDate date)
    {
        var month = ((date.Month - 1) / Months * Months) + 1;
        var start = new LocalDate(date.Year, month, 1);
        return new DateInterval(start, start.PlusMonths(Months).PlusDays(-1));
    }

    /// <summary>
    /// The slots that <paramref name="interval"/> touches, in order. The first and last slot are
    /// <see cref="CadenceSlot.IsPartial">partial</see> when the interval starts or ends inside them.
    /// </summary>
    /// <param name="interval">The days to split.</param>
    public IReadOnlyList<CadenceSlot> Slots(DateInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        var slots = new List<CadenceSlot>();
        var full = SlotContaining(interval.Start);
        while (full.Start <= interval.End)
        {
            var covered = new DateInterval(LocalDate.Max(full.Start, interval.Start), LocalDate.Min(full.End, interval.End));
            slots.Add(new CadenceSlot(this, slots.Count, full, covered));
            var next = full.End.PlusDays(1);
            full = new DateInterval(next, next.PlusMonths(Months).PlusDays(-1));
        }

        return slots;
    }

    /// <inheritdoc />
    public bool Equals(Cadence? other) => other is not null && other.Months == Months;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Cadence);

    /// <inheritdoc />
    public override int GetHashCode() => Months;

    /// <summary>The cadence's <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}

/// <summary>One slot of a <see cref="Cadence"/> inside a period: a month, quarter, half or year.</summary>
/// <param name="Cadence">The cadence the slot belongs to.</param>
/// <param name="Index">The slot's position in the period, from 0.</param>
/// <param name="Calendar">The whole calendar slot, for example the full quarter.</param>
/// <param name="Covered">The part of the calendar slot that lies inside the period.</param>
public sealed record CadenceSlot(Cadence Cadence, int Index, DateInterval Calendar, DateInterval Covered)
{
    /// <summary>Whether the period covers only part of the calendar slot.</summary>
    public bool IsPartial => !Calendar.Equals(Covered);

    /// <summary>Formats the slot as <c>2025-03</c>, <c>2025-Q2</c>, <c>2025-H1</c> or <c>2025</c>.</summary>
    public override string ToString() => Cadence.Months switch
    {
        1 => $"{Calendar.Start.Year:D4}-{Calendar.Start.Month:D2}",
        3 => $"{Calendar.Start.Year:D4}-Q{((Calendar.Start.Month - 1) / 3) + 1}",
        6 => $"{Calendar.Start.Year:D4}-H{((Calendar.Start.Month - 1) / 6) + 1}",
        _ => $"{Calendar.Start.Year:D4}",
    };
}
