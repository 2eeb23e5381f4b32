using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyDomain.Extensibility;
using PartyDomain.Extensibility.Plugins;

namespace PartyDomain.Testing;

/// <summary>
/// The context a plugin registers with, for a unit test that calls <see cref="IPartyDomainPlugin.Register"/> without
/// a plugin host: the plugin's options are the instances given with <see cref="WithOptions{TOptions}"/> (defaults
/// otherwise) and, as under the host, registered as <c>IOptions&lt;TOptions&gt;</c>.
/// </summary>
/// <example>
/// <code>
/// var builder = new ServiceCollection().AddPartyDomain();
/// var plugin = new ZhengzhouPlugin();
/// plugin.Register(new TestPluginContext(builder, plugin.Manifest).WithOptions(new ZhengzhouOptions { ThemeDaysPerMonth = 3 }));
/// </code>
/// </example>
public sealed class TestPluginContext : PluginContext
{
    private readonly Dictionary<Type, object> _options = [];
    private readonly HashSet<Type> _registered = [];

    /// <summary>Creates the context.</summary>
    /// <param name="builder">The builder the plugin registers through.</param>
    /// <param name="manifest">The plugin's manifest.</param>
    public TestPluginContext(PartyDomainBuilder builder, PluginManifest manifest)
        : base(builder, manifest)
    {
    }

    /// <summary>The options the plugin gets for <typeparamref name="TOptions"/>, as if bound from <see cref="PluginContext.ConfigurationPath"/>.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="options">The options.</param>
    /// <returns>The context, for chaining.</returns>
    public TestPluginContext WithOptions<TOptions>(TOptions options)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(options);
        _options[typeof(TOptions)] = options;
        return this;
    }

    /// <inheritdoc />
    public override TOptions GetOptions<TOptions>()
    {
        var options = _options.TryGetValue(typeof(TOptions), out var known) ? (TOptions)known : new TOptions();
        _options[typeof(TOptions)] = options;
        if (_registered.Add(typeof(TOptions)))
        {
            Builder.Services.AddSingleton<IOptions<TOptions>>(Options.Create(options));
        }

        return options;
    }
}
