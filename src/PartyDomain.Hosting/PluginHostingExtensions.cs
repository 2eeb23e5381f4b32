using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartyDomain.Extensibility;

namespace PartyDomain.Hosting;

/// <summary>Adds plugins to a PartyDomain registration: <c>services.AddPartyDomain(...).AddPlugins(configuration)</c>.</summary>
public static class PluginHostingExtensions
{
    /// <summary>
    /// Loads the plugins now, so they register through <paramref name="builder"/> before the container is built, and
    /// registers the <see cref="PluginLoadReport"/>. Options come from <c>PartyDomain:PluginHost</c>, then
    /// <paramref name="configure"/>; each plugin's own options from <c>PartyDomain:Plugins:{id}</c>.
    /// </summary>
    /// <param name="builder">The PartyDomain registration.</param>
    /// <param name="configuration">The host's configuration; <c>null</c> when everything is set in code.</param>
    /// <param name="configure">Adjusts the options in code (for example adds a folder).</param>
    /// <param name="loggerFactory">Where the load is logged; nowhere when <c>null</c>.</param>
    /// <returns>The builder, for further registration.</returns>
    /// <exception cref="PluginLoadException"><see cref="PluginHostOptions.FailFast"/> is set and a plugin did not load.</exception>
    public static PartyDomainBuilder AddPlugins(
        this PartyDomainBuilder builder,
        IConfiguration? configuration,
        Action<PluginHostOptions>? configure = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new PluginHostOptions();
        configuration?.GetSection(PluginHostOptions.SectionName).Bind(options);
        configure?.Invoke(options);
        var report = new PluginHost(options, loggerFactory?.CreateLogger<PluginHost>()).Load(builder, configuration);
        builder.Services.AddSingleton(report);
        return builder;
    }
}
