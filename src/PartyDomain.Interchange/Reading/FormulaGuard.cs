namespace PartyDomain.Interchange;

/// <summary>
/// Keeps text from being taken for a formula when a CSV file is opened in a spreadsheet (OWASP, "CSV Injection"): a cell
/// that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is written with a leading
/// <c>'</c>. So that every value comes back exactly, a value that itself begins with <c>'</c> gets one too, and reading
/// takes off exactly one <c>'</c> when one of those characters follows it. The dataset writer and reader use it, and so
/// can an application writing its own CSV for staff to open.
/// </summary>
public static class FormulaGuard
{
    /// <summary>Whether a cell beginning with <paramref name="c"/> is guarded.</summary>
    /// <param name="c">The first character.</param>
    public static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'';

    /// <summary>The value as written to a cell: with a leading <c>'</c> when it begins with a trigger character.</summary>
    /// <param name="value">The text.</param>
    public static string Neutralize(string value) => value.Length > 0 && IsTrigger(value[0]) ? "'" + value : value;

    /// <summary>The value a guarded cell holds: one leading <c>'</c> taken off when a trigger character follows it.</summary>
    /// <param name="cell">The cell as read.</param>
    public static string Restore(string cell) => cell.Length > 1 && cell[0] == '\'' && IsTrigger(cell[1]) ? cell[1..] : cell;
}
