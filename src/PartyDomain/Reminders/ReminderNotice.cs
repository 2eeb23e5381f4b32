using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;

namespace PartyDomain.Reminders;

/// <summary>
/// The reminders of one organization, as they are delivered to the people who answer for it: the organization, its
/// secretary on the day, and its items, overdue first, then by due date.
/// </summary>
/// <param name="Organization">The organization.</param>
/// <param name="Secretary">Its secretary's name on <paramref name="Today"/>, or <c>null</c> when the post is vacant.</param>
/// <param name="Today">The day the reminders were drawn up.</param>
/// <param name="Items">The items, overdue first, then by due date.</param>
public sealed record ReminderNotice(PartyOrganization Organization, string? Secretary, LocalDate Today, IReadOnlyList<ReminderItem> Items)
{
    /// <summary>How many items are overdue.</summary>
    public int Overdue => Items.Count(i => i.IsOverdueOn(Today));

    /// <summary>
    /// Groups <paramref name="items"/> by organization, naming each organization's secretary as of <paramref name="today"/>:
    /// organizations with overdue items first, then by their earliest due date; within each, overdue first, then by due date.
    /// </summary>
    /// <param name="items">The items, in any order.</param>
    /// <param name="dataset">The dataset, for the secretaries.</param>
    /// <param name="today">Today.</param>
    public static IReadOnlyList<ReminderNotice> Group(IEnumerable<ReminderItem> items, CityDataset dataset, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(dataset);
        return items
            .GroupBy(i => i.Organization.Id)
            .Select(g =>
            {
                var ordered = g.OrderBy(i => i.Due).ThenBy(i => i.Kind).ThenBy(i => i.Subject, StringComparer.Ordinal).ToArray();
                var organization = ordered[0].Organization;
                var secretary = dataset.SecretaryNameOf(organization.Id, today);
                return new ReminderNotice(organization, secretary, today, ordered);
            })
            .OrderByDescending(n => n.Overdue > 0)
            .ThenBy(n => n.Items[0].Due)
            .ThenBy(n => n.Organization.Id.Value, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The message's title: the organization, how many items and how many overdue.</summary>
    /// <param name="language">The language.</param>
    public string Title(TextLanguage language)
    {
        var overdue = Overdue;
        return language == TextLanguage.English
            ? $"{Organization.Name}: {Items.Count} item(s) due{(overdue > 0 ? $", {overdue} overdue" : string.Empty)} ({Today:uuuu-MM-dd})"
            : $"{Organization.Name}：{Items.Count}项事项待办{(overdue > 0 ? $"，其中{overdue}项已逾期" : string.Empty)}（{Today:uuuu-MM-dd}）";
    }

    /// <summary>The message's body as plain text: a greeting to the secretary, then one line per item.</summary>
    /// <param name="language">The language.</param>
    public string Body(TextLanguage language)
    {
        var text = new StringBuilder();
        text.AppendLine(language == TextLanguage.English
            ? $"{(Secretary is null ? $"To the party-affairs contact of {Organization.Name}" : $"Dear {Secretary} (secretary of {Organization.Name})")}:"
            : $"{(Secretary is null ? $"{Organization.Name}党务联系人" : $"{Secretary}同志（{Organization.Name}书记）")}：");
        text.AppendLine(language == TextLanguage.English
            ? "the following are due and not yet recorded as done:"
            : "以下事项即将到期或已逾期，尚未记录完成，请及时办理：");
        var n = 0;
        foreach (var item in Items)
        {
            text.Append(++n).Append(". ").AppendLine(item.Describe(Today, language));
        }

        return text.ToString();
    }

    /// <summary>
    /// The notice as data, the shape the generic webhook posts and <c>reminders --format json</c> prints:
    /// <c>organization</c> (id, name), <c>secretary</c>, <c>today</c>, <c>title</c>, <c>text</c> and <c>items</c>
    /// (kind, due, overdue, what, subject, expected, found, source).
    /// </summary>
    /// <param name="language">The language of the texts.</param>
    public JsonObject ToJson(TextLanguage language)
    {
        var items = new JsonArray();
        foreach (var item in Items)
        {
            items.Add(new JsonObject
            {
                ["kind"] = item.Kind.ToString(),
                ["due"] = item.Due.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                ["overdue"] = item.IsOverdueOn(Today),
                ["what"] = item.What.In(language),
                ["subject"] = item.Subject,
                ["expected"] = item.Expected.In(language),
                ["found"] = item.Found.In(language),
                ["source"] = item.Source.ToString(),
            });
        }

        return new JsonObject
        {
            ["organization"] = new JsonObject { ["id"] = Organization.Id.Value, ["name"] = Organization.Name },
            ["secretary"] = Secretary,
            ["today"] = Today.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            ["title"] = Title(language),
            ["text"] = Body(language),
            ["items"] = items,
        };
    }
}
