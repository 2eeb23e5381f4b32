using BenchmarkDotNet.Running;

namespace PartyDomain.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/PartyDomain.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Exits non-zero when a benchmark failed, so CI's dry run catches a broken benchmark.</summary>
    public static int Main(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
