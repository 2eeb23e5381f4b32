using System.Text;
using PartyDomain.Testing;
using PartyDomain.Interchange;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary><c>import</c>: all or nothing, every problem named; imported data replaces the demo city until reset.</summary>
public sealed class ImportTests : IDisposable
{
    // A host folder of its own: import keeps the data next to appsettings.json, which must not leak into other tests.
    private readonly string _host = Directory.CreateTempSubdirectory("partydomain-import-").FullName;

    public ImportTests() => HostFolder.WriteSettings(_host);

    [Theory]
    [InlineData("city.xlsx")]
    [InlineData("city.json")]
    [InlineData("csv")]
    public void Demo_files_import_back_and_the_commands_then_read_them(string name)
    {
        var path = Path.Combine(_host, name);
        HostRun.In(_host, "demo", "--scale", "0.3", "--out", path).ExitCode.Should().Be(ExitCodes.Success);

        var import = HostRun.In(_host, "import", path);
        import.ExitCode.Should().Be(ExitCodes.Success, import.Output);
        import.Output.Should().Contain("已导入 信阳市 的数据").And.Contain(Path.Combine(_host, "data", "partydomain.db"));

        var check = HostRun.In(_host, "check", "--year", "2025");
        check.ExitCode.Should().Be(ExitCodes.Success);
        check.Output.Should().Contain("已导入的数据").And.NotContain("内置演示数据");

        HostRun.In(_host, "import", "--reset", "--yes").ExitCode.Should().Be(ExitCodes.Success);
        HostRun.In(_host, "check").Output.Should().Contain("内置演示数据");
    }

    [Fact]
    public void Imported_phones_are_encrypted_in_the_store_under_an_owner_only_key()
    {
        var city = DemoCity.Build(scale: 0.2);
        var person = city.People.First(p => p.Phone is not null);
        var path = Path.Combine(_host, "city.json");
        DatasetFiles.Write(city, path, DatasetFormat.Json);

        HostRun.In(_host, "import", path).ExitCode.Should().Be(ExitCodes.Success);

        var data = Path.Combine(_host, "data", "partydomain.db");
        var key = data + ".key";
        File.Exists(key).Should().BeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(key).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = Encoding.UTF8.GetString(File.ReadAllBytes(data)) + (File.Exists(data + "-wal") ? Encoding.UTF8.GetString(File.ReadAllBytes(data + "-wal")) : string.Empty);
        bytes.Should().NotContain(person.Phone!.Value.Reveal()).And.Contain("pd1:");
        HostRun.In(_host, "check").ExitCode.Should().Be(ExitCodes.Success, "the host reads its data back with its key");
    }

    [Fact]
    public void A_broken_file_imports_nothing_and_lists_every_problem_with_its_row()
    {
        var folder = Path.Combine(_host, "broken");
        DatasetFiles.Write(DemoCity.Build(scale: 0.2), folder, DatasetFormat.Csv);
        var organizations = Directory.GetFiles(folder, "*.csv").Single(f => Path.GetFileName(f).Contains("组织", StringComparison.Ordinal) || Path.GetFileName(f).Contains("organization", StringComparison.OrdinalIgnoreCase));
        var lines = File.ReadAllLines(organizations, Encoding.UTF8).ToList();
        lines.Add(lines[^1]); // a duplicate id
        File.WriteAllLines(organizations, lines, new UTF8Encoding(true));

        var run = HostRun.In(_host, "import", folder);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain("导入失败").And.Contain(Path.GetFileName(organizations)).And.Contain(lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.Exists(Path.Combine(_host, "data", "partydomain.db")).Should().BeFalse("an import with errors changes nothing");
    }

    [Theory]
    [InlineData("empty.xlsx", "")]
    [InlineData("broken.json", "{ not json")]
    public void Empty_or_unreadable_files_are_bad_input(string name, string content)
    {
        var path = Path.Combine(_host, name);
        File.WriteAllText(path, content);

        var run = HostRun.In(_host, "import", path);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Output.Should().Contain(name);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_bad_input()
    {
        HostRun.In(_host, "import", Path.Combine(_host, "nowhere.xlsx")).ExitCode.Should().Be(ExitCodes.BadInput);
        HostRun.In(_host, "import").ExitCode.Should().Be(ExitCodes.BadInput);
    }

    public void Dispose() => Directory.Delete(_host, recursive: true);
}
