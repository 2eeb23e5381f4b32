using PartyDomain.Organization;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;

namespace PartyDomain.Tests.Organization.Structure;

public class FirmOwnBranchRuleTests
{
    private static readonly RuleId Rule = StructureRuleIds.FirmOwnBranch;

    [Fact]
    public void Two_full_members_and_a_probationary_one_in_a_joint_branch_are_fine()
    {
        var city = new TestCity()
            .Firm("F1").JointBranch("J", "F1")
            .Members("A", full: 2, probationary: 1, registeredAt: "J", employedAt: "F1");

        var result = StructureCheck.Run(city);

        result.Of(Rule).Should().BeEmpty("probationary members do not count toward the 3 full members");
    }

    [Fact]
    public void Three_full_members_covered_only_by_a_joint_branch_must_form_their_own_branch()
    {
        var city = new TestCity()
            .Firm("F1").JointBranch("J", "F1")
            .Members("A", full: 3, registeredAt: "J", employedAt: "F1");

        var result = StructureCheck.Run(city);

        var finding = result.Of(Rule).Should().ContainSingle().Subject
            .ShouldBe(Rule, FindingSeverity.Violation, SubjectKind.Firm, "F1", city.Today);
        finding.Subject.Name.Should().Be("F1律师事务所");
        finding.Citation.Document.Should().Be(Regulations.BranchWork);
        finding.Citation.Provision.Should().Be("第四条");
        finding.Expected.ShouldMention("3");
        finding.Found.ShouldMention("3", "J联合党支部");
        finding.Found.English.Should().Contain("3 full members");
    }

    [Fact]
    public void Three_full_members_and_no_coverage_at_all_say_so()
    {
        var city = new TestCity().Firm("F1").Members("A", full: 3, employedAt: "F1");

        var finding = StructureCheck.Run(city).Of(Rule, "F1").Should().ContainSingle().Subject;

        finding.Found.Chinese.Should().Contain("无党组织覆盖");
        finding.Found.English.Should().Contain("no organization covers it");
    }

    [Theory]
    [InlineData(OrganizationKind.Branch)]
    [InlineData(OrganizationKind.GeneralBranch)]
    public void Three_full_members_with_an_own_branch_or_general_branch_are_fine(OrganizationKind kind)
    {
        var city = new TestCity()
            .Firm("F1")
            .Organization("B", kind, TestCity.Committee).Cover("B", "F1")
            .Members("A", full: 3, employedAt: "F1");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Theory]
    [InlineData(OrganizationKind.Branch)]
    [InlineData(OrganizationKind.GeneralBranch)]
    public void A_branch_that_also_covers_another_firm_is_not_the_firms_own(OrganizationKind kind)
    {
        // 《支部工作条例》第四条: its own branch. B covers F1 and F2, so F1 (3 full members) has no branch of its own.
        var city = new TestCity()
            .Firms("F1", "F2")
            .Organization("B", kind, TestCity.Committee).Cover("B", "F1").Cover("B", "F2")
            .Members("A", full: 3, employedAt: "F1");

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject;

        finding.Subject.Id.Should().Be("F1");
        finding.Found.ShouldMention("B");
    }

    [Fact]
    public void A_branch_that_stopped_covering_the_other_firm_is_the_firms_own_from_then()
    {
        var city = new TestCity()
            .Firms("F1", "F2")
            .Branch("B").Cover("B", "F1").Cover("B", "F2", to: new LocalDate(2025, 3, 31))
            .Members("A", full: 3, employedAt: "F1");
        var dataset = city.Build();

        StructureCheck.Run(dataset, new LocalDate(2025, 3, 31)).Of(Rule, "F1").Should().ContainSingle();
        StructureCheck.Run(dataset, new LocalDate(2025, 4, 1)).Of(Rule, "F1").Should().BeEmpty();
    }

    [Fact]
    public void Members_count_where_they_practise_not_where_they_are_registered()
    {
        // Three full members registered in F1's joint branch, but only two practise at F1.
        var city = new TestCity()
            .Firms("F1", "F2").JointBranch("J", "F1", "F2")
            .Members("A", full: 2, registeredAt: "J", employedAt: "F1")
            .Members("B", full: 1, registeredAt: "J", employedAt: "F2");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void A_member_who_has_left_the_firm_does_not_count()
    {
        var city = new TestCity()
            .Firms("F1", "F2").JointBranch("J", "F1", "F2")
            .Members("A", full: 2, employedAt: "F1")
            .FullMember("X").Employ("X", "F1", to: new LocalDate(2024, 12, 31)).Employ("X", "F2", new LocalDate(2025, 1, 1));
        var dataset = city.Build();

        StructureCheck.Run(dataset, new LocalDate(2024, 12, 31)).Of(Rule, "F1").Should().ContainSingle();
        StructureCheck.Run(dataset, new LocalDate(2025, 1, 1)).Of(Rule, "F1").Should().BeEmpty();
    }

    [Fact]
    public void The_threshold_is_tuned_by_MinFullMembers()
    {
        var city = new TestCity().Firm("F1").JointBranch("J", "F1").Members("A", full: 3, employedAt: "F1");

        var result = StructureCheck.Run(city, o => o.Set(Rule, "MinFullMembers", 4));

        result.Of(Rule).Should().BeEmpty();
        result.Effective(Rule)["MinFullMembers"].Should().Be(4);
    }
}

public class FirmCoveredRuleTests
{
    private static readonly RuleId Rule = StructureRuleIds.FirmCovered;

    [Fact]
    public void A_firm_with_one_probationary_member_and_no_organization_is_not_covered()
    {
        var city = new TestCity().Firm("F1").Members("A", full: 0, probationary: 1, employedAt: "F1");

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject
            .ShouldBe(Rule, FindingSeverity.Violation, SubjectKind.Firm, "F1", city.Today);

        finding.Citation.Document.Should().Be(Regulations.BranchWork);
        finding.Citation.Provision.Should().Be("第五条");
        finding.Found.ShouldMention("1");
        finding.Found.English.Should().Contain("1 members (0 full)");
    }

    [Theory]
    [InlineData(OrganizationKind.Branch)]
    [InlineData(OrganizationKind.GeneralBranch)]
    [InlineData(OrganizationKind.JointBranch)]
    public void Any_firm_organization_covers_the_firm(OrganizationKind kind)
    {
        var city = new TestCity().Firm("F1").Organization("B", kind, TestCity.Committee).Cover("B", "F1")
            .Members("A", full: 1, employedAt: "F1");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void A_coverage_that_has_ended_no_longer_covers()
    {
        var city = new TestCity().Firm("F1").Branch("B").Cover("B", "F1", to: new LocalDate(2025, 6, 14))
            .Members("A", full: 1, employedAt: "F1");

        StructureCheck.Run(city).Of(Rule, "F1").Should().ContainSingle();
    }

    [Fact]
    public void A_firm_without_members_is_not_this_rules_business()
    {
        var city = new TestCity().Firm("F1").NonMember("N").Employ("N", "F1");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void MinMembers_raises_the_threshold()
    {
        var city = new TestCity().Firm("F1").Members("A", full: 1, employedAt: "F1");

        StructureCheck.Run(city, o => o.Set(Rule, "MinMembers", 2)).Of(Rule).Should().BeEmpty();
    }
}

public class FirmPartyWorkRuleTests
{
    private static readonly RuleId Rule = StructureRuleIds.FirmPartyWork;

    [Fact]
    public void A_firm_without_members_instructor_or_organization_lacks_party_work()
    {
        var city = new TestCity().Firm("F1").NonMember("N").Employ("N", "F1");

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject
            .ShouldBe(Rule, FindingSeverity.Warning, SubjectKind.Firm, "F1", city.Today);

        finding.Citation.Document.Should().Be(Regulations.LawFirmOrganizations);
        finding.Citation.Provision.Should().Be("第六条");
        finding.Expected.English.Should().Contain("instructor");
        finding.Found.English.Should().Contain("no members, no instructor, no covering organization");
    }

    [Fact]
    public void An_instructor_gives_party_work_coverage()
    {
        var city = new TestCity().Firm("F1").FullMember("I").Instructor("I", "F1");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void An_instructor_whose_assignment_has_ended_does_not()
    {
        var city = new TestCity().Firm("F1").FullMember("I").Instructor("I", "F1", to: new LocalDate(2025, 6, 14));

        StructureCheck.Run(city).Of(Rule, "F1").Should().ContainSingle();
    }

    [Fact]
    public void A_covering_joint_branch_gives_party_work_coverage()
    {
        var city = new TestCity().Firm("F1").JointBranch("J", "F1");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void A_firm_with_members_is_left_to_the_coverage_rule()
    {
        var city = new TestCity().Firm("F1").Members("A", full: 1, employedAt: "F1");

        var result = StructureCheck.Run(city);

        result.Of(Rule).Should().BeEmpty();
        result.Of(StructureRuleIds.FirmCovered).Should().ContainSingle();
    }

    [Fact]
    public void A_closed_firm_is_not_checked()
    {
        var city = new TestCity().Firm("F1", founded: new LocalDate(2012, 1, 1), closed: new LocalDate(2020, 1, 1));
        var dataset = city.Build();

        StructureCheck.Run(dataset).Of(Rule).Should().BeEmpty();
        StructureCheck.Run(dataset, new LocalDate(2019, 12, 31)).Of(Rule, "F1").Should().ContainSingle();
    }

    [Fact]
    public void The_rule_has_no_parameters()
    {
        new FirmPartyWorkRule().Parameters.Should().BeEmpty();
    }
}
