using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;

namespace PartyDomain.Hosting.Tests;

/// <summary>Each reason the load report gives, produced by a fixture plugin; the others keep loading.</summary>
public sealed class LoadReportTests : IDisposable
{
    private readonly PluginFixtures _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    private (PluginLoadReport Report, PartyDomainBuilder Builder) Load(Action<PluginHostOptions>? configure = null)
    {
        var builder = new ServiceCollection().AddPartyDomain();
        var options = new PluginHostOptions();
        options.Folders.Add(_fixtures.Root);
        configure?.Invoke(options);
        return (new PluginHost(options).Load(builder), builder);
    }

    private static PluginLoadEntry Only(PluginLoadReport report, string name) => report.Entries.Should().ContainSingle(e => e.Name == name).Subject;

    [Fact]
    public void A_good_plugin_loads_and_registers_through_the_builder()
    {
        _fixtures.AddFixture("plain", "context.Builder.AddActivityKind(new PartyDomain.BasicSystems.ActivityKind(\"fixture-kind\"), new(\"夹具\", \"fixture\"));");

        var (report, builder) = Load();

        var entry = Only(report, "plain");
        entry.Status.Should().Be(PluginLoadStatus.Loaded);
        entry.CompiledAgainst.Should().Be(PluginHost.HostVersion);
        entry.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
        builder.ActivityKinds.Names.Keys.Should().Contain(new BasicSystems.ActivityKind("fixture-kind"));
    }

    [Fact]
    public void A_plugin_registering_a_rule_id_already_registered_fails_naming_the_id()
    {
        _fixtures.AddFixture("clash", "context.Builder.AddRule(System.Linq.Enumerable.First(PartyDomain.Organization.Structure.DefaultStructureRules.Create(), r => r.Id == PartyDomain.Organization.Structure.StructureRuleIds.RegistrationFollowsFirm));");

        var entry = Only(Load().Report, "clash");

        entry.Status.Should().Be(PluginLoadStatus.Failed);
        entry.Reason.Should().Be(PluginLoadReason.RegistrationFailed);
        entry.Message.English.Should().Contain("'clash'").And.Contain("ORG-REGISTRATION-FOLLOWS-FIRM").And.Contain("already registered");
        // The bureau reads it in its language, with what to do next; no English in the Chinese line.
        entry.Message.Chinese.Should().Contain("插件“clash”").And.Contain("ORG-REGISTRATION-FOLLOWS-FIRM").And.Contain("已注册").And.Contain("ReplaceRule")
            .And.Contain("其他插件不受影响").And.Contain("请把此信息转给插件作者").And.NotContain("already registered");
        entry.Message.English.Should().Contain("Pass this on to the plugin's author");
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 9)]
    public void A_plugin_compiled_against_another_major_or_a_newer_minor_is_rejected_before_it_runs(int major, int minor)
    {
        var fake = PluginFixtures.FakePartyDomain(new Version(major, minor, 0, 0));
        // Its static constructor would throw if any of its code ran.
        _fixtures.AddPlugin("future", "public class Future : PartyDomain.Marker { static Future() => throw new System.Exception(\"ran\"); }", fake);

        var entry = Only(Load().Report, "future");

        entry.Status.Should().Be(PluginLoadStatus.Rejected);
        entry.Reason.Should().Be(PluginLoadReason.IncompatibleVersion);
        entry.CompiledAgainst.Should().Be(new Version(major, minor, 0, 0));
        entry.Message.English.Should().Contain($"compiled against PartyDomain {major}.{minor}.0").And.Contain(PluginHost.HostVersion.ToString(3));
        entry.Message.English.Should().Contain($"Ask the plugin's author for a build against PartyDomain {PluginHost.HostVersion.Major}.{PluginHost.HostVersion.Minor}");
        entry.Message.Chinese.Should().Contain($"请向插件作者索取基于 PartyDomain {PluginHost.HostVersion.Major}.{PluginHost.HostVersion.Minor}");
    }

    [Fact]
    public void Rejected_plugins_are_never_loaded_by_the_loader()
    {
        _fixtures.AddPlugin("future", "public class Future : PartyDomain.Marker { }", PluginFixtures.FakePartyDomain(new Version(9, 0, 0, 0)));
        _fixtures.AddFixture("stranger");
        var trusted = _fixtures.AddPlugin("future-trusted", "public class Future : PartyDomain.Marker { }", PluginFixtures.FakePartyDomain(new Version(9, 0, 0, 0)));
        var options = new PluginHostOptions { Folders = { _fixtures.Root }, TrustedSha256 = { PluginHost.HashFolder(Path.GetDirectoryName(trusted)!) } };
        var loader = new SpyLoader();

        var report = new PluginHost(options, null, loader).Load(new ServiceCollection().AddPartyDomain());

        report.Entries.Select(e => e.Reason).Should().BeEquivalentTo([PluginLoadReason.UntrustedHash, PluginLoadReason.UntrustedHash, PluginLoadReason.IncompatibleVersion]);
        loader.Loaded.Should().BeEmpty();
    }

    private sealed class SpyLoader : IPluginAssemblyLoader
    {
        public List<string> Loaded { get; } = [];

        public System.Reflection.Assembly Load(string assemblyPath)
        {
            Loaded.Add(assemblyPath);
            throw new InvalidOperationException("no plugin code may run in this test");
        }
    }

    [Fact]
    public void An_older_minor_of_the_same_major_passes_the_version_check()
    {
        PluginMetadata.IsCompatible(new Version(1, 4), new Version(1, 2)).Should().BeTrue();
        PluginMetadata.IsCompatible(new Version(1, 4), new Version(1, 5)).Should().BeFalse();
        PluginMetadata.IsCompatible(new Version(1, 4), new Version(2, 0)).Should().BeFalse();
    }

    [Fact]
    public void With_a_trust_list_only_listed_hashes_run()
    {
        var trustedPath = _fixtures.AddFixture("trusted");
        _fixtures.AddFixture("stranger");
        var hash = PluginHost.HashFolder(Path.GetDirectoryName(trustedPath)!).ToUpperInvariant();

        var report = Load(o => o.TrustedSha256.Add(hash)).Report;

        Only(report, "trusted").Status.Should().Be(PluginLoadStatus.Loaded);
        var stranger = Only(report, "stranger");
        stranger.Reason.Should().Be(PluginLoadReason.UntrustedHash);
        stranger.Message.English.Should().Contain(stranger.Sha256).And.Contain("not on the trust list");
    }

    [Fact]
    public void A_missing_private_assembly_fails_the_plugin_naming_the_assembly()
    {
        var (_, helper) = PluginFixtures.Library("Fixture.Helper", new Version(1, 0, 0, 0), "public static class Helper { public static string Name => \"helper\"; }");
        // The plugin's class derives from nothing of Helper's, so the gap shows only when Register runs.
        _fixtures.AddPlugin("needs-helper", PluginFixtures.PluginSource("needs-helper", "_ = Helper.Name;"), MetadataReferenceOfHost(), helper);

        var entry = Only(Load().Report, "needs-helper");

        entry.Status.Should().Be(PluginLoadStatus.Failed);
        entry.Reason.Should().Be(PluginLoadReason.MissingAssembly);
        entry.Message.English.Should().Contain("Fixture.Helper");
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_a_bad_image()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_fixtures.Root, "garbage"));
        File.WriteAllText(Path.Combine(folder.FullName, "garbage.dll"), "MZ this is not a portable executable");

        var entry = Only(Load().Report, "garbage");

        entry.Status.Should().Be(PluginLoadStatus.Failed);
        entry.Reason.Should().Be(PluginLoadReason.BadImage);
        entry.Message.English.Should().Contain("garbage.dll").And.Contain("not a valid .NET assembly");
    }

    [Fact]
    public void A_plugin_that_throws_while_registering_is_named_and_leaves_nothing_behind()
    {
        _fixtures.AddPlugin("thrower", PluginFixtures.PluginSource("thrower", """
            context.Builder.AddIndicator(new PartyDomain.Metrics.IndicatorDefinition { Code = new("thrower-indicator"), Name = new("甲", "a"), Unit = new("件", "cases"), Aggregation = PartyDomain.Metrics.Aggregation.Sum });
            context.Builder.Services.Add(new Microsoft.Extensions.DependencyInjection.ServiceDescriptor(typeof(string), "left behind"));
            throw new System.InvalidOperationException("the city's server is down");
            """), MetadataReferenceOfHost(), Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(ServiceDescriptor).Assembly.Location));
        var services = new ServiceCollection();
        var builder = services.AddPartyDomain();
        var count = services.Count;
        var options = new PluginHostOptions();
        options.Folders.Add(_fixtures.Root);

        var entry = Only(new PluginHost(options).Load(builder), "thrower");

        entry.Status.Should().Be(PluginLoadStatus.Failed);
        entry.Reason.Should().Be(PluginLoadReason.RegistrationFailed);
        entry.Message.English.Should().Contain("'thrower'").And.Contain("InvalidOperationException").And.Contain("the city's server is down");
        builder.Indicators.TryGet(new Metrics.IndicatorCode("thrower-indicator"), out _).Should().BeFalse();
        services.Count.Should().Be(count);
    }

    [Fact]
    public void An_id_already_registered_by_an_earlier_load_into_the_same_builder_clashes()
    {
        _fixtures.AddFixture("once");
        var builder = new ServiceCollection().AddPartyDomain();
        var options = new PluginHostOptions();
        options.Folders.Add(_fixtures.Root);
        new PluginHost(options).Load(builder);

        var again = new PluginHost(options).Load(builder);

        again.Entries.Should().ContainSingle().Which.Reason.Should().Be(PluginLoadReason.DuplicateId);
    }

    [Fact]
    public void Dependencies_load_first_and_a_missing_one_or_a_cycle_is_rejected()
    {
        _fixtures.AddFixture("a-dependent", "", "z-base");
        _fixtures.AddFixture("z-base");
        _fixtures.AddFixture("orphan", "", "nowhere");
        _fixtures.AddFixture("c-one", "", "c-two");
        _fixtures.AddFixture("c-two", "", "c-one");
        _fixtures.AddFixture("on-orphan", "", "orphan");

        var report = Load().Report;

        report.Loaded.Select(e => e.Name).Should().Equal("z-base", "a-dependent");
        Only(report, "orphan").Reason.Should().Be(PluginLoadReason.MissingDependency);
        Only(report, "orphan").Message.English.Should().Contain("'nowhere'");
        Only(report, "on-orphan").Reason.Should().Be(PluginLoadReason.MissingDependency);
        Only(report, "c-one").Reason.Should().Be(PluginLoadReason.DependencyCycle);
        Only(report, "c-two").Reason.Should().Be(PluginLoadReason.DependencyCycle);
        Only(report, "c-one").Message.English.Should().Contain("c-one → c-two → c-one");
    }

    [Fact]
    public void An_assembly_without_a_plugin_class_or_with_a_bad_id_is_rejected()
    {
        _fixtures.AddPlugin("no-class", "public class Nothing { public PartyDomain.LocalizedText Text { get; } = new(\"甲\", \"a\"); }");
        _fixtures.AddPlugin("bad-id", PluginFixtures.PluginSource("Bad Id"));
        Directory.CreateDirectory(Path.Combine(_fixtures.Root, "unrelated"));
        File.WriteAllBytes(Path.Combine(_fixtures.Root, "unrelated", "unrelated.dll"), PluginFixtures.Compile("unrelated", "public class Nothing { }", new Version(1, 0), []));

        var report = Load().Report;

        Only(report, "no-class").Reason.Should().Be(PluginLoadReason.NotAPlugin);
        Only(report, "unrelated").Reason.Should().Be(PluginLoadReason.NotAPlugin);
        Only(report, "unrelated").Message.English.Should().Contain("does not reference PartyDomain");
        Only(report, "bad-id").Reason.Should().Be(PluginLoadReason.InvalidManifest);
    }

    [Fact]
    public void A_missing_folder_and_an_empty_plugin_folder_are_reported()
    {
        Directory.CreateDirectory(Path.Combine(_fixtures.Root, "empty"));
        var missing = Path.Combine(_fixtures.Root, "not-there");

        var report = Load(o => o.Folders.Add(missing)).Report;

        Only(report, "empty").Reason.Should().Be(PluginLoadReason.NotFound);
        report.Entries.Should().Contain(e => e.Folder == missing && e.Reason == PluginLoadReason.NotFound);
    }

    [Fact]
    public void Fail_fast_stops_at_the_first_plugin_that_does_not_load()
    {
        _fixtures.AddFixture("a-broken", "throw new System.InvalidOperationException(\"boom\");");
        _fixtures.AddFixture("b-fine");

        var act = () => Load(o => o.FailFast = true);

        var thrown = act.Should().Throw<PluginLoadException>().Which;
        thrown.Report!.Entries.Should().ContainSingle().Which.Name.Should().Be("a-broken");
        thrown.InnerException.Should().BeOfType<InvalidOperationException>();
        thrown.Message.Should().Contain("'a-broken'").And.Contain("boom");
    }

    [Fact]
    public void A_private_dependency_of_another_version_than_the_hosts_stays_private()
    {
        // The host uses Fixture.Shared 2.0; the plugin brings and uses its own 1.0.
        const string shared = "namespace Fixture { public static class Shared { public static string Version => typeof(Shared).Assembly.GetName().Version!.ToString(); } }";
        var (hostImage, _) = PluginFixtures.Library("Fixture.Shared", new Version(2, 0, 0, 0), shared);
        var hostCopy = Path.Combine(_fixtures.Root, "..", Path.GetFileName(_fixtures.Root) + "-host-Fixture.Shared.dll");
        File.WriteAllBytes(hostCopy, hostImage);
        var hostAssembly = System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(hostCopy));
        var (pluginImage, pluginRef) = PluginFixtures.Library("Fixture.Shared", new Version(1, 0, 0, 0), shared);
        var path = _fixtures.AddPlugin("private-dep",
            PluginFixtures.PluginSource("private-dep", "context.Builder.AddActivityKind(new PartyDomain.BasicSystems.ActivityKind(\"private-\" + Fixture.Shared.Version), new(\"a\", \"b\"));"),
            MetadataReferenceOfHost(), pluginRef);
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(path)!, "Fixture.Shared.dll"), pluginImage);

        var (report, builder) = Load();

        hostAssembly.GetName().Version.Should().Be(new Version(2, 0, 0, 0));
        Only(report, "private-dep").Status.Should().Be(PluginLoadStatus.Loaded);
        builder.ActivityKinds.Names.Keys.Should().Contain(new BasicSystems.ActivityKind("private-1.0.0.0"));
    }

    private static Microsoft.CodeAnalysis.PortableExecutableReference MetadataReferenceOfHost() =>
        Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(PartyDomainBuilder).Assembly.Location);
}
