using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;

namespace PartyDomain.Hosting.Tests;

/// <summary>
/// A plugin built against a newer shared assembly than the host's (Microsoft.Extensions.* 11 on a host with 10) is
/// rejected from its metadata, before any of its code runs, saying which package to downgrade to which version.
/// </summary>
public sealed class SharedAssemblyTests : IDisposable
{
    private static readonly MetadataReference Host = MetadataReference.CreateFromFile(typeof(PartyDomainBuilder).Assembly.Location);

    private readonly PluginFixtures _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    private static (byte[] Image, MetadataReference Reference) Fake(string name, Version version) =>
        PluginFixtures.Library(name, version, "namespace Fake { public static class Marker { public static string Name => \"fake\"; } }");

    /// <summary>A plugin whose Register uses the fake library; its folder gets the fake's image when <paramref name="ship"/>.</summary>
    private string PluginUsing(string id, (byte[] Image, MetadataReference Reference) library, string libraryName, bool ship)
    {
        var path = _fixtures.AddPlugin(id, PluginFixtures.PluginSource(id, "context.Builder.AddActivityKind(new PartyDomain.BasicSystems.ActivityKind(\"uses-\" + Fake.Marker.Name), new(\"a\", \"b\"));"), Host, library.Reference);
        if (ship)
        {
            File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(path)!, libraryName + ".dll"), library.Image);
        }

        return Path.GetDirectoryName(path)!;
    }

    private (PluginLoadReport Report, List<string> Loaded) Load()
    {
        var loader = new SpyLoader();
        var report = new PluginHost(new PluginHostOptions { Folders = { _fixtures.Root } }, null, loader).Load(new ServiceCollection().AddPartyDomain());
        return (report, loader.Loaded);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_plugin_built_against_a_newer_microsoft_extensions_abstraction_is_rejected_before_it_runs(bool shipsItsOwnCopy)
    {
        const string options = "Microsoft.Extensions.Options";
        var hostVersion = typeof(Microsoft.Extensions.Options.IOptions<>).Assembly.GetName().Version!;
        var newer = new Version(hostVersion.Major + 1, 0, 0, 0);
        PluginUsing("newer-options", Fake(options, newer), options, shipsItsOwnCopy);

        var (report, loaded) = Load();

        var entry = report.Entries.Should().ContainSingle().Subject;
        entry.Status.Should().Be(PluginLoadStatus.Rejected);
        entry.Reason.Should().Be(PluginLoadReason.IncompatibleVersion);
        entry.Message.English.Should().Contain($"newer-options.dll references {options} {newer}").And.Contain($"the host has {hostVersion}")
            .And.Contain($"downgrade the plugin's package {options} to {hostVersion.Major}.");
        entry.Message.Chinese.Should().Contain($"程序包 {options} 降到 {hostVersion.Major}.");
        loaded.Should().BeEmpty("no plugin code may run");
    }

    [Fact]
    public void A_helper_assembly_in_the_folder_referencing_a_newer_nodatime_is_named()
    {
        var hostVersion = typeof(Instant).Assembly.GetName().Version!;
        var (nodaImage, noda) = Fake("NodaTime", new Version(hostVersion.Major + 6, 0, 0, 0));
        _ = nodaImage;
        var (helperImage, helper) = PluginFixtures.Library("Fixture.Helper", new Version(1, 0, 0, 0), "public static class Helper { public static string Name => Fake.Marker.Name; }", noda);
        var path = _fixtures.AddPlugin("newer-noda", PluginFixtures.PluginSource("newer-noda", "_ = Helper.Name;"), Host, helper);
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(path)!, "Fixture.Helper.dll"), helperImage);

        var (report, loaded) = Load();

        var entry = report.Entries.Should().ContainSingle().Subject;
        entry.Reason.Should().Be(PluginLoadReason.IncompatibleVersion);
        entry.Message.English.Should().Contain("Fixture.Helper.dll references NodaTime").And.Contain("downgrade the plugin's package NodaTime");
        loaded.Should().BeEmpty();
    }

    [Fact]
    public void A_newer_private_copy_of_a_library_the_host_also_has_is_the_plugins_own_business()
    {
        // The test host has FluentAssertions 7; the plugin ships its own 99, which its load context keeps private.
        const string name = "FluentAssertions";
        PluginUsing("private-newer", Fake(name, new Version(99, 0, 0, 0)), name, ship: true);

        var (report, loaded) = Load();

        report.Entries.Should().ContainSingle().Which.Status.Should().Be(PluginLoadStatus.Loaded, report.Describe(TextLanguage.English));
        loaded.Should().ContainSingle();
    }

    [Fact]
    public void A_library_the_plugin_does_not_ship_comes_from_the_host_so_a_newer_reference_is_rejected()
    {
        const string name = "FluentAssertions";
        PluginUsing("unshipped-newer", Fake(name, new Version(99, 0, 0, 0)), name, ship: false);

        var (report, loaded) = Load();

        var entry = report.Entries.Should().ContainSingle().Subject;
        entry.Reason.Should().Be(PluginLoadReason.IncompatibleVersion);
        entry.Message.English.Should().Contain($"references {name} 99.0.0.0");
        loaded.Should().BeEmpty();
    }

    [Fact]
    public void The_sample_plugins_reference_nothing_newer_than_the_host()
    {
        var plugins = Path.Combine(AppContext.BaseDirectory, "plugins");
        foreach (var folder in Directory.GetDirectories(plugins))
        {
            SharedAssemblies.Host.NewerThanHost(folder, "PartyDomain", _ => true).Should().BeEmpty(folder);
        }
    }

    private sealed class SpyLoader : IPluginAssemblyLoader
    {
        private readonly McMasterPluginAssemblyLoader _inner = new();

        public List<string> Loaded { get; } = [];

        public System.Reflection.Assembly Load(string assemblyPath)
        {
            Loaded.Add(assemblyPath);
            return _inner.Load(assemblyPath);
        }
    }
}
