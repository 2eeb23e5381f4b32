using System.Runtime.CompilerServices;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;

namespace PartyDomain.Plugins.Xinyang;

/// <summary>
/// The city's local rule: a practising lawyer who is a party member and works at a firm with a branch has the
/// registration in that branch within <c>Months</c> (6) months of joining the firm,
/// wherever it was before. Stricter than the library's <c>ORG-REGISTRATION-FOLLOWS-FIRM</c>, which only looks at
/// registrations left with the former firm.
/// Source: 《信阳市律师行业党建工作指导意见》 (the seed report's city guidance).
/// </summary>
public sealed class RegistrationInFirmBranchRule() : StructureRule(
    RuleIdentity,
    new("执业律师组织关系6个月内转入所在律所党支部", "A practising lawyer's registration moves to the firm's branch within 6 months"),
    new("信阳市律师行业党建工作指导意见", null, SourceConfidence.Local),
    FindingSeverity.Warning,
    new RuleParameter("Months", 6, "months", new("入所后组织关系转入律所党支部的月数", "months after joining a firm by which the registration is in its branch")))
{
    /// <summary>The rule's id.</summary>
    public static RuleId RuleIdentity { get; } = new("XY-REGISTRATION-IN-FIRM-BRANCH");

    /// <inheritdoc />
    // Runs once over every person of the city: compiled optimized at once rather than started unoptimized and
    // replaced in the middle of its loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        var months = rule["Months"];
        var dataset = context.Dataset;
        var asOf = context.AsOf;

        // A national city has half a million people at some forty thousand firms: the branches covering a firm are
        // looked up once per firm, not once per person.
        var branchesOf = new Dictionary<FirmId, PartyOrganization[]>();
        foreach (var (person, _, registration, employment) in context.Members)
        {
            if (employment is null || registration is null)
            {
                continue;
            }

            if (!branchesOf.TryGetValue(employment.FirmId, out var branches))
            {
                branchesOf.Add(employment.FirmId, branches = Branches(dataset.OrganizationsCovering(employment.FirmId, asOf)));
            }

            if (branches.Length == 0 || Contains(branches, registration.OrganizationId))
            {
                continue;
            }

            var joined = JoinedFirm(dataset, person.Id, employment);
            if (asOf < joined.PlusMonths(months))
            {
                continue;
            }

            var firm = dataset.GetFirm(employment.FirmId);
            var current = dataset.GetOrganization(registration.OrganizationId);
            findings.Add(Raise(context, rule, Subject(person),
                new($"入{firm.Name}满{months}个月内组织关系转入{branches[0].Name}", $"the registration in {branches[0].Name} within {months} months of joining {firm.Name}"),
                new($"{joined:uuuu-MM-dd}入所，组织关系仍在{current.Name}", $"joined on {joined:uuuu-MM-dd}, registration still with {current.Name}")));
        }
    }

    private static PartyOrganization[] Branches(IReadOnlyList<PartyOrganization> covering)
    {
        var branches = new List<PartyOrganization>(covering.Count);
        for (var i = 0; i < covering.Count; i++)
        {
            if (covering[i].Kind is OrganizationKind.Branch or OrganizationKind.JointBranch)
            {
                branches.Add(covering[i]);
            }
        }

        return [.. branches];
    }

    private static bool Contains(PartyOrganization[] branches, OrganizationId organization)
    {
        foreach (var branch in branches)
        {
            if (branch.Id == organization)
            {
                return true;
            }
        }

        return false;
    }

    // The start of the current run of spells at the same firm: a renewed contract is no move. The history is oldest
    // first; it is walked latest first, spells that start on the same day in the history's order.
    private static NodaTime.LocalDate JoinedFirm(CityDataset dataset, PersonId person, FirmEmployment current)
    {
        var joined = current.From;
        var history = dataset.EmploymentHistoryOf(person);
        var end = history.Count;
        while (end > 0)
        {
            var start = end - 1;
            while (start > 0 && history[start - 1].From == history[end - 1].From)
            {
                start--;
            }

            for (var i = start; i < end; i++)
            {
                var spell = history[i];
                if (spell.From >= current.From)
                {
                    continue;
                }

                if (spell.FirmId != current.FirmId)
                {
                    return joined;
                }

                joined = spell.From;
            }

            end = start;
        }

        return joined;
    }
}
