using PartyDomain.Hosting;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary><c>plugins --hash DIR</c> and the one-line warning every command prints when a plugin did not load.</summary>
public sealed class PluginHostTests
{
    private static string SamplePlugin(string id) => Path.Combine(AppContext.BaseDirectory, "plugins", id);

    [Fact]
    public void Plugins_hash_prints_the_folders_manifest_hash_first_and_loads_nothing()
    {
        // Fail-fast with an empty-but-wrong trust list would stop any command that loads plugins.
        var run = HostRun.Of("plugins", "--hash", SamplePlugin("xuexi-qiangguo"), "--set", "PartyDomain:PluginHost:TrustedSha256:0=00", "--set", "PartyDomain:PluginHost:FailFast=true");

        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        run.Output.Split('\n')[0].Trim().Should().Be(PluginHost.HashFolder(SamplePlugin("xuexi-qiangguo")));
    }

    [Fact]
    public void The_hashes_plugins_hash_prints_are_what_the_trust_list_takes()
    {
        var xuexi = HostRun.Of("plugins", "--hash", SamplePlugin("xuexi-qiangguo")).Output.Split('\n')[0].Trim();
        var city = HostRun.Of("plugins", "--hash", SamplePlugin("xx-city")).Output.Split('\n')[0].Trim();

        var run = HostRun.Of("plugins", "--set", $"PartyDomain:PluginHost:TrustedSha256:0={xuexi}", "--set", $"PartyDomain:PluginHost:TrustedSha256:1={city}", "--set", "PartyDomain:PluginHost:FailFast=true");

        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        run.Output.Should().Contain("已加载 2 个，未加载 0 个").And.Contain(xuexi);
    }

    [Fact]
    public void Plugins_hash_of_a_folder_that_does_not_exist_is_bad_input()
    {
        var run = HostRun.Of("plugins", "--hash", Path.Combine(Path.GetTempPath(), "no-such-plugin-" + Guid.NewGuid().ToString("N")));

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain("--hash").And.Contain("no-such-plugin-");
    }
}
