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
        var city = HostRun.Of("plugins", "--hash", SamplePlugin("xinyang")).Output.Split('\n')[0].Trim();

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

    [Theory]
    [InlineData("check")]
    [InlineData("metrics")]
    [InlineData("training")]
    [InlineData("pipeline")]
    [InlineData("reminders")]
    public void Every_command_warns_in_one_line_and_exits_6_when_a_plugin_did_not_load(string command)
    {
        var run = HostRun.Of(command, "--set", $"PartyDomain:PluginHost:TrustedSha256:0={PluginHost.HashFolder(SamplePlugin("xuexi-qiangguo"))}");

        run.ExitCode.Should().Be(ExitCodes.PartialFailure, run.Output);
        var warning = run.Output.Split('\n').Should().ContainSingle(l => l.Contains("插件未加载", StringComparison.Ordinal)).Subject;
        warning.Should().Contain("1 个插件未加载（xinyang）").And.Contain("运行 plugins 查看原因");
    }

    [Theory]
    [InlineData("training")]
    [InlineData("check")]
    [InlineData("reminders")]
    public void With_csv_or_json_for_scripts_the_warning_goes_to_standard_error_and_the_output_stays_parseable(string command)
    {
        var run = HostRun.Of(command, "--format", "json", "--set", $"PartyDomain:PluginHost:TrustedSha256:0={PluginHost.HashFolder(SamplePlugin("xuexi-qiangguo"))}");

        run.ExitCode.Should().Be(ExitCodes.PartialFailure, run.Output);
        run.Output.Should().NotContain("插件未加载");
        FluentActions.Invoking(() => System.Text.Json.JsonDocument.Parse(run.Output)).Should().NotThrow();
    }

    [Fact]
    public void The_warning_is_in_the_chosen_language()
    {
        var run = HostRun.Of("check", "--lang", "en", "--set", "PartyDomain:PluginHost:TrustedSha256:0=00");

        run.ExitCode.Should().Be(ExitCodes.PartialFailure, run.Output);
        run.Output.Should().MatchRegex(@"Warning: 2 plugin\(s\) did not load \((xuexi-qiangguo, xinyang|xinyang, xuexi-qiangguo)\)").And.Contain("Run plugins for the reasons").And.NotContain("插件未加载");
    }

    [Fact]
    public void With_every_plugin_loaded_there_is_no_warning_and_the_exit_code_is_success()
    {
        var run = HostRun.Of("check");

        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        run.Output.Should().NotContain("插件未加载");
    }

    [Fact]
    public void A_findings_exit_code_is_kept_over_the_plugin_warnings()
    {
        var run = HostRun.Of("check", "--fail-on", "warning", "--set", "PartyDomain:PluginHost:TrustedSha256:0=00");

        run.ExitCode.Should().Be(ExitCodes.FindingsAboveThreshold, run.Output);
        run.Output.Should().Contain("2 个插件未加载");
    }

    [Fact]
    public void A_configured_plugin_folder_that_is_not_there_is_warned_of_too()
    {
        var folder = Directory.CreateTempSubdirectory("partydomain-noplugins-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{ "PartyDomain": { "PluginHost": { "Folders": [ "plugins" ] } } }""");

            var run = HostRun.In(folder, "pipeline");

            run.ExitCode.Should().Be(ExitCodes.PartialFailure, run.Output);
            run.Output.Should().Contain("1 个插件未加载（plugins）");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
