using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PartyDomain.Reminders;

namespace PartyDomain.Notifications;

/// <summary>
/// Delivers each organization's reminders as one JSON POST to each of its webhook URLs (a bureau's system, an
/// enterprise WeChat or DingTalk group robot; see <see cref="WebhookFormat"/>). A non-success status, a timeout or a
/// robot's non-zero <c>errcode</c> fails the delivery with the reason; the dispatcher retries and reports it.
/// </summary>
public sealed class WebhookReminderChannel : IReminderChannel, IDisposable
{
    private readonly WebhookReminderOptions _options;
    private readonly HttpClient _http;

    /// <summary>Creates the channel with its own HTTP client.</summary>
    /// <param name="options">The URLs and the format.</param>
    public WebhookReminderChannel(IOptions<WebhookReminderOptions> options)
    {
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _http = new HttpClient { Timeout = _options.Timeout };
    }

    /// <inheritdoc/>
    public string Name => "webhook";

    /// <inheritdoc/>
    public IReadOnlyList<string> RecipientsOf(ReminderNotice notice) => RecipientMap.For(notice, _options.ByOrganization, _options.Urls);

    /// <summary>The URL without its query, which for group robots holds the key.</summary>
    /// <param name="recipient">A webhook URL.</param>
    public string Display(string recipient) =>
        Uri.TryCreate(recipient, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) + (uri.Query.Length > 1 ? "?…" : string.Empty) : recipient;

    /// <inheritdoc/>
    public async Task DeliverAsync(ReminderNotice notice, IReadOnlyList<string> recipients, TextLanguage language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(recipients);
        var payload = Payload(notice, language, _options.Format);
        var failures = new List<string>();
        foreach (var url in recipients)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                failures.Add($"{Display(url)}: not an http(s) URL");
                continue;
            }

            using var response = await _http.PostAsJsonAsync(uri, payload, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{Display(url)}: HTTP {(int)response.StatusCode} {Snippet(body)}");
            }
            else if (_options.Format != WebhookFormat.Generic && RobotError(body) is { } error)
            {
                failures.Add($"{Display(url)}: {error}");
            }
        }

        if (failures.Count > 0)
        {
            throw new HttpRequestException(string.Join("; ", failures));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    internal static JsonObject Payload(ReminderNotice notice, TextLanguage language, WebhookFormat format)
    {
        if (format != WebhookFormat.Generic)
        {
            // Both robots take the same text message; the title leads so the group's preview says what it is.
            return new JsonObject
            {
                ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = notice.Title(language) + "\n" + notice.Body(language) },
            };
        }

        return notice.ToJson(language);
    }

    private static string? RobotError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errcode", out var code)
                && code.ValueKind == JsonValueKind.Number && code.GetInt64() != 0
                ? $"errcode {code.GetInt64()} {(json.RootElement.TryGetProperty("errmsg", out var message) ? message.ToString() : string.Empty)}".Trim()
                : null;
        }
        catch (JsonException)
        {
            return $"the robot's answer is not JSON: {Snippet(body)}";
        }
    }

    private static string Snippet(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
