using PartyDomain.Reminders;

namespace PartyDomain.Notifications;

/// <summary>One rule for both channels: an organization's own recipients when configured, else the channel's defaults.</summary>
internal static class RecipientMap
{
    public static IReadOnlyList<string> For(ReminderNotice notice, IDictionary<string, List<string>> byOrganization, IList<string> defaults)
    {
        if (byOrganization.TryGetValue(notice.Organization.Id.Value, out var own) && own.Count > 0)
        {
            return [.. own.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim())];
        }

        return [.. defaults.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim())];
    }
}
