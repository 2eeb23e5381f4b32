using System.Text;

namespace PartyDomain.ConsoleHost.Output;

/// <summary>CSV for scripts (RFC 4180): one header line, then a line per row; cells quoted when needed.</summary>
internal static class Csv
{
    /// <summary>The table as CSV text.</summary>
    public static string Of(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Cell)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(c => Cell(c ?? string.Empty))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Quotes a cell when needed, guarded against formulas as the dataset files are (<see cref="Interchange.FormulaGuard"/>),
    /// so a spreadsheet opening the output shows the text instead of evaluating it.
    /// </summary>
    public static string Cell(string value)
    {
        value = Interchange.FormulaGuard.Neutralize(value);
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
