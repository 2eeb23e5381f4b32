using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Figures;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;
using PartyDomain.Time;
using PartyDomain.Training;
using PartyDomain.Extensibility.Roster;

namespace PartyDomain.Reporting;

/// <summary>
/// Builds the <see cref="AnnualSummary"/> of a city for a year from a <see cref="CityDataset"/> and the registered
/// engines: structure (F2–F4, F6), training (F5, F9, F12), governance (F7, F14, F15), service metrics (F8, F10, F11,
/// F13, F16–F25), compliance (F26), the admission pipeline and dues. A figure whose records are not entered is
/// reported missing, never 0: a count over a period is missing when no record of its kind falls in the period, a
/// count "as of" a date when the data holds no record of its kind at all.
/// </summary>
public sealed partial class AnnualSummaryBuilder
{
    private readonly StructureChecker _structure;
    private readonly ComplianceEvaluator _compliance;
    private readonly TrainingEvaluator _training;
    private readonly AdmissionPipeline _admissions;
    private readonly DuesEvaluator _dues;
    private readonly GovernanceEvaluator _governance;
    private readonly IReadOnlyList<IReportSection> _sections;
    private readonly ReportTemplates _templates;
    private readonly ZonedClock _clock;
    private readonly TextLanguage _language;

    /// <summary>
    /// Creates a builder from the engines, sections and templates. <c>AddPartyDomain</c> registers one with the
    /// registered engines, sections, templates and plugins; <c>PartyDomainEngines.Create</c> (PartyDomain.Testing)
    /// builds the same without a container.
    /// </summary>
    /// <param name="structure">The structure checker.</param>
    /// <param name="compliance">The compliance evaluator.</param>
    /// <param name="training">The training evaluator.</param>
    /// <param name="admissions">The admission pipeline.</param>
    /// <param name="dues">The dues evaluator.</param>
    /// <param name="governance">The governance evaluator.</param>
    /// <param name="sections">The report sections.</param>
    /// <param name="templates">The wording.</param>
    /// <param name="clock">The clock the day of writing is read from, in the city's zone.</param>
    /// <param name="domain">The library options: the default language of the text.</param>
    public AnnualSummaryBuilder(StructureChecker structure, ComplianceEvaluator compliance, TrainingEvaluator training, AdmissionPipeline admissions,
        DuesEvaluator dues, GovernanceEvaluator governance, IEnumerable<IReportSection> sections, ReportTemplates templates, ZonedClock clock,
        IOptions<PartyDomainOptions> domain)
    {
        _structure = structure ?? throw new ArgumentNullException(nameof(structure));
        _compliance = compliance ?? throw new ArgumentNullException(nameof(compliance));
        _training = training ?? throw new ArgumentNullException(nameof(training));
        _admissions = admissions ?? throw new ArgumentNullException(nameof(admissions));
        _dues = dues ?? throw new ArgumentNullException(nameof(dues));
        _governance = governance ?? throw new ArgumentNullException(nameof(governance));
        ArgumentNullException.ThrowIfNull(sections);
        _sections = sections.ToArray();
        var duplicate = _sections.GroupBy(s => s.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two report sections have the id '{duplicate.Key}'.", nameof(sections));
        }

        _templates = (templates ?? throw new ArgumentNullException(nameof(templates))).Clone();
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _language = (domain ?? throw new ArgumentNullException(nameof(domain))).Value.Language;
    }

    /// <summary>
    /// The plugins behind the engines, sections and templates, named in every summary (the <c>plugins</c> section and
    /// <see cref="AnnualSummary.Plugins"/>); the registration's <see cref="PluginRoster"/> in the DI container, none unless set.
    /// </summary>
    public PluginRoster Plugins { get; init; } = PluginRoster.None;

    /// <summary>The sections the summary is written with, in order.</summary>
    public IReadOnlyList<IReportSection> Sections => _sections.OrderBy(s => s.Order).ToArray();

    /// <summary>Builds the summary of <paramref name="dataset"/>'s city for <paramref name="year"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="year">The calendar year.</param>
    /// <param name="language">The language of the text; the configured one (Chinese by default) when <c>null</c>.</param>
    public AnnualSummary Build(CityDataset dataset, int year, TextLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var period = ReportingPeriod.Year(year);
        var asOf = period.End < dataset.Today ? period.End : dataset.Today;
        var lang = language ?? _language;

        // The engines read the same immutable snapshot and nothing of each other, so they run side by side; the
        // largest (dues) starts first. Everything after them stays in one thread and in the order it always had.
        var duesTask = Task.Run(() =>
        {
            var result = _dues.Evaluate(dataset, period);
            return (Result: result, Rate: DuesCompliance.Rate(dataset, result));
        });
        var complianceTask = Task.Run(() =>
        {
            var result = _compliance.Evaluate(dataset, period);
            return (Result: result, Misses: result.Misses(), BySystem: result.RateBySystem(), ByOrganization: result.RateByOrganization());
        });
        var trainingTask = Task.Run(() =>
        {
            var result = _training.Evaluate(dataset, year);
            return (Result: result, Figures: Training(dataset, period, result).ToArray());
        });
        var metricsTask = Task.Run(() =>
        {
            var metrics = new ServiceMetrics(dataset);
            return (Engine: metrics, Figures: Metrics(dataset, period, metrics).ToArray(), Chart: ServicesByMonth(dataset, period, metrics));
        });
        var structureTask = Task.Run(() => (Check: _structure.Check(dataset, asOf), Figures: Structure(dataset, asOf).ToArray()));

        // The previous year's F26, for the change in percentage points, only when that year has organizational life at all.
        var previousTask = Task.Run(() => PreviousF26(dataset, ReportingPeriod.Year(year - 1)));

        // As of the period's end (or today, if earlier): a past year's report never lists what happened after it.
        var pipeline = _admissions.Evaluate(dataset, asOf);
        var governance = _governance.Evaluate(dataset, period);
        var governanceFigures = Governance(dataset, period).ToArray();

        // The committee's figures read the dataset alone: worked out while the engines run, not after them, where the
        // summary is put together on this thread only.
        var f1 = F1(dataset, period);
        var committeeFigures = Committee(dataset, asOf).ToArray();
        var (compliance, misses, bySystem, byOrganization) = Await(complianceTask);
        var training = Await(trainingTask);
        var metrics = Await(metricsTask);
        var structure = Await(structureTask);
        var (dues, duesRate) = Await(duesTask);
        var branches = Branches(compliance, byOrganization, duesRate.ByOrganization, bySystem.Count);
        var systems = bySystem.Append(duesRate.Overall).ToArray();

        var figures = new List<ReportFigure>();
        figures.Add(f1);
        figures.AddRange(structure.Figures);
        figures.AddRange(committeeFigures);
        figures.AddRange(training.Figures);
        figures.AddRange(governanceFigures);
        figures.AddRange(metrics.Figures);
        figures.AddRange(Compliance(compliance, bySystem, branches, duesRate.Overall, AnyActivityIn(dataset, period), Await(previousTask)));
        figures.AddRange(Development(pipeline, year));
        // The engines' filters write a year as "2025内"; the summary says "2025年内". A national city's branch figures
        // share a few filter texts, so each distinct text is rewritten once.
        var withNian = new Dictionary<LocalizedText, LocalizedText>();
        var ordered = figures.OrderBy(f => FigureOrder(f.Id)).Select(f => f with { Filter = WithNian(f.Filter) }).ToArray();
        LocalizedText WithNian(LocalizedText filter)
        {
            if (!withNian.TryGetValue(filter, out var rewritten))
            {
                rewritten = new(YearWithoutNian().Replace(filter.Chinese, "$1年"), filter.English);
                withNian.Add(filter, rewritten);
            }

            return rewritten;
        }

        if (period.End >= dataset.Today)
        {
            // The year has not ended (the host asked for it anyway): every figure but the committee's founding is partial.
            ordered = ordered.Select(f => f.Id == "F1" || f.IsMissing ? f : f with { Partial = true }).ToArray();
        }

        var charts = new List<ReportChart>
        {
            ComplianceChart("compliance-by-system", new("六项基本制度落实率（按制度）", "Compliance by system"), systems.Select(r => (r.Name, r.Rate)).ToArray()),
            BranchChart(branches),
            metrics.Chart,
            AdmissionFunnel(pipeline, year),
        };

        var findings = new List<ReportFinding>(structure.Check.Findings.Count + misses.Count + compliance.MemberFindings.Count + training.Result.Findings.Count + dues.Findings.Count);
        findings.AddRange(structure.Check.Findings.Select(f => new ReportFinding("structure", f)));
        findings.AddRange(misses.Select(m => new ReportFinding("compliance", m.Finding) { Slot = m.Slot }));
        findings.AddRange(compliance.MemberFindings.Select(f => new ReportFinding("compliance", f)));
        findings.AddRange(training.Result.Findings.Select(f => new ReportFinding("training", f)));
        findings.AddRange(pipeline.Cases.SelectMany(c => c.Violations).Select(f => new ReportFinding("development", f)));
        findings.AddRange(dues.Findings.Select(f => new ReportFinding("dues", f)));
        findings.AddRange(governance.Findings.Select(f => new ReportFinding("governance", f)));

        var context = new ReportContext(dataset, period, asOf, lang, _templates, ordered, charts, findings, metrics.Engine) { Plugins = Plugins.Loaded };
        var sections = new List<ReportSectionContent>();
        var failed = new List<ReportSectionFailure>();
        foreach (var section in _sections.OrderBy(s => s.Order))
        {
            // A section that throws (a city plugin's, say) is named in the report with its reason; the others are written.
            ReportSectionContent? content;
            try
            {
                content = section.Compose(context);
                if (content is not null)
                {
                    context.AddFigures(content.Figures);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failed.Add(new ReportSectionFailure(section.Id, e.Message, e));
                content = new ReportSectionContent(section.Id, lang == TextLanguage.English ? $"Section {section.Id}" : $"“{section.Id}”部分",
                    [new ReportParagraph(lang == TextLanguage.English ? $"This section failed: {e.Message}" : $"本节生成失败：{e.Message}")]) { Failed = true };
            }

            if (content is not null)
            {
                sections.Add(content);
            }
        }

        var problemsTitle = context.Text("problems.title");
        return new AnnualSummary
        {
            City = dataset.City,
            Year = year,
            Period = period,
            AsOf = asOf,
            Generated = _clock.GetCurrentDate(),
            Language = lang,
            Title = context.Text("title"),
            Figures = context.Figures.ToArray(),
            Charts = charts,
            FailedSections = failed,
            ProblemsFrom = () => ProblemList.Build(dataset, findings, year, asOf, lang, problemsTitle),
            Plugins = Plugins.Loaded,
            PartialYear = period.End >= dataset.Today,
            Findings = findings,
            Sections = sections,
        };
    }

    /// <summary>The task's result, or its own exception (not an <see cref="AggregateException"/>), as if it had run inline.</summary>
    private static T Await<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static ReportFigure From(Figure figure, LocalizedText source, LocalizedText? missing) => new()
    {
        Id = figure.Id,
        Name = figure.Name,
        Value = missing is null ? figure.Value : null,
        Unit = figure.Unit,
        Filter = figure.Basis,
        Source = source,
        Share = missing is null ? figure.Share : null,
        MissingReason = missing,
    };

    private static LocalizedText NoRecords(string zh, string en) => new($"没有{zh}", $"no {en}");

    private static ReportFigure F1(CityDataset dataset, ReportingPeriod period)
    {
        var committee = dataset.Organizations.Where(o => o.Kind == OrganizationKind.IndustryCommittee && o.Established <= period.End).MinBy(o => o.Established);
        return new ReportFigure
        {
            Id = "F1",
            Name = new("律师行业党委成立时间", "Industry committee established"),
            Month = committee is null ? null : new YearMonth(committee.Established.Year, committee.Established.Month),
            Unit = new("年月", "year-month"),
            Filter = new("律师行业党委组织记录的成立日期", "the industry committee's organization record, established date"),
            Source = new("律师行业党委组织记录", "the industry committee's organization record"),
            MissingReason = committee is null ? NoRecords("律师行业党委的组织记录", "industry committee record") : null,
        };
    }

    /// <summary>
    /// The industry committee's make-up (书记, 副书记, 委员 from its posts) and the branches' cross-appointments (双向交叉任职:
    /// a branch committee seat held by a manager of a firm the branch covers), as of <paramref name="asOf"/>.
    /// </summary>
    private static IEnumerable<ReportFigure> Committee(CityDataset dataset, LocalDate asOf)
    {
        var committee = dataset.Organizations.Where(o => o.Kind == OrganizationKind.IndustryCommittee && o.ExistsOn(asOf)).MinBy(o => o.Established);
        var seats = committee is null ? [] : dataset.CommitteeOf(committee.Id, asOf);
        var source = new LocalizedText("党组织任职记录", "party post records");
        var filter = new LocalizedText($"截至{asOf.Year}年{asOf.Month}月{asOf.Day}日律师行业党委在任的该职务人数", $"the industry committee's holders of the post on {asOf:uuuu-MM-dd}");
        var none = committee is null ? NoRecords("律师行业党委的组织记录", "industry committee record") : seats.Count == 0 ? NoRecords("律师行业党委的任职记录", "industry committee post records") : null;
        ReportFigure Seats(string id, PartyPost post, LocalizedText name) => new()
        {
            Id = id, Name = name, Value = none is null ? seats.Count(p => p.Post == post) : null, Unit = new("名", "people"), Filter = filter, Source = source, MissingReason = none,
        };

        yield return Seats("F1-secretaries", PartyPost.Secretary, new("律师行业党委书记", "Committee secretary"));
        yield return Seats("F1-deputies", PartyPost.DeputySecretary, new("律师行业党委副书记", "Committee deputy secretaries"));
        yield return Seats("F1-members", PartyPost.CommitteeMember, new("律师行业党委委员", "Committee members"));

        var anyBranch = dataset.Organizations.Any(o => o.Kind.IsBranch());
        var cross = anyBranch ? dataset.CrossAppointments(asOf).Where(c => dataset.TryGetOrganization(c.OrganizationId, out var o) && o.Kind.IsBranch()).ToArray() : [];
        var crossMissing = !anyBranch ? NoRecords("党支部组织记录", "branch records") : !dataset.FirmPosts.Any() ? NoRecords("律所管理职务记录", "firm post records") : null;
        var crossFilter = new LocalizedText($"截至{asOf.Year}年{asOf.Month}月{asOf.Day}日党支部委员同时担任所覆盖律所管理职务", $"branch committee seats held by managers of a covered firm on {asOf:uuuu-MM-dd}");
        yield return new ReportFigure
        {
            Id = "F2-cross", Name = new("党支部班子成员双向交叉任职", "Cross-appointments"), Value = crossMissing is null ? cross.Select(c => (c.PersonId, c.OrganizationId)).Distinct().Count() : null,
            Unit = new("人", "people"), Filter = crossFilter, Source = source, MissingReason = crossMissing,
        };
        yield return new ReportFigure
        {
            Id = "F2-cross-branches", Name = new("有双向交叉任职的党支部", "Branches with cross-appointments"), Value = crossMissing is null ? cross.Select(c => c.OrganizationId).Distinct().Count() : null,
            Unit = new("个", "branches"), Filter = crossFilter, Source = source, MissingReason = crossMissing,
        };
    }

    private static IEnumerable<ReportFigure> Structure(CityDataset dataset, LocalDate asOf)
    {
        var source = new LocalizedText("组织、任职与律所记录（截至统计日）", "organization, post and firm records (as of the day)");
        var anyBranch = dataset.Organizations.Any(o => o.Kind.IsBranch());
        foreach (var figure in StructureFigures.Compute(dataset, asOf))
        {
            LocalizedText? missing = figure.Id switch
            {
                "F2" when !anyBranch => NoRecords("党支部组织记录", "branch records"),
                "F3" when dataset.Employments.Count == 0 => NoRecords("律师执业记录", "employment records"),
                "F4" when !anyBranch => NoRecords("党支部组织记录", "branch records"),
                "F4" when !dataset.FirmPosts.Any(p => p.Post == FirmPost.Director) => NoRecords("律所主任任职记录", "firm director records"),
                "F6" when !dataset.Firms.Any(f => f.ExistsOn(asOf)) => NoRecords("律所记录", "firm records"),
                _ => null,
            };
            yield return From(figure, source, missing);
        }
    }

    private IEnumerable<ReportFigure> Training(CityDataset dataset, ReportingPeriod period, TrainingResult training)
    {
        var school = dataset.TrainingSessions.Any(s => s.PartySchool && s.Start <= period.End);
        var sessions = dataset.TrainingSessions.Any(s => period.Contains(s.Start));
        var credits = dataset.StudyCredits.Any(c => c.Date.Year == period.Start.Year);
        var unconverted = training.Findings.Any(f => f.RuleId == new RuleId("TR-CREDIT-CONVERTER"));
        // The evaluator is the registered one, so the city's credit converters count in F12.
        foreach (var figure in _training.Figures(dataset, period, training))
        {
            LocalizedText? missing = figure.Id switch
            {
                _ when figure.Id.StartsWith("F5", StringComparison.Ordinal) && !school => NoRecords("党校培训班次记录", "party-school sessions"),
                "F9" when !sessions => NoRecords("本年度培训班次记录", "training sessions in the year"),
                "F12" when !credits => NoRecords("本年度学习平台积分记录", "study credits in the year"),
                "F12" when unconverted && figure.Value == 0 => new("学习平台积分未按本市折算办法折算（未配置折算办法）", "study credits were not converted: no converter is configured"),
                _ => null,
            };
            yield return From(figure, new("培训班次、参训与学时记录", "training sessions, attendance and study credits"), missing);
        }
    }

    private static IEnumerable<ReportFigure> Governance(CityDataset dataset, ReportingPeriod period)
    {
        var matters = dataset.MajorMatters.Any(m => m.Opened is { } d && period.Contains(d));
        var pairings = dataset.Pairings.Any(p => p.From <= period.End && (p.To is not { } to || to >= period.Start));
        var joint = dataset.JointActivities.Any(a => period.Contains(a.Date));
        var donations = dataset.Donations.Any(d => period.Contains(d.Date));
        var commendations = dataset.Commendations.Any(c => period.Contains(c.Date));
        foreach (var figure in GovernanceEvaluator.Figures(dataset, period))
        {
            LocalizedText? missing = figure.Id switch
            {
                _ when figure.Id.StartsWith("F7", StringComparison.Ordinal) && !matters => NoRecords("本年度重大事项记录", "major matters in the year"),
                "F14" when !pairings => NoRecords("本年度存续的结对联建记录", "pairings in force in the year"),
                "F14-activities" when !joint => NoRecords("本年度结对共建活动记录", "joint activities in the year"),
                "F15" when !donations => NoRecords("本年度捐款捐物记录", "donations in the year"),
                "F15-firms" or "F15-lawyers" or "F15-national" when !commendations => NoRecords("本年度表彰记录", "commendations in the year"),
                _ => null,
            };
            yield return From(figure, new("重大事项、结对共建与捐赠表彰记录", "major matters, pairings, donations and commendations"), missing);
        }
    }

    /// <summary>The figures counted by indicators, and the indicator behind each.</summary>
    internal static IReadOnlyList<(string Figure, IndicatorCode Indicator)> IndicatorFigures { get; } =
    [
        ("F8", IndicatorCodes.LeadershipVisits),
        ("F10", IndicatorCodes.RedEducationAttendees),
        ("F11", IndicatorCodes.LawPopularizationParticipants),
        ("F13", IndicatorCodes.PlatformRecordedActivities),
        ("F16", IndicatorCodes.WalkInConsultations),
        ("F17", IndicatorCodes.HotlineAnswered),
        ("F18", IndicatorCodes.LegalAidCases),
        ("F18-closed", IndicatorCodes.LegalAidClosed),
        ("F19", IndicatorCodes.AdviserPosts),
        ("F20", IndicatorCodes.CasesHandled),
        ("F20-criminal", IndicatorCodes.CriminalCases),
        ("F20-civil", IndicatorCodes.CivilCases),
        ("F20-non-litigation", IndicatorCodes.NonLitigationCases),
        ("F20-arbitration", IndicatorCodes.ArbitrationCases),
        ("F21", IndicatorCodes.ConsultationsAndDocuments),
        ("F22", IndicatorCodes.DisputesMediated),
        ("F23", IndicatorCodes.LitigationParticipations),
        ("F24", IndicatorCodes.OnSiteServices),
        ("F25", IndicatorCodes.VillageLegalOpinions),
    ];

    private static IEnumerable<ReportFigure> Metrics(CityDataset dataset, ReportingPeriod period, ServiceMetrics metrics)
    {
        var known = IndicatorFigures.Where(x => dataset.Indicators.TryGet(x.Indicator, out _)).Select(x => x.Indicator).ToArray();
        var table = metrics.Query(new MetricsQuery { Period = period, Indicators = known });

        // A year with no activity record gives the activity counts (F8, F10, F11, F13) no previous value: they are not
        // asked for, so the query does not read every activity record of the city to find none of that year.
        var lastYear = ReportingPeriod.Year(period.Start.Year - 1);
        var activitiesLastYear = AnyActivityIn(dataset, lastYear);
        var previous = metrics.Query(new MetricsQuery
        {
            Period = lastYear,
            Indicators = activitiesLastYear ? known : known.Where(c => !IsActivityCount(dataset.Indicators.Get(c))).ToArray(),
        });
        foreach (var (id, code) in IndicatorFigures)
        {
            var filter = new LocalizedText($"{period.Start.Year}年全市记录（整日、整月、整年落在年度内）", $"the city's records of {period.Start.Year} (day, month and year records wholly inside the year)");
            if (!dataset.Indicators.TryGet(code, out var indicator))
            {
                yield return new ReportFigure
                {
                    Id = id, Name = new(code.Value, code.Value), Unit = new(string.Empty, string.Empty), Filter = filter,
                    Source = new("服务记录", "service records"), MissingReason = new("本市指标目录中没有该指标", "the city's catalog has no such indicator"),
                };
                continue;
            }

            var row = table.Of(code) is [var first, ..] ? first : null;
            var missing = row is null || row.Records == 0 || row.Value is null;
            var before = (activitiesLastYear || !IsActivityCount(indicator)) && previous.Of(code) is [var last, ..] && last.Records > 0 ? last.Value : null;
            yield return new ReportFigure
            {
                Id = id,
                Name = indicator.Name,
                Value = missing ? null : row!.Value,
                Previous = before,
                Unit = indicator.Unit,
                Filter = filter,
                Source = new($"服务记录{Aggregation(indicator.Aggregation).Chinese}", $"service records, {Aggregation(indicator.Aggregation).English}"),
                MissingReason = missing ? NoRecords("本年度该指标的记录", "records of this indicator in the year") : null,
            };
        }
    }

    /// <summary>Whether the indicator counts activity records itself (not a sum or ratio of other indicators).</summary>
    private static bool IsActivityCount(IndicatorDefinition indicator) => indicator.Aggregation is PartyDomain.Metrics.Aggregation.ActivityCount
        or PartyDomain.Metrics.Aggregation.ActivityDistinctAttendees or PartyDomain.Metrics.Aggregation.ActivityHeadCount;

    /// <summary>
    /// Whether any activity record falls in <paramref name="period"/>: read from the day column of the dataset's activity
    /// index (built once per dataset, for the compliance rules, which the report runs anyway), not from two million
    /// records, which a year without any has to read to the end.
    /// </summary>
    private static bool AnyActivityIn(CityDataset dataset, ReportingPeriod period)
    {
        if (dataset.ActivityIndex.ActivityDay is { } days && days.Length == dataset.Activities.Count)
        {
            int from = ActivityIndex.Day(period.Start), to = ActivityIndex.Day(period.End);
            foreach (var day in days)
            {
                if (day >= from && day <= to)
                {
                    return true;
                }
            }

            return false;
        }

        return dataset.Activities.Any(a => period.Contains(a.Date));
    }

    private static LocalizedText Aggregation(PartyDomain.Metrics.Aggregation aggregation) => aggregation switch
    {
        PartyDomain.Metrics.Aggregation.Sum => new("求和", "sum"),
        PartyDomain.Metrics.Aggregation.Count => new("计数", "count"),
        PartyDomain.Metrics.Aggregation.DistinctCount => new("去重计数", "distinct count"),
        PartyDomain.Metrics.Aggregation.SumOfIndicators => new("分项合计", "sum of indicators"),
        PartyDomain.Metrics.Aggregation.ActivityCount => new("活动记录计数", "activity records"),
        PartyDomain.Metrics.Aggregation.ActivityDistinctAttendees => new("活动参加人去重", "distinct attendees"),
        PartyDomain.Metrics.Aggregation.ActivityHeadCount => new("活动参加人次合计", "participants summed"),
        _ => new(aggregation.ToString(), aggregation.ToString()),
    };

    /// <summary>
    /// F26 and its parts, six systems: the five judged per organization and slot, and 党费收缴 judged per member and month
    /// (<see cref="DuesCompliance"/>); with no organizational life recorded in the year at all, the data is taken as not
    /// entered rather than a rate of 0.
    /// </summary>
    private static IEnumerable<ReportFigure> Compliance(ComplianceResult compliance, IReadOnlyList<ComplianceRate> bySystem, IReadOnlyList<(ComplianceRate Rate, decimal? Value)> byBranch,
        ComplianceRate dues, bool anyActivity, decimal? previous)
    {
        var source = new LocalizedText("组织生活与党费记录", "organizational life and dues records");
        var none = anyActivity ? NoRecords("已到期、可判定的制度落实事项", "obligations due and judged") : NoRecords("本年度组织生活记录", "records of organizational life in the year");
        var overall = compliance.Overall();
        var value = DuesCompliance.Blend(overall.Rate, bySystem.Count, dues.Rate);
        yield return new ReportFigure
        {
            Id = "F26",
            Name = new("六项基本制度落实率", "Six basic systems compliance rate"),
            Value = value is { } v && anyActivity ? Math.Round(v * 100, 1) : null,
            Previous = previous,
            Unit = new("%", "%"),
            Filter = new($"{compliance.Period}六项基本制度各自的落实率按制度等权合计：五项组织生活制度按党组织、规则、周期统计已落实占应落实，党费收缴按党员、月份统计按时足额交纳占应交纳（不含未到期和不适用的周期）",
                $"the six systems weighed equally in {compliance.Period}: five by organization, rule and slot (met out of due), dues by member and month (paid in full and on time out of due); pending and not-applicable slots excluded"),
            Source = source,
            // The counts stand behind the rate only when the slots alone make it (no dues judged).
            Share = dues.Rate is null && overall.Met + overall.Missed > 0 ? new FigureRatio(overall.Met, overall.Met + overall.Missed) : null,
            MissingReason = value is null || !anyActivity ? none : null,
        };

        ReportFigure Rate(string id, ComplianceRate rate, decimal? share, LocalizedText name, LocalizedText filter) => new()
        {
            Id = id,
            Name = name,
            Value = share is { } r && anyActivity ? Math.Round(r * 100, 1) : null,
            Unit = new("%", "%"),
            Filter = filter,
            Source = source,
            Share = share is not null && share == rate.Rate ? new FigureRatio(rate.Met, rate.Met + rate.Missed) : null,
            MissingReason = share is null || !anyActivity ? none : null,
        };

        foreach (var rate in bySystem)
        {
            yield return Rate($"F26-system-{rate.Key}", rate, rate.Rate, new($"{rate.Name.Chinese}落实率", $"{rate.Name.English} compliance"),
                new($"{compliance.Period}该制度各规则、各党组织已落实的周期占应落实周期", $"slots met out of due in {compliance.Period}, rules of this system"));
        }

        yield return Rate($"F26-system-{DuesCompliance.Key}", dues, dues.Rate, new("党费收缴落实率", "Party dues compliance"),
            new($"{compliance.Period}党员按月按时足额交纳党费的月份占应交纳月份（按月末所在党组织）", $"member-months paid in full and on time out of those due in {compliance.Period}"));

        var branchFilter = new LocalizedText($"{compliance.Period}该党支部五项组织生活制度的落实率与党费按时足额交纳率按制度等权合计", $"this branch in {compliance.Period}: its organizational-life slots and its members' dues, the systems weighed equally");
        foreach (var (rate, share) in byBranch)
        {
            yield return Rate($"F26-branch-{rate.Key}", rate, share, new($"{rate.Name.Chinese}落实率", $"{rate.Name.English} compliance"), branchFilter);
        }
    }

    /// <summary>F26 of <paramref name="previous"/> as the report counts it (six systems), or <c>null</c> when that year has no organizational life.</summary>
    private decimal? PreviousF26(CityDataset dataset, ReportingPeriod previous)
    {
        if (!AnyActivityIn(dataset, previous))
        {
            return null;
        }

        var compliance = _compliance.Evaluate(dataset, previous);
        var dues = DuesCompliance.Rate(dataset, _dues.EvaluateSlots(dataset, previous)).Overall;
        return DuesCompliance.Blend(compliance.Overall().Rate, compliance.RateBySystem().Count, dues.Rate) is { } v ? Math.Round(v * 100, 1) : null;
    }

    private static IEnumerable<ReportFigure> Development(PipelineResult pipeline, int year)
    {
        var key = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var any = pipeline.Cases.Count > 0;
        var source = new LocalizedText("发展党员档案", "admission cases");
        ReportFigure Count(string id, LocalizedText name, IReadOnlyList<PipelineCount> counts, Func<PipelineCount, int> part, LocalizedText filter)
        {
            var c = counts.FirstOrDefault(x => x.Key == key);
            return new ReportFigure
            {
                Id = id,
                Name = name,
                Value = any ? (c is null ? 0 : part(c)) : null,
                Unit = new("名", "people"),
                Filter = filter,
                Source = source,
                MissingReason = any ? null : NoRecords("发展党员档案", "admission cases"),
            };
        }

        static int Total(PipelineCount c) => c.Total;
        yield return Count("DEV-applications", new("新接收入党申请", "Applications received"), pipeline.Applications, Total, new($"{year}年提出入党申请的人数", $"people who applied in {year}"));
        yield return Count("DEV-activists", new("确定入党积极分子", "Activists designated"), pipeline.Activists, Total, new($"{year}年确定为入党积极分子的人数", $"designated activists in {year}"));
        yield return Count("DEV-candidates", new("确定发展对象", "Candidates designated"), pipeline.Candidates, Total, new($"{year}年确定为发展对象的人数", $"designated candidates in {year}"));
        yield return Count("DEV-admitted", new("发展党员", "Admitted"), pipeline.Admitted, Total, new($"{year}年支部大会通过并经审批接收的预备党员", $"admitted by a vote in {year}, approved"));
        yield return Count("DEV-admitted-young", new("发展青年律师党员", "Young lawyers admitted"), pipeline.Admitted, c => c.YoungLawyers,
            new($"{year}年接收的预备党员中申请时为执业律师且年龄不超过青年年龄上限的人数", $"of those admitted in {year}, practising lawyers and young at application"));
        yield return Count("DEV-admitted-young-others", new("发展青年党员（非律师）", "Young non-lawyers admitted"), pipeline.Admitted, c => c.YoungOthers,
            new($"{year}年接收的预备党员中申请时为青年但不是执业律师的人数", $"of those admitted in {year}, young at application but not practising lawyers"));
        yield return Count("DEV-converted", new("预备党员转正", "Converted to full membership"), pipeline.Converted, Total, new($"{year}年批准转为正式党员的人数", $"conversions approved in {year}"));
    }

    private static ReportChart ComplianceChart(string id, LocalizedText title, IReadOnlyList<(LocalizedText Name, decimal? Rate)> rates) =>
        new(id, title, new("%", "%"), ChartKind.Bars, rates.Select(r => r.Name).ToArray(),
            [new ChartSeries(new("落实率", "Compliance"), rates.Select(r => r.Rate is { } v ? Math.Round(v * 100, 1) : (decimal?)null).ToArray())]);

    /// <summary>The branches' rates; a large city's chart shows the lowest <see cref="BranchChartLimit"/>, every branch stays in the figures.</summary>
    private static ReportChart BranchChart((ComplianceRate Rate, decimal? Value)[] rates)
    {
        if (rates.Length <= BranchChartLimit)
        {
            return ComplianceChart("compliance-by-branch", new("六项基本制度落实率（按党支部）", "Compliance by branch"), rates.Select(r => (r.Rate.Name, r.Value)).ToArray());
        }

        var lowest = rates.Where(r => r.Value is not null).OrderBy(r => r.Value).ThenBy(r => r.Rate.Key, StringComparer.Ordinal).Take(BranchChartLimit).ToArray();
        return ComplianceChart("compliance-by-branch",
            new($"六项基本制度落实率（按党支部，{rates.Length}个中最低的{lowest.Length}个）", $"Compliance by branch (the lowest {lowest.Length} of {rates.Length})"),
            lowest.Select(r => (r.Rate.Name, r.Value)).ToArray());
    }

    /// <summary>Each branch's organizational-life rate and its six-systems rate with its members' dues.</summary>
    private static (ComplianceRate Rate, decimal? Value)[] Branches(ComplianceResult compliance, IReadOnlyList<ComplianceRate> byOrganization,
        Dictionary<OrganizationId, (int Met, int Missed, int Pending)> dues, int systems)
    {
        // Looked up by id (the first of each id), not searched per rate: a national city has tens of thousands of branches.
        var organizations = new Dictionary<string, PartyOrganization>(StringComparer.Ordinal);
        foreach (var organization in compliance.Organizations)
        {
            organizations.TryAdd(organization.Id.Value, organization);
        }

        var result = new List<(ComplianceRate, decimal?)>();
        foreach (var rate in byOrganization)
        {
            if (organizations.TryGetValue(rate.Key, out var o) && o.Kind.IsBranch())
            {
                var paid = dues.GetValueOrDefault(o.Id);
                decimal? duesRate = paid.Met + paid.Missed == 0 ? null : (decimal)paid.Met / (paid.Met + paid.Missed);
                result.Add((rate, DuesCompliance.Blend(rate.Rate, systems, duesRate)));
            }
        }

        return [.. result];
    }

    private const int BranchChartLimit = 20;

    private static ReportChart ServicesByMonth(CityDataset dataset, ReportingPeriod period, ServiceMetrics metrics)
    {
        var codes = IndicatorFigures.Where(x => string.CompareOrdinal(x.Figure, "F16") >= 0 && x.Figure.Length == 3 && dataset.Indicators.TryGet(x.Indicator, out var i) && i.IsRecorded)
            .Select(x => x.Indicator).ToArray();
        var table = metrics.Query(new MetricsQuery { Period = period, Indicators = codes, GroupBy = MetricGrouping.Month });
        var months = Enumerable.Range(1, 12).Select(m => $"{period.Start.Year:D4}-{m:D2}").ToArray();
        var series = new List<ChartSeries>();
        foreach (var code in codes)
        {
            var rows = table.Of(code).Where(r => r.Period is not null && r.Records > 0).ToDictionary(r => r.Period!, r => r.Value);
            if (rows.Count > 0)
            {
                series.Add(new ChartSeries(dataset.Indicators.Get(code).Name, months.Select(m => rows.GetValueOrDefault(m)).ToArray()));
            }
        }

        return new ReportChart("services-by-month", new("法律服务按月统计", "Legal services by month"), new("件/人次", "cases / person-times"), ChartKind.Columns,
            Enumerable.Range(1, 12).Select(m => new LocalizedText($"{m}月", $"{m:D2}")).ToArray(), series);
    }

    private static ReportChart AdmissionFunnel(PipelineResult pipeline, int year)
    {
        var key = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        decimal? Of(IReadOnlyList<PipelineCount> counts) => pipeline.Cases.Count == 0 ? null : counts.FirstOrDefault(c => c.Key == key)?.Total ?? 0;
        return new ReportChart("admission-funnel", new($"{year}年发展党员各阶段人数", $"Admission pipeline {year}"), new("名", "people"), ChartKind.Funnel,
            [new("入党申请", "Applied"), new("入党积极分子", "Activists"), new("发展对象", "Candidates"), new("接收预备党员", "Admitted"), new("转为正式党员", "Converted")],
            [new ChartSeries(new("人数", "People"), [Of(pipeline.Applications), Of(pipeline.Activists), Of(pipeline.Candidates), Of(pipeline.Admitted), Of(pipeline.Converted)])]);
    }

    /// <summary>Orders F1…F26 numerically, parts after their figure, supplementary figures last.</summary>
    private static (int, int) FigureOrder(string id)
    {
        var digits = 0;
        while (id.Length > 1 && id[0] == 'F' && digits + 1 < id.Length && char.IsAsciiDigit(id[digits + 1]))
        {
            digits++;
        }

        return (digits > 0 ? int.Parse(id.AsSpan(1, digits), System.Globalization.CultureInfo.InvariantCulture) : 1000, id.Length > digits + 1 ? 1 : 0);
    }

    /// <summary>A year (four digits, not part of a date) followed directly by Chinese text other than 年.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d\-])(\d{4})(?!年)(?=[\u4e00-\u9fff])", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex YearWithoutNian();
}
