using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Tests.Organization.Structure;

/// <summary>
/// F3, F4 and the registration-follows-firm rule count without sets and per-person rescans; on random cities they give
/// what the straightforward formulas over the public dataset API give (the earlier algorithms).
/// </summary>
public class StructureEquivalenceTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    private static readonly LocalDate[] Dates = [new(2019, 6, 30), new(2024, 12, 31), TestCity.DefaultToday];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void F3_and_F4_count_what_the_formulas_give(int seed)
    {
        var dataset = RandomStructureCity.Create(new Random(seed)).Build();
        foreach (var asOf in Dates)
        {
            var lawyers = dataset.Employments
                .Where(e => e.IsActiveOn(asOf) && dataset.GetPerson(e.PersonId).StandingOn(asOf) is { } s && s.IsMember())
                .Select(e => e.PersonId).Distinct().Count();
            var branches = dataset.Organizations.Where(o => o.Kind.IsBranch() && o.ExistsOn(asOf)).ToArray();
            var ledByDirector = branches.Count(b =>
                dataset.SecretaryOf(b.Id, asOf) is { } secretary
                && dataset.FirmsCoveredBy(b.Id, asOf).Any(f => dataset.DirectorOf(f, asOf)?.PersonId == secretary.PersonId));

            var figures = StructureFigures.Compute(dataset, asOf).ToDictionary(f => f.Id);

            figures["F3"].Value.Should().Be(lawyers, $"seed {seed}, {asOf}");
            figures["F4"].Value.Should().Be(ledByDirector, $"seed {seed}, {asOf}");
        }

        // The cities are not trivial: someone practises, and somewhere a secretary directs a covered firm.
        Dates.Sum(d => StructureFigures.Compute(dataset, d).Single(f => f.Id == "F3").Value).Should().BePositive();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Registration_follows_firm_finds_what_a_scan_of_every_person_finds(int seed)
    {
        var dataset = RandomStructureCity.Create(new Random(seed)).Build();
        var checker = new StructureChecker([new RegistrationFollowsFirmRule()], Microsoft.Extensions.Options.Options.Create(new RuleOptions()));
        foreach (var asOf in Dates)
        {
            var found = checker.Check(dataset, asOf).Findings.Select(f => (f.Subject.Id, f.Expected.Chinese, f.Found.Chinese));

            found.Should().BeEquivalentTo(Expected(dataset, asOf, 6), $"seed {seed}, {asOf}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_context_lists_every_member_with_the_registration_and_employment_of_the_day(int seed)
    {
        var dataset = RandomStructureCity.Create(new Random(seed)).Build();
        foreach (var asOf in Dates)
        {
            var expected = dataset.People
                .Where(p => p.StandingOn(asOf) is { } s && s.IsMember())
                .Select(p => new MemberPlacement(p, p.StandingOn(asOf)!.Value, dataset.RegistrationOf(p.Id, asOf), dataset.EmploymentOf(p.Id, asOf)));

            new StructureContext(dataset, asOf).Members.Should().Equal(expected, $"seed {seed}, {asOf}");
        }
    }

    [Fact]
    public void The_random_cities_have_registrations_left_behind()
    {
        var checker = new StructureChecker([new RegistrationFollowsFirmRule()], Microsoft.Extensions.Options.Options.Create(new RuleOptions()));
        Enumerable.Range(1, 8).Sum(seed => Dates.Sum(d => checker.Check(RandomStructureCity.Create(new Random(seed)).Build(), d).Findings.Count))
            .Should().BePositive();
    }

    /// <summary>The earlier algorithm: every person, through the public lookups.</summary>
    private static IEnumerable<(string, string, string)> Expected(CityDataset dataset, LocalDate asOf, int months)
    {
        foreach (var person in dataset.People)
        {
            var employments = dataset.EmploymentHistoryOf(person.Id);
            if (employments.Count < 2 || person.StandingOn(asOf) is not { } standing || !standing.IsMember())
            {
                continue;
            }

            var at = employments.Count - 1;
            while (at >= 0 && !employments[at].IsActiveOn(asOf))
            {
                at--;
            }

            if (at <= 0 || dataset.RegistrationOf(person.Id, asOf) is not { } registration)
            {
                continue;
            }

            var current = employments[at];
            var moved = current.From;
            var before = at - 1;
            while (before >= 0 && employments[before].FirmId == current.FirmId)
            {
                moved = employments[before--].From;
            }

            if (before < 0 || asOf < moved.PlusMonths(months))
            {
                continue;
            }

            var covered = dataset.FirmsCoveredBy(registration.OrganizationId, asOf);
            if (!covered.Contains(employments[before].FirmId) || covered.Contains(current.FirmId))
            {
                continue;
            }

            var firm = dataset.GetFirm(current.FirmId);
            var organization = dataset.GetOrganization(registration.OrganizationId);
            yield return (person.Id.Value, $"转至{firm.Name}满{months}个月内转接组织关系", $"{moved:uuuu-MM-dd}转所，组织关系仍在原所{organization.Name}");
        }
    }
}
