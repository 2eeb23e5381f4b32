using System.Runtime.CompilerServices;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Figures;
using PartyDomain.Time;

namespace PartyDomain.Organization.Structure;

/// <summary>The report's organization figures as of a date: F2, F3, F4 and F6 of <c>domain.md</c> §3.</summary>
public static class StructureFigures
{
    /// <summary>Computes F2, F3, F4 and F6 for <paramref name="dataset"/> as of <paramref name="asOf"/> (normally the period's end).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="asOf">The date.</param>
    // Runs once over every person of the city: compiled optimized at once rather than started unoptimized and
    // replaced in the middle of its loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<Figure> Compute(CityDataset dataset, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var day = asOf.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var branches = dataset.Organizations.Where(o => o.Kind.IsBranch() && o.ExistsOn(asOf)).ToArray();
        var f2 = new Figure("F2", new("律师事务所党支部数", "Firm branches under the committee"), branches.Length, new("个", "branches"),
            new($"截至{day}存续的党支部和联合党支部", $"branches and joint branches existing on {day}"))
        {
            Parts =
            [
                new(nameof(OrganizationKind.Branch), new("党支部", "Branches"), branches.Count(b => b.Kind == OrganizationKind.Branch)),
                new(nameof(OrganizationKind.JointBranch), new("联合党支部", "Joint branches"), branches.Count(b => b.Kind == OrganizationKind.JointBranch)),
            ],
        };

        // People are unique by id in a dataset, so counting each member with an active employment once is counting
        // the distinct people of the active employments.
        int lawyers = 0, probationary = 0;
        var people = dataset.Indexes.PersonArray;
        var employments = dataset.Indexes.EmploymentsByPerson;
        for (var p = 0; p < people.Length; p++)
        {
            if (people[p].StandingOn(asOf) is { } standing && standing.IsMember() && Active(employments.Group(p), asOf))
            {
                lawyers++;
                probationary += standing == MemberStanding.ProbationaryMember ? 1 : 0;
            }
        }

        var f3 = new Figure("F3", new("党员律师人数", "Party-member lawyers"), lawyers, new("人", "people"),
            new($"截至{day}在律所执业的正式党员和预备党员", $"full and probationary members practising at a firm on {day}"))
        {
            Parts =
            [
                new(nameof(MemberStanding.FullMember), new("正式党员", "Full members"), lawyers - probationary),
                new(nameof(MemberStanding.ProbationaryMember), new("预备党员", "Probationary members"), probationary),
            ],
        };

        var led = new List<string>();
        foreach (var branch in branches)
        {
            if (dataset.SecretaryOf(branch.Id, asOf) is { } secretary && DirectsCoveredFirm(dataset, branch.Id, secretary.PersonId, asOf))
            {
                led.Add(branch.Id.Value);
            }
        }

        var ledByDirector = led.Count;

        var f4 = new Figure("F4", new("由律所主任担任书记的党支部", "Branches whose secretary is the firm director"), ledByDirector, new("个", "branches"),
            new($"截至{day}书记同时任所覆盖律所主任的党支部，占F2的比例", $"branches whose secretary on {day} directs a firm the branch covers, as a share of F2"))
        {
            Share = new FigureRatio(ledByDirector, branches.Length),
            Items = led,
        };

        var firms = dataset.Firms.Where(f => f.ExistsOn(asOf)).ToArray();
        var charters = firms.Count(f => f.CharterIncludesPartyBuildingOn(asOf));
        var f6 = new Figure("F6", new("党建写入章程的律所", "Firms whose charter includes party building"), charters, new("家", "firms"),
            new($"截至{day}章程写入党建的律所，占执业律所的比例", $"firms whose charter includes party building on {day}, as a share of practising firms"))
        {
            Share = new FigureRatio(charters, firms.Length),
        };

        return [f2, f3, f4, f6];
    }

    private static bool Active(ReadOnlySpan<FirmEmployment> employments, LocalDate date)
    {
        foreach (var employment in employments)
        {
            if (employment.IsActiveOn(date))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DirectsCoveredFirm(CityDataset dataset, OrganizationId organization, PersonId person, LocalDate date)
    {
        foreach (var coverage in dataset.CoverageSpan(organization))
        {
            if (coverage.IsActiveOn(date) && dataset.DirectorOf(coverage.FirmId, date)?.PersonId == person)
            {
                return true;
            }
        }

        return false;
    }
}
