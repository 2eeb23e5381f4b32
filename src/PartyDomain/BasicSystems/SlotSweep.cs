using System.Collections;
using System.Runtime.CompilerServices;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.BasicSystems;

/// <summary>
/// One judged slot of one organization in a rule's <see cref="SlotSweep"/>: the organization, the slot, the window it is
/// judged on, and the organization's records of the swept kind in that window, in day order.
/// </summary>
public readonly struct SweptSlot
{
    private readonly ComplianceContext _context;
    private readonly IReadOnlyList<CadenceSlot> _slots;

    internal SweptSlot(ComplianceContext context, IReadOnlyList<CadenceSlot> slots, int position, int dense, int slot, DayWindow window, int start, int end)
    {
        _context = context;
        _slots = slots;
        Position = position;
        Dense = dense;
        SlotIndex = slot;
        Days = window;
        Start = start;
        End = end;
    }

    /// <summary>The organization judged.</summary>
    public PartyOrganization Organization => _context.Organizations[Position];

    /// <summary>The slot judged.</summary>
    public CadenceSlot Slot => _slots[SlotIndex];

    /// <summary>The part of the slot the organization is judged on.</summary>
    public SlotWindow Window => new(Days.Judged, Days.Ended, ActivityIndex.Date(Days.From), ActivityIndex.Date(Days.To), ActivityIndex.Date(Days.Reference));

    /// <summary>The organization's records of the swept kind in the window, in day order.</summary>
    public SlotRecords Records => new(_context.Index, Start, End);

    /// <summary>
    /// The meetings held in the window: days with a record of the swept kind (the same meeting entered twice, or on two
    /// platforms, counts once), with <paramref name="valid"/> only days where a record had that quorum (会议有效).
    /// </summary>
    /// <param name="valid">Which attendance makes a meeting count; <see cref="QuorumKind.None"/> counts every meeting.</param>
    public int Meetings(QuorumKind valid = QuorumKind.None)
    {
        var index = _context.Index;
        var days = index.ActivityDay;
        int count = 0, lastDay = -1;
        for (var at = Start; at < End; at++)
        {
            if (days[at] != lastDay && index.HasQuorum(valid, Dense, at))
            {
                count++;
                lastDay = days[at];
            }
        }

        return count;
    }

    /// <summary>The outcome in this window given whether the obligation was met: see <see cref="SlotWindow.Decide"/>.</summary>
    /// <param name="met">Whether it was met.</param>
    public SlotOutcome Decide(bool met) => Days.Decide(met);

    /// <summary>
    /// Whether the slot is one of <paramref name="slots"/>: the evaluation keeps one list per cadence, so this tells the
    /// evaluation and the cadence at once.
    /// </summary>
    internal bool Of(IReadOnlyList<CadenceSlot> slots) => ReferenceEquals(_slots, slots);

    /// <summary>The organization's position in the context (and in <see cref="RuleOutcomes"/>).</summary>
    internal int Position { get; }

    /// <summary>The organization in the activity index.</summary>
    internal int Dense { get; }

    /// <summary>The slot's index in its cadence.</summary>
    internal int SlotIndex { get; }

    /// <summary>The window in day numbers.</summary>
    internal DayWindow Days { get; }

    /// <summary>The first of the window's records (positions in the index, ordered by day).</summary>
    internal int Start { get; }

    /// <summary>One past the last.</summary>
    internal int End { get; }
}

/// <summary>The records of one <see cref="SweptSlot"/>, in day order.</summary>
public readonly struct SlotRecords : IReadOnlyList<ActivityRecord>
{
    private readonly ActivityIndex _index;
    private readonly int _start;

    internal SlotRecords(ActivityIndex index, int start, int end)
    {
        _index = index;
        _start = start;
        Count = end - start;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public ActivityRecord this[int index] =>
        (uint)index < (uint)Count ? _index.Records[_index.Order[_start + index]] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc />
    public IEnumerator<ActivityRecord> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The slot loop of <see cref="BasicSystemRule.Sweep"/>: for each organization in scope the rule applies to, every judged
/// slot of the rule's cadence in order (for <see cref="OrganizationScope.BranchesWithCommittee"/>, only slots in which
/// the branch has a committee on the reference day), with the organization's records of one kind in the slot's window.
/// Use it in a <c>foreach</c>.
/// </summary>
/// <remarks>
/// Windows only move forward, so one pointer walks each organization's block of records once for all slots; an unjudged
/// window is skipped without consuming records (it may sit on the founding day, whose records belong to the next window).
/// Organizations a scope can never admit, such as branches that never had a committee, are skipped whole.
/// </remarks>
public struct SlotSweep
{
    private readonly ComplianceContext _context;
    private readonly BasicSystemRule _rule;
    private readonly IReadOnlyList<CadenceSlot> _slots;
    private readonly int _kind;
    private readonly DayWindow[] _full;
    private readonly int[] _days;
    private readonly int _organizations;
    private readonly bool _committeeScoped;
    private int _organization;
    private int _dense;
    private int _slot;
    private int _at;
    private int _end;
    private bool _livesThrough;

    internal SlotSweep(ComplianceContext context, BasicSystemRule rule, ActivityKind kind)
    {
        _context = context;
        _rule = rule;
        _slots = context.Slots(rule.Cadence);
        _kind = context.Index.Kinds.TryGetValue(kind, out var k) ? k : -1;
        _full = context.FullDayWindows(rule.Cadence);
        _days = context.Index.ActivityDay;
        _organizations = _full.Length == 0 ? 0 : context.Organizations.Count;
        _committeeScoped = rule.Scope == OrganizationScope.BranchesWithCommittee;
        _organization = -1;
        _slot = _full.Length;
    }

    /// <summary>The slot at the sweep's position.</summary>
    public SweptSlot Current { get; private set; }

    /// <summary>The sweep itself, so that <c>foreach</c> walks it.</summary>
    public readonly SlotSweep GetEnumerator() => this;

    /// <summary>Moves to the next judged slot in scope.</summary>
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

            // Out of scope in this slot (no committee on its reference day): its records are passed all the same.
            if (_committeeScoped && !_context.Index.HasCommitteeOn(_dense, w.Reference))
            {
                continue;
            }

            Current = new SweptSlot(_context, _slots, _organization, _dense, slot, w, start, _at);
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
