using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.Organization;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;

namespace PartyDomain.Reminders;

/// <summary>
/// Draws up what falls due from the engines' results, each item with its real due date and the organization that
/// answers for it: organizational life of the current slots not met yet (due within
/// <see cref="ComplianceOptions.ReminderHorizonDays"/>), committee terms ending within the term rule's notice window or
/// already ended (《中国共产党支部工作条例（试行）》第六章: the higher level reminds six months ahead), and the next step of
/// every open admission case due within the horizon or overdue (《中国共产党发展党员工作细则》).
/// </summary>
/// <param name="compliance">The basic-systems engine.</param>
/// <param name="structure">The structure checker.</param>
/// <param name="admissions">The admission pipeline.</param>
/// <param name="options">The reminder horizon.</param>
/// <param name="clock">Today, in the city's zone.</param>
public sealed class ReminderCollector(ComplianceEvaluator compliance, StructureChecker structure, AdmissionPipeline admissions, IOptions<ComplianceOptions> options, ZonedClock clock)
{
    private readonly ComplianceEvaluator _compliance = compliance ?? throw new ArgumentNullException(nameof(compliance));
    private readonly StructureChecker _structure = structure ?? throw new ArgumentNullException(nameof(structure));
    private readonly AdmissionPipeline _admissions = admissions ?? throw new ArgumentNullException(nameof(admissions));
    private readonly ComplianceOptions _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
    private readonly ZonedClock _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>Every item falling due or overdue as of today, in no particular order; see <see cref="Notices"/> for them grouped.</summary>
    /// <param name="dataset">The dataset.</param>
    public IReadOnlyList<ReminderItem> Collect(CityDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var today = _clock.GetCurrentDate();
        var until = today.PlusDays(_options.ReminderHorizonDays);
        var items = new List<ReminderItem>();
        foreach (var r in _compliance.Reminders(dataset))
        {
            items.Add(new(ReminderKind.OrganizationalLife, r.Organization, r.Due, null, r.RuleTitle, r.Expected, r.Found, r.Citation));
        }

        // A committee's term, ending or ended, is due on the day it ends (the finding's ExpectedDate); another structure
        // finding is a reminder only when its rule raises it as one with a date. ExpectedDate alone is not a deadline
        // (the secretary-standing rule gives the day standing should have begun).
        foreach (var f in _structure.Check(dataset, today).Findings)
        {
            if ((f.RuleId == StructureRuleIds.CommitteeTerm || f.Severity == FindingSeverity.Reminder) && f.ExpectedDate is { } due && f.Subject.Kind == SubjectKind.Organization && dataset.TryGetOrganization(new OrganizationId(f.Subject.Id), out var organization))
            {
                var kind = f.RuleId == StructureRuleIds.CommitteeTerm ? ReminderKind.CommitteeTerm : ReminderKind.Structure;
                items.Add(new(kind, organization, due, null, f.RuleTitle, f.Expected, f.Found, f.Citation));
            }
        }

        foreach (var c in _admissions.Evaluate(dataset).Cases)
        {
            if (c.Due is { } due && due <= until && c.NextStep is { } next && dataset.TryGetOrganization(c.Case.OrganizationId, out var organization))
            {
                var person = dataset.TryGetPerson(c.Case.PersonId, out var p) ? p.Name : c.Case.PersonId.ToString();
                items.Add(new(ReminderKind.Admission, organization, due, person, next,
                    next, due < today ? new("已逾期，尚未办理", "overdue, not done yet") : new("尚未办理", "not done yet"),
                    new Citation(Regulations.MemberDevelopment, null, SourceConfidence.Secondary)));
            }
        }

        return items;
    }

    /// <summary>Every item falling due or overdue as of today, grouped by the organization that answers for it (see <see cref="ReminderNotice.Group"/>).</summary>
    /// <param name="dataset">The dataset.</param>
    public IReadOnlyList<ReminderNotice> Notices(CityDataset dataset) => ReminderNotice.Group(Collect(dataset), dataset, _clock.GetCurrentDate());
}
