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
/// defaults are parameterized families (<see cref="FrequencyRule"/>, <see cref="QuorumRule"/>, <see cref="LecturerRule"/>,
/// <see cref="CoverageRule"/>, <see cref="InactiveMemberRule"/>).
/// </summary>
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
/// Custom rules read it; built-in rules also use the dataset's columnar activity index.
/// </summary>
public sealed class ComplianceContext
{
    private readonly Dictionary<Cadence, IReadOnlyList<CadenceSlot>> _slots = [];
    private readonly Dictionary<Cadence, SlotWindow[]> _fullWindows = [];
    private readonly Dictionary<Cadence, DayWindow[]> _fullDayWindows = [];
    private bool[]? _livesThrough;

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

    /// <summary>The organizations in scope; rules address them by position in this list.</summary>
    public IReadOnlyList<PartyOrganization> Organizations { get; }

    internal ActivityIndex Index { get; }

    internal int[] Scope { get; }

    /// <summary>The slots of <paramref name="cadence"/> in the period.</summary>
    /// <param name="cadence">The cadence.</param>
    public IReadOnlyList<CadenceSlot> Slots(Cadence cadence)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        if (!_slots.TryGetValue(cadence, out var slots))
        {
            _slots[cadence] = slots = Period.Slots(cadence);
        }

        return slots;
    }

    /// <summary>
    /// The window organization <paramref name="organization"/> is judged on in <paramref name="slot"/>: the days of the
    /// slot inside the period and the organization's life. A slot the organization lived less than
    /// <see cref="ComplianceOptions.PartialSlotMinimumPercent"/> of is not judged.
    /// </summary>
    /// <param name="organization">The organization's position in <see cref="Organizations"/>.</param>
    /// <param name="slot">The slot.</param>
    public SlotWindow Window(int organization, CadenceSlot slot)
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

            _fullWindows[cadence] = cached;
        }

        return cached;
    }

    /// <summary><see cref="FullWindows"/> in day numbers, worked out once per evaluation and cadence.</summary>
    internal DayWindow[] FullDayWindows(Cadence cadence)
    {
        if (!_fullDayWindows.TryGetValue(cadence, out var cached))
        {
            _fullDayWindows[cadence] = cached = Array.ConvertAll(FullWindows(cadence), DayWindow.Of);
        }

        return cached;
    }

    /// <summary>The window of an organization that does not live through the period, in day numbers.</summary>
    internal DayWindow WindowDays(int organization, Cadence cadence, int slot) => DayWindow.Of(Window(organization, Slots(cadence)[slot]));

    internal bool LivesThrough(int organization)
    {
        if (_livesThrough is null)
        {
            var lives = new bool[Organizations.Count];
            for (var i = 0; i < lives.Length; i++)
            {
                var o = Organizations[i];
                lives[i] = o.Established <= Period.Start && (o.Dissolved is not { } d || d > Period.End);
            }

            _livesThrough = lives;
        }

        return _livesThrough[organization];
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

/// <summary>One judged slot of one organization in a <see cref="SlotSweep"/>, with the rule's records in its window.</summary>
/// <param name="Organization">The organization's position in the context.</param>
/// <param name="Dense">The organization in the activity index.</param>
/// <param name="Slot">The slot's index.</param>
/// <param name="Window">The window judged.</param>
/// <param name="Start">The first of the records of the kind in the window (positions in the index, ordered by day).</param>
/// <param name="End">One past the last.</param>
internal readonly record struct SweptSlot(int Organization, int Dense, int Slot, DayWindow Window, int Start, int End);

/// <summary>
/// The slot loop every built-in rule shares: for each organization in scope the rule applies to, every judged slot of
/// the rule's cadence in order, with the block of the organization's records of one kind that fall in the slot's
/// window (organizations a scope can never admit, such as branches that never had a committee, are skipped). Windows only move forward, so one pointer walks each block once for all slots; an unjudged window is
/// skipped without consuming records (it may sit on the founding day, whose records belong to the next window).
/// </summary>
internal struct SlotSweep
{
    private readonly ComplianceContext _context;
    private readonly BasicSystemRule _rule;
    private readonly int _kind;
    private readonly DayWindow[] _full;
    private readonly int[] _days;
    private readonly int _organizations;
    private int _organization;
    private int _dense;
    private int _slot;
    private int _at;
    private int _end;
    private bool _livesThrough;

    public SlotSweep(ComplianceContext context, BasicSystemRule rule, ActivityKind kind)
    {
        _context = context;
        _rule = rule;
        _kind = context.Index.Kinds.TryGetValue(kind, out var k) ? k : -1;
        _full = context.FullDayWindows(rule.Cadence);
        _days = context.Index.ActivityDay;
        _organizations = _full.Length == 0 ? 0 : context.Organizations.Count;
        _organization = -1;
        _slot = _full.Length;
    }

    public SweptSlot Current { get; private set; }

    public readonly SlotSweep GetEnumerator() => this;

    // Everything the loop calls gets values, never this struct's address: a call given its address would keep every
    // field in memory, read and written on each record of the rules' inner loops.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        while (true)
        {
            if (_slot >= _full.Length)
            {
                var next = NextOrganization(_context, _rule, _kind, _organization, _organizations);
                if (next.Organization >= _organizations)
                {
                    _organization = _organizations;
                    return false;
                }

                (_organization, _dense, _at, _end, _livesThrough) = next;
                _slot = 0;
            }

            var slot = _slot++;
            var w = _livesThrough ? _full[slot] : _context.WindowDays(_organization, _rule.Cadence, slot);
            if (!w.Judged)
            {
                continue;
            }

            while (_at < _end && _days[_at] < w.From)
            {
                _at++;
            }

            var start = _at;
            while (_at < _end && _days[_at] <= w.To)
            {
                _at++;
            }

            Current = new SweptSlot(_organization, _dense, slot, w, start, _at);
            return true;
        }
    }

    /// <summary>
    /// The next organization after <paramref name="organization"/> the rule applies to and its scope may admit (or
    /// <paramref name="count"/>), its place in the index, its block of records of <paramref name="kind"/> and whether it
    /// lives through the period.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // once per organization: kept out of the rules' loops
    private static (int Organization, int Dense, int At, int End, bool LivesThrough) NextOrganization(
        ComplianceContext context, BasicSystemRule rule, int kind, int organization, int count)
    {
        // Kinds read from the index's column: reading each organization object cost a cache miss per rule and organization.
        var index = context.Index;
        var kinds = index.OrganizationKinds;
        var scope = context.Scope;
        while (++organization < count && !(rule.AppliesTo(kinds[scope[organization]]) && rule.MayBeInScope(context, scope[organization])))
        {
        }

        if (organization >= count)
        {
            return (count, -1, 0, 0, false);
        }

        var dense = scope[organization];
        var (at, end) = kind < 0 ? (0, 0) : index.Block(dense, kind);
        return (organization, dense, at, end, context.LivesThrough(organization));
    }
}

/// <summary>The outcomes one rule wrote: per organization in scope and per slot, with the counts found and expected.</summary>
public sealed class RuleOutcomes
{
    private readonly SlotOutcome[] _outcomes;
    private readonly CountColumn _found;
    private readonly CountColumn _expected;
    private readonly List<Finding> _findings = [];
    private readonly int _slotCount;

    // Set when a slot met before its end is pending (ComplianceOptions.MetBeforeSlotEnds); null, and never read, by default.
    private readonly ComplianceContext? _pendUntilEnded;
    private bool[]? _metEarly;

    internal RuleOutcomes(IBasicSystemRule rule, EffectiveRule settings, IReadOnlyList<CadenceSlot> slots, int organizations, ComplianceContext? context = null)
    {
        _pendUntilEnded = context is { Options.MetBeforeSlotEnds: RunningSlotMet.Pending } ? context : null;
        Rule = rule;
        Settings = settings;
        Slots = slots;
        OrganizationCount = organizations;
        _slotCount = slots.Count;
        _outcomes = new SlotOutcome[organizations * slots.Count];
        _found = new CountColumn(_outcomes);
        _expected = new CountColumn(_outcomes);
    }

    /// <summary>The rule.</summary>
    public IBasicSystemRule Rule { get; }

    /// <summary>The settings it ran with.</summary>
    public EffectiveRule Settings { get; }

    /// <summary>The slots of the rule's cadence in the period.</summary>
    public IReadOnlyList<CadenceSlot> Slots { get; }

    /// <summary>The number of organizations in scope.</summary>
    public int OrganizationCount { get; }

    /// <summary>Findings about individual members (for example six months without organizational life).</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Records an outcome.</summary>
    /// <param name="organization">The organization's position in the context.</param>
    /// <param name="slot">The slot's index.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="found">What was counted.</param>
    /// <param name="expected">What was required.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per judged cell: millions at national scale
    public void Set(int organization, int slot, SlotOutcome outcome, int found, int expected)
    {
        var i = (organization * _slotCount) + slot;
        if (_pendUntilEnded is not null && outcome == SlotOutcome.Met)
        {
            outcome = MetOrPending(organization, slot, i);
        }

        _outcomes[i] = outcome;
        _found.Set(i, found, outcome);
        _expected.Set(i, expected, outcome);
    }

    /// <summary>A met slot under <see cref="RunningSlotMet.Pending"/>: pending (and met so far) until it has ended.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // not the default reading: kept out of the rules' loops
    private SlotOutcome MetOrPending(int organization, int slot, int i)
    {
        if (_pendUntilEnded!.Window(organization, Slots[slot]).Ended)
        {
            return SlotOutcome.Met;
        }

        (_metEarly ??= new bool[_outcomes.Length])[i] = true;
        return SlotOutcome.Pending;
    }

    /// <summary>Adds a finding about a member.</summary>
    /// <param name="finding">The finding.</param>
    public void Add(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        _findings.Add(finding);
    }

    /// <summary>The outcome of an organization in a slot.</summary>
    /// <param name="organization">The organization's position in the context.</param>
    /// <param name="slot">The slot's index.</param>
    public SlotOutcome Outcome(int organization, int slot) => _outcomes[(organization * _slotCount) + slot];

    /// <summary>The count found for an organization in a slot.</summary>
    /// <param name="organization">The organization's position in the context.</param>
    /// <param name="slot">The slot's index.</param>
    public int Found(int organization, int slot) => _found.Get((organization * _slotCount) + slot);

    /// <summary>The count expected of an organization in a slot.</summary>
    /// <param name="organization">The organization's position in the context.</param>
    /// <param name="slot">The slot's index.</param>
    public int Expected(int organization, int slot) => _expected.Get((organization * _slotCount) + slot);

    internal ReadOnlySpan<SlotOutcome> All => _outcomes;

    /// <summary>Whether a pending slot's minimum is already met (pending only because the slot has not ended).</summary>
    /// <param name="organization">The organization's position in the context.</param>
    /// <param name="slot">The slot's index.</param>
    public bool MetSoFar(int organization, int slot) => _metEarly is { } m && m[(organization * _slotCount) + slot];

    /// <summary>
    /// Counts per cell: one number for the whole column while every cell with an outcome holds the same value (a
    /// frequency rule's minimum, expected everywhere), then one byte each until a value needs more (then four). A
    /// national evaluation writes millions of cells, nearly all small counts, and every evaluation's fresh arrays are
    /// pages the system must clear and the garbage collector must later reclaim beside the whole dataset. Cells without
    /// an outcome (<see cref="SlotOutcome.NotApplicable"/>) read 0 unless written otherwise.
    /// </summary>
    private sealed class CountColumn(SlotOutcome[] outcomes)
    {
        /// <summary>While <see cref="_narrow"/> is <c>null</c>: the value of every cell with an outcome, or -1 before the first.</summary>
        private int _uniform = -1;
        private byte[]? _narrow;
        private int[]? _wide;

        public int Get(int i) =>
            _wide is { } wide ? wide[i]
            : _narrow is { } narrow ? narrow[i]
            : outcomes[i] == SlotOutcome.NotApplicable || _uniform < 0 ? 0 : _uniform;

        /// <summary>Writes a cell's count; the cell's outcome is written first.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Set(int i, int value, SlotOutcome outcome)
        {
            if (_narrow is null)
            {
                if (outcome == SlotOutcome.NotApplicable ? value == 0 : value == _uniform)
                {
                    return;
                }

                if (_uniform < 0 && outcome != SlotOutcome.NotApplicable && value >= 0)
                {
                    _uniform = value;
                    return;
                }

                Spread();
            }

            if (_wide is null && (uint)value <= byte.MaxValue)
            {
                _narrow![i] = (byte)value;
                return;
            }

            SetWide(i, value);
        }

        /// <summary>The one value becomes a value per cell: the first cell written with another.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Spread()
        {
            _narrow = new byte[outcomes.Length];
            if (_uniform <= 0)
            {
                return;
            }

            if (_uniform > byte.MaxValue)
            {
                _wide = new int[outcomes.Length];
            }

            for (var j = 0; j < outcomes.Length; j++)
            {
                if (outcomes[j] != SlotOutcome.NotApplicable)
                {
                    if (_wide is { } wide)
                    {
                        wide[j] = _uniform;
                    }
                    else
                    {
                        _narrow[j] = (byte)_uniform;
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void SetWide(int i, int value)
        {
            _wide ??= Array.ConvertAll(_narrow!, v => (int)v);
            _wide[i] = value;
        }
    }
}
