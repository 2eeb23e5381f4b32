using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;

namespace PartyDomain.Training;

/// <summary>Who a training session is meant for.</summary>
[Flags]
public enum TrainingAudience
{
    /// <summary>Nobody in particular.</summary>
    None = 0,

    /// <summary>Activists (入党积极分子).</summary>
    Activists = 1,

    /// <summary>Development candidates (发展对象).</summary>
    Candidates = 2,

    /// <summary>Party-affairs cadres (党务干部).</summary>
    Cadres = 4,

    /// <summary>Branch secretaries (支部书记).</summary>
    Secretaries = 8,

    /// <summary>All members.</summary>
    AllMembers = 16,
}

/// <summary>One person's attendance at a training session and the study hours credited for it.</summary>
/// <param name="PersonId">The trainee.</param>
/// <param name="CreditedHours">The hours credited, when not the session's full hours (left early, part-time).</param>
public readonly record struct TrainingAttendance(PersonId PersonId, decimal? CreditedHours = null);

/// <summary>
/// A training session (培训班次): a party-school class, a centralized training of branch secretaries, an online lesson.
/// Its study hours (学时) are credited to every attendee unless an attendance says otherwise.
/// </summary>
public sealed record TrainingSession : DatasetRecord
{
    /// <summary>The session's identifier, unique within the city.</summary>
    public required string Id { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>Who organized it, for example 市律师行业党校.</summary>
    public string? Organizer { get; init; }

    /// <summary>The first day.</summary>
    public required LocalDate Start { get; init; }

    /// <summary>The last day (the first day for a one-day session).</summary>
    public LocalDate? End { get; init; }

    /// <summary>The study hours of the whole session.</summary>
    public required decimal StudyHours { get; init; }

    /// <summary>Who it is meant for.</summary>
    public TrainingAudience Audience { get; init; } = TrainingAudience.AllMembers;

    /// <summary>Whether it is a concentrated training (集中培训), as required of secretaries and committee members yearly.</summary>
    public bool Concentrated { get; init; }

    /// <summary>Whether the industry's party school (党校) held it (figure F5).</summary>
    public bool PartySchool { get; init; }

    /// <summary>Who attended.</summary>
    public IReadOnlyList<TrainingAttendance> Attendance { get; init; } = [];

    /// <summary>The number of days the session ran.</summary>
    public int Days => Period.Between(Start, End ?? Start, PeriodUnits.Days).Days + 1;
}

/// <summary>
/// Study credit earned on an external platform (for example 学习强国 points), as the platform exported it. A
/// <see cref="IStudyCreditConverter"/> turns a person's credits of a year into study hours; the conversion is city policy.
/// </summary>
public sealed record StudyCredit : DatasetRecord
{
    /// <summary>The person.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The platform, for example <c>xuexi-qiangguo</c>.</summary>
    public required string Platform { get; init; }

    /// <summary>The day the credit was earned (or the last day of the period it sums).</summary>
    public required LocalDate Date { get; init; }

    /// <summary>The points (or minutes, or whatever the platform counts).</summary>
    public required decimal Points { get; init; }
}
