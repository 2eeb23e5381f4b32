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
    /// <summary>The slot or period the finding is about (a month of dues, a year of training, a compliance slot), when it has one.</summary>
    public DateInterval? Period { get; init; }

    /// <summary>What the rule expects, as a number (hours, yuan, members, meetings, months), when it is one; see <see cref="Unit"/>.</summary>
    public decimal? ExpectedValue { get; init; }

    /// <summary>What the data shows, as a number in the same <see cref="Unit"/>, when it is one.</summary>
    public decimal? FoundValue { get; init; }

    /// <summary>The unit of <see cref="ExpectedValue"/> and <see cref="FoundValue"/>: one of <see cref="FindingUnits"/>' values, or a rule's own.</summary>
    public string? Unit { get; init; }

    /// <summary>The date the rule expects (a deadline, the end of a term), when it sets one.</summary>
    public LocalDate? ExpectedDate { get; init; }

    /// <summary>The date the data shows (the day a step was taken or a payment made), when there is one.</summary>
    public LocalDate? FoundDate { get; init; }

    /// <summary>The ids of the records the finding was drawn from, when the rule names them (empty otherwise).</summary>
    public IReadOnlyList<string> Records { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(Finding? other) =>
        other is not null && RuleId == other.RuleId && RuleTitle == other.RuleTitle && Citation == other.Citation && Severity == other.Severity
        && Subject == other.Subject && AsOf == other.AsOf && Expected == other.Expected && Found == other.Found && Equals(Period, other.Period)
        && ExpectedValue == other.ExpectedValue && FoundValue == other.FoundValue && Unit == other.Unit && ExpectedDate == other.ExpectedDate
        && FoundDate == other.FoundDate && Records.SequenceEqual(other.Records);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RuleId, Subject, AsOf, Expected, Found, Period, FoundValue, FoundDate);

    /// <summary>One line naming subject, rule, expected, found and source, in <paramref name="language"/>.</summary>
    /// <param name="language">The language.</param>
    public string Describe(TextLanguage language) => language == TextLanguage.English
        ? $"{Subject}: {RuleTitle.English} [{RuleId}] — expected {Expected.English}; found {Found.English}. Source: {Citation}"
        : $"{Subject}：{RuleTitle.Chinese} [{RuleId}] — 应当{Expected.Chinese}；实际{Found.Chinese}。依据：{Citation}";

    /// <summary>The finding described in Chinese.</summary>
    public override string ToString() => Describe(TextLanguage.Chinese);
}

/// <summary>The units the library's findings give their numbers in (<see cref="Finding.Unit"/>).</summary>
public static class FindingUnits
{
    /// <summary>Study hours (学时).</summary>
    public const string Hours = "hours";

    /// <summary>Concentrated trainings attended.</summary>
    public const string Trainings = "trainings";

    /// <summary>Yuan (元).</summary>
    public const string Yuan = "yuan";

    /// <summary>Months (a run of unpaid months, months without organizational life).</summary>
    public const string Months = "months";

    /// <summary>Meetings or other activities held (records of one organization, kind and day count once).</summary>
    public const string Activities = "activities";

    /// <summary>Members or people.</summary>
    public const string Members = "members";

    /// <summary>Firms.</summary>
    public const string Firms = "firms";

    /// <summary>Years.</summary>
    public const string Years = "years";
}
