using NodaTime;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Data;

/// <summary>
/// Collects a city's records and turns them into a <see cref="CityDataset"/>. <see cref="Validate"/> and
/// <see cref="Build"/> check every record against every other and report <b>all</b> integrity problems at once:
/// unknown identifiers, duplicates, a post held twice at the same time, a member registered in two places at once,
/// an end before a start, a record outside its organization's life, a date after today.
/// </summary>
/// <remarks>
/// <b>Shared ids.</b> A source that gives every mention of one id the same string instance (the library's readers
/// of CSV, XLSX and JSON read each id once and share it) makes the engines' first lookups a reference comparison:
/// the activity index finds attendees among a branch's members that way before comparing hashes and values. It is a
/// matter of speed only; ids equal by value are always the same id.
/// </remarks>
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

    /// <summary>
    /// Adds a record of a kind declared beside its type (<see cref="DatasetRecord.Declared"/>): organizational life,
    /// service records, training, dues, admissions, governance, or a kind a plugin declares.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <exception cref="ArgumentException">The record's type declares no kind.</exception>
    public CityDatasetBuilder Add<T>(T record)
        where T : DatasetRecord
    {
        ArgumentNullException.ThrowIfNull(record);
        switch (record)
        {
            case PartyOrganization r: return Add(r);
            case LawFirm r: return Add(r);
            case Person r: return Add(r);
            case MembershipRegistration r: return Add(r);
            case FirmEmployment r: return Add(r);
            case FirmPostHolding r: return Add(r);
            case PartyPostHolding r: return Add(r);
            case FirmCoverage r: return Add(r);
            case InstructorAssignment r: return Add(r);
            case CommitteeElection r: return Add(r);
        }

        var kind = record.Declared ?? throw new ArgumentException($"The builder does not take records of type {record.GetType().Name}: it declares no record kind.", nameof(record));
        if (kind.RecordType != record.GetType())
        {
            throw new ArgumentException($"A {record.GetType().Name} declares the kind '{kind.Name}' of {kind.RecordType.Name}.", nameof(record));
        }

        _records.Of(kind).Add(record);
        return this;
    }

    /// <summary>Gives the builder a catalog the records are checked against and the dataset keeps (a copy of); replaces one of the same type.</summary>
    /// <typeparam name="TCatalog">The catalog's type.</typeparam>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The catalog.</returns>
    public TCatalog Use<TCatalog>(TCatalog catalog)
        where TCatalog : class, IDatasetCatalog
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _records.Catalogs[catalog.GetType()] = catalog;
        return catalog;
    }

    /// <summary>The builder's catalog of type <typeparamref name="TCatalog"/>, or <c>null</c> when none was given.</summary>
    /// <typeparam name="TCatalog">The catalog's type.</typeparam>
    public TCatalog? Catalog<TCatalog>()
        where TCatalog : class, IDatasetCatalog => _records.Catalogs.GetValueOrDefault(typeof(TCatalog)) as TCatalog;

    /// <summary>Adds every record in <paramref name="records"/>, whatever its type.</summary>
    /// <param name="records">Records of any of the types this builder takes.</param>
    /// <exception cref="ArgumentException">A record is of a type the builder does not take.</exception>
    public CityDatasetBuilder AddRange(IEnumerable<DatasetRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            Add(record ?? throw new ArgumentException("A record is null.", nameof(records)));
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
        return problems.Count > 0 ? null : new CityDataset(City, Today, indexes, _records.Catalogs.Values.Select(c => c.Snapshot()).ToArray());
    }

    private IReadOnlyList<DatasetProblem> Check(out DatasetIndexes indexes)
    {
        var progress = Progress;
        progress?.Report(new WorkProgress(0, Indexing));
        indexes = new DatasetIndexes(_records);
        progress?.Report(new WorkProgress(IndexingShare, Validating));
        var problems = new DatasetValidator(_records, indexes, Today) { Progress = progress.Part(IndexingShare, 1, Validating) }.Run();
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

        /// <summary>The records of each declared kind, in the order their kinds were first added.</summary>
        public Dictionary<RecordKind, IRecordList> Kinds { get; } = [];

        public Dictionary<Type, IDatasetCatalog> Catalogs { get; } = [];

        public IRecordList Of(RecordKind kind)
        {
            if (!Kinds.TryGetValue(kind, out var list))
            {
                Kinds.Add(kind, list = ((IRecordKindRuntime)kind).NewList());
            }

            return list;
        }
    }
}
