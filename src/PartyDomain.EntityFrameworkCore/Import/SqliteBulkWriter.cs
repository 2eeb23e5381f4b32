using System.Text;
using Microsoft.Data.Sqlite;
using PartyDomain.Data;
using SQLitePCL;

namespace PartyDomain.EntityFrameworkCore.Import;

/// <summary>
/// Writes records to SQLite inside the caller's transaction with one prepared multi-row upsert reused for every batch,
/// bound through SQLitePCL (the library under Microsoft.Data.Sqlite) by position (see <see cref="ColumnValue"/>): Microsoft.Data.Sqlite's parameters
/// encode every string to a new UTF-8 array and dispatch on its type per value, which cost twice what SQLite itself
/// spends storing the row. Values are bound exactly as Microsoft.Data.Sqlite binds them, so rows read back the same.
/// </summary>
internal static class SqliteBulkWriter
{
    private const int RowsPerStatement = 32;

    /// <summary>Writes <paramref name="rows"/>, telling <paramref name="written"/> how many are written every 8,192 rows.</summary>
    public static long Write(SqliteConnection connection, TableShape shape, string cityId, KeyedRows rows, Action<int>? written, CancellationToken cancellationToken)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var full = rows.Count / RowsPerStatement * RowsPerStatement;
        if (full > 0)
        {
            var statement = Prepare(db, shape, RowsPerStatement);
            using (statement)
            {
                for (var start = 0; start < full; start += RowsPerStatement)
                {
                    if ((start & 1023) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if ((start & 8191) == 0 && start > 0)
                        {
                            written?.Invoke(start);
                        }
                    }

                    Execute(db, statement, shape, cityId, rows, start, RowsPerStatement);
                }
            }
        }

        if (full < rows.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rest = Prepare(db, shape, rows.Count - full);
            using (rest)
            {
                Execute(db, rest, shape, cityId, rows, full, rows.Count - full);
            }
        }

        return rows.Count;
    }

    private static void Execute(sqlite3 db, sqlite3_stmt statement, TableShape shape, string cityId, KeyedRows rows, int start, int count)
    {
        var columns = shape.Columns;
        var width = columns.Count;
        for (var r = 0; r < count; r++)
        {
            var record = rows.Records[start + r];
            var at = (r * width) + 1;
            Check(db, raw.sqlite3_bind_text16(statement, at, cityId));
            Check(db, raw.sqlite3_bind_text16(statement, at + 1, rows.Keys[start + r]));
            for (var c = 2; c < width; c++)
            {
                Check(db, columns[c].Value!.Bind(statement, at + c, record));
            }
        }

        Check(db, raw.sqlite3_step(statement), raw.SQLITE_DONE);
        Check(db, raw.sqlite3_reset(statement));
    }

    private static sqlite3_stmt Prepare(sqlite3 db, TableShape shape, int rows)
    {
        var names = string.Join(", ", shape.Columns.Select(c => Quote(c.Name)));
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", shape.Columns.Count)) + ")";
        var sql = new StringBuilder("INSERT INTO " + Quote(shape.Table) + " (" + names + ") VALUES ");
        sql.AppendJoin(", ", Enumerable.Repeat(row, rows));
        sql.Append(" ON CONFLICT (" + Quote(shape.Columns[0].Name) + ", " + Quote(shape.Columns[1].Name) + ") DO UPDATE SET ");
        sql.AppendJoin(", ", shape.Columns.Skip(2).Select(c => $"{Quote(c.Name)} = excluded.{Quote(c.Name)}"));
        Check(db, raw.sqlite3_prepare_v2(db, sql.ToString(), out var statement));
        return statement;
    }

    private static void Check(sqlite3 db, int rc, int expected = raw.SQLITE_OK)
    {
        if (rc != expected)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    private static string Quote(string name) => "\"" + name + "\"";
}
