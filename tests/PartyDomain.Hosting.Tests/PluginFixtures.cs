using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PartyDomain.Hosting.Tests;

/// <summary>
/// Compiles small plugins on the fly into plugin folders, so each failure the host reports can be produced on purpose:
/// another PartyDomain version, a missing private assembly, a plugin that throws, clashing ids, dependency cycles.
/// </summary>
public sealed class PluginFixtures : IDisposable
{
    private static readonly MetadataReference[] Framework =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();

    private static readonly MetadataReference PartyDomain = MetadataReference.CreateFromFile(typeof(Extensibility.PartyDomainBuilder).Assembly.Location);

    /// <summary>Creates an empty plugins root in a fresh temporary folder.</summary>
    public PluginFixtures()
        : this(Path.Combine(Path.GetTempPath(), "partydomain-plugins-" + Guid.NewGuid().ToString("N")))
    {
    }

    /// <summary>Creates the plugins root <paramref name="root"/>.</summary>
    public PluginFixtures(string root)
    {
        Root = root;
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder that holds one sub-folder per plugin.</summary>
    public string Root { get; }

    /// <summary>The source of a plugin class with <paramref name="id"/>, its dependencies and a body for <c>Register(PluginContext context)</c>.</summary>
    public static string PluginSource(string id, string register = "", params string[] dependencies) => $$"""
        using PartyDomain.Extensibility.Plugins;
        public sealed class FixturePlugin : IPartyDomainPlugin
        {
            public PluginManifest Manifest { get; } = new()
            {
                Id = "{{id}}",
                Version = "1.0.0",
                DisplayName = new("{{id}}", "{{id}}"),
                Dependencies = [{{string.Join(", ", dependencies.Select(d => $"\"{d}\""))}}],
            };

            public void Register(PluginContext context)
            {
                {{register}}
            }
        }
        """;

    /// <summary>Compiles a plugin into <c>{Root}/{folder}/{folder}.dll</c>, against the host's PartyDomain unless told otherwise.</summary>
    public string AddPlugin(string folder, string source, params MetadataReference[] references)
    {
        var directory = Path.Combine(Root, folder);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, folder + ".dll");
        File.WriteAllBytes(path, Compile(folder, source, new Version(1, 0, 0, 0), references.Length == 0 ? [PartyDomain] : references));
        return path;
    }

    /// <summary>A plugin of <paramref name="id"/> in a folder of the same name.</summary>
    public string AddFixture(string id, string register = "", params string[] dependencies) => AddPlugin(id, PluginSource(id, register, dependencies), []);

    /// <summary>Compiles a library to reference, and optionally to place, in a plugin's folder.</summary>
    public static (byte[] Image, MetadataReference Reference) Library(string name, Version version, string source, params MetadataReference[] references)
    {
        var image = Compile(name, source, version, references);
        return (image, MetadataReference.CreateFromImage(image));
    }

    /// <summary>An assembly named PartyDomain of another version, for a plugin "compiled against" that version.</summary>
    public static MetadataReference FakePartyDomain(Version version) =>
        Library("PartyDomain", version, "namespace PartyDomain { public class Marker { } }").Reference;

    /// <summary>Compiles C# into an assembly image.</summary>
    public static byte[] Compile(string name, string source, Version version, IEnumerable<MetadataReference> references)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[] { CSharpSyntaxTree.ParseText(source, parse), CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]", parse) };
        var compilation = CSharpCompilation.Create(name, trees, Framework.Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Fixture {name} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))}");
        }

        return stream.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Loaded plugin assemblies stay mapped for the process's life, so the folder may not be removable yet.
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
