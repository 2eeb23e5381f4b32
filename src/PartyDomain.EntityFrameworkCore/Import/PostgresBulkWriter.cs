using Npgsql;
using PartyDomain.Data;

namespace PartyDomain.EntityFrameworkCore.Import;

/// <summary>
/// Writes records to PostgreSQL with binary COPY inside the caller's transaction. Into an emptied city it copies straight
/// into the table; to merge it copies into a temporary table dropped at commit and upserts from there, because COPY
/// itself cannot resolve key conflicts.
/// </summary>
internal static class PostgresBulkWriter
{
    public static async Task<long> WriteAsync(NpgsqlConnection connection, TableShape shape, string cityId,
        IEnumerable<DatasetRecord> records, RecordKeys keys, bool emptied, CancellationToken cancellationToken)
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
            foreach (var record in records)
            {
                if ((written & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(cityId, shape.Columns[0].StoreType, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(keys.Next(record), shape.Columns[1].StoreType, cancellationToken).ConfigureAwait(false);
                for (var c = 2; c < shape.Columns.Count; c++)
                {
                    if (shape.Columns[c].Read!(record) is { } value)
                    {
                        await importer.WriteAsync(value, shape.Columns[c].StoreType, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                written++;
            }

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
