using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PartyDomain.EntityFrameworkCore.Mapping;

namespace PartyDomain.EntityFrameworkCore.Import;

/// <summary>A column the bulk writers fill: its name, its store type and how to read its provider value from a record.</summary>
internal sealed record Column(string Name, string StoreType, ColumnValue? Value);

/// <summary>
/// A table's columns as the EF model maps them, so the bulk writers (which bypass the change tracker for speed) store
/// exactly what EF would: same column names, same value converters. The city id and the key come first.
/// </summary>
internal sealed class TableShape
{
    private TableShape(string table, IReadOnlyList<Column> columns)
    {
        Table = table;
        Columns = columns;
    }

    public string Table { get; }

    /// <summary>city_id, key, then the record's own columns.</summary>
    public IReadOnlyList<Column> Columns { get; }

    // EF builds each context type's model once; the shapes (compiled readers) are kept per entity type of it.
    private static readonly ConcurrentDictionary<IEntityType, TableShape> Shapes = new();

    public static TableShape For(DbContext context, RecordTable table)
    {
        var entity = context.Model.FindEntityType(table.ClrType) ?? throw new InvalidOperationException($"{table.ClrType.Name} is not in the store's model.");
        return Shapes.GetOrAdd(entity, Create);
    }

    private static TableShape Create(IEntityType entity)
    {
        var columns = new List<Column>
        {
            Shadow(entity, StoreContext.CityColumn),
            Shadow(entity, StoreContext.KeyColumn),
        };
        foreach (var property in entity.GetProperties())
        {
            if (property.IsShadowProperty())
            {
                continue;
            }

            columns.Add(new Column(property.GetColumnName(), property.GetColumnType(), ColumnValue.For(property, property.GetColumnType())));
        }

        return new TableShape(entity.GetTableName()!, columns);
    }

    private static Column Shadow(IEntityType entity, string name)
    {
        var property = entity.FindProperty(name)!;
        return new Column(property.GetColumnName(), property.GetColumnType(), null);
    }
}
