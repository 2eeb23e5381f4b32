using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PartyDomain.Data;

namespace PartyDomain.EntityFrameworkCore.Import;

/// <summary>
/// Writes records to SQLite with one prepared multi-row upsert reused for every batch, inside the caller's transaction:
/// SQLite's cost is per statement, not per row, so a batch of rows per statement is what makes it fast.
/// </summary>
internal static class SqliteBulkWriter
{
    private const int RowsPerStatement = 8;

    public static long Write(SqliteConnection connection, SqliteTransaction transaction, TableShape shape, string cityId,
        IEnumerable<DatasetRecord> records, RecordKeys keys, CancellationToken cancellationToken)
    {
        using var full = Prepare(connection, transaction, shape, RowsPerStatement);
        var buffer = new List<DatasetRecord>(RowsPerStatement);
        long written = 0;
        foreach (var record in records)
        {
            buffer.Add(record);
            if (buffer.Count == RowsPerStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                written += Execute(full, shape, cityId, buffer, keys);
                buffer.Clear();
            }
        }

        if (buffer.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var rest = Prepare(connection, transaction, shape, buffer.Count);
            written += Execute(rest, shape, cityId, buffer, keys);
        }

        return written;
    }

    private static int Execute(SqliteCommand command, TableShape shape, string cityId, List<DatasetRecord> rows, RecordKeys keys)
    {
        var parameters = command.Parameters;
        var width = shape.Columns.Count;
        for (var r = 0; r < rows.Count; r++)
        {
            var record = rows[r];
            var at = r * width;
            parameters[at].Value = cityId;
            parameters[at + 1].Value = keys.Next(record);
            for (var c = 2; c < width; c++)
            {
                parameters[at + c].Value = shape.Columns[c].Read!(record) ?? DBNull.Value;
            }
        }

        return command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, TableShape shape, int rows)
    {
        var names = string.Join(", ", shape.Columns.Select(c => Quote(c.Name)));
        var sql = new StringBuilder("INSERT INTO " + Quote(shape.Table) + " (" + names + ") VALUES ");
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < shape.Columns.Count; c++)
            {
                var name = "$p" + (r * shape.Columns.Count + c).ToString(CultureInfo.InvariantCulture);
                sql.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            sql.Append(')');
        }

        sql.Append(" ON CONFLICT (" + Quote(shape.Columns[0].Name) + ", " + Quote(shape.Columns[1].Name) + ") DO UPDATE SET ");
        sql.AppendJoin(", ", shape.Columns.Skip(2).Select(c => $"{Quote(c.Name)} = excluded.{Quote(c.Name)}"));
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private static string Quote(string name) => "\"" + name + "\"";
}
