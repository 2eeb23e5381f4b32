using System.Collections.ObjectModel;

namespace PartyDomain.Rules;

/// <summary>
/// A city's tuning of the rules, keyed by rule id: bound from configuration (for example the section
/// <c>PartyDomain:Rules</c>) or set in code. Rules not named here run with their defaults.
/// </summary>
/// <example>
/// <code>
/// "Rules": {
///   "ORG-BRANCH-SIZE": { "Parameters": { "MaxMembers": 60 } },
///   "ORG-SECRETARY-STANDING": { "Enabled": false }
/// }
/// </code>
/// </example>
public sealed class RuleOptions
{
    /// <summary>The settings of each tuned rule, by rule id (case-insensitive).</summary>
    public Dictionary<string, RuleSettings> Rules { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The effective settings of <paramref name="rule"/>: its defaults overlaid with what is configured for its id.
    /// </summary>
    /// <param name="rule">The rule.</param>
    /// <exception cref="RuleConfigurationException">A configured parameter is unknown to the rule.</exception>
    public EffectiveRule Resolve(IRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rules.TryGetValue(rule.Id.Value, out var settings);
        var values = rule.Parameters.ToDictionary(p => p.Name, p => p.DefaultValue, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in settings?.Parameters ?? [])
        {
            if (!values.ContainsKey(name))
            {
                var known = string.Join(", ", rule.Parameters.Select(p => p.Name));
                throw new RuleConfigurationException(new LocalizedText(
                    $"规则“{rule.Id}”没有参数“{name}”；它的参数是：{known}。请改正配置中的参数名",
                    $"Rule '{rule.Id}' has no parameter '{name}'; its parameters are: {known}. Correct the parameter's name in the configuration."));
            }

            values[name] = value;
        }

        return new EffectiveRule(rule.Id, settings?.Enabled ?? true, settings?.Severity ?? rule.DefaultSeverity, new ReadOnlyDictionary<string, int>(values));
    }

    /// <summary>Checks that every configured rule id names one of <paramref name="known"/>.</summary>
    /// <param name="known">The rules the host has registered.</param>
    /// <exception cref="RuleConfigurationException">A configured id names no known rule, or a parameter is unknown.</exception>
    public void Validate(IEnumerable<IRule> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var rules = known.ToDictionary(r => r.Id.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var id in Rules.Keys)
        {
            if (!rules.TryGetValue(id, out var rule))
            {
                // The few nearest ids, not the whole list: a typo is the usual cause, and 46 ids hide the one meant.
                var ids = string.Join(", ", Closest(id, rules.Keys));
                throw new RuleConfigurationException(new LocalizedText(
                    $"配置调整了规则“{id}”，但没有这个 id 的规则。请改正规则 id（若它来自某个插件，请确认该插件已加载）。最接近的规则：{ids}",
                    $"The configuration tunes rule '{id}', but no rule has that id. Correct the rule id (if a plugin brings it, check that the plugin loaded). Closest rules: {ids}."));
            }

            Resolve(rule);
        }
    }

    /// <summary>The three names nearest to <paramref name="name"/> by edit distance (case-insensitive), nearest first.</summary>
    internal static IEnumerable<string> Closest(string name, IEnumerable<string> names) =>
        names.Select(n => (Name: n, Distance: Distance(name.ToUpperInvariant(), n.ToUpperInvariant())))
            .OrderBy(n => n.Distance).ThenBy(n => n.Name, StringComparer.Ordinal).Take(3).Select(n => n.Name);

    /// <summary>Levenshtein distance, two rows.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

/// <summary>How one rule is tuned.</summary>
public sealed class RuleSettings
{
    /// <summary>Whether the rule runs; <c>null</c> keeps the default (it runs).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The severity of its findings; <c>null</c> keeps the rule's default.</summary>
    public FindingSeverity? Severity { get; set; }

    /// <summary>Parameter values by name (case-insensitive); parameters not named keep their defaults.</summary>
    public Dictionary<string, int> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The settings a rule ran with, recorded in every result so a figure can be traced to its rule set.</summary>
/// <param name="Id">The rule's id.</param>
/// <param name="Enabled">Whether it ran.</param>
/// <param name="Severity">The severity of its findings.</param>
/// <param name="Parameters">Every parameter's value, defaults included.</param>
public sealed record EffectiveRule(RuleId Id, bool Enabled, FindingSeverity Severity, IReadOnlyDictionary<string, int> Parameters)
{
    /// <summary>The value of parameter <paramref name="name"/>.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <exception cref="KeyNotFoundException">The rule has no such parameter.</exception>
    public int this[string name] => Parameters.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"Rule '{Id}' has no parameter '{name}'.");
}

/// <summary>Thrown when the rule configuration names an unknown rule or parameter.</summary>
public sealed class RuleConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public RuleConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RuleConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message in both languages; <see cref="Exception.Message"/> is the English one.</summary>
    /// <param name="text">What went wrong and what to do, in Chinese and English.</param>
    public RuleConfigurationException(LocalizedText text)
        : base((text ?? throw new ArgumentNullException(nameof(text))).English) => Text = text;

    /// <summary>The message in both languages, for hosts that show it in the chosen language; <c>null</c> when made from a plain message.</summary>
    public LocalizedText? Text { get; }
}
