using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;
using PartyDomain.BasicSystems;
using PartyDomain.Metrics;
using PartyDomain.Organization;

namespace PartyDomain.EntityFrameworkCore.Mapping;

// Identifier structs are stored as their text; the struct constructors re-check them on the way back.
internal sealed class OrganizationIdConverter() : ValueConverter<OrganizationId, string>(v => v.Value, v => new OrganizationId(v));

internal sealed class PersonIdConverter() : ValueConverter<PersonId, string>(v => v.Value, v => new PersonId(v));

internal sealed class FirmIdConverter() : ValueConverter<FirmId, string>(v => v.Value, v => new FirmId(v));

internal sealed class IndicatorCodeConverter() : ValueConverter<IndicatorCode, string>(v => v.Value, v => new IndicatorCode(v));

internal sealed class ActivityKindConverter() : ValueConverter<ActivityKind, string>(v => v.Code, v => new ActivityKind(v));

// Stored in clear: the store is where a person's data is meant to be kept (SensitiveText.Reveal's documented use).
internal sealed class SensitiveTextConverter() : ValueConverter<SensitiveText, string>(v => v.Reveal(), v => new SensitiveText(v));

// SQLite has no date type: ISO text sorts and compares like the dates, and SQLite's date functions read it.
internal sealed class LocalDateTextConverter() : ValueConverter<LocalDate, string>(
    v => LocalDatePattern.Iso.Format(v), v => LocalDatePattern.Iso.Parse(v).GetValueOrThrow());

internal sealed class YearMonthTextConverter() : ValueConverter<YearMonth, string>(
    v => v.ToString("uuuu-MM", CultureInfo.InvariantCulture), v => YearMonthPattern.Iso.Parse(v).GetValueOrThrow());

internal sealed class InstantTextConverter() : ValueConverter<Instant, string>(
    v => InstantPattern.ExtendedIso.Format(v), v => InstantPattern.ExtendedIso.Parse(v).GetValueOrThrow());

// PostgreSQL has no year-month type: the month's first day in a date column keeps range queries on the index.
internal sealed class YearMonthDateConverter() : ValueConverter<YearMonth, LocalDate>(v => v.OnDayOfMonth(1), v => new YearMonth(v.Year, v.Month));

/// <summary>Values nested in a record (standings, attendance lists, a vote) are one JSON column each: nothing queries into them.</summary>
internal sealed class JsonColumnConverter<T>() : ValueConverter<T, string>(v => RecordJson.Serialize(v), v => RecordJson.Deserialize<T>(v));

internal static class RecordJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    // Most lists (tags, attendance of a public event) are empty: skip the serializer for them.
    public static string Serialize<T>(T value) => value is System.Collections.ICollection { Count: 0 } ? "[]" : JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The stored JSON '{json}' is null where a {typeof(T).Name} was expected.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new TextJsonConverter<LocalDate>(v => LocalDatePattern.Iso.Format(v), v => LocalDatePattern.Iso.Parse(v).GetValueOrThrow()));
        options.Converters.Add(new TextJsonConverter<PersonId>(v => v.Value, v => new PersonId(v)));
        options.Converters.Add(new TextJsonConverter<OrganizationId>(v => v.Value, v => new OrganizationId(v)));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class TextJsonConverter<T>(Func<T, string> write, Func<string, T> read) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            read(reader.GetString() ?? throw new JsonException($"A {typeof(T).Name} is null in stored JSON."));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(write(value));
    }
}
