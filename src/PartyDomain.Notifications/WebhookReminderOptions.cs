namespace PartyDomain.Notifications;

/// <summary>The shape of the JSON a webhook is sent.</summary>
public enum WebhookFormat
{
    /// <summary>
    /// The notice as data: <c>organization</c> (id, name), <c>secretary</c>, <c>today</c>, <c>title</c>, <c>text</c> and
    /// <c>items</c> (kind, due, overdue, what, subject, expected, found, source), for a bureau's own system.
    /// </summary>
    Generic,

    /// <summary>An enterprise WeChat (企业微信) group robot: <c>{"msgtype":"text","text":{"content":…}}</c>; a non-zero <c>errcode</c> is a failure.</summary>
    WeCom,

    /// <summary>A DingTalk (钉钉) group robot: <c>{"msgtype":"text","text":{"content":…}}</c>; a non-zero <c>errcode</c> is a failure.</summary>
    DingTalk,
}

/// <summary>The webhook channel's settings (configuration section <c>PartyDomain:Reminders:Webhook</c>).</summary>
public sealed class WebhookReminderOptions
{
    /// <summary>URLs that get every organization's reminders unless the organization has its own.</summary>
    public IList<string> Urls { get; } = new List<string>();

    /// <summary>Each organization's own URLs, by organization id (its branch's group robot, say).</summary>
    public IDictionary<string, List<string>> ByOrganization { get; } = new Dictionary<string, List<string>>(StringComparer.Ordinal);

    /// <summary>The JSON shape. Default <see cref="WebhookFormat.Generic"/>.</summary>
    public WebhookFormat Format { get; set; } = WebhookFormat.Generic;

    /// <summary>How long one request may take. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
