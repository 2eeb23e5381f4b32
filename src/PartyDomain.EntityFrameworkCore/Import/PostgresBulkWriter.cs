using Npgsql;

namespace PartyDomain.EntityFrameworkCore.Import;

/// <summary>
/// Writes records to PostgreSQL with binary COPY inside the caller's transaction. Into an emptied city it copies straight
/// into the table; to merge it copies into a temporary table dropped at commit and upserts from there, because COPY
/// itself cannot resolve key conflicts.
/// </summary>
internal static class PostgresBulkWriter
{
    /// <summary>Writes <paramref name="rows"/>, telling <paramref name="progress"/> how many are copied every 8,192 rows.</summary>
    public static async Task<long> WriteAsync(NpgsqlConnection connection, TableShape shape, string cityId,
        KeyedRows rows, bool emptied, Action<int>? progress, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", shape.Columns.Select(c => Quote(c.Name)));
        var target = Quote(shape.Table);
        if (!emptied)
        {
            target = Quote("stage_" + shape.Table);
            await ExecuteAsync(connection, $"CREATE TEMP TABLE {target} (LIKE {Quote(shape.Table)}) ON COMMIT DROP", cancellationToken).ConfigureAwait(false);
        }

        long written = 0;
        var importer = await connection.BeginBinaryImportAsync($"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            // Synchronous writes: the importer buffers and sends a full buffer at a time, so awaiting each value only
            // added a state machine per column.
            var columns = shape.Columns;
            for (var i = 0; i < rows.Count; i++)
            {
                if ((i & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if ((i & 8191) == 0 && i > 0)
                    {
                        progress?.Invoke(i);
                    }
                }

                var record = rows.Records[i];
                importer.StartRow();
                importer.Write(cityId, columns[0].StoreType);
                importer.Write(rows.Keys[i], columns[1].StoreType);
                for (var c = 2; c < columns.Count; c++)
                {
                    columns[c].Value!.Copy(importer, record);
                }
            }

            written = rows.Count;

            // Not completing the importer (an exception above) makes disposal cancel the COPY: nothing of it remains.
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!emptied)
        {
            var updates = string.Join(", ", shape.Columns.Skip(2).Select(c => $"{Quote(c.Name)} = EXCLUDED.{Quote(c.Name)}"));
            await ExecuteAsync(connection,
                $"INSERT INTO {Quote(shape.Table)} ({names}) SELECT {names} FROM {target} " +
                $"ON CONFLICT ({Quote(shape.Columns[0].Name)}, {Quote(shape.Columns[1].Name)}) DO UPDATE SET {updates}; DROP TABLE {target}",
                cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Quote(string name) => "\"" + name + "\"";
}
