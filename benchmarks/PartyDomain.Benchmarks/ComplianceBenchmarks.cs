using BenchmarkDotNet.Attributes;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Testing;
using PartyDomain.Time;
using RulesEngineWorkflow = RulesEngine.Models.Workflow;
using RulesEngineRule = RulesEngine.Models.Rule;

namespace PartyDomain.Benchmarks;

/// <summary>
/// Issue target: at national scale (40,000 branches, one year, about 2 million activity records with attendance) the
/// library's evaluation of the default frequency rules is at least 20× faster than Microsoft's RulesEngine and than a
/// straightforward LINQ GroupBy, within 2.5× of a hand-written single pass (the floor, and the baseline of the ratios)
/// and allocates under 50 MB; the full default rule set (quorum and coverage included) runs in under 100 ms. The
/// setup asserts that the library, LINQ, RulesEngine and the hand loop find exactly the same misses. The library's
/// one-time cost on a fresh dataset is measured by <see cref="ComplianceFirstEvaluationBenchmarks"/>.
/// <c>PARTYDOMAIN_BENCH_SCALE</c> (default 1) shrinks the dataset for CI's dry run.
/// </summary>
[MemoryDiagnoser]
public class ComplianceBenchmarks
{
    private static readonly ReportingPeriod Period = ReportingPeriod.Year(SyntheticActivities.Year);
    private static readonly LocalDate YearEnd = new(SyntheticActivities.Year, 12, 31);

    private CityDataset _dataset = null!;
    private ComplianceEvaluator _frequency = null!;
    private ComplianceEvaluator _default = null!;
    private ComplianceEvaluator _defaultOneThread = null!;
    private FrequencySpec[] _specs = [];
    private RulesEngine.RulesEngine _engine = null!;
    private int[] _cadences = [];

    // The hand loop's plain arrays, extracted once: per record its organization, rule and month; per organization its scope.
    private int[] _recordOrganization = [];
    private sbyte[] _recordRule = [];
    private byte[] _recordMonth = [];
    private byte[] _organizationScope = [];
    private OrganizationId[] _organizationIds = [];

    [GlobalSetup]
    public void Setup()
    {
        _dataset = ComplianceData.Build(ComplianceData.Records());
        var (frequencyRules, options) = ComplianceData.FrequencyRulesOnly();
        // The frequency rules on one thread, as the hand loop runs: the ratio compares like with like.
        _frequency = new ComplianceEvaluator(frequencyRules, Microsoft.Extensions.Options.Options.Create(options),
            Microsoft.Extensions.Options.Options.Create(new ComplianceOptions { MaxDegreeOfParallelism = 1 }), SyntheticActivities.Clock.InShanghai());
        _default = PartyDomainEngines.Create(SyntheticActivities.Clock).Compliance;
        _defaultOneThread = PartyDomainEngines.Create(SyntheticActivities.Clock, b => b.ConfigureCompliance(o => o.MaxDegreeOfParallelism = 1)).Compliance;
        _specs = frequencyRules.Select(r => new FrequencySpec(r.Id.Value, r.Kinds.Single(), r.Cadence.Months, r.Scope, options.Resolve(r)["MinCount"])).ToArray();
        if (_specs.Select(s => s.Kind).Distinct().Count() != _specs.Length || _specs.Any(s => 12 % s.CadenceMonths != 0))
        {
            throw new InvalidOperationException("The baselines assume one frequency rule per activity kind and cadences that divide the year.");
        }

        _cadences = [.. _specs.Select(s => s.CadenceMonths).Distinct().Order()];
        _engine = new RulesEngine.RulesEngine(RulesEngineWorkflows(_specs));
        ExtractArrays();

        // Warm up: the first evaluation builds the dataset's columnar activity index (and the default set's quorum counts).
        var frequency = Library_FrequencyRules();
        var full = Library_FullDefaultRuleSet();
        if (full.Overall().Pending > 0 || frequency.Overall().Pending > 0)
        {
            throw new InvalidOperationException("Some 2025 slots are pending: today must fall after the year.");
        }

        var library = LibraryMisses(frequency);
        Same(LibraryMisses(full), "the full set side by side", LibraryMisses(Library_FullDefaultRuleSet_OneThread()), "the full set on one thread");
        var linq = Baseline_Linq();
        var rulesEngine = Baseline_RulesEngine().GetAwaiter().GetResult();
        var handLoop = Baseline_HandLoop();
        Same(library, "the library (frequency rules)", linq, "LINQ");
        Same(library, "the library (frequency rules)", rulesEngine, "RulesEngine");
        Same(library, "the library (frequency rules)", handLoop, "the hand loop");

        var activities = _dataset.Activities;
        var attendance = activities.Sum(a => (long)a.Attendance.Count);
        var perRule = string.Join(", ", library.GroupBy(m => m.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var branchCount = _dataset.Organizations.Count(o => o.Kind.IsBranch());
        var committees = _organizationScope.Count(s => (s & ScopeCommittee) != 0);
        var groups = _dataset.Organizations.Count(o => o.Kind == OrganizationKind.PartyGroup);
        Console.WriteLine($"// nation: {branchCount} branches ({committees} with a committee), {groups} party groups, {_dataset.People.Count} people; " +
            $"{activities.Count} activity records, {attendance} attendance entries");
        Console.WriteLine($"// frequency rules: {library.Count} misses, the same in the library, LINQ, RulesEngine and the hand loop ({perRule})");
        Console.WriteLine($"// full default rule set: {full.Overall().Missed} misses of {full.Overall().Met + full.Overall().Missed} slots judged, " +
            $"{full.MemberFindings.Count} member findings");
    }

    /// <summary>The branches with a committee at the year's end: three or more people in committee seats (《支部工作条例》第六章).</summary>
    private HashSet<OrganizationId> Committees() => _dataset.PartyPosts
        .Where(p => p.Post.IsCommitteeSeat() && p.IsActiveOn(YearEnd))
        .GroupBy(p => p.OrganizationId)
        .Where(g => g.Select(p => p.PersonId).Distinct().Count() >= PartyPostExtensions.MinimumCommitteeSeats)
        .Select(g => g.Key)
        .ToHashSet();

    /// <summary>The library, default frequency rules only, quorum off: the same rules the baselines implement.</summary>
    [Benchmark(Description = "Library: frequency rules (target ≥20× LINQ/RulesEngine, ≤2.5× hand loop, <50 MB)")]
    public ComplianceResult Library_FrequencyRules() => _frequency.Evaluate(_dataset, Period);

    /// <summary>The library's default evaluator: all 12 rules, quorum, secretary lectures, coverage and inactivity included, side by side on the machine's cores.</summary>
    [Benchmark(Description = "Library: full default rule set (target <100 ms)")]
    public ComplianceResult Library_FullDefaultRuleSet() => _default.Evaluate(_dataset, Period);

    /// <summary>The same rules one after another (<see cref="ComplianceOptions.MaxDegreeOfParallelism"/> = 1): what one core does.</summary>
    [Benchmark(Description = "Library: full default rule set, one thread")]
    public ComplianceResult Library_FullDefaultRuleSet_OneThread() => _defaultOneThread.Evaluate(_dataset, Period);

    /// <summary>A straightforward LINQ implementation: group by organization, kind and slot, count distinct days.</summary>
    [Benchmark(Description = "Baseline: LINQ GroupBy")]
    public List<Miss> Baseline_Linq()
    {
        var committees = Committees();
        var cadence = _specs.ToDictionary(s => s.Kind, s => s.CadenceMonths);
        var counts = _dataset.Activities
            .Where(a => a.Date.Year == SyntheticActivities.Year && cadence.ContainsKey(a.Kind))
            .GroupBy(a => (a.OrganizationId, a.Kind, Slot: (a.Date.Month - 1) / cadence[a.Kind]))
            .ToDictionary(g => g.Key, g => g.Select(a => a.Date).Distinct().Count());
        return (from spec in _specs
                from organization in _dataset.Organizations
                where spec.Scope switch
                {
                    OrganizationScope.Branches => organization.Kind.IsBranch(),
                    OrganizationScope.BranchesWithCommittee => organization.Kind.IsBranch() && committees.Contains(organization.Id),
                    _ => organization.Kind == OrganizationKind.PartyGroup,
                }
                from slot in Enumerable.Range(0, 12 / spec.CadenceMonths)
                where counts.GetValueOrDefault((organization.Id, spec.Kind, slot)) < spec.MinCount
                select new Miss(organization.Id, spec.RuleId, slot)).ToList();
    }

    /// <summary>
    /// Microsoft RulesEngine, the way a team would otherwise build this: count distinct days per organization, kind and
    /// month, then run the workflow of each cadence (the frequency rules as rule expressions) for every organization and slot.
    /// </summary>
    [Benchmark(Description = "Baseline: Microsoft RulesEngine")]
    public async Task<List<Miss>> Baseline_RulesEngine()
    {
        var months = _specs.Length * 12;
        var rule = _specs.Select((s, i) => (s.Kind, i)).ToDictionary(p => p.Kind, p => p.i);
        var days = new HashSet<(OrganizationId, ActivityKind, LocalDate)>();
        var counts = new Dictionary<OrganizationId, int[]>();
        foreach (var a in _dataset.Activities)
        {
            if (a.Date.Year != SyntheticActivities.Year || !rule.TryGetValue(a.Kind, out var r) || !days.Add((a.OrganizationId, a.Kind, a.Date)))
            {
                continue;
            }

            if (!counts.TryGetValue(a.OrganizationId, out var c))
            {
                counts[a.OrganizationId] = c = new int[months];
            }

            c[(r * 12) + a.Date.Month - 1]++;
        }

        var committees = Committees();
        var none = new int[months];
        var misses = new List<Miss>();
        foreach (var organization in _dataset.Organizations)
        {
            var c = counts.GetValueOrDefault(organization.Id, none);
            var isBranch = organization.Kind.IsBranch();
            foreach (var cadence in _cadences)
            {
                for (var slot = 0; slot < 12 / cadence; slot++)
                {
                    int Count(ActivityKind kind)
                    {
                        var from = (rule[kind] * 12) + (slot * cadence);
                        var sum = 0;
                        for (var m = from; m < from + cadence; m++)
                        {
                            sum += c[m];
                        }

                        return sum;
                    }

                    var input = new SlotFacts
                    {
                        IsBranch = isBranch,
                        HasCommittee = isBranch && committees.Contains(organization.Id),
                        IsPartyGroup = organization.Kind == OrganizationKind.PartyGroup,
                        GeneralMeetings = Count(ActivityKind.GeneralMeeting),
                        CommitteeMeetings = Count(ActivityKind.CommitteeMeeting),
                        GroupMeetings = Count(ActivityKind.GroupMeeting),
                        PartyLessons = Count(ActivityKind.PartyLesson),
                        OrganizationalLifeMeetings = Count(ActivityKind.OrganizationalLifeMeeting),
                        ThemePartyDays = Count(ActivityKind.ThemePartyDay),
                    };
                    foreach (var result in await _engine.ExecuteAllRulesAsync(WorkflowName(cadence), input).ConfigureAwait(false))
                    {
                        if (!result.IsSuccess)
                        {
                            misses.Add(new Miss(organization.Id, result.Rule.RuleName, slot));
                        }
                    }
                }
            }
        }

        return misses;
    }

    /// <summary>
    /// The floor: one pass over plain arrays (organization, rule, month per record) counting records per organization,
    /// rule and month, then one pass over the organizations. With a minimum of one, "at least one record" is "at least
    /// one distinct day", so the floor needs no dates.
    /// </summary>
    [Benchmark(Baseline = true, Description = "Baseline: hand-written single pass (the floor)")]
    public List<Miss> Baseline_HandLoop()
    {
        var rules = _specs.Length;
        var counts = new int[_organizationIds.Length * rules * 12];
        var organizationOf = _recordOrganization;
        var ruleOf = _recordRule;
        var monthOf = _recordMonth;
        for (var i = 0; i < organizationOf.Length; i++)
        {
            var r = ruleOf[i];
            if (r >= 0)
            {
                counts[(((organizationOf[i] * rules) + r) * 12) + monthOf[i]]++;
            }
        }

        var misses = new List<Miss>();
        for (var o = 0; o < _organizationIds.Length; o++)
        {
            var scope = _organizationScope[o];
            for (var r = 0; r < rules; r++)
            {
                var spec = _specs[r];
                if ((scope & ScopeBit(spec.Scope)) == 0)
                {
                    continue;
                }

                var cell = ((o * rules) + r) * 12;
                for (var slot = 0; slot < 12 / spec.CadenceMonths; slot++)
                {
                    var sum = 0;
                    for (var m = 0; m < spec.CadenceMonths; m++)
                    {
                        sum += counts[cell + (slot * spec.CadenceMonths) + m];
                    }

                    if (sum < spec.MinCount)
                    {
                        misses.Add(new Miss(_organizationIds[o], spec.RuleId, slot));
                    }
                }
            }
        }

        return misses;
    }

    private const byte ScopeBranch = 1;
    private const byte ScopeCommittee = 2;
    private const byte ScopeGroup = 4;

    private static byte ScopeBit(OrganizationScope scope) => scope switch
    {
        OrganizationScope.Branches => ScopeBranch,
        OrganizationScope.BranchesWithCommittee => ScopeCommittee,
        _ => ScopeGroup,
    };

    private void ExtractArrays()
    {
        var organizations = _dataset.Organizations;
        var position = new Dictionary<OrganizationId, int>(organizations.Count);
        _organizationIds = new OrganizationId[organizations.Count];
        _organizationScope = new byte[organizations.Count];
        var committees = Committees();
        for (var o = 0; o < organizations.Count; o++)
        {
            var organization = organizations[o];
            position[organization.Id] = o;
            _organizationIds[o] = organization.Id;
            _organizationScope[o] = (byte)((organization.Kind.IsBranch() ? ScopeBranch : 0)
                | (organization.Kind.IsBranch() && committees.Contains(organization.Id) ? ScopeCommittee : 0)
                | (organization.Kind == OrganizationKind.PartyGroup ? ScopeGroup : 0));
        }

        var activities = _dataset.Activities;
        _recordOrganization = new int[activities.Count];
        _recordRule = new sbyte[activities.Count];
        _recordMonth = new byte[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i];
            _recordOrganization[i] = position[a.OrganizationId];
            _recordRule[i] = (sbyte)(a.Date.Year == SyntheticActivities.Year ? Array.FindIndex(_specs, s => s.Kind == a.Kind) : -1);
            _recordMonth[i] = (byte)(a.Date.Month - 1);
        }
    }

    private static List<Miss> LibraryMisses(ComplianceResult result)
    {
        var misses = result.Results().Where(r => r.Outcome == SlotOutcome.Missed).Select(r => new Miss(r.Organization.Id, r.Rule.Id.Value, r.Slot.Index)).ToList();
        return misses;
    }

    private static void Same(List<Miss> expected, string expectedName, List<Miss> actual, string actualName)
    {
        var want = expected.ToHashSet();
        var got = actual.ToHashSet();
        if (want.Count != expected.Count || got.Count != actual.Count || !want.SetEquals(got))
        {
            var missing = want.Except(got).Take(5).ToList();
            var extra = got.Except(want).Take(5).ToList();
            throw new InvalidOperationException(
                $"{actualName} and {expectedName} disagree: {expectedName} found {expected.Count} misses ({want.Count} distinct), {actualName} {actual.Count} ({got.Count} distinct); " +
                $"{want.Except(got).Count()} only in {expectedName} (e.g. {string.Join(", ", missing)}), {got.Except(want).Count()} only in {actualName} (e.g. {string.Join(", ", extra)}).");
        }
    }

    private static string WorkflowName(int cadenceMonths) => cadenceMonths switch
    {
        1 => "BasicSystems.Monthly",
        3 => "BasicSystems.Quarterly",
        _ => "BasicSystems.Yearly",
    };

    /// <summary>The frequency rules as RulesEngine workflows, one per cadence: a rule passes when it does not apply or the count is reached.</summary>
    private static RulesEngineWorkflow[] RulesEngineWorkflows(FrequencySpec[] specs) =>
        specs.GroupBy(s => s.CadenceMonths).Select(g => new RulesEngineWorkflow
        {
            WorkflowName = WorkflowName(g.Key),
            Rules = g.Select(s => new RulesEngineRule
            {
                RuleName = s.RuleId,
                SuccessEvent = "met",
                ErrorMessage = "missed",
                Expression = $"!input1.{AppliesProperty(s.Scope)} || input1.{CountProperty(s.Kind)} >= {s.MinCount}",
            }).ToList(),
        }).ToArray();

    private static string AppliesProperty(OrganizationScope scope) => scope switch
    {
        OrganizationScope.Branches => nameof(SlotFacts.IsBranch),
        OrganizationScope.BranchesWithCommittee => nameof(SlotFacts.HasCommittee),
        _ => nameof(SlotFacts.IsPartyGroup),
    };

    private static string CountProperty(ActivityKind kind) =>
        kind == ActivityKind.GeneralMeeting ? nameof(SlotFacts.GeneralMeetings)
        : kind == ActivityKind.CommitteeMeeting ? nameof(SlotFacts.CommitteeMeetings)
        : kind == ActivityKind.GroupMeeting ? nameof(SlotFacts.GroupMeetings)
        : kind == ActivityKind.PartyLesson ? nameof(SlotFacts.PartyLessons)
        : kind == ActivityKind.OrganizationalLifeMeeting ? nameof(SlotFacts.OrganizationalLifeMeetings)
        : kind == ActivityKind.ThemePartyDay ? nameof(SlotFacts.ThemePartyDays)
        : throw new InvalidOperationException($"No RulesEngine input property counts '{kind}'.");

    /// <summary>A frequency rule as the baselines read it.</summary>
    private sealed record FrequencySpec(string RuleId, ActivityKind Kind, int CadenceMonths, OrganizationScope Scope, int MinCount);

    /// <summary>A missed slot: the organization, the rule and the slot's index in the year (month, quarter or 0).</summary>
    /// <param name="Organization">The organization.</param>
    /// <param name="RuleId">The rule's id.</param>
    /// <param name="Slot">The slot's index.</param>
    public readonly record struct Miss(OrganizationId Organization, string RuleId, int Slot);

    /// <summary>The RulesEngine input: one organization in one slot.</summary>
    public sealed class SlotFacts
    {
        public bool IsBranch { get; init; }

        public bool HasCommittee { get; init; }

        public bool IsPartyGroup { get; init; }

        public int GeneralMeetings { get; init; }

        public int CommitteeMeetings { get; init; }

        public int GroupMeetings { get; init; }

        public int PartyLessons { get; init; }

        public int OrganizationalLifeMeetings { get; init; }

        public int ThemePartyDays { get; init; }
    }
}

/// <summary>
/// The one-time cost the library pays on the first evaluation of a fresh dataset: it builds its columnar activity
/// index (and, for the default rule set, the quorum counts it caches) and keeps it with the dataset; every later
/// evaluation of that dataset is the steady state <see cref="ComplianceBenchmarks"/> measures. Each iteration gets a
/// dataset freshly built from the same records (not timed). Ten iterations are enough for a cost of seconds and keep
/// the run short.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(10)]
public class ComplianceFirstEvaluationBenchmarks
{
    private static readonly ReportingPeriod Period = ReportingPeriod.Year(SyntheticActivities.Year);

    private List<DatasetRecord> _records = [];
    private CityDataset? _fresh;
    private ComplianceEvaluator _frequency = null!;
    private ComplianceEvaluator _default = null!;

    [GlobalSetup]
    public void Setup()
    {
        _records = ComplianceData.Records();
        var (frequencyRules, options) = ComplianceData.FrequencyRulesOnly();
        _frequency = new ComplianceEvaluator(frequencyRules, Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Options.Options.Create(new ComplianceOptions()), SyntheticActivities.Clock.InShanghai());
        _default = PartyDomainEngines.Create(SyntheticActivities.Clock).Compliance;
        var dataset = ComplianceData.Build(_records);
        Console.WriteLine($"// nation: {dataset.Organizations.Count} organizations, {dataset.People.Count} people, {dataset.Activities.Count} activity records, " +
            $"{dataset.Activities.Sum(a => (long)a.Attendance.Count)} attendance entries");
    }

    /// <summary>A fresh dataset from the same records, so the next evaluation builds the activity index again.</summary>
    [IterationSetup]
    public void FreshDataset()
    {
        _fresh = null;
        GC.Collect();
        _fresh = ComplianceData.Build(_records);
        GC.Collect();
    }

    /// <summary>Index build, then the frequency rules (quorum off).</summary>
    [Benchmark(Description = "Library: first evaluation of a fresh dataset, frequency rules (index build included)")]
    public ComplianceResult Library_FirstEvaluation_FrequencyRules() => _frequency.Evaluate(_fresh!, Period);

    /// <summary>Index build and the quorum counts it caches, then the full default rule set.</summary>
    [Benchmark(Description = "Library: first evaluation of a fresh dataset, full default rule set (index build included)")]
    public ComplianceResult Library_FirstEvaluation_FullDefaultRuleSet() => _default.Evaluate(_fresh!, Period);
}

/// <summary>The national dataset and the frequency-only rule set, shared by the compliance benchmarks.</summary>
internal static class ComplianceData
{
    /// <summary>The records of 40,000 branches (times <c>PARTYDOMAIN_BENCH_SCALE</c>, at least 200).</summary>
    public static List<DatasetRecord> Records() => SyntheticActivities.Generate(Math.Max(200, (int)(40_000 * BenchmarkScale.Factor)));

    /// <summary>Validates and builds the dataset; throws with the first problems when the records are invalid.</summary>
    public static CityDataset Build(List<DatasetRecord> records)
    {
        var dataset = new CityDatasetBuilder(SyntheticActivities.City, SyntheticActivities.Today).AddRange(records).TryBuild(out var problems);
        return dataset ?? throw new InvalidOperationException(
            $"The synthetic national dataset is invalid: {problems.Count} problems, first: {string.Join("; ", problems.Take(3))}");
    }

    /// <summary>The default frequency rules, tuned to count every meeting (no quorum): the same rules the baselines implement.</summary>
    public static (BasicSystemRule[] Rules, RuleOptions Options) FrequencyRulesOnly()
    {
        var options = new RuleOptions();
        options.Rules[BasicSystemRuleIds.GeneralMeeting.Value] = new RuleSettings { Parameters = { ["RequireQuorum"] = 0 } };
        options.Rules[BasicSystemRuleIds.CommitteeMeeting.Value] = new RuleSettings { Parameters = { ["RequireQuorum"] = 0 } };
        RuleId[] frequency = [BasicSystemRuleIds.GeneralMeeting, BasicSystemRuleIds.CommitteeMeeting, BasicSystemRuleIds.GroupMeeting,
            BasicSystemRuleIds.PartyLesson, BasicSystemRuleIds.OrganizationalLifeMeeting, BasicSystemRuleIds.ThemePartyDay];
        return (DefaultBasicSystemRules.Create().OfType<BasicSystemRule>().Where(r => frequency.Contains(r.Id)).ToArray(), options);
    }
}
