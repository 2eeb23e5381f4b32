using System.Text.RegularExpressions;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary>Every command end to end on the embedded demo data: what it prints and its exit code.</summary>
public class CommandTests
{
    [Fact]
    public void Demo_generates_validates_and_counts_the_city()
    {
        var run = HostRun.Of("demo");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().Contain("内置演示数据（信阳市，种子 2025，规模 1，截至 2026-01-15）")
            .And.Contain("律所党支部").And.Contain("联合党支部").And.Contain("入党发展案例").And.Contain("数据完整有效");
    }

    [Fact]
    public void Demo_takes_a_seed_and_a_scale()
    {
        var run = HostRun.Of("demo", "--seed", "9", "--scale", "2", "--lang", "en");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().Contain("seed 9, scale 2").And.Contain("firm branches");
        Count(run.Output, "firm branches").Should().BeInRange(80, 92);
    }

    [Fact]
    public void Today_is_read_in_the_configured_zone_as_the_engines_read_it()
    {
        // The demo's clock reads 10:00 in Shanghai on 2026-01-15: 18:00 on 2026-01-14 in Los Angeles.
        var zoned = HostRun.Of("demo", "--set", "PartyDomain:TimeZone=America/Los_Angeles");
        var fixedDay = HostRun.Of("demo", "--set", "PartyDomain:TimeZone=America/Los_Angeles", "--set", "Host:Today=2026-01-15");

        zoned.ExitCode.Should().Be(ExitCodes.Success, zoned.Output);
        zoned.Output.Should().Contain("截至 2026-01-14）");
        fixedDay.Output.Should().Contain("截至 2026-01-15）", "a configured day is that day in the city's zone");
    }

    [Fact]
    public void Check_reports_structure_findings_the_six_systems_and_dues_with_their_sources()
    {
        var run = HostRun.Of("check", "--year", "2025", "--top", "200");

        run.ExitCode.Should().Be(ExitCodes.Success, "without --fail-on, check only reports");
        run.Output.Should().Contain("组织结构（截至 2025-12-31）与六项基本制度（2025 年）")
            .And.Contain("ORG-COMMITTEE-TERM").And.Contain("《中国共产党支部工作条例（试行）》第六章")
            .And.Contain("三会一课").And.Contain("主题党日").And.Contain("组织生活会").And.Contain("民主评议党员").And.Contain("谈心谈话")
            .And.Contain("BS-GENERAL-MEETING").And.Contain("DUES-SIX-MONTHS-UNPAID")
            .And.MatchRegex(@"合计：违规 \d+，警告 \d+，提醒 \d+。");
    }

    [Theory]
    [InlineData("error")]
    [InlineData("warning")]
    [InlineData("ERROR")]
    public void Check_fails_on_findings_at_or_above_the_chosen_severity(string severity)
    {
        var run = HostRun.Of("check", "--fail-on", severity);

        run.ExitCode.Should().Be(ExitCodes.FindingsAboveThreshold);
        run.Output.Should().Contain("--fail-on");
    }

    [Fact]
    public void Check_passes_when_no_finding_reaches_the_chosen_severity()
    {
        // Everything that could raise a violation is turned down to a warning: then --fail-on error passes.
        var rules = new[]
        {
            "ORG-FIRM-OWN-BRANCH", "ORG-FIRM-COVERED", "ORG-FIRM-PARTY-WORK", "ORG-BRANCH-COMMITTEE", "ORG-COMMITTEE-SIZE", "ORG-BRANCH-SIZE",
            "ORG-JOINT-BRANCH-FIRMS", "ORG-COMMITTEE-TERM", "ORG-SECRETARY-STANDING", "ORG-REGISTRATION-FOLLOWS-FIRM",
            "BS-GENERAL-MEETING", "BS-GENERAL-MEETING-QUORUM", "BS-COMMITTEE-MEETING", "BS-COMMITTEE-MEETING-QUORUM", "BS-GROUP-MEETING",
            "BS-PARTY-LESSON", "BS-SECRETARY-LECTURE", "BS-ORGANIZATIONAL-LIFE-MEETING", "BS-DEMOCRATIC-APPRAISAL", "BS-THEME-PARTY-DAY",
            "BS-HEART-TO-HEART-TALK", "BS-INACTIVE-MEMBER", "DUES-ARREARS", "DUES-BACK-PAYMENT", "DUES-SIX-MONTHS-UNPAID",
        };
        var args = new List<string> { "check", "--fail-on", "error" };
        foreach (var rule in rules)
        {
            args.AddRange(["--set", $"PartyDomain:Rules:{rule}:Severity=Warning"]);
        }

        var passing = HostRun.Of([.. args]);
        passing.ExitCode.Should().Be(ExitCodes.Success, passing.Output);
        passing.Output.Should().Contain("合计：违规 0，");

        args[2] = "warning";
        HostRun.Of([.. args]).ExitCode.Should().Be(ExitCodes.FindingsAboveThreshold);
    }

    [Fact]
    public void Rule_parameters_from_the_command_line_change_the_findings()
    {
        var standard = HostRun.Of("check", "--top", "500");
        var strict = HostRun.Of("check", "--top", "500", "--set", "PartyDomain:Rules:ORG-BRANCH-SIZE:Parameters:MaxMembers=20");

        strict.ExitCode.Should().Be(ExitCodes.Success);
        Count(strict.Output, "ORG-BRANCH-SIZE").Should().BeGreaterThan(Count(standard.Output, "ORG-BRANCH-SIZE"));
    }

    [Fact]
    public void Output_is_in_English_on_request()
    {
        var run = HostRun.Of("check", "--lang", "en");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().Contain("Structure (as of 2025-12-31) and the six basic systems (2025)").And.MatchRegex(@"In all: \d+ violations");
    }

    [Fact]
    public void Metrics_compare_the_year_with_the_previous_one()
    {
        var run = HostRun.Of("metrics", "--year", "2025");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().Contain("服务指标（2025 年）").And.Contain("legal-aid-cases").And.Contain("hotline-answer-rate")
            .And.Contain("cases-handled").And.Contain("2024").And.MatchRegex(@"[+-]\d+\.\d%");
    }

    [Fact]
    public void A_rate_changes_in_percentage_points_a_count_in_percent()
    {
        var run = HostRun.Of("metrics", "--year", "2025", "--indicator", "hotline-answer-rate", "--indicator", "legal-aid-cases");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().MatchRegex(@"12348热线接通率[^\n]*[+-]\d+\.\d个百分点").And.MatchRegex(@"办理法律援助案件[^\n]*[+-]\d+\.\d%");
    }

    [Fact]
    public void Metrics_by_quarter_are_a_pivot_of_indicators_by_period_with_the_year()
    {
        var run = HostRun.Of("metrics", "--by", "quarter", "--indicator", "legal-aid-cases", "--lang", "en");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().Contain("Legal-aid cases handled").And.NotContain("Civil cases");
        Regex.Count(run.Output, "Legal-aid cases handled").Should().Be(1, "one row per indicator");
        var cells = Regex.Match(run.Output, @"Legal-aid cases handled\s*│([^\n]+)").Groups[1].Value.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        cells.Should().HaveCount(6, "Q1–Q4, the year and the unit");
        cells.Take(4).Sum(c => int.Parse(c, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(int.Parse(cells[4], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
        run.Output.Should().Contain("Q1").And.Contain("Q4").And.Contain("Year");
    }

    [Fact]
    public void Metrics_by_month_have_twelve_columns()
    {
        var run = HostRun.Of("metrics", "--by", "month", "--indicator", "hotline-calls");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().Contain("1月").And.Contain("12月").And.Contain("全年");
    }

    [Fact]
    public void Metrics_by_firm_say_how_many_rows_were_left_out_and_sum_them()
    {
        var all = HostRun.Of("metrics", "--by", "firm", "--indicator", "legal-aid-cases", "--top", "1000");
        var top = HostRun.Of("metrics", "--by", "firm", "--indicator", "legal-aid-cases", "--top", "3");

        var firms = Regex.Count(all.Output, @"\(F\d+\)");
        Regex.Count(top.Output, @"\(F\d+\)").Should().Be(3);
        top.Output.Should().Contain($"另有{firms - 3}项").And.Contain("--top");
        all.Output.Should().NotContain("另有");
    }

    [Fact]
    public void Training_shows_the_figures_and_who_falls_short()
    {
        var run = HostRun.Of("training");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().Contain("学习培训（2025 年）").And.Contain("F5").And.Contain("F9").And.Contain("F12")
            .And.Contain("TR-MEMBER-HOURS").And.Contain("《中国共产党党员教育管理工作条例》第二十条");
    }

    [Fact]
    public void Pipeline_shows_stages_years_violations_and_next_steps()
    {
        var run = HostRun.Of("pipeline", "--lang", "en");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().Contain("Admission pipeline (as of 2026-01-15)").And.Contain("Development candidate").And.Contain("Probationary member")
            .And.MatchRegex(@"\d+ cases, \d+ violations of the admission rules");
    }

    [Fact]
    public void Commands_run_on_a_dataset_built_beforehand()
    {
        var dataset = PartyDomain.Testing.DemoCity.Build(seed: 3, scale: 0.5, city: new Data.CityInfo("410300", "洛阳市"));

        var run = HostRun.With(AppContext.BaseDirectory, dataset, "check");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().Contain("已载入的数据（洛阳市，截至 2026-01-15）").And.NotContain("内置演示数据");
    }

    [Fact]
    public void Help_lists_the_commands_and_the_exit_codes()
    {
        var run = HostRun.Of("--help");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().Contain("demo").And.Contain("check").And.Contain("reminders").And.Contain("metrics").And.Contain("training").And.Contain("pipeline")
            .And.Contain("EXIT CODES").And.Contain("check --fail-on");
        HostRun.Of("check", "--help").Output.Should().Contain("--fail-on").And.Contain("EXIT CODES");
    }

    private static int Count(string output, string text) => text == "firm branches"
        ? int.Parse(Regex.Match(output, @"firm branches\s*│\s*([\d,]+)").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)
        : Regex.Count(output, Regex.Escape(text));
}
