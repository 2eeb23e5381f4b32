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
    public static HostRun With(string baseDirectory, Data.CityDataset? dataset, params string[] args)
    {
        var console = new TestConsole().Width(400);
        var code = ConsoleApp.Run(args, console, baseDirectory, dataset);
        return new HostRun(code, console.Output);
    }
}
