using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.BasicSystems;

/// <summary>
/// Evaluates the basic systems of organizational life (基本制度): for any period and organization subtree, every rule
/// and slot is met, missed, not applicable or pending as of the injected clock's today. Rules and their tuning come
/// in through the constructor, so a city replaces, tunes, disables or adds rules by id.
/// </summary>
public sealed class ComplianceEvaluator
{
    private readonly IBasicSystemRule[] _rules;
    private readonly RuleOptions _ruleOptions;
    private readonly ComplianceOptions _options;
    private readonly ZonedClock _clock;

    /// <summary>
    /// Creates an evaluator. <c>AddPartyDomain</c> registers one with the registered rules and the city's zone;
    /// <c>PartyDomainEngines.Create</c> (PartyDomain.Testing) builds the same without a container.
    /// </summary>
    /// <param name="rules">The rules; ids must be unique.</param>
    /// <param name="ruleOptions">Their tuning.</param>
    /// <param name="options">The evaluation options.</param>
    /// <param name="clock">The clock today is read from, in the city's zone.</param>
    /// <exception cref="RuleConfigurationException">Two rules share an id, or the options name an unknown parameter.</exception>
    public ComplianceEvaluator(IEnumerable<IBasicSystemRule> rules, IOptions<RuleOptions> ruleOptions, IOptions<ComplianceOptions> options, ZonedClock clock)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(ruleOptions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _ruleOptions = ruleOptions.Value;
        _options = options.Value;
        ArgumentOutOfRangeException.ThrowIfNegative(_options.PartialSlotMinimumPercent, nameof(ComplianceOptions.PartialSlotMinimumPercent));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.PartialSlotMinimumPercent, 100, nameof(ComplianceOptions.PartialSlotMinimumPercent));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxDegreeOfParallelism, 1, nameof(ComplianceOptions.MaxDegreeOfParallelism));
        _rules = rules.ToArray();
        _clock = clock;
        var clash = _rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new RuleConfigurationException($"Two basic-system rules share the id '{clash.Key}': {string.Join(", ", clash.Select(r => r.GetType().FullName))}.");
        }

        foreach (var rule in _rules)
        {
            _ruleOptions.Resolve(rule);
        }
    }

    /// <summary>The rules this evaluator runs.</summary>
    public IReadOnlyList<IBasicSystemRule> Rules => _rules;

    /// <summary>
    /// Evaluates <paramref name="period"/> for the organizations under <paramref name="root"/> (every organization when
    /// <c>null</c>) that exist at some time in the period.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="period">The period.</param>
    /// <param name="root">The root of the subtree, or <c>null</c> for the whole city.</param>
    /// <exception cref="KeyNotFoundException"><paramref name="root"/> is not in the dataset.</exception>
    public ComplianceResult Evaluate(CityDataset dataset, ReportingPeriod period, OrganizationId? root = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(period);
        var index = dataset.ActivityIndex;
        // The subtree as of the period's end: an organization re-affiliated during the period counts under its new parent.
        var inSubtree = root is { } r ? Subtree(dataset, r, period.End) : null;
        var scope = new List<int>(index.Organizations.Length);
        for (var i = 0; i < index.Organizations.Length; i++)
        {
            var o = index.Organizations[i];
            if ((inSubtree is null || inSubtree.Contains(o.Id)) && o.Lifetime.Overlaps(period.Interval))
            {
                scope.Add(i);
            }
        }

        var context = new ComplianceContext(dataset, period, _clock.GetCurrentDate(), _options, [.. scope]);
        var evaluations = new RuleOutcomes[_rules.Length];
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            evaluations[i] = new RuleOutcomes(rule, _ruleOptions.Resolve(rule), context.Slots(rule.Cadence), scope.Count, context);
        }

        if (_options.MaxDegreeOfParallelism == 1 || _rules.Length < 2)
        {
            foreach (var outcomes in evaluations)
            {
                Run(context, outcomes);
            }
        }
        else
        {
            RunSideBySide(context, evaluations, _options.MaxDegreeOfParallelism);
        }

        return new ComplianceResult(context, evaluations);
    }

    private static void Run(ComplianceContext context, RuleOutcomes outcomes)
    {
        if (outcomes.Settings.Enabled)
        {
            outcomes.Rule.Evaluate(context, outcomes.Settings, outcomes);
        }

        outcomes.Seal();
    }

    /// <summary>
    /// The rules on up to <paramref name="threads"/> threads, the calling one among them (so the evaluation goes on even
    /// when the thread pool is busy), each taking the next rule in order when it is free; a rule's exception is rethrown
    /// as it was thrown (the first rule's, in rule order, when several threw).
    /// </summary>
    private static void RunSideBySide(ComplianceContext context, RuleOutcomes[] evaluations, int threads)
    {
        var failures = new ExceptionDispatchInfo?[evaluations.Length];
        var next = -1;

        void Work()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < evaluations.Length)
            {
                try
                {
                    Run(context, evaluations[i]);
                }
                catch (Exception e)
                {
                    failures[i] = ExceptionDispatchInfo.Capture(e);
                    evaluations[i].Seal();
                }
            }
        }

        var helpers = new Task[Math.Min(threads, evaluations.Length) - 1];
        for (var h = 0; h < helpers.Length; h++)
        {
            helpers[h] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        }

        Work();
        Task.WaitAll(helpers);
        Array.Find(failures, f => f is not null)?.Throw();
    }

    /// <summary>
    /// What falls due within <see cref="ComplianceOptions.ReminderHorizonDays"/> of today and is not met yet, for the
    /// organizations under <paramref name="root"/>: the current year (and the next, when the horizon reaches it) is evaluated.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="root">The root of the subtree, or <c>null</c> for the whole city.</param>
    public IReadOnlyList<Reminder> Reminders(CityDataset dataset, OrganizationId? root = null)
    {
        var today = _clock.GetCurrentDate();
        var until = today.PlusDays(_options.ReminderHorizonDays);
        var period = ReportingPeriod.Of(new DateInterval(new LocalDate(today.Year, 1, 1), new LocalDate(until.Year, 12, 31)));
        return Evaluate(dataset, period, root).Reminders(_options.ReminderHorizonDays);
    }

    private static HashSet<OrganizationId> Subtree(CityDataset dataset, OrganizationId root, LocalDate asOf)
    {
        dataset.GetOrganization(root);
        var children = dataset.Organizations.Where(o => o.ParentOn(asOf) is not null).ToLookup(o => o.ParentOn(asOf)!.Value);
        var result = new HashSet<OrganizationId> { root };
        var queue = new Queue<OrganizationId>([root]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in children[id])
            {
                if (result.Add(child.Id))
                {
                    queue.Enqueue(child.Id);
                }
            }
        }

        return result;
    }
}
