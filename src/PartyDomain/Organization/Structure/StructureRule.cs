using PartyDomain.Rules;

namespace PartyDomain.Organization.Structure;

/// <summary>A structure or coverage check (组织设置与覆盖检查) run by <see cref="StructureChecker"/>.</summary>
public interface IStructureRule : IRule
{
    /// <summary>Adds a finding to <paramref name="findings"/> for every subject in <paramref name="context"/> that breaks the rule.</summary>
    /// <param name="context">The structure as of the check's date.</param>
    /// <param name="rule">The settings the rule runs with.</param>
    /// <param name="findings">Where to add findings.</param>
    void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings);
}

/// <summary>A convenient base for structure rules: holds the descriptor and builds findings that cite the rule.</summary>
public abstract class StructureRule : RuleBase, IStructureRule
{
    /// <summary>Creates the rule's descriptor.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="citation">The rule's source.</param>
    /// <param name="defaultSeverity">The severity of its findings unless configured otherwise.</param>
    /// <param name="parameters">The parameters it is tuned by.</param>
    protected StructureRule(RuleId id, LocalizedText title, Citation citation, FindingSeverity defaultSeverity, params RuleParameter[] parameters)
        : base(id, title, citation, defaultSeverity, parameters)
    {
    }

    /// <inheritdoc />
    public abstract void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings);

    /// <summary>A finding of this rule, citing it, with the configured severity.</summary>
    /// <param name="context">The structure being checked.</param>
    /// <param name="rule">The settings the rule runs with.</param>
    /// <param name="subject">What the finding is about.</param>
    /// <param name="expected">What the rule expects.</param>
    /// <param name="found">What the data shows.</param>
    /// <param name="severity">A severity other than the configured one, for reminders.</param>
    protected Finding Raise(StructureContext context, EffectiveRule rule, FindingSubject subject, LocalizedText expected, LocalizedText found, FindingSeverity? severity = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        return new Finding(Id, TitleFor(rule), Citation, severity ?? rule.Severity, subject, context.AsOf, expected, found);
    }

    /// <summary>The subject for an organization.</summary>
    /// <param name="organization">The organization.</param>
    protected static FindingSubject Subject(PartyOrganization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new(SubjectKind.Organization, organization.Id.Value, organization.Name);
    }

    /// <summary>The subject for a firm.</summary>
    /// <param name="firm">The firm.</param>
    protected static FindingSubject Subject(LawFirm firm)
    {
        ArgumentNullException.ThrowIfNull(firm);
        return new(SubjectKind.Firm, firm.Id.Value, firm.Name);
    }

    /// <summary>The subject for a person.</summary>
    /// <param name="person">The person.</param>
    protected static FindingSubject Subject(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new(SubjectKind.Person, person.Id.Value, person.Name);
    }
}
