using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;

namespace PartyDomain.Hosting.Tests;

/// <summary>Two folders with one plugin id: the higher version wins whatever the folders are called; a tie rejects both.</summary>
public sealed class DuplicateIdTests : IDisposable
{
    private readonly PluginFixtures _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    /// <summary>A plugin "same" of <paramref name="version"/> that registers an activity kind naming its version.</summary>
    private void Copy(string folder, string version) =>
        _fixtures.AddPlugin(folder, PluginFixtures.PluginSource("same", $"context.Builder.AddActivityKind(new PartyDomain.BasicSystems.ActivityKind(\"same-{version}\"), new(\"a\", \"b\"));")
            .Replace("Version = \"1.0.0\"", $"Version = \"{version}\"", StringComparison.Ordinal));

    private (PluginLoadReport Report, PartyDomainBuilder Builder) Load()
    {
        var builder = new ServiceCollection().AddPartyDomain();
        var options = new PluginHostOptions { Folders = { _fixtures.Root } };
        return (new PluginHost(options).Load(builder), builder);
    }

    [Theory]
    [InlineData("a-stale", "b-current")]
    [InlineData("b-stale", "a-current")]
    public void The_higher_version_wins_whatever_the_folder_order(string staleFolder, string currentFolder)
    {
        Copy(staleFolder, "0.9.0");
        Copy(currentFolder, "1.0.0");

        var (report, builder) = Load();

        report.Entries.Should().HaveCount(2);
        var loaded = report.Loaded.Should().ContainSingle().Subject;
        loaded.Folder.Should().EndWith(currentFolder);
        loaded.Message.English.Should().Contain("replaces the older copies").And.Contain("0.9.0").And.Contain(staleFolder);
        loaded.Message.Chinese.Should().Contain("取代了同 id 的旧版本").And.Contain(staleFolder);
        var stale = report.Problems.Should().ContainSingle().Subject;
        stale.Reason.Should().Be(PluginLoadReason.DuplicateId);
        stale.Folder.Should().EndWith(staleFolder);
        stale.Message.English.Should().Contain("0.9.0").And.Contain(staleFolder).And.Contain("1.0.0").And.Contain(currentFolder).And.Contain("Delete this older folder");
        builder.ActivityKinds.Names.Keys.Should().Contain(new BasicSystems.ActivityKind("same-1.0.0")).And.NotContain(new BasicSystems.ActivityKind("same-0.9.0"));
    }

    [Fact]
    public void Versions_compare_as_numbers_not_as_text()
    {
        Copy("a-old", "1.9.0");
        Copy("b-new", "1.10.0");

        Load().Report.Loaded.Should().ContainSingle().Which.Folder.Should().EndWith("b-new");
    }

    [Fact]
    public void Two_copies_of_the_same_version_are_both_rejected_naming_both_folders()
    {
        Copy("a-first", "1.0.0");
        Copy("b-second", "1.0");

        var (report, builder) = Load();

        report.Loaded.Should().BeEmpty();
        report.Entries.Should().HaveCount(2).And.OnlyContain(e => e.Reason == PluginLoadReason.DuplicateId && e.Status == PluginLoadStatus.Rejected);
        report.Entries.Should().OnlyContain(e => e.Message.English.Contains("a-first", StringComparison.Ordinal) && e.Message.English.Contains("b-second", StringComparison.Ordinal)
            && e.Message.English.Contains("same version", StringComparison.Ordinal) && e.Message.Chinese.Contains("版本相同", StringComparison.Ordinal));
        builder.ActivityKinds.Names.Keys.Should().NotContain(k => k.Code.StartsWith("same-", StringComparison.Ordinal));
    }

    [Fact]
    public void Copies_whose_versions_cannot_be_compared_are_both_rejected()
    {
        Copy("a-first", "latest");
        Copy("b-second", "1.0.0");

        var report = Load().Report;

        report.Loaded.Should().BeEmpty();
        report.Entries.Should().OnlyContain(e => e.Reason == PluginLoadReason.DuplicateId && e.Message.English.Contains("cannot be compared", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.10.0", "1.9.0", 1)]
    [InlineData("1.0.0", "1.0.0-rc.1", 1)]
    [InlineData("1.0.0-beta.10", "1.0.0-beta.2", 1)]
    [InlineData("1.0.0-beta", "1.0.0-alpha.9", 1)]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1", -1)]
    [InlineData("1.0", "1.0.0", 0)]
    [InlineData("1.0.0+build.7", "1.0.0", 0)]
    [InlineData("2.0.0", "10.0.0", -1)]
    public void Plugin_versions_compare_as_semantic_versions(string a, string b, int sign)
    {
        Math.Sign(PluginVersion.TryParse(a)!.CompareTo(PluginVersion.TryParse(b))).Should().Be(sign);
        Math.Sign(PluginVersion.TryParse(b)!.CompareTo(PluginVersion.TryParse(a))).Should().Be(-sign);
    }

    [Theory]
    [InlineData("")]
    [InlineData("latest")]
    [InlineData("1")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0-beta..1")]
    [InlineData("v1.0.0")]
    public void Texts_that_are_not_versions_do_not_parse(string text) => PluginVersion.TryParse(text).Should().BeNull();
}
