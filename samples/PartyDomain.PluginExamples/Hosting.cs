using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyDomain;
using PartyDomain.Extensibility;
using PartyDomain.Hosting;

namespace Contoso.PartyPlugin;

/// <summary>A host loading plugins.</summary>
public static class HostingExamples
{
    public static PluginLoadReport LoadFromOutside(IConfiguration configuration, string cityPlugins)
    {
        #region load-from-folder
        // Folders are the host's base directory's plugins/ by configuration (PartyDomain:PluginHost:Folders), and any
        // other folder, absolute, added in code: each of its sub-folders holds one published plugin.
        var services = new ServiceCollection();
        services.AddPartyDomain().AddPlugins(configuration, options => options.Folders.Add(cityPlugins));
        using var provider = services.BuildServiceProvider();
        var report = provider.GetRequiredService<PluginLoadReport>();
        #endregion
        return report;
    }

    public static IEnumerable<string> NewerThanTheHost(PluginLoadReport report)
    {
        #region newer-than-host
        // A plugin compiled against a newer PartyDomain minor (or another major), or whose folder references a newer
        // NodaTime, Microsoft.Extensions.* or .NET than the host has, is rejected before any of its code runs; the
        // message names the assembly, both versions and what to downgrade.
        Console.WriteLine($"host: PartyDomain {PluginHost.HostVersion.ToString(3)}");
        return report.Problems
            .Where(e => e.Reason == PluginLoadReason.IncompatibleVersion)
            .Select(e => $"{e.Name}: {e.Message.In(TextLanguage.English)}");
        #endregion
    }
}
