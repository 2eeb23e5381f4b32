namespace PartyDomain.BasicSystems;

/// <summary>How compliance is evaluated, bound from configuration (for example <c>PartyDomain:Compliance</c>).</summary>
public sealed class ComplianceOptions
{
    /// <summary>
    /// The share of a slot, in percent, an organization must have lived for the slot to be judged (default 50). A
    /// branch founded on 20 February 2025 lived 9 of February's 28 days (32%): February is not judged; 40 of the
    /// first quarter's 90 days (44%): the quarter is not judged; 315 of the year's 365 days (86%): the year is judged,
    /// on its activities from 20 February. 0 judges every slot it lived a day of; 100 only slots it lived through.
    /// The same share applies to a slot that a custom period cuts.
    /// </summary>
    public int PartialSlotMinimumPercent { get; set; } = 50;

    /// <summary>How many days ahead reminders look (default 30).</summary>
    public int ReminderHorizonDays { get; set; } = 30;

    /// <summary>
    /// Which slots an organization that lived only part of them is judged for (default
    /// <see cref="PartialSlotJudging.MinimumShare"/>: <see cref="PartialSlotMinimumPercent"/> of the slot).
    /// </summary>
    public PartialSlotJudging PartialSlots { get; set; } = PartialSlotJudging.MinimumShare;

    /// <summary>
    /// What a slot that has not ended and whose minimum is already met is (default <see cref="RunningSlotMet.Met"/>).
    /// </summary>
    public RunningSlotMet MetBeforeSlotEnds { get; set; } = RunningSlotMet.Met;

    /// <summary>What a slot whose last day is today is (default <see cref="SlotEndingToday.Pending"/>).</summary>
    public SlotEndingToday SlotEndingToday { get; set; } = SlotEndingToday.Pending;

    /// <summary>
    /// How many rules are evaluated at once, each on its own thread (default: the processor count, at most 4); 1 evaluates
    /// them one after another. Rules read the same dataset and write their own outcomes, so a national evaluation uses the
    /// machine's cores; a city's own rule must not share mutable state with another rule (see <see cref="IBasicSystemRule"/>).
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = Math.Min(Environment.ProcessorCount, 4);
}

/// <summary>Which slots an organization that lived only part of them is judged for.</summary>
public enum PartialSlotJudging
{
    /// <summary>Judged when it lived at least <see cref="ComplianceOptions.PartialSlotMinimumPercent"/> of the slot (the default).</summary>
    MinimumShare,

    /// <summary>Judged when it exists on the slot's last day (inside the period): a branch founded in the slot is judged, one dissolved in it is not.</summary>
    AliveOnLastDay,
}

/// <summary>What a slot that has not ended and whose minimum is already met is.</summary>
public enum RunningSlotMet
{
    /// <summary>Met at once: the obligation is fulfilled, whatever the rest of the slot brings (the default).</summary>
    Met,

    /// <summary>Pending until the slot ends (then met): a slot is judged only once it is over. Never a reminder.</summary>
    Pending,
}

/// <summary>What a slot whose last day is today is.</summary>
public enum SlotEndingToday
{
    /// <summary>Pending until the day is over: a meeting may still be held today (the default).</summary>
    Pending,

    /// <summary>Judged today, as an ended slot: missed if not met by now.</summary>
    Judged,
}
