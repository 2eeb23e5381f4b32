using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Metrics;
using PartyDomain.Training;
using PartyDomain.Dues;
using PartyDomain.Development;
using PartyDomain.Governance;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Data;

/// <summary>
/// Collects a city's records and turns them into a <see cref="CityDataset"/>. <see cref="Validate"/> and
/// <see cref="Build"/> check every record against every other and report <b>all</b> integrity problems at once:
/// unknown identifiers, duplicates, a post held twice at the same time, a member registered in two places at once,
/// an end before a start, a record outside its organization's life, a date after today.
/// </summary>
public sealed class CityDatasetBuilder
{
    private readonly Records _records = new();

    /// <summary>Creates a builder whose "today" is read from <paramref name="clock"/> in <paramref name="zone"/>.</summary>
    /// <param name="city">The city.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="zone">The zone, by default Asia/Shanghai.</param>
    public CityDatasetBuilder(CityInfo city, IClock clock, DateTimeZone? zone = null)
        : this(city, PartyDomainTime.Today(clock, zone))
    {
    }

    /// <summary>Creates a builder whose "today" is <paramref name="today"/>: no record may be dated later.</summary>
    /// <param name="city">The city.</param>
    /// <param name="today">Today's date.</param>
    public CityDatasetBuilder(CityInfo city, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(city);
        City = city;
        Today = today;
    }

    /// <summary>The city.</summary>
    public CityInfo City { get; }

    /// <summary>Today's date; records dated later are refused.</summary>
    public LocalDate Today { get; }

    /// <summary>The indicators service records are checked against; the built-in catalog unless set.</summary>
    public IndicatorCatalog Indicators { get; set; } = IndicatorCatalog.CreateDefault();

    /// <summary>
    /// Told how far <see cref="Build"/>, <see cref="TryBuild"/> and <see cref="Validate"/> have come: indexing, then
    /// validating (a few steps each, never per record); <c>null</c> (the default) reports nothing.
    /// </summary>
    public IProgress<WorkProgress>? Progress { get; set; }

    private static readonly LocalizedText Indexing = new("建立索引", "indexing");
    private static readonly LocalizedText Validating = new("校验数据完整性", "checking integrity");

    // The share of building the indexes, as measured at national scale (1.5 s of 11 s); validating takes the rest.
    private const double IndexingShare = 0.15;

    /// <summary>Adds an organization.</summary>
    /// <param name="organization">The organization.</param>
    public CityDatasetBuilder Add(PartyOrganization organization) => Add(_records.Organizations, organization);

    /// <summary>Adds a law firm.</summary>
    /// <param name="firm">The firm.</param>
    public CityDatasetBuilder Add(LawFirm firm) => Add(_records.Firms, firm);

    /// <summary>Adds a person.</summary>
    /// <param name="person">The person.</param>
    public CityDatasetBuilder Add(Person person) => Add(_records.People, person);

    /// <summary>Adds a membership registration.</summary>
    /// <param name="registration">The registration.</param>
    public CityDatasetBuilder Add(MembershipRegistration registration) => Add(_records.Registrations, registration);

    /// <summary>Adds a lawyer's employment at a firm.</summary>
    /// <param name="employment">The employment.</param>
    public CityDatasetBuilder Add(FirmEmployment employment) => Add(_records.Employments, employment);

    /// <summary>Adds a firm post.</summary>
    /// <param name="post">The post.</param>
    public CityDatasetBuilder Add(FirmPostHolding post) => Add(_records.FirmPosts, post);

    /// <summary>Adds a post in a party organization.</summary>
    /// <param name="post">The post.</param>
    public CityDatasetBuilder Add(PartyPostHolding post) => Add(_records.PartyPosts, post);

    /// <summary>Adds a coverage of a firm by an organization.</summary>
    /// <param name="coverage">The coverage.</param>
    public CityDatasetBuilder Add(FirmCoverage coverage) => Add(_records.Coverages, coverage);

    /// <summary>Adds an instructor assignment.</summary>
    /// <param name="assignment">The assignment.</param>
    public CityDatasetBuilder Add(InstructorAssignment assignment) => Add(_records.Instructors, assignment);

    /// <summary>Adds a committee election.</summary>
    /// <param name="election">The election.</param>
    public CityDatasetBuilder Add(CommitteeElection election) => Add(_records.Elections, election);

    /// <summary>Adds a record of organizational life.</summary>
    /// <param name="activity">The activity.</param>
    public CityDatasetBuilder Add(ActivityRecord activity) => Add(_records.Activities, activity);

    /// <summary>Adds a service record.</summary>
    /// <param name="record">The record.</param>
    public CityDatasetBuilder Add(ServiceRecord record) => Add(_records.Services, record);

    /// <summary>Adds a training session.</summary>
    /// <param name="session">The session.</param>
    public CityDatasetBuilder Add(TrainingSession session) => Add(_records.TrainingSessions, session);

    /// <summary>Adds study credit from an external platform.</summary>
    /// <param name="credit">The credit.</param>
    public CityDatasetBuilder Add(StudyCredit credit) => Add(_records.StudyCredits, credit);

    /// <summary>Adds a member's income declaration.</summary>
    /// <param name="income">The declaration.</param>
    public CityDatasetBuilder Add(MemberIncome income) => Add(_records.Incomes, income);

    /// <summary>Adds a dues payment.</summary>
    /// <param name="payment">The payment.</param>
    public CityDatasetBuilder Add(DuesPayment payment) => Add(_records.DuesPayments, payment);

    /// <summary>Adds an admission case.</summary>
    /// <param name="admission">The case.</param>
    public CityDatasetBuilder Add(AdmissionCase admission) => Add(_records.AdmissionCases, admission);

    /// <summary>Adds a major matter.</summary>
    /// <param name="record">The record.</param>
    public CityDatasetBuilder Add(MajorMatter record) => Add(_records.MajorMatters, record);

    /// <summary>Adds a governance document.</summary>
    /// <param name="record">The record.</param>
    public CityDatasetBuilder Add(GovernanceDocument record) => Add(_records.GovernanceDocuments, record);

    /// <summary>Adds a pairing.</summary>
    /// <param name="record">The record.</param>
    public CityDatasetBuilder Add(Pairing record) => Add(_records.Pairings, record);

    /// <summary>Adds a joint activity.</summary>
    /// <param name="record">The record.</param>
    public CityDatasetBuilder Add(JointActivity record) => Add(_records.JointActivities, record);

    /// <summary>Adds a commendation.</summary>
    /// <param name="record">The record.</param>
    public CityDatasetBuilder Add(Commendation record) => Add(_records.Commendations, record);

    /// <summary>Adds a donation.</summary>
    /// <param name="record">The record.</param>
    public CityDatasetBuilder Add(Donation record) => Add(_records.Donations, record);

    /// <summary>Adds every record in <paramref name="records"/>, whatever its type.</summary>
    /// <param name="records">Records of any of the types this builder takes.</param>
    /// <exception cref="ArgumentException">A record is of a type the builder does not take.</exception>
    public CityDatasetBuilder AddRange(IEnumerable<DatasetRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            _ = record switch
            {
                PartyOrganization r => Add(r),
                LawFirm r => Add(r),
                Person r => Add(r),
                MembershipRegistration r => Add(r),
                FirmEmployment r => Add(r),
                FirmPostHolding r => Add(r),
                PartyPostHolding r => Add(r),
                FirmCoverage r => Add(r),
                InstructorAssignment r => Add(r),
                CommitteeElection r => Add(r),
                ActivityRecord r => Add(r),
                ServiceRecord r => Add(r),
                TrainingSession r => Add(r),
                StudyCredit r => Add(r),
                MemberIncome r => Add(r),
                DuesPayment r => Add(r),
                AdmissionCase r => Add(r),
                MajorMatter r => Add(r),
                GovernanceDocument r => Add(r),
                Pairing r => Add(r),
                JointActivity r => Add(r),
                Commendation r => Add(r),
                Donation r => Add(r),
                null => throw new ArgumentException("A record is null.", nameof(records)),
                _ => throw new ArgumentException($"The builder does not take records of type {record.GetType().Name}.", nameof(records)),
            };
        }

        return this;
    }

    /// <summary>Every integrity problem in the records added so far; empty when they can be built.</summary>
    public IReadOnlyList<DatasetProblem> Validate() => Check(out _);

    /// <summary>Builds the dataset, or reports every integrity problem.</summary>
    /// <exception cref="DatasetValidationException">The records have integrity problems; the exception lists them all.</exception>
    public CityDataset Build() => TryBuild(out var problems) ?? throw new DatasetValidationException(problems);

    /// <summary>Builds the dataset when the records have no integrity problems.</summary>
    /// <param name="problems">Every problem found; empty on success.</param>
    /// <returns>The dataset, or <c>null</c> when there were problems.</returns>
    public CityDataset? TryBuild(out IReadOnlyList<DatasetProblem> problems)
    {
        problems = Check(out var indexes);
        return problems.Count > 0 ? null : new CityDataset(City, Today, indexes, Indicators.Clone());
    }

    private IReadOnlyList<DatasetProblem> Check(out DatasetIndexes indexes)
    {
        var progress = Progress;
        progress?.Report(new WorkProgress(0, Indexing));
        indexes = new DatasetIndexes(_records);
        progress?.Report(new WorkProgress(IndexingShare, Validating));
        var problems = new DatasetValidator(_records, indexes, Today, Indicators) { Progress = progress.Part(IndexingShare, 1, Validating) }.Run();
        progress?.Report(new WorkProgress(1, Validating));
        return problems;
    }

    private CityDatasetBuilder Add<T>(List<T> list, T record)
        where T : DatasetRecord
    {
        ArgumentNullException.ThrowIfNull(record);
        list.Add(record);
        return this;
    }

    internal sealed class Records
    {
        public List<PartyOrganization> Organizations { get; } = [];

        public List<LawFirm> Firms { get; } = [];

        public List<Person> People { get; } = [];

        public List<MembershipRegistration> Registrations { get; } = [];

        public List<FirmEmployment> Employments { get; } = [];

        public List<FirmPostHolding> FirmPosts { get; } = [];

        public List<PartyPostHolding> PartyPosts { get; } = [];

        public List<FirmCoverage> Coverages { get; } = [];

        public List<InstructorAssignment> Instructors { get; } = [];

        public List<CommitteeElection> Elections { get; } = [];

        public List<ActivityRecord> Activities { get; } = [];

        public List<ServiceRecord> Services { get; } = [];

        public List<TrainingSession> TrainingSessions { get; } = [];

        public List<StudyCredit> StudyCredits { get; } = [];

        public List<MemberIncome> Incomes { get; } = [];

        public List<DuesPayment> DuesPayments { get; } = [];

        public List<AdmissionCase> AdmissionCases { get; } = [];

        public List<MajorMatter> MajorMatters { get; } = [];

        public List<GovernanceDocument> GovernanceDocuments { get; } = [];

        public List<Pairing> Pairings { get; } = [];

        public List<JointActivity> JointActivities { get; } = [];

        public List<Commendation> Commendations { get; } = [];

        public List<Donation> Donations { get; } = [];
    }
}
