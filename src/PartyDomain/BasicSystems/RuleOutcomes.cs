using System.Runtime.CompilerServices;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.BasicSystems;

/// <summary>
/// Where a rule writes while it runs: an outcome per organization in scope and slot, with the counts found and expected
/// (<see cref="Set(in SweptSlot, SlotOutcome, int, int)"/> in a sweep, or by organization and slot), and findings about
/// members (<see cref="Add"/>). The evaluation closes it when the rule returns; results are read from
/// <see cref="ComplianceResult"/>.
/// </summary>
public sealed class RuleOutcomes
{
    private readonly SlotOutcome[] _outcomes;
    private readonly CountColumn _found;
    private readonly CountColumn _expected;
    private readonly List<Finding> _findings = [];
    private readonly int _slotCount;

    // Set when a slot met before its end is pending (ComplianceOptions.MetBeforeSlotEnds); null, and never read, by default.
    private readonly ComplianceContext? _pendUntilEnded;
    private readonly ComplianceContext _context;
    private bool[]? _metEarly;
    private bool _sealed;

    internal RuleOutcomes(IBasicSystemRule rule, EffectiveRule settings, IReadOnlyList<CadenceSlot> slots, int organizations, ComplianceContext context)
    {
        _context = context;
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
    internal int OrganizationCount { get; }

    /// <summary>Findings about individual members (for example six months without organizational life).</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Records the outcome of a slot of a rule's sweep.</summary>
    /// <param name="slot">The slot, as the sweep gave it.</param>
    /// <param name="outcome">The outcome, usually <see cref="SweptSlot.Decide"/> of whether the obligation was met.</param>
    /// <param name="found">What was counted (shown with a miss: <see cref="IBasicSystemRule.Explain"/>).</param>
    /// <param name="expected">What was required.</param>
    /// <exception cref="ArgumentException">The slot is of another evaluation's sweep.</exception>
    /// <exception cref="InvalidOperationException">The rule's evaluation has ended.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per judged cell: millions at national scale
    public void Set(in SweptSlot slot, SlotOutcome outcome, int found, int expected)
    {
        if (!slot.Of(Slots))
        {
            throw new ArgumentException("这个周期来自另一次评估或另一周期类型的遍历 / The slot is of another evaluation's or another cadence's sweep.", nameof(slot));
        }

        Set(slot.Position, slot.SlotIndex, outcome, found, expected);
    }

    /// <summary>Records the outcome of <paramref name="organization"/> in <paramref name="slot"/>, for a rule that does not sweep.</summary>
    /// <param name="organization">An organization of <see cref="ComplianceContext.Organizations"/>.</param>
    /// <param name="slot">A slot of the rule's cadence in the period: one of <see cref="Slots"/>.</param>
    /// <param name="outcome">The outcome, usually <see cref="SlotWindow.Decide"/> of the organization's window.</param>
    /// <param name="found">What was counted.</param>
    /// <param name="expected">What was required.</param>
    /// <exception cref="ArgumentException">The organization is not in scope, or the slot is not one of <see cref="Slots"/>.</exception>
    /// <exception cref="InvalidOperationException">The rule's evaluation has ended.</exception>
    public void Set(PartyOrganization organization, CadenceSlot slot, SlotOutcome outcome, int found, int expected) =>
        Set(Position(organization), SlotIndexOf(slot), outcome, found, expected);

    /// <summary>Records an outcome by positions: the organization's in the context, the slot's index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Set(int organization, int slot, SlotOutcome outcome, int found, int expected)
    {
        if (_sealed)
        {
            throw Sealed();
        }

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
    /// <exception cref="InvalidOperationException">The rule's evaluation has ended.</exception>
    public void Add(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (_sealed)
        {
            throw Sealed();
        }

        _findings.Add(finding);
    }

    /// <summary>The outcome of an organization in a slot.</summary>
    /// <param name="organization">The organization's position in the context.</param>
    /// <param name="slot">The slot's index.</param>
    internal SlotOutcome Outcome(int organization, int slot) => _outcomes[(organization * _slotCount) + slot];

    /// <summary>The count found for an organization in a slot.</summary>
    /// <param name="organization">The organization's position in the context.</param>
    /// <param name="slot">The slot's index.</param>
    internal int Found(int organization, int slot) => _found.Get((organization * _slotCount) + slot);

    /// <summary>The count expected of an organization in a slot.</summary>
    /// <param name="organization">The organization's position in the context.</param>
    /// <param name="slot">The slot's index.</param>
    internal int Expected(int organization, int slot) => _expected.Get((organization * _slotCount) + slot);

    internal ReadOnlySpan<SlotOutcome> All => _outcomes;

    /// <summary>Whether a pending slot's minimum is already met (pending only because the slot has not ended).</summary>
    /// <param name="organization">The organization's position in the context.</param>
    /// <param name="slot">The slot's index.</param>
    internal bool MetSoFar(int organization, int slot) => _metEarly is { } m && m[(organization * _slotCount) + slot];

    /// <summary>Ends the writing: the evaluation has handed the outcomes to its result, which is read-only.</summary>
    internal void Seal() => _sealed = true;

    private static InvalidOperationException Sealed() =>
        new("规则的结果只能在其评估期间写入 / A rule's outcomes are written only while the rule is evaluated.");

    private int Position(PartyOrganization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return _context.PositionOf(organization.Id) is { } position
            ? position
            : throw new ArgumentException($"{organization.Id} 不在本次评估范围内 / is not in the evaluation's scope", nameof(organization));
    }

    private int SlotIndexOf(CadenceSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return slot.Index >= 0 && slot.Index < Slots.Count && Slots[slot.Index].Equals(slot)
            ? slot.Index
            : throw new ArgumentException($"{slot} 不是本规则在本期间的周期 / is not a slot of the rule's cadence in the period", nameof(slot));
    }

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
