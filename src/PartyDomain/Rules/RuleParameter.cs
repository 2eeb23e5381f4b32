namespace PartyDomain.Rules;

/// <summary>A number a rule is tuned by, with its default from <c>domain.md</c> and its meaning.</summary>
/// <param name="Name">The parameter's name, unique within the rule, for example <c>MinFullMembers</c>.</param>
/// <param name="DefaultValue">The default value.</param>
/// <param name="Unit">The unit, for example <c>members</c>, <c>months</c> or <c>years</c>.</param>
/// <param name="Description">What the parameter means.</param>
public sealed record RuleParameter(string Name, int DefaultValue, string Unit, LocalizedText Description);

/// <summary>
/// What every rule declares about itself, in every rule family: id, title, source, default severity and
/// parameters. Hosts list rules through it, and <see cref="RuleOptions"/> tunes them by id.
/// </summary>
public interface IRule
{
    /// <summary>The rule's id.</summary>
    RuleId Id { get; }

    /// <summary>The rule's title, with the parameters' default values where it names them.</summary>
    LocalizedText Title { get; }

    /// <summary>
    /// The rule's title with the values <paramref name="rule"/> runs with, so a tuned rule never reads with the
    /// library's numbers; findings carry this title. Rules whose title names no parameter return <see cref="Title"/>.
    /// </summary>
    /// <param name="rule">The settings the rule runs with.</param>
    LocalizedText TitleFor(EffectiveRule rule) => Title;

    /// <summary>The rule's source.</summary>
    Citation Citation { get; }

    /// <summary>The severity of its findings unless configured otherwise.</summary>
    FindingSeverity DefaultSeverity { get; }

    /// <summary>The parameters the rule is tuned by.</summary>
    IReadOnlyList<RuleParameter> Parameters { get; }
}
