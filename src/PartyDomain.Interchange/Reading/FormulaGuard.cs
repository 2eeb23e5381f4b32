namespace PartyDomain.Interchange.Reading;

/// <summary>
/// Keeps text from being taken for a formula when a CSV file is opened in a spreadsheet (OWASP, "CSV Injection"): a cell
/// that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is written with a leading
/// <c>'</c>. So that every value comes back exactly, a value that itself begins with <c>'</c> gets one too, and reading
/// takes off exactly one <c>'</c> when one of those characters follows it.
/// </summary>
internal static class FormulaGuard
{
    public static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'';

    public static string Neutralize(string value) => value.Length > 0 && IsTrigger(value[0]) ? "'" + value : value;

    public static string Restore(string cell) => cell.Length > 1 && cell[0] == '\'' && IsTrigger(cell[1]) ? cell[1..] : cell;
}
