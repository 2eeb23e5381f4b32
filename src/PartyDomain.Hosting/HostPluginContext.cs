using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyDomain.Extensibility;
using PartyDomain.Extensibility.Plugins;

namespace PartyDomain.Hosting;

/// <summary>The context the host gives a plugin: options bound from <c>PartyDomain:Plugins:{id}</c>.</summary>
internal sealed class HostPluginContext(PartyDomainBuilder builder, PluginManifest manifest, IConfiguration? configuration)
    : PluginContext(builder, manifest)
{
    private readonly Dictionary<Type, object> _bound = [];

    public override TOptions GetOptions<TOptions>()
    {
        if (_bound.TryGetValue(typeof(TOptions), out var known))
        {
            return (TOptions)known;
        }

        var options = new TOptions();
        configuration?.GetSection(ConfigurationPath).Bind(options);
        _bound[typeof(TOptions)] = options;
        Builder.Services.AddSingleton<IOptions<TOptions>>(Options.Create(options));
        return options;
    }
}
