using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PartyDomain.Data;
using PartyDomain.EntityFrameworkCore.Import;
using PartyDomain.EntityFrameworkCore.Mapping;
using PartyDomain.Metrics;
using PartyDomain.Organization;

namespace PartyDomain.EntityFrameworkCore.Tests;

/// <summary>The bulk path's pieces against the plain code they replace, on random data.</summary>
public sealed class BulkLoadTests
{
    [Fact]
    public void A_service_content_key_is_its_date_and_the_hash_of_its_joined_fields()
    {
        var random = new Random(9);
        for (var i = 0; i < 5_000; i++)
        {
            var record = RandomService(random);

            DatasetRecordKeys.Of(record).Should().Be(ReferenceKey(record), "record {0}", record);
        }
    }

    [Fact]
    public void Keys_are_ordered_like_ordinal_comparison_with_ties_in_their_original_order()
    {
        var random = new Random(27);
        string[] alphabet = ["a", "b", "|", "\\", "#", "0", "9", "-", "/", "中", "丁", "é", "\0", "Z"];
        var keys = Enumerable.Range(0, 20_000)
            .Select(_ => (random.Next(3) == 0 ? "2025-03-01/h:" : string.Empty) + string.Concat(Enumerable.Range(0, random.Next(22)).Select(_ => alphabet[random.Next(alphabet.Length)])))
            .ToArray();

        var order = KeyedRows.Order(keys);

        order.Should().Equal(Enumerable.Range(0, keys.Length).OrderBy(i => keys[i], StringComparer.Ordinal).ThenBy(i => i));
    }

    [Fact]
    public void Repeated_natural_keys_get_numbered_in_the_records_order_across_runs()
    {
        var keys = new RecordKeys(RecordTables.For(typeof(ServiceRecord)));
        var twin = new ServiceRecord { Indicator = IndicatorCodes.HotlineCalls, Date = new LocalDate(2025, 1, 2), Subject = "twin" };
        var other = twin with { Subject = "other" };

        var first = keys.Assign([twin, other, twin with { Origin = new RecordOrigin("a.csv", 3) }], default);
        var second = keys.Assign([twin], default);

        var plain = DatasetRecordKeys.Of(twin);
        first.Keys.Should().BeEquivalentTo(plain, plain + "#2", DatasetRecordKeys.Of(other));
        first.Records[Array.IndexOf(first.Keys, plain + "#2")].Origin.Should().Be(new RecordOrigin("a.csv", 3), "the later record gets the number");
        second.Keys.Should().Equal(plain + "#3");
    }

    [Fact]
    public void Both_providers_models_match_their_migrations()
    {
        using var sqlite = new SqliteStoreContext(new DbContextOptionsBuilder<SqliteStoreContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresStoreContext(new DbContextOptionsBuilder<PostgresStoreContext>().UseNpgsql("Host=127.0.0.1;Database=none", o => o.UseNodaTime()).Options);

        sqlite.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a SQLite migration (dotnet ef migrations add)");
        postgres.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a PostgreSQL migration (dotnet ef migrations add)");
    }

    /// <summary>The key as first written: the fields joined with <see cref="Join"/>, hashed, after the date.</summary>
    internal static string ReferenceKey(ServiceRecord r) => Date(r.Date) + "/" + OldKey(r);

    /// <summary>The key before the BulkLoad migration (the quantity without trailing zeros, as every key has it since incremental imports).</summary>
    internal static string OldKey(ServiceRecord r) => "h:" + Hash(Join(
        r.Indicator.Value, Date(r.Date), r.Span.ToString(), r.Quantity.ToString("0.############################", CultureInfo.InvariantCulture),
        r.Member?.Value, r.Firm?.Value, r.Organization?.Value, r.District, r.Channel, r.Subject, Join([.. r.Tags])));

    /// <summary>
    /// The key before the ServiceKeysByValue migration: the quantity as the record held it (<c>2.50</c> read from a file
    /// stays 2.50, a SQLite store read 20 back as 20.0).
    /// </summary>
    internal static string KeyWithTheQuantityAsHeld(ServiceRecord r) => Date(r.Date) + "/h:" + Hash(Join(
        r.Indicator.Value, Date(r.Date), r.Span.ToString(), r.Quantity.ToString(CultureInfo.InvariantCulture),
        r.Member?.Value, r.Firm?.Value, r.Organization?.Value, r.District, r.Channel, r.Subject, Join([.. r.Tags])));

    /// <summary>The parts joined with '|', '|' and '\' escaped: the plain form of the keys' canonical text.</summary>
    internal static string Join(params string?[] parts) =>
        string.Join('|', parts.Select(p => (p ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)));

    private static string Date(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    private static string Hash(string canonical) => Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(Encoding.UTF8.GetBytes(canonical)));

    private static ServiceRecord RandomService(Random random)
    {
        string? Text(int max)
        {
            if (random.Next(4) == 0)
            {
                return null;
            }

            var sb = new StringBuilder();
            for (var n = random.Next(max); n > 0; n--)
            {
                sb.Append(random.Next(6) switch { 0 => '|', 1 => '\\', 2 => '律', 3 => (char)('a' + random.Next(26)), 4 => ' ', _ => (char)('0' + random.Next(10)) });
            }

            return sb.ToString();
        }

        return new ServiceRecord
        {
            Indicator = new IndicatorCode($"x-{random.Next(100)}"),
            Date = new LocalDate(random.Next(3) == 0 ? 1 + random.Next(9999) : 2025, 1 + random.Next(12), 1 + random.Next(28)),
            Span = (RecordSpan)random.Next(3),
            Quantity = random.Next(3) switch { 0 => random.Next(100), 1 => new decimal(random.Next(), 0, 0, random.Next(2) == 0, (byte)random.Next(6)), _ => 1.10m },
            Member = random.Next(2) == 0 ? new PersonId("P" + random.Next(1000)) : null,
            Firm = random.Next(2) == 0 ? new FirmId("F" + random.Next(100)) : null,
            Organization = random.Next(2) == 0 ? new OrganizationId("O" + random.Next(100)) : null,
            District = Text(6),
            Channel = Text(4),
            Subject = random.Next(10) == 0 ? new string('长', 600) : Text(30),
            Tags = [.. Enumerable.Range(0, random.Next(3)).Select(_ => Text(5) ?? string.Empty)],
        };
    }
}
