using BenchmarkDotNet.Attributes;
using PartyDomain.ConsoleHost;
using PartyDomain.Testing;
using PartyDomain.Data;
using Spectre.Console;
using PartyDomain.BasicSystems;
using PartyDomain.Dues;
using PartyDomain.Metrics;

namespace PartyDomain.Benchmarks.ConsoleHost;

/// <summary>
/// The console host's demo city at national scale (<see cref="DemoCity"/> at scale 1000: about 46,000 branches,
/// 600,000 people and 20 million records of every kind). <c>PARTYDOMAIN_BENCH_SCALE</c> (default 1) shrinks it for
/// CI's dry run. Generation is measured apart from the job, so the two never hold a national city each at once.
/// </summary>
internal static class NationalCity
{
    public static double Scale => Math.Max(1, 1000 * BenchmarkScale.Factor);

    public static IAnsiConsole NullConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(TextWriter.Null),
        Ansi = AnsiSupport.No,
        Interactive = InteractionSupport.No,
    });
}

/// <summary>Generating the national-scale demo city, and building (validating and indexing) its dataset.</summary>
[MemoryDiagnoser]
public class DemoCityGenerationBenchmarks
{
    [Benchmark(Description = "Generate the national demo city")]
    public int Generate() => DemoCity.Generate(scale: NationalCity.Scale).Count;

    [Benchmark(Description = "Generate + build the national CityDataset")]
    public CityDataset GenerateAndBuild() => DemoCity.Build(scale: NationalCity.Scale);
}

/// <summary>
/// A whole host command end to end on the national dataset, built once in the setup: configuration, the library's
/// services, every engine the command runs, and its tables (written to a null console).
/// </summary>
[MemoryDiagnoser]
public class ConsoleHostJobBenchmarks
{
    private CityDataset _dataset = null!;
    private readonly string _out = Directory.CreateTempSubdirectory("partydomain-bench-report-").FullName;

    [GlobalSetup]
    public void Setup()
    {
        _dataset = DemoCity.Build(scale: NationalCity.Scale);
        Console.WriteLine($"// national demo city: {_dataset.Organizations.Count} organizations, {_dataset.Firms.Count} firms, {_dataset.People.Count} people, " +
            $"{_dataset.Activities.Count} activities, {_dataset.Services.Count} service records, {_dataset.DuesPayments.Count} dues payments");
    }

    [Benchmark(Description = "check --year 2025 (structure, six systems, dues)")]
    public int Check() => Run("check", "--year", "2025");

    [Benchmark(Description = "report --year 2025 (all engines; md, html, docx, json and the problem list as docx and xlsx; target < 10 s)")]
    public int Report() => Run("report", "--year", "2025", "--out", _out);

    [GlobalCleanup]
    public void Cleanup()
    {
        // The issue asks for peak memory too: the process's high-water mark, which includes building the national city.
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine($"// peak working set of the benchmark process: {process.PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB");
        Directory.Delete(_out, recursive: true);
    }

    private int Run(params string[] args)
    {
        var code = ConsoleApp.Run(args, NationalCity.NullConsole(), AppContext.BaseDirectory, _dataset);
        return code == ExitCodes.Success ? code : throw new InvalidOperationException($"{string.Join(' ', args)} exited with {code}");
    }
}
