namespace PartyDomain.Interchange;

/// <summary>
/// How much an import reads before it refuses a file: each limit, when passed, is one problem naming the file, row and
/// limit, and reading that file stops (docs/data-format.md, "Limits"). The defaults hold a national-scale dataset with
/// room to spare and stop a damaged or hostile file in seconds.
/// </summary>
public sealed class DatasetReadLimits
{
    /// <summary>The defaults.</summary>
    public static DatasetReadLimits Default { get; } = new();

    /// <summary>The most characters in one cell: 32,767 unless set, Excel's own limit for a cell.</summary>
    public int MaxCellCharacters { get; init; } = 32_767;

    /// <summary>The most rows in one table (file, sheet or JSON array), the header not counted: 20,000,000 unless set.</summary>
    public int MaxRowsPerTable { get; init; } = 20_000_000;

    /// <summary>
    /// The most bytes an XLSX workbook may unpack to, summed over its entries as its zip directory declares them, checked
    /// before anything is unpacked: 512 MiB unless set.
    /// </summary>
    public long MaxXlsxUncompressedBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>The most entries (parts) in an XLSX workbook: 10,000 unless set (a workbook of 28 sheets has about 70).</summary>
    public int MaxXlsxEntries { get; init; } = 10_000;

    /// <summary>The deepest nesting of a JSON document: 16 unless set (the format itself needs 4: document, table, row, list).</summary>
    public int MaxJsonDepth { get; init; } = 16;
}
