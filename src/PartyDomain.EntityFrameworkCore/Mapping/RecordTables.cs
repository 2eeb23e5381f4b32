using PartyDomain.BasicSystems;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Training;

namespace PartyDomain.EntityFrameworkCore.Mapping;

/// <summary>Every record type of a <see cref="Data.CityDataset"/> and its table.</summary>
internal static class RecordTables
{
    public static IReadOnlyList<RecordTable> All { get; } =
    [
        new RecordTable<PartyOrganization>("organizations", d => d.Organizations),
        new RecordTable<LawFirm>("firms", d => d.Firms),
        new RecordTable<Person>("people", d => d.People),
        new RecordTable<MembershipRegistration>("registrations", d => d.Registrations),
        new RecordTable<FirmEmployment>("employments", d => d.Employments),
        new RecordTable<FirmPostHolding>("firm_posts", d => d.FirmPosts),
        new RecordTable<PartyPostHolding>("party_posts", d => d.PartyPosts),
        new RecordTable<FirmCoverage>("coverages", d => d.Coverages),
        new RecordTable<InstructorAssignment>("instructors", d => d.Instructors),
        new RecordTable<CommitteeElection>("elections", d => d.Elections),
        new RecordTable<ActivityRecord>("activities", d => d.Activities,
            p => r => r.Date >= p.Start && r.Date <= p.End, dateIndex: nameof(ActivityRecord.Date)),
        new RecordTable<ServiceRecord>("services", d => d.Services,
            p => r => r.Date >= p.Start && r.Date <= p.End, ordered: false, dateIndex: nameof(ServiceRecord.Date)),
        new RecordTable<TrainingSession>("training_sessions", d => d.TrainingSessions,
            p => r => r.Start >= p.Start && r.Start <= p.End),
        new RecordTable<StudyCredit>("study_credits", d => d.StudyCredits,
            p => r => r.Date >= p.Start && r.Date <= p.End),
        new RecordTable<MemberIncome>("incomes", d => d.Incomes,
            p => r => r.Month >= p.Start.ToYearMonth() && r.Month <= p.End.ToYearMonth()),
        new RecordTable<DuesPayment>("dues_payments", d => d.DuesPayments,
            p => r => r.Month >= p.Start.ToYearMonth() && r.Month <= p.End.ToYearMonth()),
        new RecordTable<AdmissionCase>("admission_cases", d => d.AdmissionCases),
        new RecordTable<MajorMatter>("major_matters", d => d.MajorMatters),
        new RecordTable<GovernanceDocument>("governance_documents", d => d.GovernanceDocuments),
        new RecordTable<Pairing>("pairings", d => d.Pairings),
        new RecordTable<JointActivity>("joint_activities", d => d.JointActivities,
            p => r => r.Date >= p.Start && r.Date <= p.End),
        new RecordTable<Commendation>("commendations", d => d.Commendations,
            p => r => r.Date >= p.Start && r.Date <= p.End),
        new RecordTable<Donation>("donations", d => d.Donations,
            p => r => r.Date >= p.Start && r.Date <= p.End),
    ];

    /// <summary>The table of records of <paramref name="type"/>.</summary>
    public static RecordTable For(Type type) =>
        All.FirstOrDefault(t => t.ClrType == type) ?? throw new ArgumentException($"The store keeps no records of type {type.Name}.", nameof(type));
}
