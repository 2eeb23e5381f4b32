using PartyDomain.Tests.Shared;
using PartyDomain.Testing;
using Spectre.Console.Testing;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary>Progress of long work: reported by the library, shown as a bar with its percentage on a terminal, absent from redirected output.</summary>
public class ProgressTests
{
    [Fact]
    public void Generating_and_building_the_demo_city_reports_progress_that_only_grows_and_ends_at_100_percent()
    {
        var reports = new Reports();

        DemoCity.Build(scale: 0.5, progress: reports);

        reports.ShouldGrowTo100Percent();
        reports.Stages.Should().ContainInOrder("organizations, firms and people", "organizational life", "dues", "indexing", "checking integrity");
        reports.Count.Should().BeGreaterThan(20, "organizational life is reported every 1 % of the branches");
    }

    [Fact]
    public void On_a_terminal_the_demo_shows_a_bar_with_its_percentage_and_stage()
    {
        var console = new TestConsole().Width(200).Interactive();

        var code = ConsoleApp.Run(["demo", "--lang", "en"], console, AppContext.BaseDirectory, null, Path.Combine(AppContext.BaseDirectory, "data"));

        code.Should().Be(ExitCodes.Success);
        console.Output.Should().Contain("Generating and validating the demo data: ").And.MatchRegex(@"\b100%");
    }

    [Fact]
    public void On_a_terminal_the_report_shows_its_stages_the_summary_then_each_file()
    {
        var console = new TestConsole().Width(200).Interactive();
        var output = Directory.CreateTempSubdirectory("partydomain-progress-report-").FullName;

        var code = ConsoleApp.Run(["report", "--year", "2025", "--format", "md", "--format", "json", "--out", output, "--lang", "en"], console,
            AppContext.BaseDirectory, null, Path.Combine(AppContext.BaseDirectory, "data"));

        code.Should().Be(ExitCodes.Success);
        console.Output.Should().Contain("Building the 2025 annual report: computing the figures and findings")
            .And.Contain("Building the 2025 annual report: writing the report files (2/2)").And.MatchRegex(@"\b100%");
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public void Redirected_output_shows_no_bar()
    {
        var run = HostRun.Of("demo", "--lang", "en");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().NotContain("Generating and validating").And.NotContain("100%");
    }
}
