using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Extensibility;
using PartyDomain.Governance;
using PartyDomain.Organization.Structure;
using PartyDomain.Reporting;
using PartyDomain.Training;

namespace PartyDomain.Testing;

/// <summary>
/// The engines exactly as <see cref="ServiceCollectionExtensions.AddPartyDomain"/> registers them, for code without a
/// container of its own: tests, benchmarks, scripts. Each engine has one constructor, the one the container calls; this
/// builds a container around a clock, so the rules, options, zone and checks are the library's, not a copy of them.
/// </summary>
/// <remarks>
/// The options are checked when the engines are created (the same checks a host runs at start): a wrong rule id,
/// parameter or value throws <see cref="OptionsValidationException"/> here, naming the setting. To build one engine
/// from parts of your own (a list of rules, options made in code), call its constructor with
/// <see cref="Options.Create{TOptions}(TOptions)"/> and <see cref="TestClock.InShanghai"/>.
/// </remarks>
/// <example>
/// <code>
/// var engines = PartyDomainEngines.Create(city.Clock);
/// var compliance = engines.Compliance.Evaluate(city.Build(), ReportingPeriod.Year(2025));
///
/// var tuned = PartyDomainEngines.Create(city.Clock, b => b
///     .ConfigureRules(o => o.Set(StructureRuleIds.BranchSize, "MaxMembers", 60))
///     .ConfigureCompliance(o => o.PartialSlotMinimumPercent = 100));
/// var summary = tuned.Reports.Build(city.Build(), 2025);
/// </code>
/// </example>
public sealed class PartyDomainEngines
{
    private readonly IServiceProvider _services;

    private PartyDomainEngines(IServiceProvider services) => _services = services;

    /// <summary>
    /// Registers the library as <c>services.AddSingleton(clock).AddPartyDomain(configure)</c> does, checks the options and
    /// returns its engines.
    /// </summary>
    /// <param name="clock">The clock "today" is read from (a <c>FakeClock</c> in tests, <see cref="TestClock.On(LocalDate)"/>), in
    /// the zone of <see cref="PartyDomainOptions.TimeZone"/> (Asia/Shanghai unless configured).</param>
    /// <param name="configure">Adds, replaces, removes or tunes rules and other extensions, as in <c>AddPartyDomain</c>;
    /// options other than rules and compliance are set through <see cref="PartyDomainBuilder.Services"/>
    /// (<c>b.Services.Configure&lt;TrainingOptions&gt;(o =&gt; …)</c>).</param>
    /// <exception cref="OptionsValidationException">An option is invalid; the message names it, in Chinese and English.</exception>
    public static PartyDomainEngines Create(IClock clock, Action<PartyDomainBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddPartyDomain(configure);

        // Nothing registered holds a resource, so the container lives as long as the engines and is never disposed.
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new PartyDomainEngines(provider);
    }

    /// <summary>The container, for the services this class does not name (for example the <see cref="ZonedClock"/> or the options).</summary>
    public IServiceProvider Services => _services;

    /// <summary>The structure and coverage checker.</summary>
    public StructureChecker Structure => Get<StructureChecker>();

    /// <summary>The basic-systems evaluator.</summary>
    public ComplianceEvaluator Compliance => Get<ComplianceEvaluator>();

    /// <summary>The study-hours evaluator.</summary>
    public TrainingEvaluator Training => Get<TrainingEvaluator>();

    /// <summary>The dues evaluator.</summary>
    public DuesEvaluator Dues => Get<DuesEvaluator>();

    /// <summary>The admission pipeline.</summary>
    public AdmissionPipeline Admissions => Get<AdmissionPipeline>();

    /// <summary>The governance evaluator.</summary>
    public GovernanceEvaluator Governance => Get<GovernanceEvaluator>();

    /// <summary>The annual summary builder, over the engines above.</summary>
    public AnnualSummaryBuilder Reports => Get<AnnualSummaryBuilder>();

    /// <summary>The registered service of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The service type.</typeparam>
    /// <exception cref="InvalidOperationException">Nothing of that type is registered.</exception>
    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();
}
