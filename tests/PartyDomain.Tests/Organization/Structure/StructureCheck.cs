using PartyDomain.Data;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;

namespace PartyDomain.Tests.Organization.Structure;

/// <summary>Runs the default structure rules and picks findings out of the result.</summary>
internal static class StructureCheck
{
    /// <summary>Checks <paramref name="dataset"/> with every default rule, tuned by <paramref name="configure"/>, as of <paramref name="asOf"/> (default: the dataset's today).</summary>
    public static StructureCheckResult Run(CityDataset dataset, LocalDate? asOf = null, Action<RuleOptions>? configure = null)
    {
        var options = new RuleOptions();
        configure?.Invoke(options);
        return new StructureChecker(DefaultStructureRules.Create(), Microsoft.Extensions.Options.Options.Create(options)).Check(dataset, asOf ?? dataset.Today);
    }

    /// <summary>Builds <paramref name="city"/> and checks it as of its today.</summary>
    public static StructureCheckResult Run(TestCity city, Action<RuleOptions>? configure = null) => Run(city.Build(), null, configure);

    /// <summary>The findings of <paramref name="rule"/>, which must have run.</summary>
    public static IReadOnlyList<Finding> Of(this StructureCheckResult result, RuleId rule)
    {
        PartyDomain.Tests.Rules.RuleRan.Check(result.Rules, rule);
        return result.Findings.Where(f => f.RuleId == rule).ToArray();
    }

    /// <summary>The findings of <paramref name="rule"/> about <paramref name="subjectId"/>; the rule must have run.</summary>
    public static IReadOnlyList<Finding> Of(this StructureCheckResult result, RuleId rule, string subjectId) =>
        result.Of(rule).Where(f => f.Subject.Id == subjectId).ToArray();

    public static EffectiveRule Effective(this StructureCheckResult result, RuleId rule) => result.Rules.Single(r => r.Id == rule);

    /// <summary>Sets a parameter of a rule.</summary>
    public static RuleOptions Set(this RuleOptions options, RuleId rule, string parameter, int value)
    {
        Settings(options, rule).Parameters[parameter] = value;
        return options;
    }

    public static RuleOptions Disable(this RuleOptions options, RuleId rule)
    {
        Settings(options, rule).Enabled = false;
        return options;
    }

    public static RuleOptions WithSeverity(this RuleOptions options, RuleId rule, FindingSeverity severity)
    {
        Settings(options, rule).Severity = severity;
        return options;
    }

    /// <summary>
    /// Asserts that <paramref name="finding"/> was raised by <paramref name="rule"/> about <paramref name="subjectId"/> with
    /// <paramref name="severity"/>, cites a document and a provision, and reads well in both languages.
    /// </summary>
    public static Finding ShouldBe(this Finding finding, RuleId rule, FindingSeverity severity, SubjectKind kind, string subjectId, LocalDate asOf)
    {
        finding.RuleId.Should().Be(rule);
        finding.Severity.Should().Be(severity);
        finding.Subject.Kind.Should().Be(kind);
        finding.Subject.Id.Should().Be(subjectId);
        finding.Subject.Name.Should().NotBeNullOrWhiteSpace();
        finding.AsOf.Should().Be(asOf);
        finding.Citation.Should().NotBeNull();
        finding.Citation.Document.Should().NotBeNullOrWhiteSpace();
        finding.Citation.Provision.Should().NotBeNullOrWhiteSpace();
        finding.RuleTitle.Chinese.Should().NotBeNullOrWhiteSpace();
        finding.RuleTitle.English.Should().NotBeNullOrWhiteSpace();
        finding.Describe(TextLanguage.English).Should().Contain(rule.Value).And.Contain(subjectId).And.Contain(finding.Citation.Document);
        finding.ToString().Should().Contain(rule.Value).And.Contain(finding.Citation.Document);
        return finding;
    }

    /// <summary>Asserts that both the Chinese and the English texts contain every one of <paramref name="fragments"/>.</summary>
    public static void ShouldMention(this LocalizedText text, params string[] fragments)
    {
        foreach (var fragment in fragments)
        {
            text.Chinese.Should().Contain(fragment);
            text.English.Should().Contain(fragment);
        }
    }

    private static RuleSettings Settings(RuleOptions options, RuleId rule)
    {
        if (!options.Rules.TryGetValue(rule.Value, out var settings))
        {
            options.Rules[rule.Value] = settings = new RuleSettings();
        }

        return settings;
    }
}
