namespace PartyDomain.Hosting;

/// <summary>
/// Where the host looks for plugins and how strict it is; bound from the configuration section
/// <c>PartyDomain:PluginHost</c> and adjustable in code.
/// </summary>
/// <example>
/// <code>
/// "PartyDomain": {
///   "PluginHost": { "Folders": [ "plugins" ], "TrustedSha256": [ "3f2a…" ], "FailFast": false },
///   "Plugins": { "xuexi-qiangguo": { "PointsPerHour": 100, "CapHoursPerYear": 20 } }
/// }
/// </code>
/// </example>
public sealed class PluginHostOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "PartyDomain:PluginHost";

    /// <summary>
    /// Folders that hold plugins, one sub-folder per plugin with its assembly and private dependencies. Relative
    /// paths are taken from the host's base directory. A folder that does not exist is reported, not ignored.
    /// </summary>
    public IList<string> Folders { get; } = [];

    /// <summary>
    /// Manifest hashes (hex SHA-256, see <see cref="PluginHost.HashFolder"/>) of the plugin folders allowed to run:
    /// the hash covers every file in a plugin's folder, so a swapped helper assembly or native library is refused.
    /// Empty: every compatible plugin runs (plugins are full-trust code, so a strict deployment lists them here).
    /// </summary>
    public IList<string> TrustedSha256 { get; } = [];

    /// <summary>Stop at the first plugin that does not load, throwing <see cref="PluginLoadException"/>, instead of loading the rest.</summary>
    public bool FailFast { get; set; }
}
