using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NodaTime;
using PartyDomain.EntityFrameworkCore;
using PartyDomain.BasicSystems;
using PartyDomain.Testing;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary>What the environment-fault tests share: a host folder, demo files to import, the store read back, the built host as a process.</summary>
internal static class HostFaults
{
    /// <summary>A host folder of its own with the built host's appsettings.json.</summary>
    public static string NewHostFolder()
    {
        return HostFolder.Create("partydomain-faults-");
    }

    /// <summary>Demo files at <paramref name="scale"/>, as JSON, for <c>import</c>.</summary>
    public static string DemoFile(string folder, double scale)
    {
        var path = Path.Combine(folder, $"demo-{scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}.json");
        if (!File.Exists(path))
        {
            HostRun.In(folder, "demo", "--scale", scale.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", path).ExitCode.Should().Be(ExitCodes.Success);
        }

        return path;
    }

    /// <summary>
    /// The demo city of <see cref="DemoFile"/> with every activity record retitled: merged into that city, an import
    /// that rewrites all its activity records (importing the same file again would write nothing).
    /// </summary>
    public static string ChangedDemoFile(string folder, double scale)
    {
        var path = Path.Combine(folder, $"demo-{scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}-changed.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(DemoFile(folder, scale)))!;
        foreach (var activity in json["activities"]!.AsArray())
        {
            activity!["主题"] = "改 " + (string?)activity["记录编号"];
        }

        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    /// <summary>The people and activities stored for the demo city: what a failed write must leave as they were.</summary>
    public static (int People, int Activities) Stored(PartyDomainStoreOptions options)
    {
        using var store = new PartyDomainStore(options, SystemClock.Instance.InShanghai());
        var dataset = store.LoadSnapshotAsync("411500").GetAwaiter().GetResult() ?? throw new InvalidOperationException("The city is not in the store.");
        return (dataset.People.Count, dataset.Activities.Count);
    }

    public static (int People, int Activities) Stored(string sqliteFile)
    {
        try
        {
            return Stored(new PartyDomainStoreOptions { PersonalDataKey = Key(sqliteFile + ".key") }.UseSqlite(sqliteFile));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>The personal-data key the host in <paramref name="folder"/> keeps beside its data file, to read its store back.</summary>
    public static string? KeyOf(string folder) => Key(Path.Combine(folder, "data", "partydomain.db.key"));

    private static string? Key(string file) => File.Exists(file) ? File.ReadAllText(file).Trim() : null;

    /// <summary>Another connection in the middle of a write to the SQLite file: the write lock taken, a city written and not committed.</summary>
    public static SqliteConnection HoldWriteLock(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; DELETE FROM people; INSERT INTO cities (id, name, imported_at) VALUES ('999999', 'uncommitted', '2025-01-01T00:00:00Z');";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Runs the built host as a process of its own, from <paramref name="folder"/>.</summary>
    public static (int ExitCode, string Output, TimeSpan Elapsed) Process(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PartyDomain.ConsoleHost.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
        }

        watch.Stop();
        return (process.ExitCode, output.Result + error.Result, watch.Elapsed);
    }
}
