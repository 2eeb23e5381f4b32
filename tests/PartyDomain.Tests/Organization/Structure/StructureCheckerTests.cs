using PartyDomain.Organization.Structure;
using PartyDomain.Rules;
using PartyDomain.Tests.Rules;

namespace PartyDomain.Tests.Organization.Structure;

public class StructureCheckerTests
{
    private static readonly RuleId BranchSize = StructureRuleIds.BranchSize;

    private static TestCity FiftyOneMembers() => new TestCity().Branch("B").Members("A", full: 46, probationary: 5, registeredAt: "B");

    [Fact]
    public void The_default_checker_runs_the_ten_default_rules()
    {
        var checker = PartyDomainEngines.Create(new TestCity().Clock).Structure;

        checker.Rules.Select(r => r.Id.Value).Should().Equal(
            "ORG-FIRM-OWN-BRANCH", "ORG-FIRM-COVERED", "ORG-FIRM-PARTY-WORK", "ORG-BRANCH-COMMITTEE", "ORG-COMMITTEE-SIZE",
            "ORG-BRANCH-SIZE", "ORG-JOINT-BRANCH-FIRMS", "ORG-COMMITTEE-TERM", "ORG-SECRETARY-STANDING", "ORG-REGISTRATION-FOLLOWS-FIRM");
        checker.Rules.Should().OnlyContain(r => r.Citation.Document.Length > 0 && r.Citation.Provision != null);
    }

    [Fact]
    public void A_clean_city_has_no_findings_and_records_every_rule_with_its_defaults()
    {
        var city = new TestCity().Firm("F1").BranchOf("B", "F1").Members("A", full: 3, registeredAt: "B", employedAt: "F1")
            .Secretary("A-F1", "B");

        var result = StructureCheck.Run(city);

        result.ShouldFindNothing();
        result.AsOf.Should().Be(city.Today);
        result.Rules.Should().HaveCount(10).And.OnlyContain(r => r.Enabled);
        result.Effective(BranchSize).Severity.Should().Be(FindingSeverity.Warning);
        result.Effective(BranchSize)["MaxMembers"].Should().Be(50);
        result.Effective(StructureRuleIds.CommitteeTerm).Parameters.Should().BeEquivalentTo(new Dictionary<string, int> { ["TermYears"] = 3, ["NoticeMonths"] = 6 });
        result.Effective(StructureRuleIds.FirmPartyWork).Parameters.Should().BeEmpty();
    }

    [Fact]
    public void MaxMembers_60_lets_a_branch_of_51_pass_and_the_result_records_it()
    {
        var result = StructureCheck.Run(FiftyOneMembers(), o => o.Set(BranchSize, "MaxMembers", 60));

        result.Findings.Should().NotContain(f => f.RuleId == BranchSize);
        var effective = result.Effective(BranchSize);
        effective.Enabled.Should().BeTrue();
        effective["MaxMembers"].Should().Be(60);
        effective.Parameters["maxmembers"].Should().Be(60, "parameter names are case-insensitive");
    }

    [Fact]
    public void Rule_ids_in_options_are_case_insensitive()
    {
        var result = StructureCheck.Run(FiftyOneMembers(), o => o.Rules["org-branch-size"] = new RuleSettings { Enabled = false });

        result.Effective(BranchSize).Enabled.Should().BeFalse();
        result.Findings.Should().NotContain(f => f.RuleId == BranchSize);
    }

    [Fact]
    public void A_disabled_rule_raises_nothing_but_is_still_listed()
    {
        var city = FiftyOneMembers();
        StructureCheck.Run(city).Of(BranchSize).Should().ContainSingle();

        var result = StructureCheck.Run(city, o => o.Disable(BranchSize));

        result.Findings.Should().NotContain(f => f.RuleId == BranchSize);
        result.Rules.Should().HaveCount(10);
        result.Effective(BranchSize).Enabled.Should().BeFalse();
        result.Effective(BranchSize)["MaxMembers"].Should().Be(50);
    }

    [Fact]
    public void A_severity_override_changes_the_findings_and_is_recorded()
    {
        var result = StructureCheck.Run(FiftyOneMembers(), o => o.WithSeverity(BranchSize, FindingSeverity.Violation));

        result.Of(BranchSize).Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Violation);
        result.Effective(BranchSize).Severity.Should().Be(FindingSeverity.Violation);
    }

    [Fact]
    public void An_unknown_parameter_fails_when_the_checker_is_created_naming_rule_and_parameter()
    {
        var options = new RuleOptions().Set(BranchSize, "MaxMemberz", 60);

        var act = () => new StructureChecker(DefaultStructureRules.Create(), Microsoft.Extensions.Options.Options.Create(options));

        act.Should().Throw<RuleConfigurationException>()
            .Which.Message.Should().Contain("ORG-BRANCH-SIZE").And.Contain("MaxMemberz").And.Contain("MaxMembers");
    }

    [Fact]
    public void RuleOptions_Validate_rejects_an_unknown_rule_id_and_lists_the_known_ones()
    {
        var options = new RuleOptions();
        options.Rules["ORG-NO-SUCH-RULE"] = new RuleSettings { Enabled = false };

        var act = () => options.Validate(DefaultStructureRules.Create());

        act.Should().Throw<RuleConfigurationException>()
            .Which.Message.Should().Contain("ORG-NO-SUCH-RULE").And.Contain("ORG-BRANCH-SIZE");
    }

    [Fact]
    public void RuleOptions_Validate_accepts_known_ids_and_parameters()
    {
        var options = new RuleOptions().Set(BranchSize, "MaxMembers", 60).Disable(StructureRuleIds.FirmPartyWork);

        var act = () => options.Validate(DefaultStructureRules.Create());

        act.Should().NotThrow();
    }

    [Fact]
    public void EffectiveRule_indexer_throws_for_an_unknown_parameter()
    {
        var effective = new RuleOptions().Resolve(new BranchSizeRule());

        var act = () => effective["Nope"];

        act.Should().Throw<KeyNotFoundException>().WithMessage("*ORG-BRANCH-SIZE*Nope*");
    }

    [Fact]
    public void Two_rules_with_the_same_id_are_refused()
    {
        var act = () => new StructureChecker([new BranchSizeRule(), new BranchSizeRule()], Microsoft.Extensions.Options.Options.Create(new RuleOptions()));

        act.Should().Throw<RuleConfigurationException>().WithMessage("*ORG-BRANCH-SIZE*");
    }

    [Fact]
    public void Findings_come_most_serious_first_then_by_rule_and_subject()
    {
        var city = new TestCity()
            .Firms("F2", "F1").Members("A", full: 1, employedAt: "F2").Members("B", full: 1, employedAt: "F1") // not covered: violations
            .Firm("F3")                                                                                          // no party work: warning
            .Branch("B").CommitteeOf("B", 3).Election("B", new LocalDate(2022, 12, 10));                         // reminder

        var findings = StructureCheck.Run(city).Findings;

        findings.Select(f => f.Severity).Should().BeInDescendingOrder();
        findings.Select(f => $"{f.RuleId}:{f.Subject.Id}").Should().Equal(
            "ORG-FIRM-COVERED:F1", "ORG-FIRM-COVERED:F2", "ORG-FIRM-PARTY-WORK:F3", "ORG-COMMITTEE-TERM:B");
    }

    [Fact]
    public void A_custom_rule_runs_with_its_own_parameters()
    {
        var options = new RuleOptions().Set(CountingRule.RuleIdValue, "Limit", 0);
        var checker = new StructureChecker([new CountingRule()], Microsoft.Extensions.Options.Options.Create(options));

        var result = checker.Check(new TestCity().Branch("B").Build(), TestCity.DefaultToday);

        result.Findings.Select(f => f.Subject.Id).Should().Equal("B", "C");
        result.Rules.Should().ContainSingle().Which["Limit"].Should().Be(0);
    }
}

/// <summary>A city rule for tests: one finding per organization when <c>Limit</c> is below the organization count.</summary>
public sealed class CountingRule() : StructureRule(
    RuleIdValue,
    new("测试规则", "Test rule"),
    new("测试文件", "第一条", SourceConfidence.Local),
    FindingSeverity.Warning,
    new RuleParameter("Limit", 100, "organizations", new("上限", "limit")))
{
    public static RuleId RuleIdValue { get; } = new("CITY-TEST-COUNT");

    public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        if (context.Organizations.Count <= rule["Limit"])
        {
            return;
        }

        foreach (var o in context.Organizations)
        {
            findings.Add(Raise(context, rule, Subject(o), new("少", "few"), new("多", "many")));
        }
    }
}
