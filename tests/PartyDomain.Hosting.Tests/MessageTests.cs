using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;

namespace PartyDomain.Hosting.Tests;

/// <summary>Every message a bureau sees is in both languages, Chinese free of English prose, and says what to do next.</summary>
public sealed class MessageTests : IDisposable
{
    private readonly PluginFixtures _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    [Fact]
    public void Every_reason_says_what_to_do_next_in_both_languages()
    {
        _fixtures.AddFixture("orphan", "", "nowhere");
        _fixtures.AddFixture("c-one", "", "c-two");
        _fixtures.AddFixture("c-two", "", "c-one");
        _fixtures.AddFixture("dup-rule", "context.Builder.AddRule(System.Linq.Enumerable.First(PartyDomain.Organization.Structure.DefaultStructureRules.Create(), r => r.Id == PartyDomain.Organization.Structure.StructureRuleIds.BranchSize));");
        _fixtures.AddPlugin("bad-id", PluginFixtures.PluginSource("Bad Id"));
        _fixtures.AddPlugin("no-class", "public class Nothing { public PartyDomain.LocalizedText Text { get; } = new(\"甲\", \"a\"); }");
        Directory.CreateDirectory(Path.Combine(_fixtures.Root, "empty"));
        var (_, helper) = PluginFixtures.Library("Fixture.Helper", new Version(1, 0, 0, 0), "public static class Helper { public static string Name => \"helper\"; }");
        _fixtures.AddPlugin("needs-helper", PluginFixtures.PluginSource("needs-helper", "_ = Helper.Name;"),
            Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(PartyDomainBuilder).Assembly.Location), helper);
        var options = new PluginHostOptions { Folders = { _fixtures.Root, Path.Combine(_fixtures.Root, "not-there") } };

        var report = new PluginHost(options).Load(new ServiceCollection().AddPartyDomain());

        report.Problems.Should().HaveCount(9);
        foreach (var entry in report.Problems)
        {
            entry.Message.Chinese.Should().MatchRegex("(请|先)", entry.Name).And.NotMatchRegex("[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}", "no English sentence in the Chinese message");
            entry.Message.English.Should().MatchRegex("(Check|Publish|Ask|Fix|Pass this on|Move|move|Correct|delete|Delete)", entry.Name);
        }
    }

    [Fact]
    public void A_configuration_naming_an_unknown_rule_or_parameter_says_so_in_both_languages()
    {
        var options = new Rules.RuleOptions();
        options.Rules["ORG-NOPE"] = new Rules.RuleSettings();
        var rule = Organization.Structure.DefaultStructureRules.Create().Single(r => r.Id == Organization.Structure.StructureRuleIds.BranchSize);

        var unknownRule = FluentActions.Invoking(() => options.Validate([rule])).Should().Throw<Rules.RuleConfigurationException>().Which;
        options.Rules.Clear();
        options.Rules["ORG-BRANCH-SIZE"] = new Rules.RuleSettings { Parameters = { ["MaxMember"] = 3 } };
        var unknownParameter = FluentActions.Invoking(() => options.Resolve(rule)).Should().Throw<Rules.RuleConfigurationException>().Which;

        unknownRule.Text!.Chinese.Should().Contain("ORG-NOPE").And.Contain("请改正规则 id");
        unknownRule.Message.Should().Be(unknownRule.Text.English);
        unknownParameter.Text!.Chinese.Should().Contain("没有参数“MaxMember”").And.Contain("MaxMembers");
    }
}
