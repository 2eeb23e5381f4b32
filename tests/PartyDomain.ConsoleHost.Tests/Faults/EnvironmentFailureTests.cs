using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.EntityFrameworkCore;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary>Which exceptions are the environment's (exit code 5) and what their message says.</summary>
public sealed class EnvironmentFailureTests
{
    private static string English(string chinese, string english) => english;

    [Fact]
    public void Errors_of_the_file_system_name_the_file_and_what_to_do()
    {
        EnvironmentFailureException.From(new IOException("No space left on device : '/srv/reports/a.md'", 28), English, 30)!.Message
            .Should().Contain("The disk is full").And.Contain("/srv/reports/a.md");
        EnvironmentFailureException.From(new IOException("Read-only file system : '/srv/reports'", 30), English, 30)!.Message
            .Should().Contain("/srv/reports").And.Contain("read-only");
        EnvironmentFailureException.From(new UnauthorizedAccessException("Access to the path '/srv/reports' is denied."), English, 30)!.Message
            .Should().Contain("No permission").And.Contain("/srv/reports");
    }

    [Fact]
    public void A_busy_store_names_the_configured_wait()
    {
        var busy = new StoreUnavailableException(StoreFault.Busy, "/data/partydomain.db", null);

        EnvironmentFailureException.From(new InvalidOperationException("wrapped", busy), (zh, _) => zh, 7)!.Message
            .Should().Contain("另一个导入正在写入 /data/partydomain.db").And.Contain("7 秒").And.Contain("Host:BusyTimeoutSeconds");
    }

    [Fact]
    public void Other_failures_and_those_with_an_exit_code_of_their_own_are_not_the_environments()
    {
        EnvironmentFailureException.From(new IOException("Sharing violation", 11), English, 30).Should().BeNull();
        EnvironmentFailureException.From(new InvalidOperationException("a bug"), English, 30).Should().BeNull();
        EnvironmentFailureException.From(new BadInputException("配置文件无法读取", new IOException("disk full", 28)), English, 30).Should().BeNull();
    }
}
