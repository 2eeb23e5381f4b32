#nullable enable

using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using NodaTime.Text;
using PartyDomain.Data;
using PartyDomain.EntityFrameworkCore.Mapping;
using PartyDomain.Metrics;
using PartyDomain.Organization;

namespace PartyDomain.EntityFrameworkCore.Migrations;

/// <summary>
/// Recomputes the keys of service records without an id, written before a key took the quantity by its value
/// (<c>2.5</c>) rather than as the record held it (<c>2.50</c> read from a file, <c>20.0</c> read back from SQLite): such a
/// stored row would not match the same record imported again, which would then be stored twice. Run once, by
/// <see cref="PartyDomainStore.MigrateAsync"/>, on a store that was migrated before and has the
/// <c>ServiceKeysByValue</c> migration pending, in one transaction. A (city, day) at a time, since every content key starts
/// with the record's day; a key already right is kept, a stale one gets its record's key, numbered past the keys of the
/// same content already there (<c>#2</c>). Running it again changes nothing.
/// </summary>
internal static class ServiceKeyMigration
{
    /// <summary>Migrates the schema, recomputing the service keys just before the migration that records it when it is pending on a store with data.</summary>
    public static async Task MigrateAsync(StoreContext context, CancellationToken cancellationToken)
    {
        var all = context.Database.GetMigrations().ToList();
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        var rekey = pending.FirstOrDefault(m => m.EndsWith("_" + nameof(Sqlite.ServiceKeysByValue), StringComparison.Ordinal));

        // A new database holds no keys to recompute: it is migrated at once.
        if (rekey is not null && pending.Count < all.Count)
        {
            await context.GetService<IMigrator>().MigrateAsync(all[all.IndexOf(rekey) - 1], cancellationToken).ConfigureAwait(false);
            await RekeyAsync(context, cancellationToken).ConfigureAwait(false);
        }

        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Recomputes every stale service key of every city; returns how many keys changed.</summary>
    internal static async Task<int> RekeyAsync(StoreContext context, CancellationToken cancellationToken)
    {
        var postgres = PartyDomainStore.IsPostgres(context);
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var days = new List<(string City, string Day)>();
                await ReadAsync(context, "SELECT DISTINCT city_id, CAST(\"date\" AS TEXT) FROM services WHERE id IS NULL", null,
                    r => days.Add((r.GetString(0), r.GetString(1))), cancellationToken).ConfigureAwait(false);

                var changed = 0;
                foreach (var (city, day) in days)
                {
                    var rows = new List<(string Key, ServiceRecord Record)>();
                    await ReadAsync(context,
                        "SELECT \"key\", indicator, CAST(quantity AS TEXT), span, member, firm, organization, district, channel, subject, CAST(tags AS TEXT) FROM services " +
                        $"WHERE id IS NULL AND city_id = @city AND \"date\" = {(postgres ? "CAST(@day AS date)" : "@day")}",
                        [("city", city), ("day", day)], r => rows.Add((r.GetString(0), Record(r, day))), cancellationToken).ConfigureAwait(false);
                    var updates = NewKeys(rows);
                    await UpdateAsync(context, city, updates, postgres, cancellationToken).ConfigureAwait(false);
                    changed += updates.Count;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return changed;
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The keys to change among one day's rows: a row whose key is its record's key (numbered or not) keeps it; the
    /// others, in the order of their old keys, get their record's key with the first number no row of that content has.
    /// </summary>
    internal static List<(string Old, string New)> NewKeys(IReadOnlyList<(string Key, ServiceRecord Record)> rows)
    {
        var keyed = rows.Select(r => (r.Key, Base: DatasetRecordKeys.Of(r.Record))).ToList();
        var taken = keyed.Where(r => Unnumbered(r.Key) == r.Base).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var updates = new List<(string Old, string New)>();
        foreach (var (key, @base) in keyed.Where(r => Unnumbered(r.Key) != r.Base).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var n = 1;
            while (!taken.Add(DatasetRecordKeys.Numbered(@base, n)))
            {
                n++;
            }

            updates.Add((key, DatasetRecordKeys.Numbered(@base, n)));
        }

        return updates;
    }

    /// <summary>A key without its <c>#n</c>: the hashed part is hex, so the last '#' starts the number.</summary>
    private static string Unnumbered(string key) => key.LastIndexOf('#') is var at and > 0 ? key[..at] : key;

    private static ServiceRecord Record(DbDataReader r, string day) => new()
    {
        Indicator = new IndicatorCode(r.GetString(1)),
        Date = LocalDatePattern.Iso.Parse(day).Value,
        Quantity = decimal.Parse(r.GetString(2), NumberStyles.Float, CultureInfo.InvariantCulture),
        Span = Enum.Parse<RecordSpan>(r.GetString(3)),
        Member = Text(r, 4) is { } member ? new PersonId(member) : null,
        Firm = Text(r, 5) is { } firm ? new FirmId(firm) : null,
        Organization = Text(r, 6) is { } organization ? new OrganizationId(organization) : null,
        District = Text(r, 7),
        Channel = Text(r, 8),
        Subject = Text(r, 9),
        Tags = JsonSerializer.Deserialize<List<string>>(r.GetString(10)) ?? [],
    };

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task ReadAsync(StoreContext context, string sql, (string Name, string Value)[]? parameters, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        var command = Command(context, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    row(reader);
                }
            }
        }
    }

    private static async Task UpdateAsync(StoreContext context, string city, List<(string Old, string New)> updates, bool postgres, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return;
        }

        // Old and new keys never collide: an old key hashes a quantity with trailing zeros, which no new key does.
        if (postgres)
        {
            var command = Command(context, "UPDATE services AS s SET \"key\" = v.new_key FROM unnest(@old, @new) AS v(old_key, new_key) WHERE s.city_id = @city AND s.\"key\" = v.old_key", [("city", city)]);
            await using (command.ConfigureAwait(false))
            {
                Add(command, "old", updates.Select(u => u.Old).ToArray());
                Add(command, "new", updates.Select(u => u.New).ToArray());
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var update = Command(context, "UPDATE services SET \"key\" = @new WHERE city_id = @city AND \"key\" = @old", [("city", city), ("old", string.Empty), ("new", string.Empty)]);
        await using (update.ConfigureAwait(false))
        {
            foreach (var (old, @new) in updates)
            {
                update.Parameters["@old"].Value = old;
                update.Parameters["@new"].Value = @new;
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static DbCommand Command(StoreContext context, string sql, (string Name, string Value)[]? parameters)
    {
        var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters ?? [])
        {
            Add(command, name, value);
        }

        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
