using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.BasicSystems;

/// <summary>How an organization did on one rule in one slot.</summary>
public enum SlotOutcome : byte
{
    /// <summary>The rule does not apply: the organization did not exist (or lived too little of the slot), had no committee, and so on.</summary>
    NotApplicable,

    /// <summary>The obligation was met.</summary>
    Met,

    /// <summary>The slot has ended and the obligation was not met.</summary>
    Missed,

    /// <summary>The slot has not ended as of today and the obligation is not met yet.</summary>
    Pending,
}

/// <summary>Which organizations a basic-system rule applies to.</summary>
public enum OrganizationScope
{
    /// <summary>Branches and joint branches.</summary>
    Branches,

    /// <summary>Branches and joint branches that have a committee (three or more people in committee seats) at the end of the slot.</summary>
    BranchesWithCommittee,

    /// <summary>Party groups.</summary>
    PartyGroups,
}

/// <summary>The part of a slot an organization is judged on.</summary>
/// <param name="Judged">Whether the slot is judged at all (the organization lived long enough of it).</param>
/// <param name="Ended">Whether the slot has ended as of today.</param>
/// <param name="From">The first day judged.</param>
/// <param name="To">The last day judged.</param>
/// <param name="ReferenceDay">The day membership and posts are read on: the last day judged, or today if earlier.</param>
public readonly record struct SlotWindow(bool Judged, bool Ended, LocalDate From, LocalDate To, LocalDate ReferenceDay)
{
    /// <summary>The outcome given whether the obligation was met in the window.</summary>
    /// <param name="met">Whether it was met.</param>
    public SlotOutcome Decide(bool met) => !Judged ? SlotOutcome.NotApplicable : met ? SlotOutcome.Met : Ended ? SlotOutcome.Missed : SlotOutcome.Pending;
}

/// <summary>
/// A rule of the basic systems of organizational life (基本制度): for every organization it applies to and every slot of
/// its cadence it says met, missed, not applicable or pending. Implement it to add a city's own rule; the library's
/// defaults (<see cref="DefaultBasicSystemRules"/>) are parameterized families, of which <see cref="BasicSystemRules"/>
/// makes a city's own, and derive from <see cref="BasicSystemRule"/>, as a city's own rule of another shape can.
/// </summary>
/// <remarks>
/// An evaluation runs its rules side by side (<see cref="ComplianceOptions.MaxDegreeOfParallelism"/>): a rule reads the
/// context and writes only its own outcomes, and one rule instance is never evaluated twice at once, but two rules must
/// not share mutable state.
/// </remarks>
public interface IBasicSystemRule : IRule
{
    /// <summary>The system the rule belongs to, for roll-ups.</summary>
    BasicSystem System { get; }

    /// <summary>How the period is split into slots.</summary>
    Cadence Cadence { get; }

    /// <summary>The activity kinds whose records the rule considers; listed with each miss.</summary>
    IReadOnlyList<ActivityKind> Kinds { get; }

    /// <summary>Whether the rule applies to <paramref name="organization"/> at all.</summary>
    /// <param name="organization">The organization.</param>
    bool AppliesTo(PartyOrganization organization);

    /// <summary>Writes an outcome for every organization it applies to and every slot into <paramref name="outcomes"/>.</summary>
    /// <param name="context">The evaluation under way.</param>
    /// <param name="rule">The settings it runs with.</param>
    /// <param name="outcomes">Where to write.</param>
    void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes);

    /// <summary>What was expected and what was found, for a miss or a reminder.</summary>
    /// <param name="rule">The settings it ran with.</param>
    /// <param name="found">The count found.</param>
    /// <param name="expected">The count expected.</param>
    (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected);
}

/// <summary>
/// An evaluation under way: the dataset, the period, today, the organizations in scope and their slot windows.
/// Rules read it, and sweep it through <see cref="BasicSystemRule.Sweep"/>.
/// </summary>
public sealed class ComplianceContext
{
    // Rules may run side by side (ComplianceOptions.MaxDegreeOfParallelism): the caches are filled by whichever asks first.
    private readonly ConcurrentDictionary<Cadence, IReadOnlyList<CadenceSlot>> _slots = new();
    private readonly ConcurrentDictionary<Cadence, SlotWindow[]> _fullWindows = new();
    private readonly ConcurrentDictionary<Cadence, DayWindow[]> _fullDayWindows = new();
    private bool[]? _livesThrough;
    private Dictionary<OrganizationId, int>? _positions;

    internal ComplianceContext(CityDataset dataset, ReportingPeriod period, LocalDate today, ComplianceOptions options, int[] scope)
    {
        Dataset = dataset;
        Period = period;
        Today = today;
        Options = options;
        Index = dataset.ActivityIndex;
        Scope = scope;
        Organizations = scope.Select(i => Index.Organizations[i]).ToArray();
    }

    /// <summary>The dataset.</summary>
    public CityDataset Dataset { get; }

    /// <summary>The period evaluated.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Today, from the injected clock: slots ending on or after it are pending.</summary>
    public LocalDate Today { get; }

    /// <summary>The evaluation options.</summary>
    public ComplianceOptions Options { get; }

    /// <summary>The organizations in scope: those under the root asked for that exist at some time in the period.</summary>
    public IReadOnlyList<PartyOrganization> Organizations { get; }

    internal ActivityIndex Index { get; }

    internal int[] Scope { get; }

    /// <summary>The slots of <paramref name="cadence"/> in the period.</summary>
    /// <param name="cadence">The cadence.</param>
    public IReadOnlyList<CadenceSlot> Slots(Cadence cadence)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        return _slots.TryGetValue(cadence, out var slots) ? slots : _slots.GetOrAdd(cadence, Period.Slots(cadence));
    }

    /// <summary>
    /// The window organization <paramref name="organization"/> is judged on in <paramref name="slot"/>: the days of the
    /// slot inside the period and the organization's life. A slot the organization lived less than
    /// <see cref="ComplianceOptions.PartialSlotMinimumPercent"/> of is not judged.
    /// </summary>
    /// <param name="organization">An organization of <see cref="Organizations"/>.</param>
    /// <param name="slot">The slot.</param>
    /// <exception cref="ArgumentException">The organization is not in scope.</exception>
    public SlotWindow Window(PartyOrganization organization, CadenceSlot slot)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return PositionOf(organization.Id) is { } position
            ? Window(position, slot)
            : throw new ArgumentException($"{organization.Id} 不在本次评估范围内 / is not in the evaluation's scope", nameof(organization));
    }

    /// <summary>The organization's position in <see cref="Organizations"/>, or <c>null</c> when it is not in scope.</summary>
    /// <param name="organization">The organization's id.</param>
    internal int? PositionOf(OrganizationId organization)
    {
        var known = Volatile.Read(ref _positions);
        if (known is null)
        {
            var positions = new Dictionary<OrganizationId, int>(Organizations.Count);
            for (var i = 0; i < Organizations.Count; i++)
            {
                positions[Organizations[i].Id] = i;
            }

            Volatile.Write(ref _positions, known = positions); // rules side by side may both build it: either copy serves
        }

        return known.TryGetValue(organization, out var position) ? position : null;
    }

    /// <summary>The window of the organization at <paramref name="organization"/> in <see cref="Organizations"/>.</summary>
    internal SlotWindow Window(int organization, CadenceSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var o = Organizations[organization];

        // Most organizations live through the whole period: their windows are the same for every one of them.
        if (LivesThrough(organization))
        {
            return FullWindows(slot.Cadence)[slot.Index];
        }

        var from = LocalDate.Max(slot.Covered.Start, o.Established);
        var to = o.Dissolved is { } d ? LocalDate.Min(slot.Covered.End, d.PlusDays(-1)) : slot.Covered.End;

        // A dissolved organization's part of the slot is over on its last day.
        var over = o.Dissolved is { } last ? LocalDate.Min(slot.Calendar.End, last.PlusDays(-1)) : slot.Calendar.End;
        return to < from ? new SlotWindow(false, Over(over), from, from, from) : Compute(slot, from, to, over);
    }

    /// <summary>Whether a slot (or an organization's part of it) whose last day is <paramref name="last"/> has ended as of today.</summary>
    internal bool Over(LocalDate last) => Options.SlotEndingToday == SlotEndingToday.Judged ? last <= Today : last < Today;

    private SlotWindow Compute(CadenceSlot slot, LocalDate from, LocalDate to, LocalDate over)
    {
        bool judged;
        if (Options.PartialSlots == PartialSlotJudging.AliveOnLastDay)
        {
            judged = to == slot.Covered.End;
        }
        else
        {
            var lived = ActivityIndex.Day(to) - ActivityIndex.Day(from) + 1;
            var length = ActivityIndex.Day(slot.Calendar.End) - ActivityIndex.Day(slot.Calendar.Start) + 1;
            judged = (long)lived * 100 >= (long)Options.PartialSlotMinimumPercent * length;
        }

        return new SlotWindow(judged, Over(over), from, to, LocalDate.Min(to, Today));
    }

    /// <summary>The windows of an organization that lives through the whole period, one per slot of the cadence.</summary>
    private SlotWindow[] FullWindows(Cadence cadence)
    {
        if (!_fullWindows.TryGetValue(cadence, out var cached))
        {
            var slots = Slots(cadence);
            cached = new SlotWindow[slots.Count];
            for (var i = 0; i < slots.Count; i++)
            {
                cached[i] = Compute(slots[i], slots[i].Covered.Start, slots[i].Covered.End, slots[i].Calendar.End);
            }

            cached = _fullWindows.GetOrAdd(cadence, cached);
        }

        return cached;
    }

    /// <summary><see cref="FullWindows"/> in day numbers, worked out once per evaluation and cadence.</summary>
    internal DayWindow[] FullDayWindows(Cadence cadence)
    {
        if (!_fullDayWindows.TryGetValue(cadence, out var cached))
        {
            cached = _fullDayWindows.GetOrAdd(cadence, Array.ConvertAll(FullWindows(cadence), DayWindow.Of));
        }

        return cached;
    }

    /// <summary>The window of an organization that does not live through the period, in day numbers.</summary>
    internal DayWindow WindowDays(int organization, Cadence cadence, int slot) => DayWindow.Of(Window(organization, Slots(cadence)[slot]));

    internal bool LivesThrough(int organization)
    {
        var lives = Volatile.Read(ref _livesThrough);
        if (lives is null)
        {
            lives = new bool[Organizations.Count];
            for (var i = 0; i < lives.Length; i++)
            {
                var o = Organizations[i];
                lives[i] = o.Established <= Period.Start && (o.Dissolved is not { } d || d > Period.End);
            }

            Volatile.Write(ref _livesThrough, lives); // rules side by side may both build it: either copy serves
        }

        return lives[organization];
    }
}

/// <summary>A <see cref="SlotWindow"/> in day numbers, the unit of the activity index's columns.</summary>
internal readonly record struct DayWindow(bool Judged, bool Ended, int From, int To, int Reference)
{
    public static DayWindow Of(SlotWindow w) =>
        new(w.Judged, w.Ended, ActivityIndex.Day(w.From), ActivityIndex.Day(w.To), ActivityIndex.Day(w.ReferenceDay));

    /// <inheritdoc cref="SlotWindow.Decide"/>
    public SlotOutcome Decide(bool met) => !Judged ? SlotOutcome.NotApplicable : met ? SlotOutcome.Met : Ended ? SlotOutcome.Missed : SlotOutcome.Pending;
}
