using Microsoft.Data.Sqlite;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary>
/// The console host on a SQLite store when the machine fails or another process writes: exit code 5, a message naming
/// the file and what to do, the store as it was; and readers that never wait on a writer.
/// </summary>
public sealed class SqliteEnvironmentTests : IDisposable
{
    private readonly string _host = HostFaults.NewHostFolder();

    private string DataFile => Path.Combine(_host, "data", "partydomain.db");

    [Fact]
    public void Check_as_another_process_reads_the_last_committed_data_while_the_test_holds_a_write_transaction()
    {
        Import(HostFaults.DemoFile(_host, 0.3));

        // A one-second busy timeout: a check that waited for the writer at all (the writer never lets go while it
        // runs) would fail after it with exit code 5, whatever the machine's load, so the exit code proves no wait.
        string[] check = ["check", "--set", $"Host:Data={DataFile}", "--set", "Host:BusyTimeoutSeconds=1"];
        var unlocked = HostFaults.Process(_host, check);
        unlocked.ExitCode.Should().Be(ExitCodes.Success, unlocked.Output);

        (int ExitCode, string Output, TimeSpan Elapsed) locked;
        using (HostFaults.HoldWriteLock(DataFile))
        {
            locked = HostFaults.Process(_host, check);
        }

        locked.ExitCode.Should().Be(ExitCodes.Success, locked.Output);
        locked.Output.Should().Contain("已导入的数据").And.NotContain("另一个导入");
        locked.Output.Should().Be(unlocked.Output, "the reader sees the last committed data, not the writer's uncommitted deletes");
    }

    [Fact]
    public void Check_in_process_succeeds_in_under_2_s_while_another_connection_writes()
    {
        Import(HostFaults.DemoFile(_host, 0.3));
        var people = HostFaults.Stored(DataFile);
        var unlocked = HostRun.In(_host, "check"); // also warms the host up: the timing below is the check's, not the JIT's
        using (HostFaults.HoldWriteLock(DataFile))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var run = HostRun.In(_host, "check", "--set", "Host:BusyTimeoutSeconds=30");
            watch.Stop();

            run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
            run.Output.Should().Be(unlocked.Output);
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        }

        HostFaults.Stored(DataFile).Should().Be(people);
    }

    [Theory]
    [InlineData("zh", "另一个导入正在写入", "最多等待 1 秒", "请在它完成后重试")]
    [InlineData("en", "Another import is writing", "waiting up to 1 s", "retry when it is done")]
    public void A_second_import_says_it_waits_then_exits_5_after_the_configured_timeout_and_changes_nothing(string language, string waiting, string bound, string advice)
    {
        Import(HostFaults.DemoFile(_host, 0.3));
        var before = HostFaults.Stored(DataFile);
        HostRun run;
        using (HostFaults.HoldWriteLock(DataFile))
        {
            run = HostRun.In(_host, "import", HostFaults.ChangedDemoFile(_host, 0.3), "--lang", language, "--set", "Host:BusyTimeoutSeconds=1");
        }

        run.ExitCode.Should().Be(ExitCodes.EnvironmentFailure, run.Output);
        run.Output.Should().Contain(waiting).And.Contain(bound).And.Contain(advice).And.Contain(DataFile).And.Contain("Host:BusyTimeoutSeconds");
        run.Output.Should().NotContain("SqliteException");
        HostFaults.Stored(DataFile).Should().Be(before);
    }

    [Fact]
    public void A_full_disk_exits_5_naming_the_file_and_leaves_the_store_as_it_was()
    {
        var demo = HostFaults.ChangedDemoFile(_host, 1);
        using var disk = PartyDomain.EntityFrameworkCore.Tests.Mount.Tmpfs(64 * 1024);
        var file = Path.Combine(disk.Path, "partydomain.db");
        Import(HostFaults.DemoFile(_host, 1), file);
        var before = HostFaults.Stored(file);
        SqliteConnection.ClearAllPools();
        disk.Fill(leaveKilobytes: 512);

        var run = HostRun.In(_host, "import", demo, "--set", $"Host:Data={file}");

        run.ExitCode.Should().Be(ExitCodes.EnvironmentFailure, run.Output);
        run.Output.Should().Contain("磁盘空间已满").And.Contain(file).And.Contain("清理磁盘空间").And.Contain("数据未作任何改动");
        File.Delete(Path.Combine(disk.Path, "filler"));
        HostFaults.Stored(file).Should().Be(before);
    }

    [Fact]
    public void Import_into_a_read_only_file_system_exits_5_naming_the_file_and_leaves_the_store_as_it_was()
    {
        var demo = HostFaults.ChangedDemoFile(_host, 0.3);
        Import(HostFaults.DemoFile(_host, 0.3));
        var before = HostFaults.Stored(DataFile);
        HostRun run;
        using (PartyDomain.EntityFrameworkCore.Tests.Mount.ReadOnly(Path.GetDirectoryName(DataFile)!))
        {
            run = HostRun.In(_host, "import", demo, "--lang", "en");
            SqliteConnection.ClearAllPools();
        }

        run.ExitCode.Should().Be(ExitCodes.EnvironmentFailure, run.Output);
        run.Output.Should().Contain("cannot be written").And.Contain(DataFile).And.Contain("permissions").And.Contain("Nothing was changed");
        HostFaults.Stored(DataFile).Should().Be(before);
    }

    [Fact]
    public void Check_on_a_read_only_file_system_exits_5_naming_the_file()
    {
        // A WAL file cannot be opened where its shared-memory index cannot be made: check names it instead of a raw SqliteException.
        Import(HostFaults.DemoFile(_host, 0.3));
        HostRun run;
        using (PartyDomain.EntityFrameworkCore.Tests.Mount.ReadOnly(Path.GetDirectoryName(DataFile)!))
        {
            run = HostRun.In(_host, "check");
            SqliteConnection.ClearAllPools();
        }

        run.ExitCode.Should().Be(ExitCodes.EnvironmentFailure, run.Output);
        run.Output.Should().Contain("无法写入").And.Contain(DataFile).And.Contain("权限").And.NotContain("Exception");
    }

    [Fact]
    public void Report_into_a_read_only_folder_exits_5_naming_the_folder()
    {
        var reports = Directory.CreateDirectory(Path.Combine(_host, "reports")).FullName;
        HostRun run;
        using (PartyDomain.EntityFrameworkCore.Tests.Mount.ReadOnly(reports))
        {
            run = HostRun.In(_host, "report", "--format", "md", "--out", Path.Combine(reports, "2025"));
        }

        run.ExitCode.Should().Be(ExitCodes.EnvironmentFailure, run.Output);
        run.Output.Should().Contain("无法写入").And.Contain(Path.Combine(reports, "2025")).And.Contain("只读");
    }

    [Fact]
    public void Report_onto_a_full_disk_exits_5_naming_the_file()
    {
        // /dev/full fails every write with ENOSPC, on any Linux and without root: the report file is a link to it.
        var reports = Directory.CreateDirectory(Path.Combine(_host, "reports")).FullName;
        var file = Path.Combine(reports, "annual-report-411500-2025.md");
        File.CreateSymbolicLink(file, "/dev/full");

        var run = HostRun.In(_host, "report", "--year", "2025", "--format", "md", "--out", reports, "--lang", "en");

        run.ExitCode.Should().Be(ExitCodes.EnvironmentFailure, run.Output);
        run.Output.Should().Contain("The disk is full").And.Contain(file).And.Contain("Free some space");
    }

    private void Import(string path, string? dataFile = null)
    {
        var run = HostRun.In(_host, "import", path, "--set", $"Host:Data={dataFile ?? DataFile}");
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_host, recursive: true);
    }
}
