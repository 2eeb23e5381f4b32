using System.ComponentModel;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary>
/// <c>plugins</c>: the plugin load report: each plugin found in the configured folders, loaded, rejected or failed, and
/// why; <c>plugins --hash DIR</c> prints a plugin folder's manifest hash for the trust list, without loading anything.
/// </summary>
public sealed class PluginsCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<PluginsCommand.Settings>(console, environment)
{
    /// <summary>The options of <c>plugins</c>.</summary>
    public sealed class Settings : HostSettings
    {
        /// <summary>A plugin folder whose manifest hash to print.</summary>
        [CommandOption("--hash <DIR>")]
        [Description("打印插件目录的清单哈希（加入 PartyDomain:PluginHost:TrustedSha256），不加载插件 / print a plugin folder's manifest hash for the trust list, loading nothing")]
        public string? Hash { get; init; }
    }

    /// <inheritdoc/>
    protected override bool WarnsOfPlugins => false;

    /// <inheritdoc/>
    protected override int? RunBeforeHost(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Hash is not { } folder)
        {
            return null;
        }

        var path = Path.GetFullPath(folder);
        if (!Directory.Exists(path))
        {
            throw new BadInputException($"--hash: {path}: 目录不存在 / folder not found");
        }

        string hash;
        try
        {
            hash = PluginHost.HashFolder(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--hash: {path}: 无法读取 / cannot be read: {e.Message}", e);
        }

        // The hash alone on its line, so a script can take it: plugins --hash DIR | head -n 1.
        Console.WriteLine(hash);
        Console.MarkupLine($"[grey]{Markup.Escape($"{path}: {Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Count()} 个文件 / files; PartyDomain:PluginHost:TrustedSha256")}[/]");
        return ExitCodes.Success;
    }

    /// <inheritdoc/>
    protected override int Run(HostContext host, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        var report = host.Get<PluginLoadReport>();
        Console.Write(new Rule($"[bold]{Markup.Escape(host.T($"插件加载报告（宿主 PartyDomain {report.HostVersion}）", $"Plugin load report (host PartyDomain {report.HostVersion})"))}[/]").LeftJustified());
        if (report.Entries.Count == 0)
        {
            Console.MarkupLine(Markup.Escape(host.T("未配置插件目录，或目录中没有插件（PartyDomain:PluginHost:Folders）。", "No plugin folder configured, or no plugin in it (PartyDomain:PluginHost:Folders).")));
            return ExitCodes.Success;
        }

        var table = Table(host.T("插件", "Plugin"), host.T("状态", "Status"), host.T("版本", "Version"), host.T("说明", "Details"), "SHA-256");
        foreach (var entry in report.Entries)
        {
            var status = entry.Status switch
            {
                PluginLoadStatus.Loaded => host.T("已加载", "loaded"),
                PluginLoadStatus.Rejected => host.T("已拒绝", "rejected"),
                _ => host.T("加载失败", "failed"),
            };
            var details = entry.Status == PluginLoadStatus.Loaded && entry.Manifest is { } m ? host.T(m.DisplayName) : host.T(entry.Message);
            Row(table, entry.Name, status, entry.Manifest?.Version ?? "—", details, entry.Sha256 ?? "—");
        }

        Console.Write(table);
        Console.MarkupLine(Markup.Escape(host.T(
            $"已加载 {report.Loaded.Count()} 个，未加载 {report.Problems.Count()} 个。插件是完全受信任的代码，用 PartyDomain:PluginHost:TrustedSha256 控制允许运行的插件。",
            $"{report.Loaded.Count()} loaded, {report.Problems.Count()} not loaded. Plugins are full-trust code: PartyDomain:PluginHost:TrustedSha256 controls which may run.")));
        return ExitCodes.Success;
    }
}
