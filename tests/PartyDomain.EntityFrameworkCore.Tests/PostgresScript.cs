using System.Diagnostics;

namespace PartyDomain.EntityFrameworkCore.Tests;

/// <summary>
/// Finds the PostgreSQL server to test against: <c>PARTYDOMAIN_POSTGRES</c> when set (as <c>.ci/run</c> does), or else
/// the one <c>.ci/postgres.sh</c> installs and starts, so a plain <c>dotnet test</c> on a fresh machine works too.
/// Shared with the benchmarks.
/// </summary>
internal static class PostgresScript
{
    public const string Variable = "PARTYDOMAIN_POSTGRES";

    public static async Task<string> ConnectionStringAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var script = FindScript();
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Variable} is not set and {script} could not start PostgreSQL (exit {process.ExitCode}):\n{await error}");
        }

        var environment = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return environment.Length > 0 ? environment[^1] : throw new InvalidOperationException($"{script} printed no connection string.");
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, ".ci", "postgres.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new InvalidOperationException($"{Variable} is not set and no .ci/postgres.sh was found above {AppContext.BaseDirectory} to start PostgreSQL.");
    }
}
