namespace PartyDomain.Interchange.Reading;

/// <summary>A table as a file holds it: where it is, its name, its header and its rows of cell text.</summary>
/// <param name="Source">The file or sheet, as problems name it.</param>
/// <param name="Name">The table's name as the file or sheet is called.</param>
/// <param name="Headers">The header cells, in file order.</param>
/// <param name="Rows">The rows after the header, read lazily; a row's cell array may be reused for the next row.</param>
internal sealed record RawTable(string Source, string Name, IReadOnlyList<string> Headers, IEnumerable<RawRow> Rows)
{
    /// <summary>How much of its file the table is, for progress: bytes of a CSV file or sheet, rows of JSON.</summary>
    public long Size { get; init; }

    /// <summary>The share of the table read so far, from 0 to 1, asked every few thousand rows; <c>null</c> when the source cannot tell (then the rows read of <see cref="Rows"/>, when it is a collection).</summary>
    public Func<double>? Done { get; init; }
}

/// <summary>One row: its number as a spreadsheet shows it (the header is row 1) and its cells in file order.</summary>
internal readonly record struct RawRow(int Number, IReadOnlyList<string?> Cells)
{
    /// <summary>
    /// A cell its source has refused and reported already (a stray quote, bad bytes): the row is not kept, and the cell
    /// is not reported again as empty. Compared by reference.
    /// </summary>
    public static readonly string Refused = new(['\0', '\0']);
}
