using System.Text.Json;
using PartyDomain.Interchange.Schema;

namespace PartyDomain.Interchange.Reading;

/// <summary>
/// A JSON document: an object whose properties are tables (<c>"people": [ { "id": "P001", ... } ]</c>), each an array
/// of objects keyed by column header. Values may be strings, numbers, booleans or null, and arrays (of strings or
/// numbers) in list columns; an object or an array elsewhere, a key given twice in a row, and text that is not valid
/// UTF-8 or UTF-16 are problems at their row and column.
/// </summary>
internal static class JsonSource
{
    public static IEnumerable<RawTable> Read(string path, List<ImportProblem> problems, DatasetReadLimits limits)
    {
        var file = Path.GetFileName(path);
        if (Parse(path, file, limits, problems) is not { } document)
        {
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
                if (Name(property) is not { } tableName)
                {
                    problems.Add(new ImportProblem("bad-encoding", file, null, null, null, BadText));
                    continue;
                }

                var source = $"{file}/{tableName}";
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
                var table = DatasetSchema.Find(tableName);
                var rows = property.Value.EnumerateArray().Select((e, n) => Row(e, n + 1, source, table, problems)).ToList();
                var headers = rows.SelectMany(r => r.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToList();
                var index = headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
                var raw = rows.Select((r, n) =>
                {
                    var cells = new string?[headers.Count];
                    foreach (var (name, value) in r)
                    {
                        cells[index[name]] ??= value;
                    }

                    return new RawRow(n + 1, cells);
                }).ToList();
                tables.Add(new RawTable(source, tableName, headers, raw) { Size = raw.Count });
            }

            return tables;
        }
    }

    private static JsonDocument? Parse(string path, string file, DatasetReadLimits limits, List<ImportProblem> problems)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return JsonDocument.Parse(bytes, Options(limits.MaxJsonDepth));
        }
        catch (JsonException e)
        {
            // Too deep, or broken? A parse with room to spare fails elsewhere, or not at all, when depth was the reason.
            var deep = false;
            try
            {
                JsonDocument.Parse(bytes, Options(Math.Max(1000, limits.MaxJsonDepth * 2))).Dispose();
                deep = true;
            }
            catch (JsonException other)
            {
                deep = other.LineNumber != e.LineNumber || other.BytePositionInLine != e.BytePositionInLine;
            }

            var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            problems.Add(deep
                ? new ImportProblem("json-too-deep", file, line, null, null, new(
                    $"JSON 嵌套超过 {limits.MaxJsonDepth} 层（DatasetReadLimits.MaxJsonDepth）；本格式只需 4 层：文档、表、行、列表。",
                    $"The JSON nests deeper than {limits.MaxJsonDepth} levels (DatasetReadLimits.MaxJsonDepth); the format needs 4: document, table, row, list."))
                : new ImportProblem("bad-json", file, line, null, null, new($"不是有效的 JSON：{e.Message}", $"Not valid JSON: {e.Message}")));
            return null;
        }
    }

    private static readonly LocalizedText BadText = new(
        "字符串含有无效的 UTF-8 字节或不成对的代理项转义（如 \\ud800），不会用替换字符代替。",
        "The string holds bytes that are not valid UTF-8, or an unpaired surrogate escape (such as \\ud800); it is never replaced with '�'.");

    /// <summary>A property's name, or <c>null</c> when its bytes are not valid UTF-8 (reading it throws).</summary>
    private static string? Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static JsonDocumentOptions Options(int depth) =>
        new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = depth };

    private static List<(string Name, string? Value)> Row(JsonElement row, int number, string source, Table? table, List<ImportProblem> problems)
    {
        var cells = new List<(string, string?)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in row.EnumerateObject())
        {
            if (Name(property) is not { } name)
            {
                problems.Add(new ImportProblem("bad-encoding", source, number, null, null, BadText));
                continue;
            }

            var column = table?.FindColumn(name);
            var value = Text(property.Value, column?.Kind is ColumnKind.List or ColumnKind.DateList || column is null, out var error);
            if (error is not null)
            {
                problems.Add(new ImportProblem(error.Value.Code, source, number, name, property.Value.ValueKind == JsonValueKind.String ? null : property.Value.GetRawText(), error.Value.Message));
                value = RawRow.Refused;
            }

            if (!seen.Add(name))
            {
                problems.Add(new ImportProblem("duplicate-key", source, number, name, value, new(
                    "同一行中这个键出现了两次：无法判断取哪一个值。", "This key appears twice in the row: which value holds cannot be told.")));
                continue;
            }

            cells.Add((name, value));
        }

        return cells;
    }

    private static string? Text(JsonElement value, bool listAllowed, out (string Code, LocalizedText Message)? error)
    {
        error = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.String:
                try
                {
                    return value.GetString();
                }
                catch (InvalidOperationException)
                {
                    error = ("bad-encoding", BadText);
                    return null;
                }

            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.Array when listAllowed:
                var items = new List<string>();
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || Text(item, false, out error) is not { } text)
                    {
                        error ??= ("json-structure", new("列表的每一项须是字符串或数字。", "Each item of a list must be a string or a number."));
                        return null;
                    }

                    items.Add(text);
                }

                return string.Join(";", items);
            default:
                error = ("json-structure", new(
                    value.ValueKind == JsonValueKind.Array ? "这一列不是列表，不能填数组。" : "单元格的值不能是对象：请填字符串、数字、是否或 null。",
                    value.ValueKind == JsonValueKind.Array ? "This column is not a list: it cannot hold an array." : "A cell cannot hold an object: give a string, number, boolean or null."));
                return null;
        }
    }
}
