using System.Globalization;
using System.Text.Json.Nodes;

namespace PartyDomain.ConsoleHost.Output;

/// <summary>
/// A command's rows for scripts (<c>--format csv|json</c>): every row, never cut to <c>--top</c>; CSV with a header of the
/// column names, JSON an array of objects keyed by them, numbers as numbers and a missing value as empty or <c>null</c>.
/// </summary>
internal static class Records
{
    /// <summary>Writes <paramref name="rows"/> (cells: text, numbers, booleans or <c>null</c>) as <paramref name="format"/>.</summary>
    public static void Write(TextWriter output, string format, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        if (format == "csv")
        {
            output.Write(Csv.Of(columns, rows.Select(r => (IReadOnlyList<string?>)[.. r.Select(Text)])));
            return;
        }

        var array = new JsonArray();
        foreach (var row in rows)
        {
            var item = new JsonObject();
            for (var i = 0; i < columns.Count; i++)
            {
                item[columns[i]] = row[i] switch
                {
                    null => null,
                    string s => JsonValue.Create(s),
                    bool b => JsonValue.Create(b),
                    int n => JsonValue.Create(n),
                    long n => JsonValue.Create(n),
                    decimal d => JsonValue.Create(d),
                    var other => JsonValue.Create(Text(other)),
                };
            }

            array.Add(item);
        }

        output.Write(Json.Of(array));
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
