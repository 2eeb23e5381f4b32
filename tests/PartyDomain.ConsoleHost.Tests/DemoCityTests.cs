using PartyDomain.BasicSystems;
using PartyDomain.Testing;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Metrics;
using PartyDomain.Training;

namespace PartyDomain.ConsoleHost.Tests;

public class DemoCityTests
{
    private static readonly CityDataset Demo = DemoCity.Build();

    [Fact]
    public void The_standard_demo_city_has_the_size_of_a_prefecture_level_city()
    {
        var today = Demo.Today;
        Demo.Organizations.Count(o => o.Kind == OrganizationKind.IndustryCommittee).Should().Be(1);
        Demo.Organizations.Count(o => o.Kind == OrganizationKind.Branch).Should().BeInRange(38, 46);
        Demo.Organizations.Count(o => o.Kind == OrganizationKind.JointBranch).Should().BeInRange(3, 6);
        Demo.Firms.Count.Should().BeInRange(50, 70);
        Demo.People.Count.Should().BeInRange(550, 650);
        Demo.People.Count(p => p.StandingOn(today) == MemberStanding.FullMember).Should().BeGreaterThan(450);
        Demo.AdmissionCases.Select(c => c.Id).Should().OnlyHaveUniqueItems().And.HaveCountGreaterThan(15);
        Demo.Services.Select(s => s.Date.Year).Distinct().Should().BeEquivalentTo([DemoCity.Year - 1, DemoCity.Year]);
        Demo.TrainingSessions.Should().Contain(t => t.PartySchool && t.Start.Year == DemoCity.Year);
        Demo.StudyCredits.Should().NotBeEmpty();
        Demo.DuesPayments.Should().NotBeEmpty();
    }

    [Fact]
    public void A_year_of_organizational_life_has_realistic_gaps()
    {
        var result = PartyDomainEngines.Create(DemoCity.Clock).Compliance.Evaluate(Demo, Time.ReportingPeriod.Year(DemoCity.Year));

        // Most obligations are met, some are not, and every one of the year is judged.
        result.Overall().Rate.Should().BeInRange(0.8m, 0.97m);
        result.Overall().Pending.Should().Be(0);
        result.Misses().Select(m => m.Finding.RuleId).Distinct().Should().HaveCountGreaterThan(5);
    }

    [Fact]
    public void The_same_seed_gives_the_same_city_and_another_seed_another()
    {
        static string Digest(IReadOnlyList<DatasetRecord> records) => string.Join("\n", records.Select(r => r switch
        {
            Person p => $"{p.Id} {p.Name} {p.BirthDate} {string.Join(",", p.Standings)}",
            ActivityRecord a => $"{a.Id} {a.OrganizationId} {a.Kind} {a.Date} {string.Join(",", a.Attendance)}",
            _ => r.ToString(),
        }));

        Digest(DemoCity.Generate(7)).Should().Be(Digest(DemoCity.Generate(7)));
        Digest(DemoCity.Generate(8)).Should().NotBe(Digest(DemoCity.Generate(7)));
    }

    [Fact]
    public void The_scale_multiplies_branches_and_people_and_the_result_stays_valid()
    {
        var larger = DemoCity.Build(scale: 3);

        larger.Organizations.Count(o => o.Kind.IsBranch()).Should().BeInRange(3 * 40, 3 * 54);
        larger.People.Count.Should().BeInRange(3 * 450, 3 * 700);
    }

    [Fact]
    public void The_city_name_goes_into_the_committee_name()
    {
        var records = DemoCity.Generate(city: new CityInfo("410100", "郑州市"));

        records.OfType<PartyOrganization>().Single(o => o.Kind == OrganizationKind.IndustryCommittee).Name.Should().Be("郑州市律师行业党委");
    }
}
