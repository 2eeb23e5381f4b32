using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.BasicSystems;

/// <summary>
/// The base of basic-system rules, the built-in ones and a city's own: holds the descriptor, the scope and the kinds
/// considered, and sweeps the slots (<see cref="Sweep"/>) the way every built-in rule does. <c>docs/rules.md</c> walks
/// through writing one.
/// </summary>
public abstract class BasicSystemRule : RuleBase, IBasicSystemRule
{
    /// <summary>Creates the rule's descriptor.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="citation">The rule's source.</param>
    /// <param name="system">The system it belongs to.</param>
    /// <param name="cadence">How the period is split.</param>
    /// <param name="scope">Which organizations it applies to.</param>
    /// <param name="kinds">The activity kinds it considers.</param>
    /// <param name="defaultSeverity">The severity of its misses unless configured otherwise.</param>
    /// <param name="parameters">The parameters it is tuned by.</param>
    protected BasicSystemRule(RuleId id, LocalizedText title, Citation citation, BasicSystem system, Cadence cadence, OrganizationScope scope,
        IReadOnlyList<ActivityKind> kinds, FindingSeverity defaultSeverity, params RuleParameter[] parameters)
        : base(id, title, citation, defaultSeverity, parameters)
    {
        System = system ?? throw new ArgumentNullException(nameof(system));
        Cadence = cadence ?? throw new ArgumentNullException(nameof(cadence));
        Scope = scope;
        Kinds = kinds ?? throw new ArgumentNullException(nameof(kinds));
    }

    /// <inheritdoc />
    public BasicSystem System { get; }

    /// <inheritdoc />
    public Cadence Cadence { get; }

    /// <inheritdoc />
    public IReadOnlyList<ActivityKind> Kinds { get; }

    /// <summary>Which organizations the rule applies to.</summary>
    public OrganizationScope Scope { get; }

    /// <inheritdoc />
    public bool AppliesTo(PartyOrganization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return AppliesTo(organization.Kind);
    }

    /// <summary>Whether the rule applies to organizations of <paramref name="kind"/>: what <see cref="AppliesTo(PartyOrganization)"/> decides by.</summary>
    internal bool AppliesTo(OrganizationKind kind) => Scope == OrganizationScope.PartyGroups ? kind == OrganizationKind.PartyGroup : kind.IsBranch();

    /// <inheritdoc />
    public abstract void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes);

    /// <inheritdoc />
    public abstract (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected);

    /// <summary>Whether the scope can admit the organization on any day; when not, the sweep skips it whole.</summary>
    internal bool MayBeInScope(ComplianceContext context, int dense) =>
        Scope != OrganizationScope.BranchesWithCommittee || context.Index.EverHasCommittee(dense);

    /// <summary>
    /// Every judged slot of every organization this rule applies to and its <see cref="Scope"/> admits in that slot, with
    /// the organization's records of <paramref name="kind"/> in the slot's window: the loop every built-in rule runs.
    /// </summary>
    /// <param name="context">The evaluation under way.</param>
    /// <param name="kind">The activity kind whose records each slot carries.</param>
    /// <example>
    /// A volunteer day every half year:
    /// <code>
    /// foreach (var slot in Sweep(context, volunteerDay))
    /// {
    ///     var held = slot.Meetings();
    ///     outcomes.Set(slot, slot.Decide(held >= rule["MinCount"]), held, rule["MinCount"]);
    /// }
    /// </code>
    /// </example>
    protected SlotSweep Sweep(ComplianceContext context, ActivityKind kind)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(context, this, kind);
    }
}
