using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;
using PartyDomain.Extensibility.Plugins;
using PartyDomain.Extensibility.Roster;

namespace PartyDomain.Hosting.Tests;

/// <summary>The plugins behind a registration, as a service a report reads to name the plugins that shaped it.</summary>
public sealed class PluginRosterTests : IDisposable
{
    private readonly PluginFixtures _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    private const string Section = """
        context.Builder.AddReportSection(new FixtureSection());
        }
        }
        public sealed class FixtureSection : PartyDomain.Reporting.IReportSection
        {
            public string Id => "fixture-work";
            public int Order => 950;
            public PartyDomain.Reporting.ReportSectionContent? Compose(PartyDomain.Reporting.ReportContext context) => null;
            private static void Closes() {
        """;

    [Fact]
    public void The_roster_names_the_loaded_plugins_with_their_versions_and_sections_and_the_ones_that_did_not_load()
    {
        _fixtures.AddPlugin("with-section", PluginFixtures.PluginSource("with-section", Section).Replace("Version = \"1.0.0\"", "Version = \"2.3.1\"", StringComparison.Ordinal));
        _fixtures.AddFixture("plain");
        _fixtures.AddFixture("broken", "throw new System.InvalidOperationException(\"boom\");");
        var services = new ServiceCollection();
        var builder = services.AddPartyDomain();
        var options = new PluginHostOptions { Folders = { _fixtures.Root } };

        new PluginHost(options).Load(builder);
        using var provider = services.BuildServiceProvider();
        var roster = provider.GetRequiredService<PluginRoster>();

        roster.Should().BeSameAs(builder.Plugins);
        roster.Loaded.Select(p => p.ToString()).Should().Equal("plain 1.0.0", "with-section 2.3.1");
        roster.Loaded.Single(p => p.Id == "with-section").ReportSections.Should().Equal("fixture-work");
        roster.Loaded.Single(p => p.Id == "plain").ReportSections.Should().BeEmpty();
        roster.SectionOwner("FIXTURE-WORK")!.Id.Should().Be("with-section");
        roster.SectionOwner(PartyDomain.Reporting.BuiltInReportSections.LegalServices).Should().BeNull();
        var broken = roster.NotLoaded.Should().ContainSingle().Subject;
        broken.Name.Should().Be("broken");
        broken.Reason.English.Should().Contain("boom");
    }

    [Fact]
    public void A_plugin_cannot_replace_the_hosts_record_of_what_loaded()
    {
        _fixtures.AddFixture("forger", "context.Builder.Plugins = new PartyDomain.Extensibility.Roster.PluginRoster([new PartyDomain.Extensibility.Roster.LoadedPlugin(\"fake\", \"9.9.9\", new(\"假\", \"Fake\"))], []);");
        var services = new ServiceCollection();
        var builder = services.AddPartyDomain();

        new PluginHost(new PluginHostOptions { Folders = { _fixtures.Root } }).Load(builder);

        builder.Plugins.Loaded.Select(p => p.Id).Should().Equal(["forger"], "the roster is what the host loaded, whatever a plugin set");
    }

    [Fact]
    public void Without_a_plugin_host_the_roster_is_empty()
    {
        using var provider = new ServiceCollection().AddPartyDomain().Services.BuildServiceProvider();

        var roster = provider.GetRequiredService<PluginRoster>();

        roster.Loaded.Should().BeEmpty();
        roster.NotLoaded.Should().BeEmpty();
    }

    [Fact]
    public void A_second_load_into_the_same_registration_adds_to_the_roster()
    {
        using var first = new PluginFixtures();
        using var second = new PluginFixtures();
        first.AddFixture("one");
        second.AddFixture("two");
        var builder = new ServiceCollection().AddPartyDomain();

        new PluginHost(new PluginHostOptions { Folders = { first.Root } }).Load(builder);
        new PluginHost(new PluginHostOptions { Folders = { second.Root } }).Load(builder);

        builder.Plugins.Loaded.Select(p => p.Id).Should().Equal("one", "two");
    }
}
