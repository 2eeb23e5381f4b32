using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Organization.Structure;

/// <summary>
/// A lawyer who moved to another firm at least <c>Months</c> (6) months ago transfers the registration: it must not
/// stay with an organization that covers the former firm and not the current one.
/// Source: 《中国共产党党员教育管理工作条例》第二十五条 (a member away from the unit 6 months or more transfers).
/// </summary>
internal sealed class RegistrationFollowsFirmRule() : StructureRule(
    StructureRuleIds.RegistrationFollowsFirm,
    new("律师转所满{Months}个月应转接组织关系", "A lawyer's registration follows within {Months} months of changing firms"),
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
        foreach (var (person, registration) in context.MovedMembers)
        {
            var employments = dataset.EmploymentSpan(person.Id);
            var at = employments.Length - 1;
            while (at >= 0 && !employments[at].IsActiveOn(asOf))
            {
                at--;
            }

            if (at <= 0)
            {
                continue;
            }

            // The move is the start of the current run of spells at the same firm (a renewed contract is no move).
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

            var previous = employments[before];
            if (!Covers(dataset, registration.OrganizationId, previous.FirmId, asOf) || Covers(dataset, registration.OrganizationId, current.FirmId, asOf))
            {
                continue;
            }

            var organization = dataset.GetOrganization(registration.OrganizationId);
            var firm = dataset.GetFirm(current.FirmId);
            findings.Add(Raise(context, rule, Subject(person),
                new($"转至{firm.Name}满{months}个月内转接组织关系", $"the registration moved within {months} months of joining {firm.Name}"),
                new($"{moved:uuuu-MM-dd}转所，组织关系仍在原所{organization.Name}", $"changed firms on {moved:uuuu-MM-dd}, registration still with {organization.Name} of the former firm")));
        }
    }

    private static bool Covers(PartyDomain.Data.CityDataset dataset, OrganizationId organization, FirmId firm, NodaTime.LocalDate asOf)
    {
        foreach (var coverage in dataset.CoverageSpan(organization))
        {
            if (coverage.FirmId == firm && coverage.IsActiveOn(asOf))
            {
                return true;
            }
        }

        return false;
    }
}
