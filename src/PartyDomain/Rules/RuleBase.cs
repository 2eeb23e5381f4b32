namespace PartyDomain.Rules;

/// <summary>
/// The descriptor every rule family shares: id, title, citation, default severity and parameters. Structure rules,
/// basic-system rules, training requirements, admission and dues rules all derive from it.
/// </summary>
public abstract class RuleBase : IRule
{
    /// <summary>Creates the descriptor.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="citation">The rule's source.</param>
    /// <param name="defaultSeverity">The severity of its findings unless configured otherwise.</param>
    /// <param name="parameters">The parameters it is tuned by.</param>
    protected RuleBase(RuleId id, LocalizedText title, Citation citation, FindingSeverity defaultSeverity, IReadOnlyList<RuleParameter> parameters)
    {
        Id = id;
        Title = title ?? throw new ArgumentNullException(nameof(title));
        Citation = citation ?? throw new ArgumentNullException(nameof(citation));
        DefaultSeverity = defaultSeverity;
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
    }

    /// <inheritdoc />
    public RuleId Id { get; }

    /// <inheritdoc />
    public LocalizedText Title { get; }

    /// <inheritdoc />
    public Citation Citation { get; }

    /// <inheritdoc />
    public FindingSeverity DefaultSeverity { get; }

    /// <inheritdoc />
    public IReadOnlyList<RuleParameter> Parameters { get; }
}
