using NodaTime;
using PartyDomain.Organization;
using PartyDomain.Rules;

namespace PartyDomain.Reminders;

/// <summary>What kind of obligation a reminder is about.</summary>
public enum ReminderKind
{
    /// <summary>Organizational life of a basic system in the current slot (三会一课, 主题党日, …).</summary>
    OrganizationalLife,

    /// <summary>A committee's term ending or ended (换届).</summary>
    CommitteeTerm,

    /// <summary>Another structure rule's reminder with a due date (a city plugin's rule, say).</summary>
    Structure,

    /// <summary>The next step of an admission case (发展党员).</summary>
    Admission,
}

/// <summary>
/// One obligation falling due (or overdue) that is not done yet, with the organization that answers for it.
/// Engines raise them; <see cref="ReminderNotice"/> groups them per organization for delivery.
/// </summary>
/// <param name="Kind">What kind of obligation it is.</param>
/// <param name="Organization">The organization that answers for it (the branch whose secretary is reminded).</param>
/// <param name="Due">The real due date: the slot's last day, the day the term ends, the admission step's deadline.</param>
/// <param name="Subject">Who or what it is about when that is not the organization itself (the applicant of an admission case), else <c>null</c>.</param>
/// <param name="What">What is due (the rule's title or the admission step).</param>
/// <param name="Expected">What is required.</param>
/// <param name="Found">What is recorded so far.</param>
/// <param name="Source">The regulation and article the obligation comes from.</param>
public sealed record ReminderItem(
    ReminderKind Kind,
    PartyOrganization Organization,
    LocalDate Due,
    string? Subject,
    LocalizedText What,
    LocalizedText Expected,
    LocalizedText Found,
    Citation Source)
{
    /// <summary>Whether the item was due before <paramref name="today"/>.</summary>
    /// <param name="today">Today.</param>
    public bool IsOverdueOn(LocalDate today) => Due < today;

    /// <summary>One line: due date (or how long overdue), what, expected and found, and the source.</summary>
    /// <param name="today">Today, to say how long an item is overdue.</param>
    /// <param name="language">The language.</param>
    public string Describe(LocalDate today, TextLanguage language)
    {
        var days = Period.Between(Due, today, PeriodUnits.Days).Days;
        var subject = Subject is null ? string.Empty : language == TextLanguage.English ? $" ({Subject})" : $"（{Subject}）";
        return language == TextLanguage.English
            ? $"{(IsOverdueOn(today) ? $"OVERDUE {days} days (due {Due:uuuu-MM-dd})" : $"due {Due:uuuu-MM-dd}")}: {What.English}{subject} — expected {Expected.English}; so far {Found.English}. Source: {Source}"
            : $"{(IsOverdueOn(today) ? $"已逾期{days}天（应于{Due:uuuu-MM-dd}前）" : $"{Due:uuuu-MM-dd}前")}：{What.Chinese}{subject} — 应当{Expected.Chinese}；目前{Found.Chinese}。依据：{Source}";
    }
}
