using System.Globalization;
using PartyDomain.BasicSystems;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Training;
using static PartyDomain.EntityFrameworkCore.Mapping.RecordTable;

namespace PartyDomain.EntityFrameworkCore.Mapping;

/// <summary>Every record type of a <see cref="Data.CityDataset"/> and its table.</summary>
internal static class RecordTables
{
    public static IReadOnlyList<RecordTable> All { get; } =
    [
        new RecordTable<PartyOrganization>("organizations", d => d.Organizations, r => r.Id.Value, r => r.Id.Value),
        new RecordTable<LawFirm>("firms", d => d.Firms, r => r.Id.Value, r => r.Id.Value),
        new RecordTable<Person>("people", d => d.People, r => r.Id.Value, r => r.Id.Value),
        new RecordTable<MembershipRegistration>("registrations", d => d.Registrations, _ => null,
            r => Join(r.PersonId.Value, r.OrganizationId.Value, Date(r.From))),
        new RecordTable<FirmEmployment>("employments", d => d.Employments, _ => null,
            r => Join(r.PersonId.Value, r.FirmId.Value, Date(r.From))),
        new RecordTable<FirmPostHolding>("firm_posts", d => d.FirmPosts, _ => null,
            r => Join(r.PersonId.Value, r.FirmId.Value, r.Post.ToString(), Date(r.From))),
        new RecordTable<PartyPostHolding>("party_posts", d => d.PartyPosts, _ => null,
            r => Join(r.PersonId.Value, r.OrganizationId.Value, r.Post.ToString(), Date(r.From))),
        new RecordTable<FirmCoverage>("coverages", d => d.Coverages, _ => null,
            r => Join(r.OrganizationId.Value, r.FirmId.Value, Date(r.From))),
        new RecordTable<InstructorAssignment>("instructors", d => d.Instructors, _ => null,
            r => Join(r.PersonId.Value, r.FirmId.Value, Date(r.From))),
        new RecordTable<CommitteeElection>("elections", d => d.Elections, _ => null,
            r => Join(r.OrganizationId.Value, Date(r.ElectedOn))),
        new RecordTable<ActivityRecord>("activities", d => d.Activities, r => r.Id, r => r.Id,
            p => r => r.Date >= p.Start && r.Date <= p.End),
        new RecordTable<ServiceRecord>("services", d => d.Services, r => r.Id, ServiceContentKey,
            p => r => r.Date >= p.Start && r.Date <= p.End, ordered: false),
        new RecordTable<TrainingSession>("training_sessions", d => d.TrainingSessions, r => r.Id, r => r.Id,
            p => r => r.Start >= p.Start && r.Start <= p.End),
        new RecordTable<StudyCredit>("study_credits", d => d.StudyCredits, _ => null,
            r => Join(r.PersonId.Value, r.Platform, Date(r.Date)),
            p => r => r.Date >= p.Start && r.Date <= p.End),
        new RecordTable<MemberIncome>("incomes", d => d.Incomes, _ => null,
            r => Join(r.PersonId.Value, Month(r.Month), r.Kind.ToString()),
            p => r => r.Month >= p.Start.ToYearMonth() && r.Month <= p.End.ToYearMonth()),
        new RecordTable<DuesPayment>("dues_payments", d => d.DuesPayments, _ => null,
            r => Join(r.PersonId.Value, Month(r.Month), Date(r.PaidOn)),
            p => r => r.Month >= p.Start.ToYearMonth() && r.Month <= p.End.ToYearMonth()),
        new RecordTable<AdmissionCase>("admission_cases", d => d.AdmissionCases, r => r.Id, r => r.Id),
        new RecordTable<MajorMatter>("major_matters", d => d.MajorMatters, r => r.Id, r => r.Id),
        new RecordTable<GovernanceDocument>("governance_documents", d => d.GovernanceDocuments, r => r.Id, r => r.Id),
        new RecordTable<Pairing>("pairings", d => d.Pairings, r => r.Id, r => r.Id),
        new RecordTable<JointActivity>("joint_activities", d => d.JointActivities, r => r.Id, r => r.Id,
            p => r => r.Date >= p.Start && r.Date <= p.End),
        new RecordTable<Commendation>("commendations", d => d.Commendations, r => r.Id, r => r.Id,
            p => r => r.Date >= p.Start && r.Date <= p.End),
        new RecordTable<Donation>("donations", d => d.Donations, r => r.Id, r => r.Id,
            p => r => r.Date >= p.Start && r.Date <= p.End),
    ];

    /// <summary>The table of records of <paramref name="type"/>.</summary>
    public static RecordTable For(Type type) =>
        All.FirstOrDefault(t => t.ClrType == type) ?? throw new ArgumentException($"The store keeps no records of type {type.Name}.", nameof(type));

    private static string Month(NodaTime.YearMonth month) => month.ToString("uuuu-MM", CultureInfo.InvariantCulture);

    // A service record without an identifier is known by its content: re-importing it overwrites it, and identical
    // records in one import are told apart by their position (the importer appends #2, #3 ...). The key starts with the
    // record's date, so rows written in key order also fill the (city_id, date) index in order: a million rows in
    // random date order made that index the largest cost of a bulk load.
    internal static string ServiceContentKey(ServiceRecord r)
    {
        var text = new CanonicalText(stackalloc char[256]);
        try
        {
            text.Part(r.Indicator.Value);
            text.Part(r.Date);
            text.Part(r.Span.ToString());
            text.Part(r.Quantity);
            text.Part(r.Member?.Value);
            text.Part(r.Firm?.Value);
            text.Part(r.Organization?.Value);
            text.Part(r.District);
            text.Part(r.Channel);
            text.Part(r.Subject);
            text.Part(r.Tags.Count == 0 ? string.Empty : Join([.. r.Tags]));

            // "2025-03-01/h:" and 32 hex digits.
            Span<char> key = stackalloc char[64];
            var length = CanonicalText.FormatDate(r.Date, key);
            "/h:".CopyTo(key[length..]);
            text.Hash(key.Slice(length + 3, 32));
            return new string(key[..(length + 35)]);
        }
        finally
        {
            text.Dispose();
        }
    }
}
