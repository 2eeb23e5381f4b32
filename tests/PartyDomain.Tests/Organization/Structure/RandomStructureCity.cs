using PartyDomain.Organization;

namespace PartyDomain.Tests.Organization.Structure;

/// <summary>
/// Random small cities for comparing the structure engines with straightforward reference counts: lawyers who change
/// firms (and renew contracts at the same firm), registrations left behind or moved, coverage that ends, secretaries
/// who direct a covered firm or not. Every date lies before <see cref="TestCity.DefaultToday"/>.
/// </summary>
public static class RandomStructureCity
{
    public static TestCity Create(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var city = new TestCity();
        var start = TestCity.LongAgo;
        var span = Period.Between(start, TestCity.DefaultToday, PeriodUnits.Days).Days;
        LocalDate Day() => start.PlusDays(random.Next(span));

        const int firms = 8;
        for (var f = 0; f < firms; f++)
        {
            city.Firm($"F{f}");
        }

        city.GeneralBranch("G0").Cover("G0", "F0");
        for (var b = 0; b < 6; b++)
        {
            city.Branch($"B{b}", parent: b % 3 == 0 ? "G0" : TestCity.Committee);
            var ends = random.Next(4) == 0 ? Day() : (LocalDate?)null;
            city.Cover($"B{b}", $"F{1 + random.Next(firms - 1)}", to: ends);
        }

        city.Organization("J0", OrganizationKind.JointBranch, TestCity.Committee).Cover("J0", "F5").Cover("J0", "F6");
        city.PartyGroup("PG0", "B0");
        string[] organizations = ["G0", "B0", "B1", "B2", "B3", "B4", "B5", "J0"];

        const int people = 60;
        for (var p = 0; p < people; p++)
        {
            var id = $"P{p}";
            _ = random.Next(5) switch
            {
                0 => city.FullMember(id),
                1 => city.FullMember(id, Day()),
                2 => city.Probationary(id, Day()),
                3 => city.Activist(id),
                _ => city.NonMember(id),
            };

            // Spells one after the other; a third of them renew the contract at the same firm.
            var from = Day();
            var firm = random.Next(firms);
            for (var s = random.Next(5); s > 0 && from < TestCity.DefaultToday; s--)
            {
                var last = s == 1 && random.Next(3) > 0;
                var to = last ? (LocalDate?)null : LocalDate.Min(TestCity.DefaultToday, from.PlusDays(30 + random.Next(900)));
                city.Employ(id, $"F{firm}", from, to);
                if (to is not { } end)
                {
                    break;
                }

                from = end.PlusDays(1 + random.Next(60));
                firm = random.Next(3) == 0 ? firm : random.Next(firms);
            }

            var registered = Day();
            for (var r = random.Next(3); r > 0; r--)
            {
                var to = r == 1 ? (LocalDate?)null : LocalDate.Min(TestCity.DefaultToday, registered.PlusDays(random.Next(1500)));
                city.Register(id, organizations[random.Next(organizations.Length)], registered, to);
                if (to is not { } end || end >= TestCity.DefaultToday)
                {
                    break;
                }

                registered = end.PlusDays(1);
            }
        }

        // Each firm a director and each branch a secretary, from the people: sometimes the same person.
        for (var f = 0; f < firms; f++)
        {
            city.Director($"P{random.Next(people)}", $"F{f}");
        }

        foreach (var organization in organizations)
        {
            city.Secretary($"P{random.Next(people)}", organization, Day());
        }

        return city;
    }
}
