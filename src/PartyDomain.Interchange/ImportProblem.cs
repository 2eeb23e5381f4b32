using PartyDomain.Data;

namespace PartyDomain.Interchange;

/// <summary>
/// One problem found while importing a dataset: where (file or sheet, row, column), which value, and why, in Chinese
/// and English. An import reports every problem it finds, and produces no dataset when there is any.
/// </summary>
/// <param name="Code">A stable code for the kind of problem, for example <c>bad-date</c> or <c>unknown-reference</c>.</param>
/// <param name="Source">The file, or the workbook's sheet (<c>city.xlsx › 党组织</c>), the problem is in.</param>
/// <param name="Row">The row as a spreadsheet shows it (the header is row 1), or the 1-based position in a JSON array; <c>null</c> for a whole file.</param>
/// <param name="Column">The column's header as written in the file, when the problem is in one column.</param>
/// <param name="Value">The offending value, when there is one.</param>
/// <param name="Message">Why it is a problem.</param>
public sealed record ImportProblem(string Code, string Source, int? Row, string? Column, string? Value, LocalizedText Message)
{
    /// <summary>Formats the problem in <paramref name="language"/>: <c>services.csv 第 12 行 [日期] '2021-13-01'：日期无法识别…</c>.</summary>
    /// <param name="language">The language.</param>
    public string Describe(TextLanguage language)
    {
        var english = language == TextLanguage.English;
        var where = Row is { } r ? (english ? $"{Source} row {r}" : $"{Source} 第 {r} 行") : Source;
        var column = Column is null ? string.Empty : $" [{Column}]";
        var value = Value is null ? string.Empty : $" '{Value}'";
        return $"{where}{column}{value}{(english ? ": " : "：")}{Message.In(language)}";
    }

    /// <summary>The problem described in Chinese.</summary>
    public override string ToString() => Describe(TextLanguage.Chinese);

    /// <summary>Turns an integrity problem of the dataset into an import problem at the record's file and row.</summary>
    internal static ImportProblem From(DatasetProblem problem, string? column) => new(
        problem.Code,
        problem.Origin?.Source ?? problem.Entity,
        problem.Origin?.Row,
        column ?? problem.Field,
        problem.Value,
        new LocalizedText($"{problem.Entity} [{problem.Key}]：{problem.Message.Chinese}", $"{problem.Entity} [{problem.Key}]: {problem.Message.English}"));
}
