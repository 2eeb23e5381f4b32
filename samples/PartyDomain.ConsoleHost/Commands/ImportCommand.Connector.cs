using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Data;
using PartyDomain.Extensibility.Plugins;
using PartyDomain.Interchange;
using PartyDomain.Metrics;
using Spectre.Console;
using PartyDomain.Extensibility.Roster;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary>
/// <c>import --from PLATFORM FILE</c>: a plugin's platform connector (<see cref="IDatasetContributor"/>) reads the
/// export into the city's current data (the imported data, or the demo city); the merged whole is checked like any
/// import and handed to the same store step, so the rows it cannot read and the records that do not fit are
/// reported by file, row and column, and nothing is kept unless there is no problem.
/// </summary>
public sealed partial class ImportCommand
{
    private int ImportFrom(HostContext host, string platform, string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException(host.T($"--from 读取一个导出文件，{path} 不是文件", $"--from reads one export file; {path} is not a file"));
        }

        var roster = host.Get<PluginRoster>();
        var connectors = host.Get<IEnumerable<IDatasetContributor>>().ToArray();
        var connector = connectors.FirstOrDefault(c => string.Equals(c.Id, platform, StringComparison.OrdinalIgnoreCase));
        if (connector is null)
        {
            throw new BadInputException(
                connectors.Length == 0
                    ? host.T($"没有平台接入“{platform}”：已加载的插件都不提供平台接入（运行 plugins 查看已加载的插件）", $"No platform connector '{platform}': none of the loaded plugins provides one (run plugins to see what loaded)")
                    : host.T($"没有平台接入“{platform}”；已加载的插件提供：", $"No platform connector '{platform}'; the loaded plugins provide:"),
                connectors.Select(c => $"{c.Id}  {host.T(c.Description)}{Owner(host, roster, c.Id)}").ToList());
        }

        var current = host.LoadDataset();
        var builder = new CityDatasetBuilder(current.City, ImportClock(host), host.Zone) { Indicators = host.Get<IndicatorCatalog>() };
        builder.AddRange(current.Records());
        IReadOnlyList<DatasetProblem> unread;
        try
        {
            unread = Step(host.T($"用 {connector.Id} 读取 {path}", $"Reading {path} with {connector.Id}"), () =>
            {
                using var export = File.OpenRead(path);
                return connector.Contribute(export, System.IO.Path.GetFileName(path), builder);
            });
        }
        catch (Exception e) when (e is not (OutOfMemoryException or IOException or UnauthorizedAccessException))
        {
            // A connector is a plugin's code: its failure is the plugin's, named with it, and the city's data stays as it was.
            var owner = roster.OwnerOf(PluginContributionKind.DatasetContributor, connector.Id);
            var who = owner is null ? connector.Id : $"{connector.Id}（{owner}）";
            var whoEn = owner is null ? connector.Id : $"{connector.Id} ({owner})";
            Console.MarkupLine($"[red]{Markup.Escape(host.T(
                $"平台接入 {who} 读取 {System.IO.Path.GetFileName(path)} 时出错：{e.Message}。未导入任何数据；请把这条消息和文件交给插件{(owner is null ? string.Empty : $"“{owner.Id}”")}的作者。",
                $"The platform connector {whoEn} failed reading {System.IO.Path.GetFileName(path)}: {e.Message}. Nothing was imported; give this message and the file to the author of {(owner is null ? "the plugin" : $"the plugin '{owner.Id}'")}."))}[/]");
            return ExitCodes.PluginFailure;
        }

        // Rows the connector could not read first; only a clean read is checked as a whole (as import does).
        var problems = unread;
        CityDataset? merged = null;
        if (problems.Count == 0)
        {
            merged = builder.TryBuild(out var integrity);
            problems = integrity;
        }

        if (merged is null)
        {
            return Failed(host, [.. problems.Select(p => ImportProblem.FromDataset(p, host.Language))]);
        }

        return Keep(host, WithoutRepeats(host, current, merged));
    }

    /// <summary>
    /// The merged data without the export's records that the city's data already holds (equal but for where they were
    /// read from): importing the same export twice, or an export overlapping the last one, counts each record once.
    /// </summary>
    private CityDataset WithoutRepeats(HostContext host, CityDataset current, CityDataset merged)
    {
        var existing = current.Records().ToHashSet(ReferenceEqualityComparer.Instance);
        var known = current.Records().Select(r => r with { Origin = null }).ToHashSet();
        var added = merged.Records().Where(r => !existing.Contains(r)).ToList();
        var fresh = added.Where(r => !known.Contains(r with { Origin = null })).ToList();
        Console.MarkupLine(Markup.Escape(host.T(
            $"导出中有 {added.Count} 条记录：新增 {fresh.Count} 条，{added.Count - fresh.Count} 条已在数据中，未重复导入。",
            $"The export holds {added.Count} records: {fresh.Count} new, {added.Count - fresh.Count} already in the data and not imported again.")));
        if (fresh.Count == added.Count)
        {
            return merged;
        }

        var builder = new CityDatasetBuilder(current.City, merged.Today) { Indicators = host.Get<IndicatorCatalog>() };
        return builder.AddRange(current.Records()).AddRange(fresh).Build();
    }

    private static string Owner(HostContext host, PluginRoster roster, string connector) =>
        roster.OwnerOf(PluginContributionKind.DatasetContributor, connector) is { } owner ? host.T($"（插件 {owner}）", $" (plugin {owner})") : string.Empty;
}
