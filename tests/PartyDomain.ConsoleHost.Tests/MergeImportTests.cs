using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Interchange;
using PartyDomain.Testing;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary><c>import</c> merges into the stored city by default, all or nothing; <c>--replace</c> and <c>--reset</c> keep a backup.</summary>
public sealed class MergeImportTests : IDisposable
{
    private readonly string _host = HostFolder.Create("partydomain-merge-");

    private string DataFile => Path.Combine(_host, "data", "partydomain.db");

    [Fact]
    public void A_month_of_activity_records_merges_into_the_imported_city_and_importing_it_again_changes_nothing()
    {
        var (city, month) = Files();
        var first = HostRun.In(_host, "import", city);
        first.ExitCode.Should().Be(ExitCodes.Success, first.Output);
        first.Output.Should().Contain("尚无已保存的数据：文件即为全市数据");

        var merged = HostRun.In(_host, "import", month);
        merged.ExitCode.Should().Be(ExitCodes.Success, merged.Output);
        merged.Output.Should().MatchRegex($@"组织生活\s*│\s*{MonthCount}\s*│\s*0\s*│\s*0\s*│");
        var exported = Export("after-first.json");
        var bytes = DatabaseHash();

        var again = HostRun.In(_host, "import", month);
        again.ExitCode.Should().Be(ExitCodes.Success, again.Output);
        again.Output.Should().MatchRegex($@"组织生活\s*│\s*0\s*│\s*0\s*│\s*{MonthCount}\s*│").And.Contain("没有变化");
        Export("after-second.json").Should().Be(exported);
        DatabaseHash().Should().Equal(bytes, "a merge without changes writes nothing");
        exported.Should().Contain(December[0].Id);
    }

    [Fact]
    public void A_merge_naming_an_unknown_person_changes_nothing_and_names_the_file_row_and_person()
    {
        var (city, month) = Files();
        HostRun.In(_host, "import", city).ExitCode.Should().Be(ExitCodes.Success);
        var before = DatabaseHash();
        var json = JsonNode.Parse(File.ReadAllText(month))!;
        json["activity_attendance"]![0]!["person_id"] = "P-nobody";
        var broken = Path.Combine(_host, "broken-month.json");
        File.WriteAllText(broken, json.ToJsonString());

        var run = HostRun.In(_host, "import", broken);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain("已保存的数据未作任何改动").And.Contain("broken-month.json").And.Contain("P-nobody").And.Contain("引用了不存在的人员");
        DatabaseHash().Should().Equal(before);
    }

    [Fact]
    public void Replace_starts_over_after_a_backup_beside_the_data_file()
    {
        var (city, _) = Files();
        HostRun.In(_host, "import", city).ExitCode.Should().Be(ExitCodes.Success);
        var smaller = Path.Combine(_host, "smaller.json");
        DatasetFiles.Write(DemoCity.Build(seed: 7, scale: 0.1), smaller, DatasetFormat.Json);

        var run = HostRun.In(_host, "import", "--replace", smaller);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        var backup = Directory.GetFiles(Path.GetDirectoryName(DataFile)!, "partydomain.db.*.bak").Should().ContainSingle().Subject;
        run.Output.Should().Contain(backup).And.Contain("已替换原有数据");
        Regex.IsMatch(Path.GetFileName(backup), @"^partydomain\.db\.\d{4}-\d\d-\d\dT\d{6}\.bak$").Should().BeTrue(backup);
        Lines(Export("replaced.json")).Should().Equal(Lines(File.ReadAllText(Export(smaller, "expected.json"))), "the data is the smaller city's, in the store's order");
        new FileInfo(backup).Length.Should().BeGreaterThan(new FileInfo(DataFile).Length / 2, "the backup holds the bigger city");
    }

    [Fact]
    public void Reset_is_refused_without_a_confirmation_when_not_interactive_and_keeps_a_backup_with_yes()
    {
        var (city, _) = Files();
        HostRun.In(_host, "import", city).ExitCode.Should().Be(ExitCodes.Success);

        var refused = HostRun.In(_host, "import", "--reset");
        refused.ExitCode.Should().Be(ExitCodes.BadInput);
        refused.Output.Should().Contain("--yes").And.Contain("未作任何改动");
        File.Exists(DataFile).Should().BeTrue();

        var declined = HostRun.Interactive(_host, "n", "import", "--reset");
        declined.ExitCode.Should().Be(ExitCodes.Success, declined.Output);
        declined.Output.Should().Contain("已取消");
        File.Exists(DataFile).Should().BeTrue();

        var reset = HostRun.In(_host, "import", "--reset", "--yes", "--lang", "en");
        reset.ExitCode.Should().Be(ExitCodes.Success, reset.Output);
        File.Exists(DataFile).Should().BeFalse();
        var backup = Directory.GetFiles(Path.GetDirectoryName(DataFile)!, "*.bak").Should().ContainSingle().Subject;
        reset.Output.Should().Contain($"the backup is {backup}");
        HostRun.In(_host, "check").Output.Should().Contain("内置演示数据");
    }

    [Fact]
    public async Task Without_Host_Data_the_host_keeps_its_data_in_the_users_data_folder_not_beside_itself()
    {
        var xdg = Directory.CreateTempSubdirectory("partydomain-xdg-").FullName;
        try
        {
            var (city, _) = Files();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _host };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "PartyDomain.ConsoleHost.dll"), "import", city })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["XDG_DATA_HOME"] = xdg;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            process.ExitCode.Should().Be(ExitCodes.Success, await output + await error);
            File.Exists(Path.Combine(xdg, "PartyDomain", "partydomain.db")).Should().BeTrue(await output);
            Directory.Exists(Path.Combine(AppContext.BaseDirectory, "data")).Should().BeFalse("the build output holds no data");
        }
        finally
        {
            Directory.Delete(xdg, recursive: true);
        }
    }

    private static readonly CityDataset Full = DemoCity.Build(scale: 0.2);

    private static readonly List<ActivityRecord> December = [.. Full.Activities.Where(a => a.Date.Year == 2025 && a.Date.Month == 12)];

    private static int MonthCount => December.Count;

    /// <summary>The demo city without its December activity records, and a file of those records alone.</summary>
    private (string City, string Month) Files()
    {
        December.Should().NotBeEmpty();
        var builder = new CityDatasetBuilder(Full.City, Full.Today);
        builder.AddRange(DemoCity.Generate(scale: 0.2).Where(r => r is not ActivityRecord a || !December.Any(d => d.Id == a.Id)));
        var city = Path.Combine(_host, "city.json");
        DatasetFiles.Write(builder.Build(), city, DatasetFormat.Json);

        var full = Path.Combine(_host, "full.json");
        DatasetFiles.Write(Full, full, DatasetFormat.Json);
        var ids = December.Select(a => a.Id).ToHashSet();
        var json = JsonNode.Parse(File.ReadAllText(full))!.AsObject();
        var month = new JsonObject
        {
            ["activities"] = new JsonArray([.. json["activities"]!.AsArray().Where(r => ids.Contains((string)r!["id"]!)).Select(r => r!.DeepClone())]),
            ["activity_attendance"] = new JsonArray([.. json["activity_attendance"]!.AsArray().Where(r => ids.Contains((string)r!["activity_id"]!)).Select(r => r!.DeepClone())]),
        };
        var path = Path.Combine(_host, "2025-12.json");
        File.WriteAllText(path, month.ToJsonString());
        return (city, path);
    }

    private string Export(string name)
    {
        var path = Path.Combine(_host, name);
        HostRun.In(_host, "export", "--format", "json", "--out", path).ExitCode.Should().Be(ExitCodes.Success);
        return File.ReadAllText(path);
    }

    /// <summary>A file read back and written again in the export's form (its today is what the host reads imported data as of).</summary>
    private string Export(string file, string name)
    {
        var path = Path.Combine(_host, name);
        var read = DatasetFiles.Read(file, new DatasetReadOptions { Clock = NodaTime.SystemClock.Instance });
        DatasetFiles.Write(read.Dataset!, path, DatasetFormat.Json, TextLanguage.Chinese);
        return path;
    }

    private static string[] Lines(string text) => [.. text.Split('\n').Order(StringComparer.Ordinal)];

    private byte[] DatabaseHash()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return SHA256.HashData(File.ReadAllBytes(DataFile));
    }

    public void Dispose() => Directory.Delete(_host, recursive: true);
}
