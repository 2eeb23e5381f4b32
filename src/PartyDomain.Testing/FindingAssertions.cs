using PartyDomain.Rules;

namespace PartyDomain.Testing;

/// <summary>
/// Assertions on findings that work with any test framework: they throw <see cref="FindingAssertionException"/>
/// whose message lists what the rule did find, so a failing plugin test says why without a debugger.
/// </summary>
/// <example>
/// <code>
/// var finding = result.Findings.ShouldHaveOne(new RuleId("ZZ-REGISTRATION-IN-FIRM-BRANCH"), "L1");
/// result.Rules.ShouldHaveRun(StructureRuleIds.BranchSize);
/// result.Findings.ShouldHaveNone(StructureRuleIds.BranchSize);
/// </code>
/// </example>
public static class FindingAssertions
{
    /// <summary>Asserts that <paramref name="findings"/> hold exactly one finding of <paramref name="rule"/> (about <paramref name="subjectId"/>, when given) and returns it.</summary>
    /// <param name="findings">The findings of a check.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="subjectId">The subject's id (an organization, firm, person or matter); any subject when <c>null</c>.</param>
    /// <returns>The finding.</returns>
    /// <exception cref="FindingAssertionException">There is none, or more than one.</exception>
    public static Finding ShouldHaveOne(this IEnumerable<Finding> findings, RuleId rule, string? subjectId = null)
    {
        var all = Materialize(findings);
        var matching = all.Where(f => f.RuleId == rule && (subjectId is null || f.Subject.Id == subjectId)).ToList();
        return matching.Count == 1
            ? matching[0]
            : throw new FindingAssertionException(
                $"Expected one finding of {rule}{(subjectId is null ? string.Empty : $" about {subjectId}")}, found {matching.Count}.{Listing(all.Where(f => f.RuleId == rule))}");
    }

    /// <summary>Asserts that <paramref name="findings"/> hold no finding of <paramref name="rule"/> (about <paramref name="subjectId"/>, when given).</summary>
    /// <param name="findings">The findings of a check.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="subjectId">The subject's id; any subject when <c>null</c>.</param>
    /// <exception cref="FindingAssertionException">There is one or more.</exception>
    public static void ShouldHaveNone(this IEnumerable<Finding> findings, RuleId rule, string? subjectId = null)
    {
        var matching = Materialize(findings).Where(f => f.RuleId == rule && (subjectId is null || f.Subject.Id == subjectId)).ToList();
        if (matching.Count > 0)
        {
            throw new FindingAssertionException(
                $"Expected no finding of {rule}{(subjectId is null ? string.Empty : $" about {subjectId}")}, found {matching.Count}.{Listing(matching)}");
        }
    }

    /// <summary>
    /// Asserts that <paramref name="rule"/> ran: listed, enabled, in <paramref name="rules"/> (a result's <c>Rules</c>).
    /// Put it before <see cref="ShouldHaveNone"/>: "nothing found" also holds when the rule was disabled, misspelt in the
    /// configuration or never registered.
    /// </summary>
    /// <param name="rules">The rules a check ran with (<c>result.Rules</c>).</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The rule's settings in force.</returns>
    /// <exception cref="FindingAssertionException">The rule is not listed, or ran disabled.</exception>
    public static EffectiveRule ShouldHaveRun(this IEnumerable<EffectiveRule> rules, RuleId rule)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var ran = rules.FirstOrDefault(r => r.Id == rule);
        return ran is { Enabled: true } ? ran : throw new FindingAssertionException(ran is null
            ? $"{rule} did not run (the check's rules do not list it), so finding nothing proves nothing."
            : $"{rule} ran disabled, so finding nothing proves nothing.");
    }

    /// <summary>Asserts that <paramref name="finding"/> cites <paramref name="document"/> (and <paramref name="provision"/>, when given), as every rule's findings must.</summary>
    /// <param name="finding">The finding.</param>
    /// <param name="document">The regulation's or local document's name, or a part of it.</param>
    /// <param name="provision">The article, or a part of it; any when <c>null</c>.</param>
    /// <returns>The finding, for chaining.</returns>
    /// <exception cref="FindingAssertionException">It cites something else.</exception>
    public static Finding ShouldCite(this Finding finding, string document, string? provision = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(document);
        var cited = finding.Citation;
        if (!cited.Document.Contains(document, StringComparison.Ordinal) || (provision is not null && !(cited.Provision ?? string.Empty).Contains(provision, StringComparison.Ordinal)))
        {
            throw new FindingAssertionException($"Expected {finding.RuleId} to cite {document}{(provision is null ? string.Empty : " " + provision)}, but it cites {cited}.");
        }

        return finding;
    }

    private static List<Finding> Materialize(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return findings.ToList();
    }

    private static string Listing(IEnumerable<Finding> findings)
    {
        var lines = findings.Take(20).Select(f => Environment.NewLine + "  " + f.Describe(TextLanguage.English)).ToList();
        return lines.Count == 0 ? " The rule found nothing." : " Its findings:" + string.Concat(lines);
    }
}

/// <summary>A finding assertion failed; the message lists what was found.</summary>
public sealed class FindingAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FindingAssertionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was expected and what was found.</param>
    public FindingAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What was expected and what was found.</param>
    /// <param name="innerException">The cause.</param>
    public FindingAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
