namespace PartyDomain.Extensibility.Plugins;

/// <summary>
/// A city plugin (城市插件): one public class with a parameterless constructor in the plugin's assembly. The host
/// reads its <see cref="Manifest"/> and calls <see cref="Register"/> once, with the same
/// <see cref="PartyDomainBuilder"/> the library's built-ins were registered through.
/// </summary>
/// <remarks>
/// Plugins are full-trust code running in the host's process. A host controls what runs through its folders and,
/// in strict deployments, a SHA-256 trust list.
/// </remarks>
public interface IPartyDomainPlugin
{
    /// <summary>Who the plugin is: id, version, names, region and the plugins it depends on.</summary>
    PluginManifest Manifest { get; }

    /// <summary>
    /// Registers what the plugin brings (rules, rule defaults, indicators, activity kinds, converters, dataset
    /// contributors, a dues base policy) through <see cref="PluginContext.Builder"/>.
    /// </summary>
    /// <param name="context">The builder, and the plugin's options bound from the host's configuration.</param>
    void Register(PluginContext context);
}

/// <summary>A plugin's identity.</summary>
public sealed record PluginManifest
{
    /// <summary>The plugin's id: lower-case letters, digits, '-' and '.', unique among loaded plugins, for example <c>xuexi-qiangguo</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The plugin's own version, for example <c>1.2.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The name shown to users.</summary>
    public required LocalizedText DisplayName { get; init; }

    /// <summary>The city or region it serves, for example <c>信阳市</c>; empty for a platform connector any city can use.</summary>
    public string Region { get; init; } = string.Empty;

    /// <summary>What it brings.</summary>
    public LocalizedText Description { get; init; } = new(string.Empty, string.Empty);

    /// <summary>The ids of plugins that must be loaded (and registered) before this one.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>Whether <paramref name="id"/> is a well-formed plugin id.</summary>
    /// <param name="id">The id.</param>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && char.IsAsciiLetterLower(id[0])
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.');
}

/// <summary>What a plugin registers with: the builder and its own options.</summary>
public abstract class PluginContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="builder">The builder the plugin registers through.</param>
    /// <param name="manifest">The plugin's manifest.</param>
    protected PluginContext(PartyDomainBuilder builder, PluginManifest manifest)
    {
        Builder = builder ?? throw new ArgumentNullException(nameof(builder));
        Manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
    }

    /// <summary>The builder the library's built-ins were registered through.</summary>
    public PartyDomainBuilder Builder { get; }

    /// <summary>The plugin's manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>The host configuration section the plugin's options are bound from, <c>PartyDomain:Plugins:{id}</c>.</summary>
    public string ConfigurationPath => $"PartyDomain:Plugins:{Manifest.Id}";

    /// <summary>
    /// The plugin's options bound from <see cref="ConfigurationPath"/> (defaults when the section is absent); they are
    /// also registered so services can take <c>IOptions&lt;TOptions&gt;</c>.
    /// </summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    public abstract TOptions GetOptions<TOptions>()
        where TOptions : class, new();
}
