using System.Text.RegularExpressions;
using PartyDomain.Training;

namespace PartyDomain.Hosting.Tests;

/// <summary>
/// docs/plugin-authoring.md shows compiled code: every <c>```csharp</c> block marked
/// <c>&lt;!-- example: NAME --&gt;</c> is the region NAME of samples/PartyDomain.PluginExamples (built with the
/// solution and referenced by this project), word for word, so the doc cannot drift from code that compiles.
/// </summary>
public sealed partial class DocExampleTests
{
    private static readonly string Root = FindRoot();

    /// <summary>The extension points the doc must show compiled (issue #17).</summary>
    private static readonly string[] Required =
    [
        "plugin", "indicator-kinds", "study-credit-converter", "report-section", "indicator-data", "load-from-folder",
        "newer-than-host", "import-table", "platform-connector",
    ];

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PartyDomain.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository (PartyDomain.sln) is not above " + AppContext.BaseDirectory);
    }

    /// <summary>Every region of the examples project, by name, its lines without their common indentation.</summary>
    internal static Dictionary<string, string> Regions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "samples", "PartyDomain.PluginExamples"), "*.cs").Order(StringComparer.Ordinal))
        {
            foreach (Match m in RegionPattern().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                regions.Add(m.Groups["name"].Value, Dedent(m.Groups["body"].Value));
            }
        }

        return regions;
    }

    /// <summary>Every marked block of the doc: the region it names and its code.</summary>
    internal static List<(string Name, string Code)> Blocks() =>
        [.. BlockPattern().Matches(File.ReadAllText(Path.Combine(Root, "docs", "plugin-authoring.md")).ReplaceLineEndings("\n"))
            .Select(m => (m.Groups["name"].Value, m.Groups["code"].Value.TrimEnd('\n')))];

    private static string Dedent(string body)
    {
        var lines = body.TrimEnd('\n', ' ').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [Fact]
    public void Every_marked_block_of_the_doc_is_its_compiled_region_word_for_word()
    {
        var regions = Regions();
        var blocks = Blocks();

        blocks.Should().NotBeEmpty();
        foreach (var (name, code) in blocks)
        {
            regions.Should().ContainKey(name, $"the doc shows example '{name}'");
            code.Should().Be(regions[name], $"the doc's block '{name}' is samples/PartyDomain.PluginExamples' region (run tools/doc-examples.py)");
        }
    }

    [Fact]
    public void The_doc_shows_every_example_and_every_extension_point_the_issue_lists()
    {
        var shown = Blocks().Select(b => b.Name).ToHashSet(StringComparer.Ordinal);

        Regions().Keys.Should().BeSubsetOf(shown, "every compiled example is in the doc");
        Required.Should().BeSubsetOf(shown);
    }

    [Fact]
    public void The_examples_plugin_registers_and_its_indicators_table_and_connector_work()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var builder = PartyDomain.Extensibility.ServiceCollectionExtensions.AddPartyDomain(services);
        var plugin = new Contoso.PartyPlugin.ContosoPlugin();
        plugin.Register(new PartyDomain.Testing.TestPluginContext(builder, plugin.Manifest));

        builder.Indicators.Validate().Should().BeEmpty();
        builder.Indicators.Get(new("contoso-clinics")).Components.Should().HaveCount(2);
        builder.ImportTables.Should().ContainSingle(t => t.Name == "night_clinics");
        var city = new TestCity().FullMember("P1");
        var datasetBuilder = city.Builder();
        using var export = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("P1,2025-03-01,120\nP1,2025-03-02\n"));
        var problems = builder.DatasetContributors.Single(c => c.Id == "contoso-oa").Contribute(export, "oa.csv", datasetBuilder);
        problems.Should().ContainSingle().Which.Origin.Should().Be(new PartyDomain.RecordOrigin("oa.csv", 2));
        datasetBuilder.Build().StudyCredits.Should().ContainSingle(c => c.Points == 120 && c.Platform == "contoso-study");
    }

    [Fact]
    public void A_changed_block_is_caught()
    {
        var (name, code) = Blocks()[0];
        code.Replace("Register", "Registr", StringComparison.Ordinal).Should().NotBe(Regions()[name], "the comparison is exact");
    }

    [GeneratedRegex(@"^[ \t]*#region (?<name>[a-z0-9-]+)[ \t]*\n(?<body>.*?)^[ \t]*#endregion", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^<!-- example: (?<name>[a-z0-9-]+) -->\n```csharp\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex BlockPattern();
}
