using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PartyDomain.Extensibility;
using PartyDomain.Extensibility.Plugins;

namespace PartyDomain.Hosting;

/// <summary>
/// Finds plugins in the configured folders, checks each before any of its code runs (SHA-256 against the trust
/// list, the PartyDomain version it was compiled against), loads it in a load context of its own, orders plugins by
/// their dependencies and lets each register through the <see cref="PartyDomainBuilder"/>. A plugin that does not
/// load is reported with a plain reason and the rest still load, unless <see cref="PluginHostOptions.FailFast"/> is set.
/// </summary>
public sealed partial class PluginHost
{
    // The ids registered into each builder, so loading twice into one builder still refuses a clash.
    private static readonly ConditionalWeakTable<PartyDomainBuilder, Dictionary<string, string>> RegisteredIds = [];

    private readonly PluginHostOptions _options;
    private readonly ILogger _logger;
    private readonly IPluginAssemblyLoader _loader;
    private readonly HashSet<string> _trusted;

    /// <summary>Creates a host.</summary>
    /// <param name="options">Folders, trust list and fail-fast.</param>
    /// <param name="logger">Where each plugin's outcome is logged.</param>
    public PluginHost(PluginHostOptions options, ILogger<PluginHost>? logger = null)
        : this(options, logger, new McMasterPluginAssemblyLoader())
    {
    }

    internal PluginHost(PluginHostOptions options, ILogger? logger, IPluginAssemblyLoader loader)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? NullLogger.Instance;
        _loader = loader;
        _trusted = new(options.TrustedSha256.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The PartyDomain version plugins are checked against: the host's.</summary>
    public static Version HostVersion { get; } = typeof(PartyDomainBuilder).Assembly.GetName().Version ?? new Version(0, 0);

    /// <summary>
    /// The manifest hash of a plugin folder, the value the trust list (<see cref="PluginHostOptions.TrustedSha256"/>)
    /// holds: every file under the folder, sub-folders and hidden files included, as lines
    /// <c>{sha256-hex}  {relative/path}</c> ending in <c>\n</c> (the output format of <c>sha256sum</c>), sorted by the
    /// path's UTF-8 bytes, '/' as the separator; the hash is the lower-case hex SHA-256 of those lines. Replacing,
    /// adding, removing or renaming any file changes it.
    /// </summary>
    /// <param name="folder">The plugin's folder.</param>
    /// <returns>The lower-case hex hash.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file or sub-folder cannot be read.</exception>
    public static string HashFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return PluginMetadata.FolderHash(folder);
    }

    /// <summary>Loads every plugin in the configured folders and registers the ones that pass into <paramref name="builder"/>.</summary>
    /// <param name="builder">The builder the plugins register through.</param>
    /// <param name="configuration">The host's configuration; each plugin's options come from <c>PartyDomain:Plugins:{id}</c>.</param>
    /// <returns>What became of each plugin.</returns>
    /// <exception cref="PluginLoadException"><see cref="PluginHostOptions.FailFast"/> is set and a plugin did not load.</exception>
    public PluginLoadReport Load(PartyDomainBuilder builder, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return new LoadRun(this, builder, configuration).Run();
    }

    private static Exception Unwrap(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? inner : e;

    private static PluginLoadEntry MissingAssembly(PluginLoadEntry entry, string name, Exception e)
    {
        var missing = e switch
        {
            FileNotFoundException f => f.FileName ?? f.Message,
            FileLoadException f => f.FileName ?? f.Message,
            ReflectionTypeLoadException r => string.Join("; ", r.LoaderExceptions.OfType<Exception>().Select(x => x.Message).Distinct()),
            _ => e.Message,
        };
        return entry with
        {
            Status = PluginLoadStatus.Failed, Reason = PluginLoadReason.MissingAssembly,
            Message = new($"插件“{name}”：缺少所需程序集 {missing}（应随插件放在其目录中）。请用 dotnet publish 重新发布插件，而不是只复制插件的 dll", $"Plugin '{name}': a required assembly is missing: {missing} (it belongs in the plugin's folder). Publish the plugin again with dotnet publish rather than copying its dll alone."),
        };
    }

    private static PluginLoadEntry Threw(PluginLoadEntry entry, string name, string zhStage, string enStage, Exception e) => entry with
    {
        Status = PluginLoadStatus.Failed, Reason = PluginLoadReason.RegistrationFailed,
        Message = Said(e) is { } said
            ? new($"插件“{name}”在{zhStage}时出错：{said.Chinese}（其注册内容已全部撤销，其他插件不受影响）。请把此信息转给插件作者", $"Plugin '{name}' failed while {enStage}: {said.English} (nothing it registered was kept; the other plugins are not affected). Pass this on to the plugin's author.")
            : new($"插件“{name}”在{zhStage}时抛出 {e.GetType().Name}：{e.Message}（其注册内容已全部撤销，其他插件不受影响）。请把此信息转给插件作者", $"Plugin '{name}' threw {e.GetType().Name} while {enStage}: {e.Message} (nothing it registered was kept; the other plugins are not affected). Pass this on to the plugin's author."),
    };

    // What the library itself says in both languages, such as a rule id registered twice.
    private static LocalizedText? Said(Exception e) => e is Rules.RuleConfigurationException { Text: { } text } ? text : null;

    // The assembly named by the one *.deps.json publishing writes; else the folder's namesake; else its only .dll.
    private static string? MainAssembly(string folder)
    {
        var deps = Directory.GetFiles(folder, "*.deps.json");
        if (deps.Length == 1)
        {
            var named = Path.Combine(folder, Path.GetFileName(deps[0])[..^".deps.json".Length] + ".dll");
            if (File.Exists(named))
            {
                return named;
            }
        }

        var namesake = Path.Combine(folder, Path.GetFileName(folder) + ".dll");
        if (File.Exists(namesake))
        {
            return namesake;
        }

        var dlls = Directory.GetFiles(folder, "*.dll");
        return dlls.Length == 1 ? dlls[0] : null;
    }

    private void Log(PluginLoadEntry entry, Exception? exception)
    {
        var message = entry.Message.In(TextLanguage.English);
        switch (entry.Status)
        {
            case PluginLoadStatus.Loaded:
                LogLoaded(_logger, entry.Name, entry.Folder, entry.Sha256, message);
                break;
            case PluginLoadStatus.Rejected:
                LogRejected(_logger, entry.Name, entry.Reason, entry.Folder, message);
                break;
            default:
                LogFailed(_logger, exception, entry.Name, entry.Reason, entry.Folder, message);
                break;
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Plugin {Plugin} loaded from {Folder} (SHA-256 {Sha256}): {Message}")]
    private static partial void LogLoaded(ILogger logger, string plugin, string folder, string? sha256, string message);

    [LoggerMessage(2, LogLevel.Warning, "Plugin {Plugin} rejected ({Reason}) in {Folder}: {Message}")]
    private static partial void LogRejected(ILogger logger, string plugin, PluginLoadReason reason, string folder, string message);

    [LoggerMessage(3, LogLevel.Error, "Plugin {Plugin} failed ({Reason}) in {Folder}: {Message}")]
    private static partial void LogFailed(ILogger logger, Exception? exception, string plugin, PluginLoadReason reason, string folder, string message);

    private sealed record Candidate(PluginLoadEntry Entry, IPartyDomainPlugin Plugin)
    {
        /// <summary>What the load report adds to the plugin's line when it loads (the older copies it replaced).</summary>
        public LocalizedText? Note { get; init; }
    }
}
