using System.Globalization;
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
    /// <summary>The kind: keyed by its id.</summary>
    public static RecordKind<TrainingSession> Declaration { get; } = new(
        "training_sessions", new("培训班次", "training session"), static t => RecordKey.Id(t.Id), static t => $"{t.Id} ({RecordKey.Day(t.Start)})")
    {
        Check = CheckOne,
    };

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

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;

    private static void CheckOne(TrainingSession t, RecordCheck check)
    {
        check.Required(t.Id, nameof(Id));
        check.UniqueId(t.Id, nameof(Id));
        check.Required(t.Title, nameof(Title));
        check.NotFuture(t.Start, nameof(Start));
        if (t.End is { } end && end < t.Start)
        {
            check.Report("end-before-start", nameof(End), RecordKey.Day(end), new($"结束日期早于开始日期 {RecordKey.Day(t.Start)}", $"ends before it starts ({RecordKey.Day(t.Start)})"));
        }
        else if (t.End is { } e)
        {
            check.NotFuture(e, nameof(End));
        }

        if (t.StudyHours < 0 || decimal.Round(t.StudyHours, 2) != t.StudyHours)
        {
            check.Report("invalid-value", nameof(StudyHours), t.StudyHours.ToString(CultureInfo.InvariantCulture), new("学时须为不超过两位小数的非负数", "study hours must be non-negative with at most two decimals"));
        }

        if (t.Attendance is null)
        {
            check.Report("missing-value", nameof(Attendance), null, new("学员名单为空引用", "the attendance list is null"));
            return;
        }

        var seen = check.ScratchPeople();
        foreach (var a in t.Attendance)
        {
            if (check.Person(a.PersonId, nameof(Attendance)) && !seen.Add(a.PersonId))
            {
                check.Report("duplicate-value", nameof(Attendance), a.PersonId.Value, new("同一人在学员名单中出现两次", "the person is listed twice"));
            }

            if (a.CreditedHours is { } h && (h < 0 || h > t.StudyHours))
            {
                var hours = t.StudyHours.ToString(CultureInfo.InvariantCulture);
                check.Report("invalid-value", nameof(Attendance), $"{a.PersonId}: {h.ToString(CultureInfo.InvariantCulture)}",
                    new($"认定学时须在0至本班次学时{hours}之间", $"credited hours must be between 0 and the session's {hours}"));
            }
        }
    }
}

/// <summary>
/// Study credit earned on an external platform (for example 学习强国 points), as the platform exported it. A
/// <see cref="IStudyCreditConverter"/> turns a person's credits of a year into study hours; the conversion is city policy.
/// </summary>
public sealed record StudyCredit : DatasetRecord
{
    /// <summary>The kind: keyed by person, platform and date.</summary>
    public static RecordKind<StudyCredit> Declaration { get; } = new(
        "study_credits", new("学习积分", "study credit"), static c => RecordKey.Natural(c.PersonId.Value, c.Platform, RecordKey.Day(c.Date)),
        static c => $"{c.PersonId} {c.Platform} {RecordKey.Day(c.Date)}")
    {
        Check = static (c, check) =>
        {
            check.Person(c.PersonId);
            check.Required(c.Platform, nameof(Platform));
            check.NotFuture(c.Date, nameof(Date));
            if (c.Points < 0)
            {
                check.Report("invalid-value", nameof(Points), c.Points.ToString(CultureInfo.InvariantCulture), new("积分不能为负数", "points cannot be negative"));
            }
        },
    };

    /// <summary>The person.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The platform, for example <c>xuexi-qiangguo</c>.</summary>
    public required string Platform { get; init; }

    /// <summary>The day the credit was earned (or the last day of the period it sums).</summary>
    public required LocalDate Date { get; init; }

    /// <summary>The points (or minutes, or whatever the platform counts).</summary>
    public required decimal Points { get; init; }

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;
}

/// <summary>The dataset's training sessions and study credits.</summary>
public static class TrainingRecords
{
    extension(CityDataset dataset)
    {
        /// <summary>All training sessions.</summary>
        public IReadOnlyList<TrainingSession> TrainingSessions => dataset.Records<TrainingSession>();

        /// <summary>All study credits from external platforms.</summary>
        public IReadOnlyList<StudyCredit> StudyCredits => dataset.Records<StudyCredit>();
    }
}
