using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace PartyDomain.Tests.Architecture;

/// <summary>
/// The core's folders (each folder's namespace under <c>PartyDomain</c>, a subfolder such as <c>Organization.Structure</c>
/// its own) and which import which, read from the sources: a folder names another by a <c>using</c> or a qualified name.
/// Two folders that import each other are a cycle. The target (issue 19) is none; the cycles that still exist are listed
/// here and no new one may appear — and a listed one that is gone must be struck from the list, so the list only shrinks.
/// </summary>
public partial class NamespaceDirectionTests
{
    /// <summary>The cycles still allowed, each as "A ⇄ B" with A before B in ordinal order: none since 2026-12-04.</summary>
    private static readonly string[] KnownCycles = [];

    [Fact]
    public void No_folder_of_the_core_imports_one_that_imports_it_beyond_the_listed_debt()
    {
        var imports = Imports();
        imports.Keys.Should().Contain(["Data", "BasicSystems", "Reporting", "Time", "Rules"], "the sources were found and read");
        var cycles = imports.SelectMany(a => a.Value.Where(b => string.CompareOrdinal(a.Key, b) < 0 && imports.TryGetValue(b, out var back) && back.Contains(a.Key))
            .Select(b => $"{a.Key} ⇄ {b}")).Order(StringComparer.Ordinal).ToArray();
        cycles.Except(KnownCycles).Should().BeEmpty("a new two-way import between folders breaks the one-way data flow (ARCHITECTURE.md)");
        KnownCycles.Except(cycles).Should().BeEmpty("a cycle that is gone is struck from the list, so the list only shrinks");
    }

    [Fact]
    public void The_foundations_import_no_engine_and_reporting_is_imported_by_no_engine()
    {
        var imports = Imports();
        foreach (var foundation in new[] { "Time", "Rules", "Figures" })
        {
            imports.GetValueOrDefault(foundation, []).Should().BeSubsetOf(["Time", "Rules", "Figures"], $"{foundation} is below every engine");
        }

        // The dataset knows its backbone (organizations, firms, people) and nothing of the engines: every other record
        // kind declares itself beside its record type (RecordKind<T>) and imports Data, never the other way round.
        imports["Data"].Should().BeSubsetOf(["Organization", "Time", "Rules", "Figures"], "the dataset is below every engine");
        imports["Organization"].Should().BeSubsetOf(["Time", "Rules", "Figures"], "the backbone's records are below the dataset");

        foreach (var engine in new[] { "BasicSystems", "Dues", "Training", "Development", "Governance", "Metrics", "Organization", "Organization.Structure", "Data" })
        {
            imports.GetValueOrDefault(engine, []).Should().NotContain("Reporting", $"{engine} is upstream of reporting");
        }

        // The composition root (the builder, the plugin contract) imports everything; nothing below it imports it back.
        // Reporting names the plugins behind a document through the roster, data that imports nothing of the builder.
        foreach (var (folder, imported) in imports.Where(i => !i.Key.StartsWith("Extensibility", StringComparison.Ordinal)))
        {
            imported.Should().NotContain(["Extensibility", "Extensibility.Plugins"], $"{folder} is below the composition root");
        }

        imports.GetValueOrDefault("Extensibility.Roster", []).Should().NotContain(["Extensibility", "Extensibility.Plugins"], "the roster is data below the builder");
    }

    private static Dictionary<string, HashSet<string>> Imports()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PartyDomain.sln")))
        {
            root = root.Parent;
        }

        root.Should().NotBeNull("the tests run inside the repository");
        var core = Path.Combine(root!.FullName, "src", "PartyDomain");
        var folders = Directory.GetDirectories(core, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(core, d).Replace(Path.DirectorySeparatorChar, '.'))
            .Where(d => !d.StartsWith("bin", StringComparison.Ordinal) && !d.StartsWith("obj", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var imports = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(core, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            if (Namespace().Match(text) is not { Success: true } ns)
            {
                continue;
            }

            var name = ns.Groups[1].Value;
            var self = name.Length > "PartyDomain.".Length ? name["PartyDomain.".Length..] : "(root)";
            var set = imports.TryGetValue(self, out var s) ? s : imports[self] = [];
            foreach (Match m in Reference().Matches(text))
            {
                // The longest folder the qualified name starts with: PartyDomain.Organization.Structure.X is Organization.Structure.
                var parts = m.Groups[1].Value.Split('.');
                var other = Enumerable.Range(1, parts.Length).Reverse().Select(n => string.Join('.', parts[..n])).FirstOrDefault(folders.Contains);
                if (other is not null && other != self)
                {
                    set.Add(other);
                }
            }
        }

        return imports;
    }

    [GeneratedRegex(@"^namespace ([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"\bPartyDomain\.([\w.]+)")]
    private static partial Regex Reference();
}
