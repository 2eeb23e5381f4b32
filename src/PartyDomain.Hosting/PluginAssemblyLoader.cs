using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartyDomain.Extensibility.Plugins;

namespace PartyDomain.Hosting;

/// <summary>
/// Our boundary around the assembly loading library, so the host depends on one method of it and the library
/// (in maintenance mode) can be replaced by a plain <c>AssemblyLoadContext</c> without touching the host.
/// </summary>
internal interface IPluginAssemblyLoader
{
    /// <summary>Loads the plugin's assembly in a context of its own that shares the contract assemblies with the host.</summary>
    Assembly Load(string assemblyPath);
}

/// <summary>Loads each plugin with McMaster.NETCore.Plugins; everything not shared stays private to the plugin.</summary>
internal sealed class McMasterPluginAssemblyLoader : IPluginAssemblyLoader
{
    // The assemblies a plugin and the host must agree on, because types from them cross the boundary.
    internal static readonly Type[] SharedTypes =
    [
        typeof(IPartyDomainPlugin),
        typeof(NodaTime.Instant),
        typeof(IServiceCollection),
        typeof(IOptions<>),
        typeof(Microsoft.Extensions.Primitives.StringValues),
        typeof(ILogger),
        typeof(IConfiguration),
    ];

    // Loaded plugins live as long as the process; the loaders are kept so nothing is collected under them.
    private readonly List<PluginLoader> _loaders = [];

    public Assembly Load(string assemblyPath)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes, config => config.PreferSharedTypes = false);
        lock (_loaders)
        {
            _loaders.Add(loader);
        }

        return loader.LoadDefaultAssembly();
    }
}
