using System.Text.Json;

namespace PartyDomain.Interchange.Reading;

/// <summary>
/// A JSON document: an object whose properties are tables (<c>"people": [ { "id": "P001", ... } ]</c>), each an array
/// of objects keyed by column header. Values may be strings, numbers, booleans, null, or arrays for list columns.
/// </summary>
internal static class JsonSource
{
    public static IEnumerable<RawTable> Read(string path, List<ImportProblem> problems)
    {
        var file = Path.GetFileName(path);
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            problems.Add(new ImportProblem("bad-json", file, e.LineNumber is { } l ? (int)l + 1 : null, null, null,
                new($"不是有效的 JSON：{e.Message}", $"Not valid JSON: {e.Message}")));
            return [];
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ImportProblem("bad-json", file, null, null, null,
                    new("JSON 的顶层应是一个对象，每个属性是一张表。", "The JSON's top level must be an object with one property per table.")));
                return [];
            }

            var tables = new List<RawTable>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var source = $"{file}/{property.Name}";
                if (property.Value.ValueKind != JsonValueKind.Array || property.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
                {
                    problems.Add(new ImportProblem("bad-json", source, null, null, null,
                        new("表应是对象数组，每个对象是一行。", "A table must be an array of objects, one per row.")));
                    continue;
                }

                // An empty array names no columns: it is a table with no rows, the same as an absent one (the writer
                // writes empty tables so; a required table still has to have its row).
                if (property.Value.GetArrayLength() == 0)
                {
                    continue;
                }

                // Materialized: the document is disposed once the tables are read.
                var rows = property.Value.EnumerateArray().Select(e => e.EnumerateObject().Select(p => (p.Name, Text(p.Value))).ToList()).ToList();
                var headers = rows.SelectMany(r => r.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToList();
                var index = headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
                var raw = rows.Select((r, n) =>
                {
                    var cells = new string?[headers.Count];
                    foreach (var (name, value) in r)
                    {
                        cells[index[name]] = value;
                    }

                    return new RawRow(n + 1, cells);
                }).ToList();
                tables.Add(new RawTable(source, property.Name, headers, raw));
            }

            return tables;
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(";", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };
}
