using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;
using PartyDomain.Hosting;
using PartyDomain.Hosting.Tests;

namespace PartyDomain.Benchmarks.Hosting;

/// <summary>
/// Issue target: a cold load of ten plugins in under 300 ms. The two sample plugins (built by this project's build
/// through plugins/SamplePlugins.targets) and eight generated ones, each registering an indicator, an activity kind and
/// a tuned rule default through a private helper assembly in its folder; every plugin folder is hashed (the manifest
/// hash over every file in it, which the trust list holds; the load computes it whether or not a trust list is set),
/// every assembly's shared references read, the plugin loaded in its own load context,
/// ordered by dependencies and registered. Run it cold, one load per fresh process:
/// <c>--filter '*PluginLoad*' --strategy ColdStart --launchCount 10 --warmupCount 0 --iterationCount 1 --invocationCount 1 --unrollFactor 1</c>.
/// </summary>
public class PluginLoadBenchmarks
{
    private const int Generated = 8;
    private PluginHostOptions _options = null!;
    private PartyDomainBuilder _builder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _options = new PluginHostOptions();
        _options.Folders.Add(SamplePlugins());
        _options.Folders.Add(GeneratedPlugins());
    }

    // A fresh builder per load, so every load registers into an empty registration as a host's start-up does.
    [IterationSetup]
    public void NewBuilder() => _builder = new ServiceCollection().AddPartyDomain();

    [Benchmark(Description = "Load 10 plugins (2 sample + 8 generated)")]
    public int LoadTenPlugins()
    {
        var report = new PluginHost(_options).Load(_builder);
        var loaded = report.Loaded.Count();
        return loaded == 2 + Generated ? loaded : throw new InvalidOperationException(report.Describe(TextLanguage.English));
    }

    // The benchmark's output holds the sample plugins; BenchmarkDotNet runs a generated project below that output.
    private static string SamplePlugins()
    {
        for (var at = new DirectoryInfo(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            var candidate = Path.Combine(at.FullName, "plugins");
            if (Directory.Exists(Path.Combine(candidate, "xinyang")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No sample plugins above {AppContext.BaseDirectory}; build the benchmarks project, whose build copies them.");
    }

    // Compiled once per machine and reused, so the compile is never part of a measured process.
    private static string GeneratedPlugins()
    {
        var root = Path.Combine(Path.GetTempPath(), $"partydomain-bench-plugins-helper-{PluginHost.HostVersion}-{File.GetLastWriteTimeUtc(typeof(PartyDomainBuilder).Assembly.Location).Ticks}");
        if (Directory.Exists(root) && Directory.GetDirectories(root).Length == Generated)
        {
            return root;
        }

        var staging = root + "-" + Guid.NewGuid().ToString("N");
        var fixtures = new PluginFixtures(staging);
        for (var i = 1; i <= Generated; i++)
        {
            var id = $"generated-{i:D2}";
            string[] dependencies = i > 1 ? [$"generated-{i - 1:D2}"] : [];
            var (helperImage, helper) = PluginFixtures.Library($"Generated.Helper{i:D2}", new Version(1, 0, 0, 0),
                $"public static class Helper{i:D2} {{ public static int Lessons => {i}; }}");
            var path = fixtures.AddPlugin(id, PluginFixtures.PluginSource(id, $$"""
                context.Builder
                    .AddIndicator(new PartyDomain.Metrics.IndicatorDefinition { Code = new("{{id}}-visits"), Name = new("走访{{i}}", "visits {{i}}"), Unit = PartyDomain.Metrics.Units.Times, Aggregation = PartyDomain.Metrics.Aggregation.Sum })
                    .AddActivityKind(new PartyDomain.BasicSystems.ActivityKind("{{id}}-day"), new("活动{{i}}", "activity {{i}}"))
                    .SetRuleDefault(PartyDomain.BasicSystems.BasicSystemRuleIds.PartyLesson, "MinCount", Helper{{i:D2}}.Lessons);
                """, dependencies), Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(PartyDomainBuilder).Assembly.Location), helper);
            File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(path)!, $"Generated.Helper{i:D2}.dll"), helperImage);
        }

        try
        {
            Directory.Move(staging, root);
        }
        catch (IOException)
        {
            // Another process generated them first.
        }

        return root;
    }
}
