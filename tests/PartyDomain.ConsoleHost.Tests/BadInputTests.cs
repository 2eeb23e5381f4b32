namespace PartyDomain.ConsoleHost.Tests;

/// <summary>Bad command lines, configuration and data: exit code 2 and a message that says what is wrong.</summary>
public class BadInputTests
{
    [Theory]
    [InlineData("no-such-command")]
    [InlineData("check", "--year", "abc")]
    [InlineData("check", "--year", "1800")]
    [InlineData("check", "--fail-on", "sometimes")]
    [InlineData("check", "--as-of", "2025-13-01")]
    [InlineData("check", "--no-such-option")]
    [InlineData("check", "--lang", "fr")]
    [InlineData("check", "--set", "no-equals-sign")]
    [InlineData("demo", "--scale", "0")]
    [InlineData("reminders", "--horizon", "-1")]
    public void A_bad_command_line_is_bad_input(params string[] args)
    {
        var run = HostRun.Of(args);

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Output);
        run.Output.Should().NotBeEmpty();
    }

    [Fact]
    public void An_unknown_rule_in_the_configuration_is_named()
    {
        var run = HostRun.Of("check", "--set", "PartyDomain:Rules:NO-SUCH-RULE:Enabled=false");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain("配置有误").And.Contain("NO-SUCH-RULE");
    }

    [Fact]
    public void Every_value_out_of_range_is_named_at_start_in_both_languages()
    {
        var run = HostRun.Of("check", "--set", "PartyDomain:Compliance:PartialSlotMinimumPercent=150", "--set", "PartyDomain:Development:YoungAgeThreshold=0",
            "--set", "PartyDomain:TimeZone=Mars/Olympus");

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Output);
        var message = run.Output.ReplaceLineEndings(" ");
        message.Should().Contain("配置有误")
            .And.Contain("PartyDomain:Compliance:PartialSlotMinimumPercent 须在 0 到 100 之间（现为 150）").And.Contain("must be between 0 and 100 (it is 150)")
            .And.Contain("PartyDomain:Development:YoungAgeThreshold").And.Contain("PartyDomain:TimeZone：“Mars/Olympus”");
    }

    [Fact]
    public void A_misspelt_rule_id_is_answered_with_the_few_closest_ids_not_all_of_them()
    {
        var run = HostRun.Of("check", "--set", "PartyDomain:Rules:ORG-BRANCH-SIZ:Parameters:MaxMembers=60");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        var message = run.Output.ReplaceLineEndings(" ");
        message.Should().MatchRegex("(最接近的规则：|Closest rules: )ORG-BRANCH-SIZE, ").And.NotContain("BS-THEME-PARTY-DAY").And.NotContain("DEV-AGE");
    }

    [Fact]
    public void An_unknown_rule_parameter_is_named()
    {
        var run = HostRun.Of("check", "--set", "PartyDomain:Rules:ORG-BRANCH-SIZE:Parameters:MaxPeople=60");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain("MaxPeople");
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_bad_input()
    {
        var run = HostRun.Of("check", "--set", "PartyDomain:Rules:ORG-BRANCH-SIZE:Parameters:MaxMembers=many");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain("PartyDomain:Rules:ORG-BRANCH-SIZE:Parameters:MaxMembers = 'many'");
    }

    [Theory]
    [InlineData("Host:Demo:Scale=abc", "Host:Demo:Scale：“abc”不是数字")]
    [InlineData("PartyDomain:Compliance:ReminderHorizonDays=abc", "PartyDomain:Compliance:ReminderHorizonDays：“abc”不是整数")]
    [InlineData("PartyDomain:Reminders:RetryDelay=soon", "PartyDomain:Reminders:RetryDelay：“soon”不是时长")]
    public void A_value_that_does_not_convert_names_its_key_and_kind_without_a_type_name(string setting, string message)
    {
        var run = HostRun.Of("check", "--set", setting);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain(message).And.NotContain("System.").And.NotContain("Nullable").And.NotContain("Failed to convert");
    }

    [Theory]
    [InlineData("Enabled=perhaps")]
    [InlineData("Severity=Fatal")]
    [InlineData("Threshold=3")]
    public void Every_wrong_rule_setting_is_named(string setting)
    {
        var run = HostRun.Of("check", "--set", $"PartyDomain:Rules:ORG-BRANCH-SIZE:{setting}");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain($"PartyDomain:Rules:ORG-BRANCH-SIZE:{setting.Split('=')[0]}");
    }

    [Fact]
    public void A_missing_configuration_file_is_named()
    {
        var run = HostRun.Of("check", "--config", "no-such-settings.json");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain("no-such-settings.json");
    }

    [Fact]
    public void A_configuration_file_that_is_not_json_is_bad_input()
    {
        var file = Path.Combine(Path.GetTempPath(), $"partydomain-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{ this is not json");
        try
        {
            HostRun.Of("check", "--config", file).ExitCode.Should().Be(ExitCodes.BadInput);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Data_that_does_not_hold_lists_every_problem_with_entity_field_and_reason()
    {
        // Today before the demo's records: every record dated later is refused, each one named.
        var run = HostRun.Of("check", "--set", "Host:Today=2025-06-30");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().MatchRegex(@"数据有 \d+ 处问题").And.MatchRegex(@"\[活动日期\] '2025-\d\d-\d\d'：组织生活 \[").And.Contain("[政治身份]").And.Contain("：组织关系 [");
    }

    [Theory]
    [InlineData("zh", "组织生活 [", "ActivityRecord")]
    [InlineData("en", "activities [", "ActivityRecord")]
    [InlineData("zh", "[开始日期]", "] From")]
    [InlineData("en", "[from]", "] From")]
    [InlineData("en", "[standings]", "Standings")]
    [InlineData("zh", "irregular-income]", "IrregularIncome")]
    public void Integrity_problems_name_records_and_fields_as_the_import_format_does_never_by_the_code(string language, string named, string never)
    {
        var run = HostRun.Of("check", "--set", "Host:Today=2025-06-30", "--lang", language);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain(named).And.NotContain(never).And.NotContain("MembershipRegistration").And.NotContain("Person [");
    }

    [Fact]
    public void An_unknown_indicator_is_named_with_the_known_ones()
    {
        var run = HostRun.Of("metrics", "--indicator", "no-such-indicator");

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain("no-such-indicator").And.Contain("legal-aid-cases");
    }
}
