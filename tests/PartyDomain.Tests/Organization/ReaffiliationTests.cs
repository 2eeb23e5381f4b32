using PartyDomain.BasicSystems;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Tests.Organization;

/// <summary>An organization's parent over time (改隶): validation, subtrees as of a date, and compliance under a root.</summary>
public class ReaffiliationTests
{
    private static readonly LocalDate Founded = new(2018, 5, 1);

    /// <summary>BUREAU (2005) held B1 and B2 (2012) until the committee C was founded on 1 May 2018; B3 was founded under C.</summary>
    private static TestCity City() => new TestCity(withCommittee: false)
        .Organization("BUREAU", OrganizationKind.IndustryCommittee, null, established: new LocalDate(2005, 1, 1), name: "市司法局机关党委")
        .Organization(TestCity.Committee, OrganizationKind.IndustryCommittee, null, established: Founded)
        .Branch("B1", established: new LocalDate(2012, 1, 1)).FormerParents("B1", ("BUREAU", Founded))
        .Branch("B2", established: new LocalDate(2012, 1, 1)).FormerParents("B2", ("BUREAU", Founded))
        .Branch("B3", established: new LocalDate(2019, 1, 1));

    private static string[] Ids(IEnumerable<PartyOrganization> organizations) => [.. organizations.Select(o => o.Id.Value).Order(StringComparer.Ordinal)];

    [Fact]
    public void Branches_founded_before_their_committee_validate_with_their_former_parent()
    {
        City().Validate().Should().BeEmpty();
    }

    [Fact]
    public void Without_the_former_parent_the_same_branches_are_rejected()
    {
        var problems = new TestCity(withCommittee: false)
            .Organization(TestCity.Committee, OrganizationKind.IndustryCommittee, null, established: Founded)
            .Branch("B1", established: new LocalDate(2012, 1, 1)).Validate();

        problems.Should().ContainSingle().Which.Code.Should().Be("outside-lifetime");
    }

    [Fact]
    public void The_parent_on_a_date_is_the_former_one_until_the_day_before_the_reaffiliation()
    {
        var b1 = City().Build().GetOrganization(TestCity.O("B1"));

        b1.ParentOn(Founded.PlusDays(-1)).Should().Be(TestCity.O("BUREAU"));
        b1.ParentOn(Founded).Should().Be(TestCity.O(TestCity.Committee));
        b1.ParentId.Should().Be(TestCity.O(TestCity.Committee));
    }

    [Fact]
    public void Subtrees_and_children_use_the_parent_as_of_the_date_asked()
    {
        var dataset = City().Build();
        var before = new LocalDate(2017, 1, 1);
        var after = new LocalDate(2020, 1, 1);

        Ids(dataset.SubtreeOf(TestCity.O("BUREAU"), before)).Should().Equal("B1", "B2", "BUREAU");
        Ids(dataset.SubtreeOf(TestCity.O("BUREAU"), after)).Should().Equal("BUREAU");
        Ids(dataset.SubtreeOf(TestCity.O(TestCity.Committee), after)).Should().Equal("B1", "B2", "B3", "C");
        Ids(dataset.ChildrenOf(TestCity.O(TestCity.Committee), Founded)).Should().Equal("B1", "B2");
        Ids(dataset.ChildrenOf(TestCity.O("BUREAU"), Founded.PlusDays(-1))).Should().Equal("B1", "B2");
    }

    [Fact]
    public void Compliance_under_a_root_takes_the_organizations_under_it_at_the_periods_end()
    {
        var city = City();
        var evaluator = PartyDomainEngines.Create(TestCity.ClockAt(new LocalDate(2025, 6, 15))).Compliance;

        Ids(evaluator.Evaluate(city.Build(), ReportingPeriod.Year(2017), TestCity.O("BUREAU")).Organizations).Should().Equal("B1", "B2", "BUREAU");
        Ids(evaluator.Evaluate(city.Build(), ReportingPeriod.Year(2024), TestCity.O("BUREAU")).Organizations).Should().Equal("BUREAU");
    }

    [Theory]
    [InlineData("2005-01-01")] // before the branch was founded
    [InlineData("2012-01-01")] // on the founding day: the former parent would hold it no day
    [InlineData("2024-01-01")] // on the dissolution day
    [InlineData("2030-01-01")]
    public void A_reaffiliation_not_inside_the_branchs_life_is_rejected(string until)
    {
        var city = new TestCity(withCommittee: false)
            .Organization("BUREAU", OrganizationKind.IndustryCommittee, null, established: new LocalDate(2005, 1, 1))
            .Organization(TestCity.Committee, OrganizationKind.IndustryCommittee, null, established: new LocalDate(2005, 1, 1))
            .Branch("B1", established: new LocalDate(2012, 1, 1), dissolved: new LocalDate(2024, 1, 1))
            .FormerParents("B1", ("BUREAU", NodaTime.Text.LocalDatePattern.Iso.Parse(until).Value));

        city.Validate().Should().ContainSingle().Which.Code.Should().Be("invalid-value");
    }

    [Fact]
    public void A_former_parent_that_did_not_exist_then_or_is_unknown_is_rejected()
    {
        var late = City().Organization("LATE", OrganizationKind.IndustryCommittee, null, established: new LocalDate(2016, 1, 1))
            .FormerParents("B2", ("LATE", Founded));
        var unknown = City().FormerParents("B2", ("NOBODY", Founded));

        late.Validate().Should().ContainSingle().Which.Code.Should().Be("outside-lifetime");
        unknown.Validate().Should().ContainSingle().Which.Code.Should().Be("unknown-reference");
    }

    [Fact]
    public void A_former_parent_of_the_wrong_kind_is_rejected()
    {
        // Until 2018 B1's parent was its own party group G: a party group cannot hold a branch.
        var city = City().PartyGroup("G", "B1").FormerParents("B1", ("G", Founded));

        city.Validate().Select(p => p.Code).Should().Contain("invalid-parent");
    }

    [Fact]
    public void A_dissolution_on_todays_date_is_accepted()
    {
        var today = new LocalDate(2025, 6, 15);
        var city = new TestCity(today).Branch("B", dissolved: today).FullMember("M").Register("M", "B", to: today.PlusDays(-1));

        city.Validate().Should().BeEmpty();
        city.Build().GetOrganization(TestCity.O("B")).ExistsOn(today).Should().BeFalse();
    }
}
