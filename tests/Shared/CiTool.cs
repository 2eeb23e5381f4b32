using System.Diagnostics;

namespace PartyDomain.Tests.Shared;

/// <summary>
/// A program a test needs beside .NET (headless Chromium, LibreOffice): the path in its environment variable when set
/// (as <c>.ci/run</c> does), else whatever the repository's <c>.ci/&lt;script&gt;</c> finds or installs, so a plain
/// <c>dotnet test</c> on a fresh machine needs no other step. When neither works the test fails saying so; it never skips.
/// Linked into each test project that needs it.
/// </summary>
internal static class CiTool
{
    /// <summary>The program's path.</summary>
    /// <param name="variable">The environment variable naming it, e.g. <c>PARTYDOMAIN_SOFFICE</c>.</param>
    /// <param name="script">The script under <c>.ci/</c> that finds or installs it and prints its path last.</param>
    /// <param name="what">What it is, for the message.</param>
    public static string Find(string variable, string script, string what)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var path = Ancestors(new DirectoryInfo(AppContext.BaseDirectory))
            .Select(d => Path.Combine(d.FullName, ".ci", script))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{what} is needed for this test: set {variable}, or run from the repository (no .ci/{script} above {AppContext.BaseDirectory}).");
        var start = new ProcessStartInfo("bash", [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {path}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return process.ExitCode == 0 && lines.Length > 0
            ? lines[^1]
            : throw new InvalidOperationException($"{what} is needed for this test and {path} could not provide it (exit {process.ExitCode}):\n{error.Result}");
    }

    private static IEnumerable<DirectoryInfo> Ancestors(DirectoryInfo? dir)
    {
        for (; dir is not null; dir = dir.Parent)
        {
            yield return dir;
        }
    }
}
