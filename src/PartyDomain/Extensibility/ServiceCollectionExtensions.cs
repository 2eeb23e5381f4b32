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
    /// registered) and the <see cref="ZonedClock"/> of <see cref="PartyDomainOptions.TimeZone"/> that every "today" is
    /// read from, the options (<see cref="PartyDomainOptions"/>, <see cref="RuleOptions"/>, <see cref="ComplianceOptions"/>,
    /// <see cref="TrainingOptions"/>, <see cref="DevelopmentOptions"/>, each checked when the container starts), the
    /// default rules and the engines. Engines, the clocks and the reminder services are added with <c>TryAdd</c>: one
    /// registered before (or in <paramref name="configure"/>, through <see cref="PartyDomainBuilder.Services"/>) is kept.
    /// </summary>
    /// <remarks>
    /// A generic host checks the options when it starts; a container built by hand checks them when
    /// <see cref="IStartupValidator.Validate"/> is called, or when an engine is first resolved. A failure is an
    /// <see cref="OptionsValidationException"/> whose message names the setting, in Chinese and English.
    /// </remarks>
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

        // Every option is checked when the container starts (IStartupValidator, which a generic host runs), and again
        // when first read: a wrong value stops the host before any work, with a message naming the setting.
        services.AddOptions<PartyDomainOptions>()
            .Check(o => DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.TimeZone ?? "") is not null, o => new(
                $"PartyDomain:TimeZone：“{o.TimeZone}”不是 TZDB 时区 id；请写成 Asia/Shanghai 这样的 id",
                $"PartyDomain:TimeZone: '{o.TimeZone}' is not a TZDB zone id; write an id such as Asia/Shanghai."))
            .Check(o => Enum.IsDefined(o.Language), o => new(
                $"PartyDomain:Language：“{o.Language}”不是 Chinese 或 English",
                $"PartyDomain:Language: '{o.Language}' is not Chinese or English."))
            .ValidateOnStart();

        // The zone of every "today": one lookup, here, from the city's option.
        services.TryAddSingleton(sp => new ZonedClock(
            sp.GetRequiredService<IClock>(),
            DateTimeZoneProviders.Tzdb[sp.GetRequiredService<IOptions<PartyDomainOptions>>().Value.TimeZone],
            CalendarSystem.Iso));

        // The rule list is read when the container resolves it, so registrations made through the returned builder count.
        services.AddOptions<RuleOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RuleOptions>>(new RuleOptionsValidator(builder));
        services.AddSingleton<IPostConfigureOptions<RuleOptions>>(new RuleDefaultsApplier(builder));
        services.AddOptions<ComplianceOptions>()
            .Check(o => o.PartialSlotMinimumPercent is >= 0 and <= 100, o => new(
                $"PartyDomain:Compliance:PartialSlotMinimumPercent 须在 0 到 100 之间（现为 {o.PartialSlotMinimumPercent}）",
                $"PartyDomain:Compliance:PartialSlotMinimumPercent must be between 0 and 100 (it is {o.PartialSlotMinimumPercent})."))
            .Check(o => o.ReminderHorizonDays >= 0, o => new(
                $"PartyDomain:Compliance:ReminderHorizonDays 不能为负数（现为 {o.ReminderHorizonDays}）",
                $"PartyDomain:Compliance:ReminderHorizonDays cannot be negative (it is {o.ReminderHorizonDays})."))
            .Check(o => o.MaxDegreeOfParallelism >= 1, o => new(
                $"PartyDomain:Compliance:MaxDegreeOfParallelism 须不小于 1（现为 {o.MaxDegreeOfParallelism}）",
                $"PartyDomain:Compliance:MaxDegreeOfParallelism must be at least 1 (it is {o.MaxDegreeOfParallelism})."))
            .Check(o => Enum.IsDefined(o.PartialSlots), o => new(
                $"PartyDomain:Compliance:PartialSlots：“{o.PartialSlots}”不是 MinimumShare 或 AliveOnLastDay",
                $"PartyDomain:Compliance:PartialSlots: '{o.PartialSlots}' is not MinimumShare or AliveOnLastDay."))
            .Check(o => Enum.IsDefined(o.MetBeforeSlotEnds), o => new(
                $"PartyDomain:Compliance:MetBeforeSlotEnds：“{o.MetBeforeSlotEnds}”不是 Met 或 Pending",
                $"PartyDomain:Compliance:MetBeforeSlotEnds: '{o.MetBeforeSlotEnds}' is not Met or Pending."))
            .Check(o => Enum.IsDefined(o.SlotEndingToday), o => new(
                $"PartyDomain:Compliance:SlotEndingToday：“{o.SlotEndingToday}”不是 Pending 或 Judged",
                $"PartyDomain:Compliance:SlotEndingToday: '{o.SlotEndingToday}' is not Pending or Judged."))
            .ValidateOnStart();
        services.AddOptions<DevelopmentOptions>()
            .Check(o => o.YoungAgeThreshold is > 0 and < 120, o => new(
                $"PartyDomain:Development:YoungAgeThreshold 须是 1 到 119 之间的年龄（现为 {o.YoungAgeThreshold}）",
                $"PartyDomain:Development:YoungAgeThreshold must be an age from 1 to 119 (it is {o.YoungAgeThreshold})."))
            .ValidateOnStart();
        services.AddOptions<TrainingOptions>()
            .Check(o => Enum.IsDefined(o.NewMembers), o => new(
                $"PartyDomain:Training:NewMembers：“{o.NewMembers}”不是 ProRated、Full 或 NotAssessed",
                $"PartyDomain:Training:NewMembers: '{o.NewMembers}' is not ProRated, Full or NotAssessed."))
            .ValidateOnStart();
        services.AddOptions<Reminders.ReminderDeliveryOptions>()
            .Check(o => o.MaxAttempts >= 1, o => new(
                $"PartyDomain:Reminders:MaxAttempts 至少为 1（现为 {o.MaxAttempts}）",
                $"PartyDomain:Reminders:MaxAttempts must be at least 1 (it is {o.MaxAttempts})."))
            .Check(o => o.RetryDelay >= TimeSpan.Zero, o => new(
                $"PartyDomain:Reminders:RetryDelay 不能为负（现为 {o.RetryDelay}）",
                $"PartyDomain:Reminders:RetryDelay cannot be negative (it is {o.RetryDelay})."))
            .ValidateOnStart();

        services.AddSingleton<IEnumerable<Data.IDatasetContributor>>(_ => builder.DatasetContributors.ToArray());
        services.AddSingleton<IEnumerable<Data.ImportTable>>(_ => builder.ImportTables.ToArray());
        services.AddSingleton<IEnumerable<IRule>>(_ => builder.Rules.ToArray());
        services.AddSingleton(builder.ActivityKinds);
        // Read when resolved: a plugin host fills it in after AddPartyDomain returns.
        services.AddSingleton(_ => builder.Plugins);
        services.AddSingleton(builder.Indicators);

        // The engines: each through its one constructor, from the builder's extensions and the container's options and
        // zoned clock. TryAdd, so an engine registered before (or in configure) is the one resolved.
        services.TryAddSingleton(sp => new StructureChecker(builder.Rules.OfType<IStructureRule>(), sp.GetRequiredService<IOptions<RuleOptions>>()));
        services.TryAddSingleton(sp => new AdmissionPipeline(
            sp.GetRequiredService<IOptions<RuleOptions>>(),
            sp.GetRequiredService<IOptions<DevelopmentOptions>>(),
            sp.GetRequiredService<ZonedClock>()));
        services.TryAddSingleton(sp => new DuesEvaluator(
            builder.DuesBasePolicy,
            sp.GetRequiredService<IOptions<RuleOptions>>(),
            sp.GetRequiredService<ZonedClock>()));
        services.TryAddSingleton(sp => new TrainingEvaluator(
            builder.Rules.OfType<TrainingRequirement>(),
            builder.StudyCreditConverters,
            sp.GetRequiredService<IOptions<RuleOptions>>(),
            sp.GetRequiredService<IOptions<TrainingOptions>>(),
            sp.GetRequiredService<ZonedClock>()));
        services.TryAddSingleton(sp => new ComplianceEvaluator(
            builder.Rules.OfType<IBasicSystemRule>(),
            sp.GetRequiredService<IOptions<RuleOptions>>(),
            sp.GetRequiredService<IOptions<ComplianceOptions>>(),
            sp.GetRequiredService<ZonedClock>()));
        services.TryAddSingleton(sp => new GovernanceEvaluator(builder.Rules, sp.GetRequiredService<IOptions<RuleOptions>>()));
        services.TryAddSingleton(sp => new Reminders.ReminderCollector(
            sp.GetRequiredService<ComplianceEvaluator>(),
            sp.GetRequiredService<StructureChecker>(),
            sp.GetRequiredService<AdmissionPipeline>(),
            sp.GetRequiredService<IOptions<ComplianceOptions>>(),
            sp.GetRequiredService<ZonedClock>()));
        services.TryAddSingleton<Reminders.ReminderDispatcher>();

        // Sections and templates are read when the container resolves the builder, so a plugin's later additions count.
        services.TryAddSingleton(sp => new AnnualSummaryBuilder(
            sp.GetRequiredService<StructureChecker>(),
            sp.GetRequiredService<ComplianceEvaluator>(),
            sp.GetRequiredService<TrainingEvaluator>(),
            sp.GetRequiredService<AdmissionPipeline>(),
            sp.GetRequiredService<DuesEvaluator>(),
            sp.GetRequiredService<GovernanceEvaluator>(),
            builder.ReportSections,
            builder.ReportTemplates,
            sp.GetRequiredService<ZonedClock>(),
            sp.GetRequiredService<IOptions<PartyDomainOptions>>())
        {
            Plugins = builder.Plugins,
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportRenderer, MarkdownReportRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportRenderer, HtmlReportRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportRenderer, JsonReportRenderer>());
        return builder;
    }

    /// <summary>Adds a check of <typeparamref name="T"/> whose failure says what is wrong in both languages.</summary>
    private static OptionsBuilder<T> Check<T>(this OptionsBuilder<T> options, Func<T, bool> valid, Func<T, LocalizedText> failure)
        where T : class
    {
        options.Services.AddSingleton<IValidateOptions<T>>(new OptionsCheck<T>(options.Name, valid, failure));
        return options;
    }

    /// <summary>A message of both languages, Chinese first, as the host prints it.</summary>
    private static string Bilingual(LocalizedText text) => $"{text.Chinese} / {text.English}";

    private sealed class OptionsCheck<T>(string? name, Func<T, bool> valid, Func<T, LocalizedText> failure) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options) =>
            name is not null && name != optionsName ? ValidateOptionsResult.Skip
            : valid(options) ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(Bilingual(failure(options)));
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
                return ValidateOptionsResult.Fail(e.Text is { } text ? Bilingual(text) : e.Message);
            }
        }
    }
}
