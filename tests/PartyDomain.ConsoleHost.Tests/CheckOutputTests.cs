using System.Text.Json;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary><c>check</c> for scripts and for one branch: <c>--format csv|json</c> and <c>--org</c>.</summary>
public sealed class CheckOutputTests
{
    private static JsonElement[] Findings(params string[] more)
    {
        var run = HostRun.Of(["check", "--format", "json", .. more]);
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        return [.. JsonDocument.Parse(run.Output).RootElement.EnumerateArray()];
    }

    [Fact]
    public void Json_lists_every_finding_with_its_rule_subject_slot_and_source()
    {
        var all = Findings();

        all.Should().HaveCountGreaterThan(100, "csv and json are not cut at --top");
        all.Should().OnlyContain(f => f.GetProperty("source").GetString()!.StartsWith('《'));
        all.Should().Contain(f => f.GetProperty("slot").ValueKind == JsonValueKind.String, "a missed slot names its slot");
    }

    [Fact]
    public void Csv_has_a_row_per_finding_as_json_does()
    {
        var json = Findings().Length;
        var run = HostRun.Of("check", "--format", "csv");

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("severity,rule,subject_kind,subject_id,subject,slot,as_of,expected,found,source");
        lines.Should().HaveCount(json + 1);
    }

    [Fact]
    public void Org_keeps_the_findings_of_that_branch_its_members_and_firms_only()
    {
        var all = Findings();
        var branch = all.First(f => f.GetProperty("subject").GetProperty("kind").GetString() == "Organization"
            && f.GetProperty("subject").GetProperty("id").GetString()!.StartsWith('B')).GetProperty("subject").GetProperty("id").GetString()!;

        var one = Findings("--org", branch);

        one.Should().NotBeEmpty().And.HaveCountLessThan(all.Length);
        one.Where(f => f.GetProperty("subject").GetProperty("kind").GetString() == "Organization")
            .Should().OnlyContain(f => f.GetProperty("subject").GetProperty("id").GetString()!.StartsWith(branch, StringComparison.Ordinal),
                "the branch and its party groups (demo ids: B00010, B00010-G1)");
        HostRun.Of("check", "--branch", branch).Output.Should().Contain("合计");
        HostRun.Of("check", "--org", "NO-SUCH").ExitCode.Should().Be(ExitCodes.BadInput);
    }

    [Fact]
    public void Fail_on_keeps_its_exit_code_with_machine_output()
    {
        HostRun.Of("check", "--format", "json", "--fail-on", "error").ExitCode.Should().Be(ExitCodes.FindingsAboveThreshold);
    }
}
