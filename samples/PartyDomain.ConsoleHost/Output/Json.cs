using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyDomain.ConsoleHost.Output;

/// <summary>JSON for scripts: indented, Chinese written as itself rather than as \u escapes.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The node as text, with a final line break.</summary>
    public static string Of(JsonNode node) => node.ToJsonString(Options) + "\n";
}
