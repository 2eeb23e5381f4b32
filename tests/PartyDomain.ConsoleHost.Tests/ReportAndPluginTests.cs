using System.Diagnostics;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary><c>report</c> and <c>plugins</c>: the files, the headline figures, the sample plugins, fail-fast.</summary>
public sealed class ReportAndPluginTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("partydomain-report-").FullName;

    [Fact]
    public void Report_writes_every_format_and_prints_where_and_the_headline_figures()
    {
        var run = HostRun.Of("report", "--year", "2025", "--out", _folder);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        foreach (var extension in new[] { ".md", ".html", ".docx", ".json", "-problems.docx", "-problems.xlsx" })
        {
            var file = Path.Combine(_folder, $"annual-report-411500-2025{extension}");
            File.Exists(file).Should().BeTrue(extension);
            new FileInfo(file).Length.Should().BeGreaterThan(1000);
            run.Output.Should().Contain(file);
        }

        run.Output.Should().Contain("信阳市律师行业党建工作2025年度总结").And.Contain("F2").And.Contain("律师事务所党支部数").And.Contain("F26").And.Contain("六项基本制度落实率");
        File.ReadAllText(Path.Combine(_folder, "annual-report-411500-2025.md")).Should().Contain("信阳市");
    }

    [Fact]
    public void Report_writes_only_the_formats_asked_for_in_the_language_asked_for()
    {
        var run = HostRun.Of("report", "--year", "2025", "--format", "md", "--format", "json", "--out", _folder, "--lang", "en");

        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        Directory.GetFiles(_folder).Select(Path.GetFileName).Should().BeEquivalentTo(["annual-report-411500-2025.md", "annual-report-411500-2025.json"]);
        run.Output.Should().Contain("Figure").And.Contain("F26");
    }

    [Fact]
    public void An_unknown_report_format_is_bad_input()
    {
        var run = HostRun.Of("report", "--format", "pdf", "--out", _folder);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain("pdf").And.Contain("docx");
    }

    [Fact]
    public void Plugins_lists_the_sample_plugins_the_build_put_next_to_the_host()
    {
        var run = HostRun.Of("plugins");

        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        run.Output.Should().Contain("xuexi-qiangguo").And.Contain("xinyang").And.Contain("已加载 2 个，未加载 0 个");
    }

    [Fact]
    public void An_untrusted_plugin_in_fail_fast_mode_stops_the_host_with_the_plugin_exit_code()
    {
        var lenient = HostRun.Of("plugins", "--set", "PartyDomain:PluginHost:TrustedSha256:0=00");
        lenient.ExitCode.Should().Be(ExitCodes.Success);
        lenient.Output.Should().Contain("已拒绝").And.Contain("信任列表");

        var strict = HostRun.Of("check", "--set", "PartyDomain:PluginHost:TrustedSha256:0=00", "--set", "PartyDomain:PluginHost:FailFast=true");
        strict.ExitCode.Should().Be(ExitCodes.PluginFailure, strict.Output);
        strict.Output.Should().Contain("FailFast").And.Contain("信任列表");
    }

    [Fact]
    public async Task The_readme_main_command_runs_the_built_host_and_prints_the_files_and_figures()
    {
        // The README's `dotnet run --project samples/PartyDomain.ConsoleHost -- report --year 2025`, as the built host, from another folder.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "PartyDomain.ConsoleHost.dll"), "report", "--year", "2025" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(ExitCodes.Success, await output + await error);
        File.Exists(Path.Combine(_folder, "reports", "annual-report-411500-2025.docx")).Should().BeTrue();
        (await output).Should().Contain("F26");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
