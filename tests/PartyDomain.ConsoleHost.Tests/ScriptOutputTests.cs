using System.Text.Json;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary><c>--format csv|json</c> on <c>training</c>, <c>pipeline</c> and <c>metrics</c>: every row, for scripts.</summary>
public sealed class ScriptOutputTests
{
    private static JsonElement[] Json(params string[] args)
    {
        var run = HostRun.Of([.. args, "--format", "json"]);
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        return [.. JsonDocument.Parse(run.Output).RootElement.EnumerateArray()];
    }

    private static string[] Csv(params string[] args)
    {
        var run = HostRun.Of([.. args, "--format", "csv"]);
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Training_lists_the_whole_ledger_a_row_per_person_with_what_each_falls_short_of()
    {
        var rows = Json("training");

        rows.Should().HaveCountGreaterThan(15, "not cut at --top");
        rows.Select(r => r.GetProperty("person_id").GetString()).Should().OnlyHaveUniqueItems();
        rows.Should().OnlyContain(r => r.GetProperty("total_hours").GetDecimal() == r.GetProperty("session_hours").GetDecimal() + r.GetProperty("credit_hours").GetDecimal());
        rows.Should().Contain(r => r.GetProperty("short_of").GetString()!.Contains("TR-", StringComparison.Ordinal));
        rows[0].GetProperty("member").ValueKind.Should().BeOneOf(JsonValueKind.True, JsonValueKind.False);
        Csv("training")[0].Should().Be("person_id,name,year,member,cadre,member_months,session_hours,credit_hours,total_hours,concentrated_trainings,short_of");
        Csv("training").Should().HaveCount(rows.Length + 1);
    }

    [Fact]
    public void Pipeline_lists_every_case_with_its_stage_and_violations()
    {
        var rows = Json("pipeline");

        rows.Should().HaveCountGreaterThan(15);
        rows.Select(r => r.GetProperty("case_id").GetString()).Should().OnlyHaveUniqueItems();
        rows.Should().Contain(r => r.GetProperty("violations").GetString()!.StartsWith("DEV-", StringComparison.Ordinal));
        Csv("pipeline").Should().HaveCount(rows.Length + 1);
    }

    [Fact]
    public void Metrics_give_the_years_totals_or_every_group_row_as_numbers()
    {
        var totals = Json("metrics");
        var months = Json("metrics", "--by", "month");
        var firms = Json("metrics", "--by", "firm", "--top", "1");

        totals.Should().NotBeEmpty().And.OnlyContain(r => r.GetProperty("year").GetInt32() == 2025);
        totals.Should().Contain(r => r.GetProperty("value").ValueKind == JsonValueKind.Number);
        months.Select(r => r.GetProperty("period").GetString()).Should().Contain(Enumerable.Range(1, 12).Select(m => $"2025-{m:00}"), "every month of the query, as it gives them");
        firms.GroupBy(r => r.GetProperty("indicator").GetString()).Should().Contain(g => g.Count() > 1, "--top does not cut machine output");
        Csv("metrics", "--by", "quarter")[0].Should().Be("indicator,name,period,district,organization_id,firm_id,value,unit,records");
    }

    [Fact]
    public void An_unknown_format_is_refused()
    {
        HostRun.Of("training", "--format", "xml").ExitCode.Should().Be(ExitCodes.BadInput);
        HostRun.Of("metrics", "--format", "xml").ExitCode.Should().Be(ExitCodes.BadInput);
    }
}

/// <summary>The tables on a terminal of 100 columns: readable, and no id broken across lines.</summary>
public sealed class NarrowConsoleTests
{
    [Theory]
    [InlineData("check", "BS-COMMITTEE-MEETING-QUORUM")]
    [InlineData("training", "TR-CADRE-CONCENTRATED")]
    [InlineData("reminders", "2026-01-31")]
    public void At_100_columns_no_line_is_wider_and_ids_and_days_stay_whole(string command, string whole)
    {
        var wide = HostRun.Of(command, "--top", "40");
        var run = HostRun.Narrow(100, AppContext.BaseDirectory, null, command, "--top", "40");

        wide.Output.Should().Contain(whole, "the demo city has it");
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        run.Output.Split('\n').Should().OnlyContain(l => l.TrimEnd().Length <= 100);
        run.Output.Should().Contain(whole, "an id or a day broken across two lines cannot be read, copied or searched");
    }
}
