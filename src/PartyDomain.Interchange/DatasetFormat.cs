namespace PartyDomain.Interchange;

/// <summary>The file formats a city dataset is read from and written to (docs/data-format.md).</summary>
public enum DatasetFormat
{
    /// <summary>A folder of CSV files, one per table (<c>people.csv</c> or <c>人员.csv</c>).</summary>
    Csv,

    /// <summary>One XLSX workbook with a sheet per table.</summary>
    Xlsx,

    /// <summary>One JSON document with an array per table.</summary>
    Json,
}
