using PartyDomain.ConsoleHost;
using Spectre.Console.Testing;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary>Runs the host in-process on a wide test console and keeps what it printed.</summary>
internal sealed record HostRun(int ExitCode, string Output)
{
    public static HostRun Of(params string[] args) => In(AppContext.BaseDirectory, args);

    /// <summary>Runs with the appsettings.json of <paramref name="baseDirectory"/>.</summary>
    public static HostRun In(string baseDirectory, params string[] args) => With(baseDirectory, null, args);

    /// <summary>Runs on a dataset built beforehand instead of the embedded demo city.</summary>
    public static HostRun With(string baseDirectory, Data.CityDataset? dataset, params string[] args) => Run(new TestConsole().Width(400), baseDirectory, dataset, args);

    /// <summary>Runs on a console <paramref name="width"/> columns wide, as a bureau's terminal is.</summary>
    public static HostRun Narrow(int width, string baseDirectory, Data.CityDataset? dataset, params string[] args) => Run(new TestConsole().Width(width), baseDirectory, dataset, args);

    /// <summary>Runs on an interactive console whose user types <paramref name="input"/>.</summary>
    public static HostRun Interactive(string baseDirectory, string input, params string[] args)
    {
        var console = new TestConsole().Width(400).Interactive();
        console.Input.PushTextWithEnter(input);
        return Run(console, baseDirectory, null, args);
    }

    // The data folder is the host folder's own "data": a test never reads or writes the user's data folder.
    private static HostRun Run(TestConsole console, string baseDirectory, Data.CityDataset? dataset, string[] args)
    {
        var code = ConsoleApp.Run(args, console, baseDirectory, dataset, Path.Combine(baseDirectory, "data"));
        return new HostRun(code, console.Output);
    }
}

/// <summary>The user's data folder of the hosts the tests start as processes: a folder of the test run's own (XDG_DATA_HOME, which they inherit).</summary>
internal static class UserDataFolder
{
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"partydomain-user-data-{Environment.ProcessId}");

#pragma warning disable CA2255 // a test assembly's set-up, before any test starts a host
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void KeepTheUsersOwnOut() => Environment.SetEnvironmentVariable("XDG_DATA_HOME", Path);
}

/// <summary>Host folders of a test's own: the built host's appsettings.json with its plugin folder kept (a plugin folder that is not there is a part that failed, exit 6).</summary>
internal static class HostFolder
{
    /// <summary>A new temporary host folder whose appsettings.json loads the built host's plugins.</summary>
    public static string Create(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        WriteSettings(folder);
        return folder;
    }

    /// <summary>Writes the built host's appsettings.json into <paramref name="folder"/>, its plugin folder made absolute.</summary>
    public static void WriteSettings(string folder) =>
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .Replace("\"Folders\": [ \"plugins\" ]", $"\"Folders\": [ {System.Text.Json.JsonSerializer.Serialize(Path.Combine(AppContext.BaseDirectory, "plugins"))} ]", StringComparison.Ordinal));
}
