using PartyDomain.Organization;
using PartyDomain.Time;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Tests.Organization;

public class OrganizationModelTests
{
    [Theory]
    [InlineData(OrganizationKind.IndustryCommittee, OrganizationKind.GeneralBranch, true)]
    [InlineData(OrganizationKind.IndustryCommittee, OrganizationKind.Branch, true)]
    [InlineData(OrganizationKind.IndustryCommittee, OrganizationKind.JointBranch, true)]
    [InlineData(OrganizationKind.IndustryCommittee, OrganizationKind.PartyGroup, false)]
    [InlineData(OrganizationKind.IndustryCommittee, OrganizationKind.IndustryCommittee, false)]
    [InlineData(OrganizationKind.GeneralBranch, OrganizationKind.Branch, true)]
    [InlineData(OrganizationKind.GeneralBranch, OrganizationKind.JointBranch, true)]
    [InlineData(OrganizationKind.GeneralBranch, OrganizationKind.GeneralBranch, false)]
    [InlineData(OrganizationKind.Branch, OrganizationKind.PartyGroup, true)]
    [InlineData(OrganizationKind.JointBranch, OrganizationKind.PartyGroup, true)]
    [InlineData(OrganizationKind.Branch, OrganizationKind.Branch, false)]
    [InlineData(OrganizationKind.PartyGroup, OrganizationKind.PartyGroup, false)]
    public void The_tree_allows_committee_then_general_branch_then_branch_then_group(OrganizationKind parent, OrganizationKind child, bool allowed)
    {
        parent.CanContain(child).Should().Be(allowed);
    }

    [Fact]
    public void Branches_hold_members_and_firm_organizations_cover_firms()
    {
        Enum.GetValues<OrganizationKind>().Where(k => k.IsBranch()).Should().BeEquivalentTo([OrganizationKind.Branch, OrganizationKind.JointBranch]);
        Enum.GetValues<OrganizationKind>().Where(k => k.CanCoverFirms())
            .Should().BeEquivalentTo([OrganizationKind.GeneralBranch, OrganizationKind.Branch, OrganizationKind.JointBranch]);
    }

    [Fact]
    public void Party_posts_know_which_are_seats_and_which_have_one_holder()
    {
        PartyPost.Secretary.IsCommitteeSeat().Should().BeTrue();
        PartyPost.DeputySecretary.IsCommitteeSeat().Should().BeTrue();
        PartyPost.CommitteeMember.IsCommitteeSeat().Should().BeTrue();
        PartyPost.GroupLeader.IsCommitteeSeat().Should().BeFalse();
        Enum.GetValues<PartyPost>().Where(p => p.IsSingleHolder()).Should().BeEquivalentTo([PartyPost.Secretary, PartyPost.GroupLeader]);
    }

    [Fact]
    public void Identifiers_are_trimmed_and_must_not_be_blank()
    {
        new OrganizationId(" B1 ").Value.Should().Be("B1");
        new PersonId("P1 ").Should().Be(new PersonId("P1"));
        new FirmId("F1").ToString().Should().Be("F1");

        ((Action)(() => _ = new OrganizationId(" "))).Should().Throw<ArgumentException>();
        ((Action)(() => _ = new PersonId(""))).Should().Throw<ArgumentException>();
        ((Action)(() => _ = new FirmId(null!))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void An_organization_lives_from_its_establishment_until_the_day_before_dissolution()
    {
        var o = new PartyOrganization
        {
            Id = O("B"),
            Name = "B",
            Kind = OrganizationKind.Branch,
            ParentId = O(Committee),
            Established = new LocalDate(2015, 3, 1),
            Dissolved = new LocalDate(2020, 3, 1),
        };

        o.ExistsOn(new LocalDate(2015, 2, 28)).Should().BeFalse();
        o.ExistsOn(new LocalDate(2015, 3, 1)).Should().BeTrue();
        o.ExistsOn(new LocalDate(2020, 2, 29)).Should().BeTrue();
        o.ExistsOn(new LocalDate(2020, 3, 1)).Should().BeFalse();
        o.Lifetime.Should().Be(new DateRange(new LocalDate(2015, 3, 1), new LocalDate(2020, 2, 29)));
        (o with { Dissolved = null }).Lifetime.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void A_firm_practises_from_its_founding_until_the_day_before_it_closes()
    {
        var firm = new LawFirm { Id = F("F"), Name = "F", Founded = new LocalDate(2015, 3, 1), Closed = new LocalDate(2020, 3, 1), CharterIncludesPartyBuildingSince = new LocalDate(2018, 1, 1) };

        firm.ExistsOn(new LocalDate(2015, 2, 28)).Should().BeFalse();
        firm.ExistsOn(new LocalDate(2015, 3, 1)).Should().BeTrue();
        firm.ExistsOn(new LocalDate(2020, 3, 1)).Should().BeFalse();
        new LawFirm { Id = F("G"), Name = "G" }.ExistsOn(new LocalDate(1900, 1, 1)).Should().BeTrue("an unknown founding date counts as always founded");
        firm.CharterIncludesPartyBuildingOn(new LocalDate(2017, 12, 31)).Should().BeFalse();
        firm.CharterIncludesPartyBuildingOn(new LocalDate(2018, 1, 1)).Should().BeTrue();
        new LawFirm { Id = F("G"), Name = "G" }.CharterIncludesPartyBuildingOn(new LocalDate(2025, 1, 1)).Should().BeFalse();
    }

    [Fact]
    public void Time_bound_records_are_active_between_both_days_inclusive()
    {
        var registration = new MembershipRegistration { PersonId = P("A"), OrganizationId = O("B"), From = new LocalDate(2020, 1, 1), To = new LocalDate(2020, 12, 31) };

        registration.IsActiveOn(new LocalDate(2019, 12, 31)).Should().BeFalse();
        registration.IsActiveOn(new LocalDate(2020, 1, 1)).Should().BeTrue();
        registration.IsActiveOn(new LocalDate(2020, 12, 31)).Should().BeTrue();
        registration.IsActiveOn(new LocalDate(2021, 1, 1)).Should().BeFalse();
        (registration with { To = null }).IsActiveOn(new LocalDate(2099, 1, 1)).Should().BeTrue();
        registration.Range().ToString().Should().Be("2020-01-01..2020-12-31");
    }
}
