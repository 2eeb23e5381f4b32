using System.Text.Json;
using System.Text.RegularExpressions;
using PartyDomain.Notifications.Tests;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary><c>reminders</c> on the demo city (today 2026-01-15): grouped by branch, real due dates, overdue first, delivery.</summary>
public sealed class RemindersTests
{
    private static JsonElement[] Notices(params string[] more)
    {
        var run = HostRun.Of(["reminders", "--format", "json", .. more]);
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        return [.. JsonDocument.Parse(run.Output).RootElement.EnumerateArray()];
    }

    [Fact]
    public void Reminders_are_grouped_by_branch_with_its_secretary_named_and_overdue_first()
    {
        var run = HostRun.Of("reminders", "--top", "500");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().Contain("到期和逾期事项（截至 2026-01-15，提前 30 天提醒）").And.Contain("书记：")
            .And.Contain("每月相对固定1天开展主题党日").And.Contain("支部委员会每届任期3年");
        var first = Regex.Match(run.Output, @"\n(\S+) \((\w[\w-]*)\)  书记：(\S+)  (\d+)项  (\d+)项已逾期");
        first.Success.Should().BeTrue("the first branch listed has an overdue item: " + run.Output[..Math.Min(run.Output.Length, 2000)]);
        run.Output.IndexOf(first.Value, StringComparison.Ordinal).Should().BeLessThan(run.Output.IndexOf("16天后", StringComparison.Ordinal));
    }

    [Fact]
    public void A_committee_term_shows_the_day_it_ends_not_today()
    {
        var terms = Notices("--top", "500").SelectMany(n => n.GetProperty("items").EnumerateArray()).Where(i => i.GetProperty("kind").GetString() == "CommitteeTerm").ToArray();

        terms.Should().NotBeEmpty();
        terms.Should().OnlyContain(i => i.GetProperty("due").GetString() != "2026-01-15");
        terms.Where(i => i.GetProperty("overdue").GetBoolean()).Should().NotBeEmpty("the demo city has terms that ended in 2025");
    }

    [Fact]
    public void Overdue_branches_come_first_and_items_are_in_due_order()
    {
        var notices = Notices();

        var overdue = notices.Select(n => n.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("overdue").GetBoolean())).ToArray();
        overdue.Should().BeInDescendingOrder("branches with overdue items lead");
        foreach (var n in notices)
        {
            n.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("due").GetString()).Should().BeInAscendingOrder(StringComparer.Ordinal);
        }
    }

    [Fact]
    public void The_horizon_and_the_organization_filter_come_from_the_command_line()
    {
        var all = Notices("--horizon", "80");
        var branch = all[0].GetProperty("organization").GetProperty("id").GetString()!;

        all.SelectMany(n => n.GetProperty("items").EnumerateArray()).Should().Contain(i => i.GetProperty("due").GetString() == "2026-03-31");
        all.SelectMany(n => n.GetProperty("items").EnumerateArray()).Should().Contain(i => i.GetProperty("kind").GetString() == "Admission",
            "an admission case's next step falls due in the wider horizon");
        Notices("--horizon", "80", "--org", branch).Should().ContainSingle().Which.GetProperty("organization").GetProperty("id").GetString().Should().Be(branch);
        HostRun.Of("reminders", "--org", "NO-SUCH-ORG").ExitCode.Should().Be(ExitCodes.BadInput);
    }

    [Fact]
    public void Csv_has_one_row_per_item_for_scripts()
    {
        var items = Notices().Sum(n => n.GetProperty("items").GetArrayLength());
        var run = HostRun.Of("reminders", "--format", "csv");

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("organization_id,organization,secretary,kind,due,days_overdue,what,subject,expected,found,source");
        lines.Should().HaveCount(items + 1);
    }

    [Fact]
    public void Sending_without_a_channel_says_how_to_configure_one()
    {
        var run = HostRun.Of("reminders", "--send");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain("没有配置提醒渠道").And.Contain("PartyDomain:Reminders:Smtp");
    }

    [Fact]
    public void A_dry_run_shows_what_would_go_to_whom_and_sends_nothing()
    {
        using var robot = new Robot();

        var run = HostRun.Of("reminders", "--send", "--dry-run", "--set", $"PartyDomain:Reminders:Webhook:Urls:0={robot.Url}");

        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        run.Output.Should().Contain("将发送的提醒（未发送）").And.Contain("演练，未发送").And.Contain($"127.0.0.1:{robot.Port}/cgi-bin/webhook/send?…")
            .And.NotContain("secret-key");
        robot.Received.Should().BeEmpty();
    }

    [Fact]
    public void Send_delivers_one_message_per_branch_through_the_webhook()
    {
        var branches = Notices().Length;
        using var robot = new Robot();

        var run = HostRun.Of("reminders", "--send", "--set", $"PartyDomain:Reminders:Webhook:Urls:0={robot.Url}", "--set", "PartyDomain:Reminders:Webhook:Format=WeCom");

        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        robot.Received.Should().HaveCount(branches);
        run.Output.Should().Contain($"{branches} 个组织：{branches} 次送达，0 次失败，0 个组织未送达。");
    }

    [Fact]
    public void A_failed_delivery_is_named_and_the_exit_code_says_a_part_failed()
    {
        var port = Robot.FreePort(); // nothing listens there

        var run = HostRun.Of("reminders", "--send", "--org", Notices()[0].GetProperty("organization").GetProperty("id").GetString()!,
            "--set", $"PartyDomain:Reminders:Webhook:Urls:0=http://127.0.0.1:{port}/hook", "--set", "PartyDomain:Reminders:MaxAttempts=2", "--set", "PartyDomain:Reminders:RetryDelay=00:00:00");

        run.ExitCode.Should().Be(ExitCodes.PartialFailure, run.Output);
        run.Output.Should().Contain("失败").And.Contain("有提醒未送达").And.Contain("reminders --send");
    }
}
