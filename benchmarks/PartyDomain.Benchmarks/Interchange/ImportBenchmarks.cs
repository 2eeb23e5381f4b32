using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using nietras.SeparatedValues;
using NodaTime;
using PartyDomain.Interchange;
using PartyDomain.Metrics;
using PartyDomain.Time;

namespace PartyDomain.Benchmarks.Interchange;

/// <summary>
/// Issue target: import 1 million service records from CSV (under 2 s) and from XLSX, recording time and peak
/// memory. An import is the whole job a bureau runs: detect the encoding, parse every cell, build the records with
/// their origins, and validate the dataset (<see cref="PartyDomain.Data.CityDatasetBuilder"/>) so that a
/// <see cref="PartyDomain.Data.CityDataset"/> comes out.
/// <para>
/// The files are the synthetic service dataset (<see cref="SyntheticServices"/>: 4,000 organizations, 50 districts,
/// 1,000,000 records) written by <see cref="DatasetFiles.Write"/> with Chinese headers, once per scale, and kept in
/// the temp folder between runs. The setup reads each file once while sampling the process's working set, and logs
/// the import's peak above the settled baseline; BenchmarkDotNet's memory diagnoser gives the bytes allocated.
/// </para>
/// <c>PARTYDOMAIN_BENCH_SCALE</c> (default 1) shrinks the records and organizations for CI's dry run.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private DatasetReadOptions _options = null!;
    private string _csv = string.Empty;
    private string _xlsx = string.Empty;

    [GlobalSetup(Targets = [nameof(Csv), nameof(Floor_SepCellsOnly)])]
    public void SetupCsv() => Setup(DatasetFormat.Csv);

    [GlobalSetup(Target = nameof(Xlsx))]
    public void SetupXlsx() => Setup(DatasetFormat.Xlsx);

    [Benchmark(Baseline = true, Description = "Import 1 M service records from CSV (target < 2 s)")]
    public int Csv() => Import(_csv);

    /// <summary>
    /// The floor: Sep alone reading every cell of <c>services.csv</c> into a string, nothing parsed, checked or built.
    /// The machine is shared, so the ratio to this floor says more than the absolute time.
    /// </summary>
    [Benchmark(Description = "Floor: Sep reads every cell of services.csv, nothing else")]
    public long Floor_SepCellsOnly()
    {
        using var reader = Sep.Reader(o => o with { CreateToString = SepToString.PoolPerCol() }).FromFile(Path.Combine(_csv, "services.csv"));
        long length = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                length += row[i].ToString().Length;
            }
        }

        return length;
    }

    [Benchmark(Description = "Import 1 M service records from XLSX")]
    public int Xlsx() => Import(_xlsx);

    private int Import(string path)
    {
        var result = DatasetFiles.Read(path, _options);
        return result.Dataset?.Services.Count ?? throw new InvalidOperationException(result.Describe(TextLanguage.English));
    }

    private void Setup(DatasetFormat format)
    {
        var scale = BenchmarkScale.Factor;
        var records = (int)(1_000_000 * scale);
        var folder = Path.Combine(Path.GetTempPath(), $"partydomain-import-bench-{records}");
        _csv = Path.Combine(folder, "csv");
        _xlsx = Path.Combine(folder, "services.xlsx");
        var catalog = SyntheticServices.Catalog(out _);
        _options = new DatasetReadOptions { Clock = new FixedClock(SyntheticServices.Today.AtStartOfDayInZone(PartyDomainTime.DefaultZone).ToInstant()), Indicators = catalog };
        var target = format == DatasetFormat.Csv ? _csv : _xlsx;
        if (!Path.Exists(target))
        {
            // Written under a temporary name and moved, so a run killed half-way never leaves a partial file behind.
            var dataset = SyntheticServices.Build(Math.Max(20, (int)(4_000 * scale)), 50, records, out _);
            var partial = target + ".partial";
            DatasetFiles.Write(dataset, partial, format);
            if (format == DatasetFormat.Csv)
            {
                Directory.Move(partial, target);
            }
            else
            {
                File.Move(partial, target);
            }
        }

        var bytes = format == DatasetFormat.Csv ? Directory.GetFiles(target).Sum(f => new FileInfo(f).Length) : new FileInfo(target).Length;
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var (peak, baseline, elapsed) = MeasurePeak(() => Import(target));
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        string Mb(long b) => (b / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";
        Console.WriteLine($"// import {format}: {records:N0} service records, {Mb(bytes)} on disk; one read took {elapsed.TotalSeconds:N2} s ({cpu.TotalSeconds:N2} s of CPU), " +
            $"working set peaked at {Mb(peak)} ({Mb(peak - baseline)} above the {Mb(baseline)} before it)");
    }

    /// <summary>Runs <paramref name="import"/> once while a thread samples the working set every 5 ms.</summary>
    private static (long Peak, long Baseline, TimeSpan Elapsed) MeasurePeak(Func<int> import)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            using var self = Process.GetCurrentProcess();
            while (!done.Wait(5))
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
            }
        });
        sampler.Start();
        var watch = Stopwatch.StartNew();
        import();
        watch.Stop();
        done.Set();
        sampler.Join();
        return (peak, baseline, watch.Elapsed);
    }
}

/// <summary>"Today" is the synthetic dataset's day, whatever day the benchmark runs.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
