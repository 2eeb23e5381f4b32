using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Organization.Structure;

/// <summary>
/// A lawyer who moved to another firm at least <c>Months</c> (6) months ago transfers the registration: it must not
/// stay with an organization that covers the former firm and not the current one.
/// Source: 《中国共产党党员教育管理工作条例》第二十五条 (a member away from the unit 6 months or more transfers).
/// </summary>
public sealed class RegistrationFollowsFirmRule() : StructureRule(
    StructureRuleIds.RegistrationFollowsFirm,
    new("律师转所满6个月应转接组织关系", "A lawyer's registration follows within 6 months of changing firms"),
    new(Regulations.MemberEducation, "第二十五条", SourceConfidence.Verified),
    FindingSeverity.Warning,
    new RuleParameter("Months", 6, "months", new("转所后应转接组织关系的月数", "months after changing firms by which the registration moves")))
{
    /// <inheritdoc />
    public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        var months = rule["Months"];
        var dataset = context.Dataset;
        var asOf = context.AsOf;
        foreach (var current in dataset.Employments)
        {
            if (!current.IsActiveOn(asOf) || asOf < current.From.PlusMonths(months))
            {
                continue;
            }

            var person = dataset.GetPerson(current.PersonId);
            if (person.StandingOn(asOf) is not { } standing || !standing.IsMember() || dataset.RegistrationOf(person.Id, asOf) is not { } registration)
            {
                continue;
            }

            var previous = dataset.EmploymentHistoryOf(person.Id).LastOrDefault(e => e.To < current.From && e.FirmId != current.FirmId);
            if (previous is null)
            {
                continue;
            }

            var covered = dataset.CoverageBy(registration.OrganizationId);
            bool Covers(FirmId firm) => covered.Any(c => c.FirmId == firm && c.IsActiveOn(asOf));
            if (Covers(previous.FirmId) && !Covers(current.FirmId))
            {
                var organization = dataset.GetOrganization(registration.OrganizationId);
                var firm = dataset.GetFirm(current.FirmId);
                findings.Add(Raise(context, rule, Subject(person),
                    new($"转至{firm.Name}满{months}个月内转接组织关系", $"the registration moved within {months} months of joining {firm.Name}"),
                    new($"{current.From:uuuu-MM-dd}转所，组织关系仍在原所{organization.Name}", $"changed firms on {current.From:uuuu-MM-dd}, registration still with {organization.Name} of the former firm")));
            }
        }
    }
}
