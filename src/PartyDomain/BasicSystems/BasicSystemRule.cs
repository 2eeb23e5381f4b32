using System.Runtime.CompilerServices;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.BasicSystems;

/// <summary>A convenient base for basic-system rules: holds the descriptor, the scope and the kinds considered.</summary>
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

    /// <summary>
    /// Whether the scope admits the organization in this slot: for <see cref="OrganizationScope.BranchesWithCommittee"/>,
    /// whether it has a committee (3 or more people in seats) on the window's reference day.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per slot; the scope test alone for most rules
    private protected bool InScope(ComplianceContext context, in SweptSlot slot) =>
        Scope != OrganizationScope.BranchesWithCommittee || context.Index.HasCommitteeOn(slot.Dense, slot.Window.Reference);

    /// <summary>Whether the scope can admit the organization on any day; when not, <see cref="InScope"/> is false in every slot.</summary>
    internal bool MayBeInScope(ComplianceContext context, int dense) =>
        Scope != OrganizationScope.BranchesWithCommittee || context.Index.EverHasCommittee(dense);

    /// <summary>Every judged slot of every organization in scope this rule applies to, with its records of <paramref name="kind"/>.</summary>
    private protected SlotSweep Sweep(ComplianceContext context, ActivityKind kind) => new(context, this, kind);
}
