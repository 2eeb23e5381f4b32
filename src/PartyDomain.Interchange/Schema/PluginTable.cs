using NodaTime;
using PartyDomain.Data;
using PartyDomain.Interchange.Reading;
using PartyDomain.Interchange.Writing;

namespace PartyDomain.Interchange.Schema;

/// <summary>
/// A plugin's <see cref="ImportTable"/> as a table of the format: its cells are read by the same <see cref="CellReader"/>
/// as a built-in table's (so the same problems at the same file, row and column), and only a row whose cells were all
/// readable is handed to the plugin. Import only: its records are written in the built-in table of their type.
/// </summary>
internal sealed class PluginTable : Table
{
    private readonly ImportTable _definition;

    public PluginTable(ImportTable definition)
        : base(definition.Name, definition.ChineseName, [.. definition.Columns.Select(ToColumn)]) => _definition = definition;

    /// <summary>A plugin's table writes nothing, so it makes no kind exportable.</summary>
    public override Type RowType => typeof(void);

    public override object Read(CellReader reader)
    {
        var values = new object?[Columns.Count];
        foreach (var column in Columns)
        {
            values[column.Index] = column.Kind switch
            {
                ColumnKind.Date => reader.OptionalDate(column),
                ColumnKind.Integer => (decimal?)reader.OptionalInteger(column),
                ColumnKind.Decimal => reader.OptionalDecimal(column),
                ColumnKind.Boolean => reader.OptionalBoolean(column),
                _ => reader.Text(column),
            };
        }

        // A row with a problem is thrown away by the caller; the plugin never sees a required value missing.
        return reader.Failed ? values
            : _definition.Read(new Row(this, reader, values)) ?? throw new InvalidOperationException($"The import table '{Name}' made no record of row {reader.Row}.");
    }

    public override IEnumerable<string?[]> Write(CityDataset dataset, WriteContext context) => [];

    private static Column ToColumn(ImportColumn c)
    {
        var column = new Column(c.Name, c.ChineseName, c.Property, c.Kind switch
        {
            ImportColumnKind.Date => ColumnKind.Date,
            ImportColumnKind.WholeNumber => ColumnKind.Integer,
            ImportColumnKind.Number => ColumnKind.Decimal,
            ImportColumnKind.YesNo => ColumnKind.Boolean,
            _ => ColumnKind.Text,
        }, c.Required);
        return c.Min is not null || c.Max is not null ? column.Within(c.Min ?? decimal.MinValue, c.Max ?? decimal.MaxValue) : column;
    }

    private sealed class Row(PluginTable table, CellReader reader, object?[] values) : ImportRow
    {
        public override RecordOrigin Origin => reader.Origin;

        public override string? Text(string column) => reader.Text(Find(column));

        public override LocalDate? Date(string column) => (LocalDate?)values[Find(column, ColumnKind.Date).Index];

        public override decimal? Number(string column) => (decimal?)values[Find(column, ColumnKind.Decimal, ColumnKind.Integer).Index];

        public override bool? YesNo(string column) => (bool?)values[Find(column, ColumnKind.Boolean).Index];

        public override void Fail(string column, LocalizedText message)
        {
            ArgumentNullException.ThrowIfNull(message);
            var c = Find(column);
            reader.Fail(c, reader.Text(c), "invalid-value", message.Chinese, message.English);
        }

        private Column Find(string name, params ColumnKind[] kinds)
        {
            var column = table.Columns.FirstOrDefault(c => c.Name == name)
                ?? throw new ArgumentException($"The import table '{table.Name}' has no column '{name}'.", nameof(name));
            return kinds.Length == 0 || kinds.Contains(column.Kind) ? column
                : throw new ArgumentException($"Column '{name}' of the import table '{table.Name}' holds {column.Kind}, not {string.Join(" or ", kinds)}.", nameof(name));
        }
    }
}
