using NodaTime;

namespace PartyDomain.Rules;

/// <summary>How serious a finding is.</summary>
public enum FindingSeverity
{
    /// <summary>A reminder of something that falls due soon.</summary>
    Reminder,

    /// <summary>A departure from what the rules say should normally be so.</summary>
    Warning,

    /// <summary>A breach of what the rules require.</summary>
    Violation,
}

/// <summary>What a finding is about.</summary>
public enum SubjectKind
{
    /// <summary>A party organization.</summary>
    Organization,

    /// <summary>A law firm.</summary>
    Firm,

    /// <summary>A person.</summary>
    Person,

    /// <summary>A governance record, such as a major matter (重大事项).</summary>
    Matter,
}

/// <summary>The subject of a finding: an organization, a firm or a person, with its id and name.</summary>
/// <param name="Kind">What the subject is.</param>
/// <param name="Id">The subject's identifier.</param>
/// <param name="Name">The subject's name.</param>
public sealed record FindingSubject(SubjectKind Kind, string Id, string Name)
{
    /// <summary>Formats the subject as <c>name (id)</c>.</summary>
    public override string ToString() => $"{Name} ({Id})";
}

/// <summary>
/// One thing a rule found: the subject, the rule and its source, and what was expected against what was found.
/// Findings are plain, serializable results; they never change the data.
/// </summary>
/// <param name="RuleId">The rule that raised it.</param>
/// <param name="RuleTitle">The rule's title.</param>
/// <param name="Citation">The rule's source.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="AsOf">The date it holds for.</param>
/// <param name="Expected">What the rule expects.</param>
/// <param name="Found">What the data shows.</param>
public sealed record Finding(
    RuleId RuleId,
    LocalizedText RuleTitle,
    Citation Citation,
    FindingSeverity Severity,
    FindingSubject Subject,
    LocalDate AsOf,
    LocalizedText Expected,
    LocalizedText Found)
{
    /// <summary>
    /// The day by which the obligation falls due or fell due, where the rule has one (the day a committee's term ends,
    /// say), so a reminder shows the real date instead of the day it was raised; otherwise <c>null</c>.
    /// </summary>
    public LocalDate? Due { get; init; }

    /// <summary>One line naming subject, rule, expected, found and source, in <paramref name="language"/>.</summary>
    /// <param name="language">The language.</param>
    public string Describe(TextLanguage language) => language == TextLanguage.English
        ? $"{Subject}: {RuleTitle.English} [{RuleId}] — expected {Expected.English}; found {Found.English}. Source: {Citation}"
        : $"{Subject}：{RuleTitle.Chinese} [{RuleId}] — 应当{Expected.Chinese}；实际{Found.Chinese}。依据：{Citation}";

    /// <summary>The finding described in Chinese.</summary>
    public override string ToString() => Describe(TextLanguage.Chinese);
}
