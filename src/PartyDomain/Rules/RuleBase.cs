using System.Globalization;

namespace PartyDomain.Rules;

/// <summary>
/// The descriptor every rule family shares: id, title, citation, default severity and parameters. Structure rules,
/// basic-system rules, training requirements, admission and dues rules all derive from it.
/// </summary>
public abstract class RuleBase : IRule
{
    /// <summary>Creates the descriptor.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="title">
    /// The rule's title; <c>{Name}</c> stands for the value of parameter <c>Name</c>, so a tuned rule's title and
    /// findings say the number in force, for example <c>党支部党员人数一般不超过{MaxMembers}人</c>.
    /// </param>
    /// <param name="citation">The rule's source.</param>
    /// <param name="defaultSeverity">The severity of its findings unless configured otherwise.</param>
    /// <param name="parameters">The parameters it is tuned by.</param>
    protected RuleBase(RuleId id, LocalizedText title, Citation citation, FindingSeverity defaultSeverity, IReadOnlyList<RuleParameter> parameters)
    {
        Id = id;
        _template = title ?? throw new ArgumentNullException(nameof(title));
        Citation = citation ?? throw new ArgumentNullException(nameof(citation));
        DefaultSeverity = defaultSeverity;
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        _placeholders = parameters.Any(p => title.Chinese.Contains(Placeholder(p.Name), StringComparison.Ordinal) || title.English.Contains(Placeholder(p.Name), StringComparison.Ordinal));
        Title = _placeholders ? Fill(title, parameters.ToDictionary(p => p.Name, p => p.DefaultValue)) : title;
    }

    private readonly LocalizedText _template;
    private readonly bool _placeholders;

    // The title of the last settings asked for: one check run asks with the same settings for every finding.
    private Filled? _last;

    /// <inheritdoc />
    public RuleId Id { get; }

    /// <summary>The rule's title with the parameters' default values.</summary>
    public LocalizedText Title { get; }

    /// <inheritdoc />
    public LocalizedText TitleFor(EffectiveRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!_placeholders)
        {
            return Title;
        }

        if (_last is { } last && ReferenceEquals(last.Rule, rule))
        {
            return last.Title;
        }

        var title = Fill(_template, rule.Parameters);
        _last = new Filled(rule, title);
        return title;
    }

    /// <inheritdoc />
    public Citation Citation { get; }

    /// <inheritdoc />
    public FindingSeverity DefaultSeverity { get; }

    /// <inheritdoc />
    public IReadOnlyList<RuleParameter> Parameters { get; }

    private static string Placeholder(string name) => "{" + name + "}";

    private LocalizedText Fill(LocalizedText template, IReadOnlyDictionary<string, int> values)
    {
        string In(string text)
        {
            foreach (var parameter in Parameters)
            {
                if (values.TryGetValue(parameter.Name, out var value))
                {
                    text = text.Replace(Placeholder(parameter.Name), value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                }
            }

            return text;
        }

        return new LocalizedText(In(template.Chinese), In(template.English));
    }

    private sealed record Filled(EffectiveRule Rule, LocalizedText Title);
}
