using PartyDomain.Interchange;
using PartyDomain.Testing;
using PartyDomain.Training;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary>
/// Plugin-defined data in the host: <c>import --from PLATFORM FILE</c> runs a plugin's platform connector (the sample
/// 学习强国 plugin's <c>xuexi-points</c>) and merges the export into the city's data; a plugin's own import table
/// (<c>xuexi_points</c>) is read beside the built-in ones.
/// </summary>
public sealed class PlatformImportTests : IDisposable
{
    private readonly string _host = HostFolder.Create("partydomain-platform-");

    // The host's own demo city: what the commands read until data is imported.
    private static readonly Data.CityDataset Demo = DemoCity.Build();

    private static string Member(int n) => Demo.People[n].Id.Value;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_host, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Data.CityDataset Exported()
    {
        var path = Path.Combine(_host, "export.json");
        HostRun.In(_host, "export", "--format", "json", "--out", path).ExitCode.Should().Be(ExitCodes.Success);
        return DatasetFiles.Read(path, new DatasetReadOptions { Clock = SystemClock.Instance }).Dataset!;
    }

    [Fact]
    public void An_export_read_through_the_plugins_connector_is_merged_into_the_citys_data_once()
    {
        var csv = Write("xuexi.csv", $"党员编号,姓名,日期,积分\n{Member(0)},张三,2025-03-01,120\n{Member(1)},李四,2025/4/2,60\n");
        var before = Demo.StudyCredits.Count;

        var run = HostRun.In(_host, "import", "--from", "xuexi-points", csv);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        run.Output.Should().Contain("新增 2 条").And.Contain("已导入 信阳市 的数据");
        var data = Exported();
        data.StudyCredits.Should().HaveCount(before + 2);
        data.People.Should().HaveCount(Demo.People.Count, "the export is merged into the city's data, not in place of it");
        data.StudyCredits.Should().Contain(c => c.PersonId.Value == Member(0) && c.Points == 120 && c.Platform == "xuexi-qiangguo");

        var again = HostRun.In(_host, "import", "--from", "XUEXI-POINTS", csv);
        again.ExitCode.Should().Be(ExitCodes.Success, again.Output);
        again.Output.Should().Contain("新增 0 条，2 条已在数据中");
        Exported().StudyCredits.Should().HaveCount(before + 2);
    }

    [Fact]
    public void Rows_the_connector_cannot_read_and_records_that_do_not_fit_are_named_by_file_row_and_column_and_nothing_is_kept()
    {
        var bad = Write("bad.csv", $"党员编号,姓名,日期,积分\n{Member(0)},张三,2025-03-01,abc\n");
        var run = HostRun.In(_host, "import", "--from", "xuexi-points", bad);
        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Output);
        run.Output.Should().Contain("导入失败：1 处问题").And.MatchRegex(@"bad\.csv\s*│ 2\s*│ 积分\s*│ abc");

        var stranger = Write("stranger.csv", "党员编号,姓名,日期,积分\nNOBODY,某人,2025-03-01,10\n");
        run = HostRun.In(_host, "import", "--from", "xuexi-points", stranger);
        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Output);
        run.Output.Should().MatchRegex(@"stranger\.csv\s*│ 2\s*│ 人员编号\s*│ NOBODY").And.Contain("学习积分 [NOBODY").And.Contain("不存在的人员").And.NotContain("PersonId").And.NotContain("StudyCredit");
        HostRun.In(_host, "check").Output.Should().Contain("内置演示数据", "nothing was kept");
    }

    [Fact]
    public void An_unknown_platform_lists_the_platforms_the_loaded_plugins_provide()
    {
        var csv = Write("x.csv", "党员编号,日期,积分\n");

        var run = HostRun.In(_host, "import", "--from", "dingtalk", csv, "--lang", "en");

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Output);
        run.Output.Should().Contain("No platform connector 'dingtalk'").And.Contain("xuexi-points").And.Contain("plugin xuexi-qiangguo 1.0.0");
    }

    [Fact]
    public void A_connector_that_throws_is_named_with_its_plugin_and_the_host_exits_3_keeping_the_data()
    {
        using var plugins = new PartyDomain.Hosting.Tests.PluginFixtures();
        plugins.AddPlugin("broken-connector", """
            using PartyDomain.Data;
            using PartyDomain.Extensibility.Plugins;
            public sealed class BrokenConnectorPlugin : IPartyDomainPlugin
            {
                public PluginManifest Manifest { get; } = new() { Id = "broken-connector", Version = "2.1.0", DisplayName = new("坏接入", "broken") };

                public void Register(PluginContext context) => context.Builder.AddDatasetContributor(new BrokenConnector());
            }

            public sealed class BrokenConnector : IDatasetContributor
            {
                public string Id => "city-oa";

                public PartyDomain.LocalizedText Description { get; } = new("本市办公系统", "city office system");

                public System.Collections.Generic.IReadOnlyList<DatasetProblem> Contribute(System.IO.Stream export, string sourceName, CityDatasetBuilder builder) =>
                    throw new System.FormatException("接口版本不支持");
            }
            """);
        var csv = Write("oa.csv", "a,b\n");

        var run = HostRun.In(_host, "import", "--from", "city-oa", csv, "--set", $"PartyDomain:PluginHost:Folders:1={plugins.Root}");

        run.ExitCode.Should().Be(ExitCodes.PluginFailure, run.Output);
        run.Output.Should().Contain("city-oa（broken-connector 2.1.0）").And.Contain("接口版本不支持").And.Contain("未导入任何数据");
        HostRun.In(_host, "check").Output.Should().Contain("内置演示数据");
    }

    [Fact]
    public void A_plugins_import_table_is_read_beside_the_built_in_tables_with_the_same_row_level_problems()
    {
        var folder = Path.Combine(_host, "csv");
        HostRun.In(_host, "demo", "--scale", "0.2", "--out", folder).ExitCode.Should().Be(ExitCodes.Success);
        var member = File.ReadLines(Path.Combine(folder, "people.csv")).Skip(1).First().Split(',')[0].TrimStart('\uFEFF');
        File.WriteAllText(Path.Combine(folder, "学习强国积分.csv"), $"党员编号,日期,积分\n{member},2025-03-01,80\n{member},2025-13-01,-5\n");

        var run = HostRun.In(_host, "import", folder);
        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Output);
        run.Output.Should().MatchRegex(@"学习强国积分\.csv\s*│ 3\s*│ 日期\s*│ 2025-13-01").And.MatchRegex(@"学习强国积分\.csv\s*│ 3\s*│ 积分\s*│ -5");

        File.WriteAllText(Path.Combine(folder, "学习强国积分.csv"), $"党员编号,日期,积分\n{member},2025-03-01,80\n");
        run = HostRun.In(_host, "import", folder);
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        Exported().StudyCredits.Should().Contain(c => c.PersonId.Value == member && c.Points == 80 && c.Platform == "xuexi-qiangguo" && c.Date == new LocalDate(2025, 3, 1));
    }

    public void Dispose() => Directory.Delete(_host, recursive: true);
}
