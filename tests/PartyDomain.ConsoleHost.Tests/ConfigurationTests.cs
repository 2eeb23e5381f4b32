using System.Diagnostics;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary>appsettings.json is read from the host's folder; the command line overrides it; the real process exits with the documented codes.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("partydomain-host-").FullName;

    [Fact]
    public void The_host_ships_an_appsettings_json_with_every_section()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));

        text.Should().Contain("\"Host\"").And.Contain("\"City\"").And.Contain("\"Language\"").And.Contain("\"PluginHost\"").And.Contain("\"TrustedSha256\"").And.Contain("\"FailFast\"").And.Contain("\"Data\"")
            .And.Contain("\"PartyDomain\"").And.Contain("\"Rules\"");
    }

    [Fact]
    public void Appsettings_sets_city_language_and_rules_and_the_command_line_overrides_them()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """
            {
              "Host": { "City": { "Id": "410100", "Name": "郑州市" }, "Language": "en" },
              "PartyDomain": { "Rules": { "ORG-BRANCH-SIZE": { "Parameters": { "MaxMembers": 20 } } } }
            }
            """);

        var configured = HostRun.In(_folder, "check", "--top", "500");
        configured.ExitCode.Should().Be(ExitCodes.Success);
        configured.Output.Should().Contain("embedded demo data (郑州市");
        var strict = Occurrences(configured.Output, "ORG-BRANCH-SIZE");

        var overridden = HostRun.In(_folder, "check", "--top", "500", "--lang", "zh", "--city", "洛阳市",
            "--set", "PartyDomain:Rules:ORG-BRANCH-SIZE:Parameters:MaxMembers=50");
        overridden.Output.Should().Contain("内置演示数据（洛阳市");
        Occurrences(overridden.Output, "ORG-BRANCH-SIZE").Should().BeLessThan(strict);
    }

    [Fact]
    public void A_bad_language_in_appsettings_is_bad_input()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "Host": { "Language": "fr" } }""");

        var run = HostRun.In(_folder, "demo");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain("Host:Language");
    }

    [Fact]
    public void The_built_host_runs_as_a_process_with_the_documented_exit_codes()
    {
        Process("check", "--fail-on", "error").Should().Be(ExitCodes.FindingsAboveThreshold);
        Process("check", "--year", "abc").Should().Be(ExitCodes.BadInput);
        Process("demo").Should().Be(ExitCodes.Success);
    }

    private static int Process(params string[] args)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "PartyDomain.ConsoleHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(host);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        _ = output.Result + error.Result;
        return process.ExitCode;
    }

    private static int Occurrences(string text, string what) => System.Text.RegularExpressions.Regex.Count(text, what);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
