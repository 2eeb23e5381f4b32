using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.BasicSystems;

/// <summary>Which attendance makes a meeting valid (会议有效).</summary>
public enum QuorumKind
{
    /// <summary>Any record counts.</summary>
    None,

    /// <summary>More than half of the full members registered in the organization on the day attend (党员大会); probationary members and guests do not count.</summary>
    VotingMembers,

    /// <summary>More than half of the committee attends (支委会).</summary>
    Committee,
}

/// <summary>
/// A frequency rule: at least <c>MinCount</c> activities of one kind in every slot of a cadence, for example a general
/// meeting every quarter. Records of the same organization, kind and day count once (the same meeting entered twice,
/// or on two platforms). With a quorum and <c>RequireQuorum</c> = 1 only valid meetings count.
/// </summary>
internal sealed class FrequencyRule : BasicSystemRule
{
    /// <summary>Creates a frequency rule.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="citation">The rule's source.</param>
    /// <param name="system">The system it belongs to.</param>
    /// <param name="kind">The activity kind counted.</param>
    /// <param name="cadence">The cadence.</param>
    /// <param name="minCount">The default minimum per slot.</param>
    /// <param name="scope">Which organizations it applies to.</param>
    /// <param name="quorum">Which attendance makes a record count, if any.</param>
    /// <param name="severity">The severity of a miss.</param>
    public FrequencyRule(RuleId id, LocalizedText title, Citation citation, BasicSystem system, ActivityKind kind, Cadence cadence, int minCount,
        OrganizationScope scope, QuorumKind quorum = QuorumKind.None, FindingSeverity severity = FindingSeverity.Violation)
        : base(id, title, citation, system, cadence, scope, [kind], severity, Describe(minCount, quorum))
    {
        Kind = kind;
        Quorum = quorum;
    }

    /// <summary>The activity kind counted.</summary>
    public ActivityKind Kind { get; }

    /// <summary>Which attendance makes a record count.</summary>
    public QuorumKind Quorum { get; }

    /// <inheritdoc />
    public override void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(outcomes);
        var min = rule["MinCount"];
        var valid = Quorum != QuorumKind.None && rule["RequireQuorum"] != 0 ? Quorum : QuorumKind.None;
        foreach (var slot in Sweep(context, Kind))
        {
            var held = slot.Meetings(valid);
            outcomes.Set(slot, slot.Decide(held >= min), held, min);
        }
    }

    /// <inheritdoc />
    public override (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var valid = Quorum != QuorumKind.None && rule["RequireQuorum"] != 0;
        return (new($"至少{expected}次{(valid ? "（到会人数过半的有效会议）" : string.Empty)}", $"at least {expected}{(valid ? " valid (quorate)" : string.Empty)}"),
            new($"{found}次", $"{found}"));
    }

    private static RuleParameter[] Describe(int minCount, QuorumKind quorum)
    {
        var count = new RuleParameter("MinCount", minCount, "times", new("每个周期至少次数", "fewest per slot"));
        return quorum == QuorumKind.None ? [count]
            : [count, new RuleParameter("RequireQuorum", 1, "flag", new("1：只计到会人数过半的有效会议；0：不论人数", "1: count only quorate meetings; 0: count every meeting"))];
    }
}

/// <summary>
/// A quorum rule: every meeting of one kind held in a slot had more than half of those expected present (党员大会:
/// the full members; 支委会: the committee). A slot without such a meeting is not applicable here (the frequency rule
/// reports it); a meeting that fell short makes the slot missed at once.
/// </summary>
internal sealed class QuorumRule : BasicSystemRule
{
    /// <summary>Creates a quorum rule.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="citation">The rule's source.</param>
    /// <param name="kind">The meeting kind.</param>
    /// <param name="quorum">Whose attendance is counted.</param>
    /// <param name="cadence">The cadence results are reported in.</param>
    /// <param name="scope">Which organizations it applies to.</param>
    public QuorumRule(RuleId id, LocalizedText title, Citation citation, ActivityKind kind, QuorumKind quorum, Cadence cadence, OrganizationScope scope)
        : base(id, title, citation, BasicSystem.ThreeMeetingsOneLesson, cadence, scope, [kind], FindingSeverity.Violation)
    {
        if (quorum == QuorumKind.None)
        {
            throw new ArgumentException("A quorum rule needs a quorum kind.", nameof(quorum));
        }

        Kind = kind;
        Quorum = quorum;
    }

    /// <summary>The meeting kind.</summary>
    public ActivityKind Kind { get; }

    /// <summary>Whose attendance is counted.</summary>
    public QuorumKind Quorum { get; }

    /// <inheritdoc />
    public override void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var slot in Sweep(context, Kind))
        {
            // A day's meeting is valid when any record of it is (duplicates of one meeting count once).
            var meetings = slot.Meetings();
            if (meetings > 0)
            {
                var valid = slot.Meetings(Quorum);
                outcomes.Set(slot, valid < meetings ? SlotOutcome.Missed : slot.Decide(true), valid, meetings);
            }
        }
    }

    /// <inheritdoc />
    public override (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected) =>
        (new($"{expected}次会议均到会人数过半", $"all {expected} meetings quorate"),
            new($"{expected - found}次未达到法定人数", $"{expected - found} without a quorum"));
}
