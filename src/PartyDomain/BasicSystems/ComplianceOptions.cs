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
}
