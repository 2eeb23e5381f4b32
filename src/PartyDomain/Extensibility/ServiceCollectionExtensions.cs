using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Organization.Structure;
using PartyDomain.Training;
using PartyDomain.Dues;
using PartyDomain.Development;
using PartyDomain.Governance;
using PartyDomain.Reporting;
using PartyDomain.Rules;

namespace PartyDomain.Extensibility;

/// <summary>Registers PartyDomain into a service collection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the library: the clock (<see cref="SystemClock"/> unless an <see cref="IClock"/> is already
    /// registered), <see cref="PartyDomainOptions"/>, <see cref="RuleOptions"/>, the default rules and the engines.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds, replaces or removes extensions, after the defaults are in.</param>
    /// <returns>The builder, for further registration.</returns>
    public static PartyDomainBuilder AddPartyDomain(this IServiceCollection services, Action<PartyDomainBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new PartyDomainBuilder(services);
        builder.AddDefaults();
        configure?.Invoke(builder);

#pragma warning disable RS0030 // the composition root's default: the real clock, unless one is registered
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.AddOptions<PartyDomainOptions>()
            .Validate(o => DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.TimeZone) is not null, "PartyDomain:TimeZone is not a TZDB zone id such as Asia/Shanghai.");
        services.TryAddSingleton(sp => new ZonedClock(
            sp.GetRequiredService<IClock>(),
            DateTimeZoneProviders.Tzdb[sp.GetRequiredService<IOptions<PartyDomainOptions>>().Value.TimeZone],
            CalendarSystem.Iso));

        // The rule list is read when the container resolves it, so registrations made through the returned builder count.
        services.AddOptions<RuleOptions>();
        services.AddSingleton<IValidateOptions<RuleOptions>>(new RuleOptionsValidator(builder));
        services.AddSingleton<IPostConfigureOptions<RuleOptions>>(new RuleDefaultsApplier(builder));
        services.AddSingleton<IEnumerable<Data.IDatasetContributor>>(_ => builder.DatasetContributors.ToArray());
        services.AddSingleton<IEnumerable<Data.ImportTable>>(_ => builder.ImportTables.ToArray());
        services.AddSingleton<IEnumerable<IRule>>(_ => builder.Rules.ToArray());
        services.AddSingleton(sp => new StructureChecker(builder.Rules.OfType<IStructureRule>(), sp.GetRequiredService<IOptions<RuleOptions>>()));
        services.AddOptions<ComplianceOptions>()
            .Validate(o => o.PartialSlotMinimumPercent is >= 0 and <= 100, "PartyDomain:Compliance:PartialSlotMinimumPercent must be between 0 and 100.")
            .Validate(o => o.ReminderHorizonDays >= 0, "PartyDomain:Compliance:ReminderHorizonDays cannot be negative.")
            .Validate(o => Enum.IsDefined(o.PartialSlots), "PartyDomain:Compliance:PartialSlots must be MinimumShare or AliveOnLastDay.")
            .Validate(o => Enum.IsDefined(o.MetBeforeSlotEnds), "PartyDomain:Compliance:MetBeforeSlotEnds must be Met or Pending.")
            .Validate(o => Enum.IsDefined(o.SlotEndingToday), "PartyDomain:Compliance:SlotEndingToday must be Pending or Judged.");
        services.AddSingleton(builder.ActivityKinds);
        // Read when resolved: a plugin host fills it in after AddPartyDomain returns.
        services.AddSingleton(_ => builder.Plugins);
        services.AddSingleton(builder.Indicators);
        services.AddOptions<DevelopmentOptions>()
            .Validate(o => o.YoungAgeThreshold is > 0 and < 120, "PartyDomain:Development:YoungAgeThreshold must be an age.");
        services.AddSingleton(sp => new AdmissionPipeline(
            sp.GetRequiredService<IOptions<RuleOptions>>(),
            sp.GetRequiredService<IOptions<DevelopmentOptions>>(),
            sp.GetRequiredService<IOptions<PartyDomainOptions>>(),
            sp.GetRequiredService<IClock>()));
        services.AddSingleton(sp => new DuesEvaluator(
            builder.DuesBasePolicy,
            sp.GetRequiredService<IOptions<RuleOptions>>(),
            sp.GetRequiredService<IOptions<PartyDomainOptions>>(),
            sp.GetRequiredService<IClock>()));
        services.AddOptions<TrainingOptions>()
            .Validate(o => Enum.IsDefined(o.NewMembers), "PartyDomain:Training:NewMembers must be ProRated, Full or NotAssessed.");
        services.AddSingleton(sp => new TrainingEvaluator(
            builder.Rules.OfType<TrainingRequirement>(),
            builder.StudyCreditConverters,
            sp.GetRequiredService<IOptions<RuleOptions>>(),
            sp.GetRequiredService<IOptions<PartyDomainOptions>>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<TrainingOptions>>()));
        services.AddSingleton(sp => new ComplianceEvaluator(
            builder.Rules.OfType<IBasicSystemRule>(),
            sp.GetRequiredService<IOptions<RuleOptions>>(),
            sp.GetRequiredService<IOptions<ComplianceOptions>>(),
            sp.GetRequiredService<IOptions<PartyDomainOptions>>(),
            sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(sp => new Reminders.ReminderCollector(
            sp.GetRequiredService<ComplianceEvaluator>(),
            sp.GetRequiredService<StructureChecker>(),
            sp.GetRequiredService<AdmissionPipeline>(),
            sp.GetRequiredService<IOptions<ComplianceOptions>>(),
            sp.GetRequiredService<ZonedClock>()));
        services.AddOptions<Reminders.ReminderDeliveryOptions>()
            .Validate(o => o.MaxAttempts >= 1, "PartyDomain:Reminders:MaxAttempts must be at least 1.")
            .Validate(o => o.RetryDelay >= TimeSpan.Zero, "PartyDomain:Reminders:RetryDelay cannot be negative.");
        services.TryAddSingleton<Reminders.ReminderDispatcher>();
        services.AddSingleton(sp => new GovernanceEvaluator(builder.Rules.OfType<GovernanceRule>(), sp.GetRequiredService<IOptions<RuleOptions>>()));

        // Sections and templates are read when the container resolves the builder, so a plugin's later additions count.
        services.AddSingleton(sp => new AnnualSummaryBuilder(
            sp.GetRequiredService<StructureChecker>(),
            sp.GetRequiredService<ComplianceEvaluator>(),
            sp.GetRequiredService<TrainingEvaluator>(),
            sp.GetRequiredService<AdmissionPipeline>(),
            sp.GetRequiredService<DuesEvaluator>(),
            sp.GetRequiredService<GovernanceEvaluator>(),
            builder.ReportSections,
            builder.ReportTemplates,
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<PartyDomainOptions>>())
        {
            Plugins = builder.Plugins,
        });
        services.AddSingleton<IReportRenderer, MarkdownReportRenderer>();
        services.AddSingleton<IReportRenderer, HtmlReportRenderer>();
        services.AddSingleton<IReportRenderer, JsonReportRenderer>();
        return builder;
    }

    // A city's tuned default applies unless configuration or code set the parameter: it is a default, not an override.
    private sealed class RuleDefaultsApplier(PartyDomainBuilder builder) : IPostConfigureOptions<RuleOptions>
    {
        public void PostConfigure(string? name, RuleOptions options)
        {
            foreach (var tuned in builder.RuleDefaults)
            {
                if (!options.Rules.TryGetValue(tuned.Id.Value, out var settings))
                {
                    options.Rules[tuned.Id.Value] = settings = new RuleSettings();
                }

                settings.Parameters.TryAdd(tuned.Parameter, tuned.Value);
            }
        }
    }

    private sealed class RuleOptionsValidator(PartyDomainBuilder builder) : IValidateOptions<RuleOptions>
    {
        public ValidateOptionsResult Validate(string? name, RuleOptions options)
        {
            try
            {
                options.Validate(builder.Rules);
                return ValidateOptionsResult.Success;
            }
            catch (RuleConfigurationException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
