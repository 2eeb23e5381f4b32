using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;

namespace PartyDomain.Hosting.Tests;

/// <summary>The trust list holds folder manifest hashes: every file a plugin's folder holds is covered, not only its main assembly.</summary>
public sealed class TrustTests : IDisposable
{
    private readonly PluginFixtures _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    private static readonly Microsoft.CodeAnalysis.MetadataReference Host =
        Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(Extensibility.PartyDomainBuilder).Assembly.Location);

    /// <summary>A plugin whose Register calls a helper in its folder; returns the folder.</summary>
    private string PluginWithHelper(string helperText)
    {
        var (image, reference) = PluginFixtures.Library("Fixture.Helper", new Version(1, 0, 0, 0), $"public static class Helper {{ public static string Name => \"{helperText}\"; }}");
        var path = _fixtures.AddPlugin("with-helper",
            PluginFixtures.PluginSource("with-helper", "context.Builder.AddActivityKind(new PartyDomain.BasicSystems.ActivityKind(\"kind-\" + Helper.Name), new(\"a\", \"b\"));"),
            Host, reference);
        var folder = Path.GetDirectoryName(path)!;
        File.WriteAllBytes(Path.Combine(folder, "Fixture.Helper.dll"), image);
        return folder;
    }

    private static (PluginLoadReport Report, SpyLoader Loader) Load(string root, params string[] trusted)
    {
        var options = new PluginHostOptions { Folders = { root } };
        foreach (var hash in trusted)
        {
            options.TrustedSha256.Add(hash);
        }

        var loader = new SpyLoader();
        return (new PluginHost(options, null, loader).Load(new ServiceCollection().AddPartyDomain()), loader);
    }

    [Fact]
    public void A_trusted_folder_loads_and_its_entry_carries_the_folder_hash()
    {
        var folder = PluginWithHelper("good");
        var hash = PluginHost.HashFolder(folder);
        var options = new PluginHostOptions { Folders = { _fixtures.Root }, TrustedSha256 = { hash } };
        var builder = new ServiceCollection().AddPartyDomain();

        var entry = new PluginHost(options).Load(builder).Entries.Should().ContainSingle().Subject;

        entry.Status.Should().Be(PluginLoadStatus.Loaded, entry.Message.English);
        entry.Sha256.Should().Be(hash);
        builder.ActivityKinds.Names.Keys.Should().Contain(new BasicSystems.ActivityKind("kind-good"));
    }

    [Fact]
    public void Swapping_a_helper_assembly_in_a_trusted_folder_is_rejected_before_any_code_runs()
    {
        var folder = PluginWithHelper("good");
        var trusted = PluginHost.HashFolder(folder);
        var mainBefore = File.ReadAllBytes(Path.Combine(folder, "with-helper.dll"));
        var (evil, _) = PluginFixtures.Library("Fixture.Helper", new Version(1, 0, 0, 0), "public static class Helper { public static string Name => \"evil\"; }");
        File.WriteAllBytes(Path.Combine(folder, "Fixture.Helper.dll"), evil);

        var (report, loader) = Load(_fixtures.Root, trusted);

        File.ReadAllBytes(Path.Combine(folder, "with-helper.dll")).Should().Equal(mainBefore, "only the helper changed");
        var entry = report.Entries.Should().ContainSingle().Subject;
        entry.Status.Should().Be(PluginLoadStatus.Rejected);
        entry.Reason.Should().Be(PluginLoadReason.UntrustedHash);
        entry.Sha256.Should().NotBe(trusted);
        entry.Message.English.Should().Contain(entry.Sha256).And.Contain("not on the trust list").And.Contain("plugins --hash");
        entry.Message.Chinese.Should().Contain("不在信任列表中").And.Contain("TrustedSha256");
        loader.Loaded.Should().BeEmpty();
    }

    [Theory]
    [InlineData("runtimes/linux-x64/native/libfixture.so")]
    [InlineData("with-helper.deps.json")]
    [InlineData(".hidden.dll")]
    [InlineData("zh-Hans/with-helper.resources.dll")]
    public void Adding_any_file_to_a_trusted_folder_changes_its_hash_and_is_rejected(string added)
    {
        var folder = PluginWithHelper("good");
        var trusted = PluginHost.HashFolder(folder);
        var path = Path.Combine(folder, added);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{}");

        var (report, loader) = Load(_fixtures.Root, trusted);

        report.Entries.Should().ContainSingle().Which.Reason.Should().Be(PluginLoadReason.UntrustedHash);
        loader.Loaded.Should().BeEmpty();
    }

    [Fact]
    public void Renaming_or_removing_a_file_changes_the_hash()
    {
        var folder = PluginWithHelper("good");
        var original = PluginHost.HashFolder(folder);
        File.Move(Path.Combine(folder, "Fixture.Helper.dll"), Path.Combine(folder, "Fixture.Helper2.dll"));
        var renamed = PluginHost.HashFolder(folder);
        File.Delete(Path.Combine(folder, "Fixture.Helper2.dll"));
        var removed = PluginHost.HashFolder(folder);

        new[] { original, renamed, removed }.Should().OnlyHaveUniqueItems().And.OnlyContain(h => System.Text.RegularExpressions.Regex.IsMatch(h, "^[0-9a-f]{64}$"));
    }

    [Fact]
    public void The_hash_is_the_documented_sha256sum_recipe()
    {
        var folder = PluginWithHelper("good");
        Directory.CreateDirectory(Path.Combine(folder, "runtimes", "linux-x64", "native"));
        File.WriteAllText(Path.Combine(folder, "runtimes", "linux-x64", "native", "libfixture.so"), "native");
        File.WriteAllText(Path.Combine(folder, "Zeta.txt"), "upper case sorts before lower case");
        File.WriteAllText(Path.Combine(folder, ".hidden"), "hidden");

        // docs/plugin-authoring.md, "Trust": the same hash from a shell.
        var start = new ProcessStartInfo("bash") { WorkingDirectory = folder, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("find . -type f -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum | cut -d' ' -f1");
        using var shell = Process.Start(start)!;
        var expected = shell.StandardOutput.ReadToEnd().Trim();
        shell.WaitForExit();

        expected.Should().MatchRegex("^[0-9a-f]{64}$");
        PluginHost.HashFolder(folder).Should().Be(expected);
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
