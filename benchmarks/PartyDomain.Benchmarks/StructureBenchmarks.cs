using BenchmarkDotNet.Attributes;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization.Structure;

namespace PartyDomain.Benchmarks;

/// <summary>
/// Issue target: build a CityDataset of 40,000 organizations and 250,000 people and run all structure checks in
/// under 1 s and 1 GB. <c>PARTYDOMAIN_BENCH_SCALE</c> (default 1) shrinks the city for CI's dry run.
/// </summary>
[MemoryDiagnoser]
public class StructureBenchmarks
{
    private static readonly CityInfo City = new("411500", "信阳市");
    private List<DatasetRecord> _records = [];
    private CityDataset _dataset = null!;
    private readonly StructureChecker _checker = new(DefaultStructureRules.Create(), Microsoft.Extensions.Options.Options.Create(new Rules.RuleOptions()));

    [GlobalSetup]
    public void Setup()
    {
        var scale = BenchmarkScale.Factor;
        _records = SyntheticCity.Generate((int)(40_000 * scale), (int)(250_000 * scale));
        var problems = new CityDatasetBuilder(City, SyntheticCity.Today).AddRange(_records).Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The synthetic city is invalid: {problems.Count} problems, first: {problems[0]}");
        }

        _dataset = BuildDataset();
        Console.WriteLine($"// city: {_dataset.Organizations.Count} organizations, {_dataset.People.Count} people, {_dataset.Firms.Count} firms, " +
            $"{_records.Count} records; {_checker.Check(_dataset, SyntheticCity.Today).Findings.Count} findings");
    }

    [Benchmark(Description = "Build CityDataset (validate + index)")]
    public CityDataset BuildDataset() => new CityDatasetBuilder(City, SyntheticCity.Today).AddRange(_records).Build();

    [Benchmark(Description = "Run all structure checks")]
    public StructureCheckResult Check() => _checker.Check(_dataset, SyntheticCity.Today);

    [Benchmark(Description = "Build + all structure checks (target < 1 s, < 1 GB)")]
    public StructureCheckResult BuildAndCheck() => _checker.Check(BuildDataset(), SyntheticCity.Today);
}

internal static class BenchmarkScale
{
    public static double Factor =>
        double.TryParse(Environment.GetEnvironmentVariable("PARTYDOMAIN_BENCH_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var f) && f > 0 ? f : 1.0;
}
