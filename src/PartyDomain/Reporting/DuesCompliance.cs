using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Dues;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Reporting;

/// <summary>
/// 党费收缴 as the sixth basic system of F26 (《中国共产党党费收缴、使用和管理的规定》, 中组发〔2008〕3号: dues monthly):
/// one slot per member and month of the dues engine's lines. A slot is judged once the month and the grace of
/// <c>DUES-ARREARS</c> are over by the data's today; it is met when the month's dues are known and paid in full, every
/// payment for it made by the month's end plus the grace; missed otherwise (short, unpaid, paid late, or no base to
/// work the dues out from). Each slot counts for the organization the member is registered with at the month's end. A
/// dataset with no dues payment of the year and no income declaration up to it has its dues not entered: nothing judged.
/// </summary>
internal static class DuesCompliance
{
    /// <summary>The system's key in F26 (<c>F26-system-party-dues</c>).</summary>
    public const string Key = "party-dues";

    public static LocalizedText Name { get; } = new("党费收缴", "Party dues");

    /// <summary>The city's rate and each organization's, by organization id.</summary>
    public static (ComplianceRate Overall, Dictionary<OrganizationId, (int Met, int Missed, int Pending)> ByOrganization) Rate(CityDataset dataset, DuesResult dues)
    {
        // No declaration and no payment of the year at all: dues were not entered, which is not a rate of 0.
        var year = dues.Period.Start.Year;
        if (!dataset.DuesPayments.Any(p => p.Month.Year == year) && !dataset.Incomes.Any(i => i.Month.Year <= year))
        {
            return (new ComplianceRate(Key, Name, 0, 0, 0), []);
        }

        var grace = dues.Rules.FirstOrDefault(r => r.Id == DuesRule.Arrears.Id) is { } arrears && arrears.Parameters.TryGetValue("GraceDays", out var g) ? g : 0;
        var today = dataset.Today;
        if (dues.Slots is { } grid)
        {
            return FromSlots(dataset, grid, grace);
        }

        int met = 0, missed = 0, pending = 0;
        var byOrganization = new Dictionary<OrganizationId, (int Met, int Missed, int Pending)>();
        PersonId? person = null;
        MembershipRegistration? registration = null;
        foreach (var (personId, month, paid) in Slots(dataset, dues, grace))
        {
            var end = LastDay(month);

            // The slots come member by member, month by month: the registration is looked up again only when it no longer holds.
            if (person != personId || registration is null || !registration.IsActiveOn(end))
            {
                person = personId;
                registration = dataset.RegistrationOf(personId, end);
            }

            var judged = end.PlusDays(grace) < today;
            var (m, x, p) = registration is null ? default : byOrganization.GetValueOrDefault(registration.OrganizationId);
            if (!judged)
            {
                pending++;
                p++;
            }
            else if (paid)
            {
                met++;
                m++;
            }
            else
            {
                missed++;
                x++;
            }

            if (registration is not null)
            {
                byOrganization[registration.OrganizationId] = (m, x, p);
            }
        }

        return (new ComplianceRate(Key, Name, met, missed, pending), byOrganization);
    }

    /// <summary>
    /// <see cref="Rate"/> from the sweep's grid, read member by member in the dataset's order (millions of member-months at
    /// national scale): a member's registrations by position, and their counts added to their organization's once per run
    /// of months under one registration rather than once per month.
    /// </summary>
    private static (ComplianceRate Overall, Dictionary<OrganizationId, (int Met, int Missed, int Pending)> ByOrganization) FromSlots(CityDataset dataset, DuesSlots slots, int grace)
    {
        var months = slots.Months.Length;
        var ends = Array.ConvertAll(slots.Months, LastDay);
        var judged = Array.ConvertAll(ends, e => e.PlusDays(grace) < dataset.Today);
        var registrations = dataset.Indexes.RegistrationsByPerson;
        var outcomes = slots.Outcomes;
        var byOrganization = new Dictionary<OrganizationId, (int Met, int Missed, int Pending)>();
        int met = 0, missed = 0, pending = 0;
        for (var person = 0; person * months < outcomes.Length; person++)
        {
            MembershipRegistration? registration = null;
            int m = 0, x = 0, p = 0;
            for (var month = 0; month < months; month++)
            {
                var outcome = outcomes[(person * months) + month];
                if (outcome == DuesSlots.None)
                {
                    continue;
                }

                if (registration is null || !registration.IsActiveOn(ends[month]))
                {
                    Add(byOrganization, registration, ref m, ref x, ref p);
                    registration = null;
                    foreach (var r in registrations.Group(person))
                    {
                        if (r.IsActiveOn(ends[month]))
                        {
                            registration = r;
                            break;
                        }
                    }
                }

                if (!judged[month])
                {
                    pending++;
                    p++;
                }
                else if (outcome == DuesSlots.Paid)
                {
                    met++;
                    m++;
                }
                else
                {
                    missed++;
                    x++;
                }
            }

            Add(byOrganization, registration, ref m, ref x, ref p);
        }

        return (new ComplianceRate(Key, Name, met, missed, pending), byOrganization);

        static void Add(Dictionary<OrganizationId, (int Met, int Missed, int Pending)> to, MembershipRegistration? registration, ref int m, ref int x, ref int p)
        {
            if (registration is not null && m + x + p > 0)
            {
                ref var counts = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(to, registration.OrganizationId, out _);
                counts = (counts.Met + m, counts.Missed + x, counts.Pending + p);
            }

            (m, x, p) = (0, 0, 0);
        }
    }

    /// <summary>
    /// The six-systems rate: the systems judged per organization and slot, pooled, count as many sixths as there are of
    /// them and dues as one, so that a branch's hundred member-months of dues do not outweigh its meetings; either part
    /// alone when the other has nothing judged.
    /// </summary>
    public static decimal? Blend(decimal? slots, int systems, decimal? dues) => (slots, dues) switch
    {
        ({ } s, { } d) => ((s * systems) + d) / (systems + 1),
        ({ } s, null) => s,
        (null, { } d) => d,
        _ => null,
    };

    /// <summary>
    /// Each member-month with whether it was paid in full in time, for a result without the sweep's grid: from its lines
    /// and the payments made after their month's grace.
    /// </summary>
    private static IEnumerable<(PersonId Person, YearMonth Month, bool Paid)> Slots(CityDataset dataset, DuesResult dues, int grace)
    {
        var late = new HashSet<(PersonId, YearMonth)>();
        foreach (var payment in dataset.DuesPayments)
        {
            if (payment.PaidOn > LastDay(payment.Month).PlusDays(grace))
            {
                late.Add((payment.PersonId, payment.Month));
            }
        }

        foreach (var line in dues.Lines)
        {
            yield return (line.PersonId, line.Month, line.Due is { } due && line.Paid >= due && !late.Contains((line.PersonId, line.Month)));
        }
    }

    private static LocalDate LastDay(YearMonth month) => month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
}
