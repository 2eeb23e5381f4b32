using PartyDomain.Organization;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;

namespace PartyDomain.Tests.Organization.Structure;

public class RegistrationFollowsFirmRuleTests
{
    private static readonly RuleId Rule = StructureRuleIds.RegistrationFollowsFirm;

    /// <summary>
    /// Lawyer L practised at F1 (covered by B1) until the day before <paramref name="joinedF2"/>, then at F2 (covered by B2);
    /// the registration stays with B1.
    /// </summary>
    private static TestCity MovedFirms(LocalDate joinedF2) =>
        new TestCity()
            .Firms("F1", "F2").BranchOf("B1", "F1").BranchOf("B2", "F2")
            .FullMember("L")
            .Employ("L", "F1", to: joinedF2.PlusDays(-1))
            .Employ("L", "F2", joinedF2)
            .Register("L", "B1");

    [Fact]
    public void A_registration_left_behind_for_exactly_six_months_is_a_finding()
    {
        var city = MovedFirms(new LocalDate(2024, 12, 15));

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject
            .ShouldBe(Rule, FindingSeverity.Warning, SubjectKind.Person, "L", city.Today);

        finding.Subject.Name.Should().Be("人员L");
        finding.Citation.Document.Should().Be(Regulations.MemberEducation);
        finding.Citation.Provision.Should().Be("第二十五条");
        finding.Citation.Confidence.Should().Be(SourceConfidence.Verified);
        finding.Expected.ShouldMention("6", "F2律师事务所");
        finding.Found.ShouldMention("2024-12-15", "B1党支部");
    }

    [Fact]
    public void One_day_less_than_six_months_is_not_yet_a_finding()
    {
        var city = MovedFirms(new LocalDate(2024, 12, 16));

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void A_registration_that_followed_the_lawyer_is_fine()
    {
        var city = new TestCity()
            .Firms("F1", "F2").BranchOf("B1", "F1").BranchOf("B2", "F2")
            .FullMember("L")
            .Employ("L", "F1", to: new LocalDate(2023, 12, 31)).Employ("L", "F2", new LocalDate(2024, 1, 1))
            .Register("L", "B1", to: new LocalDate(2024, 3, 31)).Register("L", "B2", new LocalDate(2024, 4, 1));

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void A_joint_branch_covering_both_firms_keeps_the_registration_valid()
    {
        var city = new TestCity()
            .Firms("F1", "F2").JointBranch("J", "F1", "F2")
            .FullMember("L")
            .Employ("L", "F1", to: new LocalDate(2023, 12, 31)).Employ("L", "F2", new LocalDate(2024, 1, 1))
            .Register("L", "J");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void Lawyers_outside_the_party_are_not_checked()
    {
        var city = new TestCity()
            .Firms("F1", "F2").BranchOf("B1", "F1").BranchOf("B2", "F2")
            .Person("L", TestCity.Standing(MemberStanding.FullMember, TestCity.LongAgo), TestCity.Standing(MemberStanding.Ceased, new LocalDate(2024, 1, 1)))
            .Employ("L", "F1", to: new LocalDate(2023, 12, 31)).Employ("L", "F2", new LocalDate(2024, 1, 1))
            .Register("L", "B1");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void Months_tunes_the_grace_period()
    {
        var city = MovedFirms(new LocalDate(2025, 3, 15));

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
        StructureCheck.Run(city, o => o.Set(Rule, "Months", 3)).Of(Rule).Should().ContainSingle()
            .Which.Expected.ShouldMention("3");
    }

    [Fact]
    public void A_registration_left_behind_is_found_when_the_new_employment_is_recorded_in_two_spells()
    {
        // L left F1 (B1) for F2 on 2024-01-01; the F2 employment was renewed as a new record on 2024-07-01.
        var city = new TestCity()
            .Firms("F1", "F2").BranchOf("B1", "F1").BranchOf("B2", "F2")
            .FullMember("L")
            .Employ("L", "F1", to: new LocalDate(2023, 12, 31))
            .Employ("L", "F2", new LocalDate(2024, 1, 1), new LocalDate(2024, 6, 30))
            .Employ("L", "F2", new LocalDate(2024, 7, 1))
            .Register("L", "B1");

        StructureCheck.Run(city).Of(Rule, "L").Should().ContainSingle("L changed firms 17 months ago and the registration is still with F1's branch");
    }
}
