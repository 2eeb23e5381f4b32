using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyDomain.BasicSystems;
using PartyDomain.Development;
using PartyDomain.Extensibility;
using PartyDomain.Reminders;
using PartyDomain.Rules;
using PartyDomain.Training;

namespace PartyDomain.Hosting;

/// <summary>
/// Binds the library's options from a host's configuration: <c>services.AddPartyDomain(...).AddConfiguration(configuration)</c>.
/// The core takes only the options abstractions; this package, which a host references for its plugins anyway, binds.
/// </summary>
public static class ConfigurationExtensions
{
    /// <summary>The configuration section the library's settings live in.</summary>
    public const string SectionName = "PartyDomain";

    /// <summary>
    /// Binds every option of the library from <c>PartyDomain</c> in <paramref name="configuration"/>, the keys its
    /// validation messages name: <c>TimeZone</c> and <c>Language</c> (<see cref="PartyDomainOptions"/>), <c>Rules</c>
    /// (<see cref="RuleOptions"/>), <c>Compliance</c>, <c>Development</c>, <c>Training</c> and <c>Reminders</c>. A value the
    /// options' validation rejects stops the container on start, naming the key. Options configured in code after
    /// this call win over the configuration's.
    /// </summary>
    /// <param name="builder">The PartyDomain registration.</param>
    /// <param name="configuration">The host's configuration (its root, which holds the <c>PartyDomain</c> section).</param>
    /// <returns>The builder, for further registration.</returns>
    public static PartyDomainBuilder AddConfiguration(this PartyDomainBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var services = builder.Services;
        services.Configure<PartyDomainOptions>(o => section.Bind(o));
        services.Configure<RuleOptions>(o => section.Bind(o));
        services.Configure<ComplianceOptions>(o => section.GetSection("Compliance").Bind(o));
        services.Configure<DevelopmentOptions>(o => section.GetSection("Development").Bind(o));
        services.Configure<TrainingOptions>(o => section.GetSection("Training").Bind(o));
        services.Configure<ReminderDeliveryOptions>(o => section.GetSection("Reminders").Bind(o));
        return builder;
    }
}
