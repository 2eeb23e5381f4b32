using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PartyDomain.Rules;

namespace PartyDomain.Reporting;

/// <summary>
/// Writes the summary as JSON for other apps: <c>figures</c> is an object keyed by figure id (<c>F2</c>, <c>F17</c>, ...),
/// each with <c>value</c> (a number, <c>"2019-10"</c> for F1, or <c>null</c>), <c>status</c> (<c>computed</c> or
/// <c>missing</c>), unit, share, filter, source and the reason when missing; then charts, findings, the plugins that shaped the report (id, version, name, contributions) and sections.
/// </summary>
public sealed class JsonReportRenderer : IReportRenderer
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>What stands before each finding's line: a line break and the indentation of the array's items.</summary>
    private static ReadOnlySpan<byte> FindingIndent => "\n    "u8;

    /// <summary>The same without indentation, for the findings, one to a line.</summary>
    private static readonly JsonWriterOptions CompactOptions = Options with { Indented = false };

    /// <summary>How many bytes the writer gathers before it hands them to the stream.</summary>
    private const int FlushAt = 1 << 16;

    private static readonly JsonEncodedText AreaName = JsonEncodedText.Encode("area");
    private static readonly JsonEncodedText RuleName = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText SeverityName = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText SubjectKindName = JsonEncodedText.Encode("subjectKind");
    private static readonly JsonEncodedText SubjectIdName = JsonEncodedText.Encode("subjectId");
    private static readonly JsonEncodedText SubjectName = JsonEncodedText.Encode("subject");
    private static readonly JsonEncodedText AsOfName = JsonEncodedText.Encode("asOf");
    private static readonly JsonEncodedText ExpectedName = JsonEncodedText.Encode("expected");
    private static readonly JsonEncodedText FoundName = JsonEncodedText.Encode("found");
    private static readonly JsonEncodedText CitationName = JsonEncodedText.Encode("citation");
    private static readonly JsonEncodedText[] Severities = Enum.GetValues<FindingSeverity>().Select(v => JsonEncodedText.Encode(v.ToString().ToLowerInvariant())).ToArray();
    private static readonly JsonEncodedText[] SubjectKinds = Enum.GetValues<SubjectKind>().Select(v => JsonEncodedText.Encode(v.ToString().ToLowerInvariant())).ToArray();

    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public string FileExtension => ".json";

    /// <inheritdoc />
    public string MediaType => "application/json";

    /// <inheritdoc />
    public void Render(AnnualSummary summary, Stream output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        var lang = summary.Language;
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteStartObject("city");
        w.WriteString("id", summary.City.Id);
        w.WriteString("name", summary.City.Name);
        w.WriteEndObject();
        w.WriteNumber("year", summary.Year);
        w.WriteString("asOf", Day(summary.AsOf));
        w.WriteString("generated", Day(summary.Generated));
        w.WriteString("language", lang == TextLanguage.English ? "en" : "zh-Hans");
        w.WriteString("title", summary.Title);

        w.WriteStartObject("figures");
        foreach (var f in summary.Figures)
        {
            w.WriteStartObject(f.Id);
            w.WriteString("name", f.Name.In(lang));
            w.WritePropertyName("value");
            if (f.Month is { } m)
            {
                w.WriteStringValue(m.ToString("uuuu-MM", CultureInfo.InvariantCulture));
            }
            else if (f.Value is { } v)
            {
                w.WriteNumberValue(v);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteString("status", f.IsMissing ? "missing" : "computed");
            w.WriteString("unit", f.Unit.In(lang));
            if (!f.IsMissing && f.Share is { } share)
            {
                w.WriteStartObject("share");
                w.WriteNumber("numerator", share.Numerator);
                w.WriteNumber("denominator", share.Denominator);
                w.WritePropertyName("value");
                if (share.Value is { } sv)
                {
                    w.WriteNumberValue(Math.Round(sv, 4));
                }
                else
                {
                    w.WriteNullValue();
                }

                w.WriteEndObject();
            }

            w.WriteString("filter", f.Filter.In(lang));
            w.WriteString("source", f.Source.In(lang));
            if (f.MissingReason is { } reason)
            {
                w.WriteString("missingReason", reason.In(lang));
            }

            w.WriteEndObject();
            if (w.BytesPending > FlushAt)
            {
                w.Flush();
            }
        }

        w.WriteEndObject();

        w.WriteStartArray("charts");
        foreach (var c in summary.Charts)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("title", c.Title.In(lang));
            w.WriteString("unit", c.Unit.In(lang));
            w.WriteString("kind", c.Kind.ToString().ToLowerInvariant());
            Strings(w, "categories", c.Categories.Select(category => category.In(lang)));
            w.WriteStartArray("series");
            foreach (var s in c.Series)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Name.In(lang));
                w.WriteStartArray("values");
                foreach (var v in s.Values)
                {
                    if (v is { } value)
                    {
                        w.WriteNumberValue(value);
                    }
                    else
                    {
                        w.WriteNullValue();
                    }
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("findings");
        // A national city has about half a million findings: the few distinct rules, citations, enums and days are
        // encoded once, and the writer hands its bytes to the stream as it goes instead of holding the whole file.
        var encoded = new Dictionary<string, JsonEncodedText>(StringComparer.Ordinal);
        var citations = new Dictionary<Citation, JsonEncodedText>();
        var days = new Dictionary<NodaTime.LocalDate, JsonEncodedText>();
        JsonEncodedText Encoded(string value)
        {
            if (!encoded.TryGetValue(value, out var text))
            {
                encoded[value] = text = JsonEncodedText.Encode(value, Options.Encoder);
            }

            return text;
        }

        // Each finding is written compact, on a line of its own in the indented document: a national city's half a
        // million findings read and grep one line each, in a third fewer bytes than one line per property.
        // The writer takes a raw value as it stands, so the line break and the indentation go in front of it.
        var line = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using var compact = new Utf8JsonWriter(line, CompactOptions);
        foreach (var (area, f) in summary.Findings)
        {
            System.Buffers.BuffersExtensions.Write(line, FindingIndent);
            compact.WriteStartObject();
            compact.WriteString(AreaName, Encoded(area));
            compact.WriteString(RuleName, Encoded(f.RuleId.Value));
            compact.WriteString(TitleName, Encoded(f.RuleTitle.In(lang)));
            compact.WriteString(SeverityName, (uint)f.Severity < (uint)Severities.Length ? Severities[(int)f.Severity] : JsonEncodedText.Encode(f.Severity.ToString().ToLowerInvariant()));
            compact.WriteString(SubjectKindName, (uint)f.Subject.Kind < (uint)SubjectKinds.Length ? SubjectKinds[(int)f.Subject.Kind] : JsonEncodedText.Encode(f.Subject.Kind.ToString().ToLowerInvariant()));
            compact.WriteString(SubjectIdName, f.Subject.Id);
            compact.WriteString(SubjectName, f.Subject.Name);
            if (!days.TryGetValue(f.AsOf, out var day))
            {
                days[f.AsOf] = day = JsonEncodedText.Encode(Day(f.AsOf), Options.Encoder);
            }

            compact.WriteString(AsOfName, day);
            compact.WriteString(ExpectedName, f.Expected.In(lang));
            compact.WriteString(FoundName, f.Found.In(lang));
            if (!citations.TryGetValue(f.Citation, out var citation))
            {
                citations[f.Citation] = citation = JsonEncodedText.Encode(f.Citation.ToString(), Options.Encoder);
            }

            compact.WriteString(CitationName, citation);
            compact.WriteEndObject();
            compact.Flush();
            w.WriteRawValue(line.WrittenSpan, skipInputValidation: true);
            line.ResetWrittenCount();
            compact.Reset();
            if (w.BytesPending > FlushAt)
            {
                w.Flush();
            }
        }

        w.WriteEndArray();

        // The plugins that shaped the figures: a consumer can tell a city's own rules and indicators from the library's.
        w.WriteStartArray("plugins");
        foreach (var plugin in summary.Plugins)
        {
            w.WriteStartObject();
            w.WriteString("id", plugin.Id);
            w.WriteString("version", plugin.Version);
            w.WriteString("name", plugin.DisplayName.In(lang));
            w.WriteStartArray("contributions");
            foreach (var c in plugin.Contributions)
            {
                w.WriteStartObject();
                w.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(c.Kind.ToString()));
                w.WriteString("id", c.Id);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("sections");
        foreach (var section in summary.Sections)
        {
            w.WriteStartObject();
            w.WriteString("id", section.Id);
            w.WriteString("title", section.Title);
            w.WriteStartArray("blocks");
            foreach (var block in section.Blocks)
            {
                w.WriteStartObject();
                switch (block)
                {
                    case ReportParagraph p:
                        w.WriteString("type", "paragraph");
                        w.WriteString("text", p.Text);
                        break;
                    case ReportSubheading h:
                        w.WriteString("type", "subheading");
                        w.WriteString("text", h.Text);
                        break;
                    case ReportList l:
                        w.WriteString("type", "list");
                        Strings(w, "items", l.Items);
                        break;
                    case ReportFigureTable t:
                        w.WriteString("type", "figures");
                        Strings(w, "figures", t.FigureIds);
                        break;
                    case ReportChartBlock c:
                        w.WriteString("type", "chart");
                        w.WriteString("chart", c.ChartId);
                        break;
                    default:
                        w.WriteString("type", block.GetType().Name);
                        break;
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static string Day(NodaTime.LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
