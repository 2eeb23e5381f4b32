using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Hosting;
using Spectre.Console;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary><c>plugins</c>: the plugin load report: each plugin found in the configured folders, loaded, rejected or failed, and why.</summary>
public sealed class PluginsCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<HostSettings>(console, environment)
{
    /// <inheritdoc/>
    protected override int Run(HostContext host, HostSettings settings)
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
            Row(table, entry.Name, status, entry.Manifest?.Version ?? "—", details, entry.Sha256 is { } sha ? sha[..16] + "…" : "—");
        }

        Console.Write(table);
        Console.MarkupLine(Markup.Escape(host.T(
            $"已加载 {report.Loaded.Count()} 个，未加载 {report.Problems.Count()} 个。插件是完全受信任的代码，用 PartyDomain:PluginHost:TrustedSha256 控制允许运行的插件。",
            $"{report.Loaded.Count()} loaded, {report.Problems.Count()} not loaded. Plugins are full-trust code: PartyDomain:PluginHost:TrustedSha256 controls which may run.")));
        return ExitCodes.Success;
    }
}
