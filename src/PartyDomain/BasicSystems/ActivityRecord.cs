using System.Globalization;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;

namespace PartyDomain.BasicSystems;

/// <summary>Whether a person expected at an activity came.</summary>
public enum AttendanceStatus
{
    /// <summary>Attended (出席).</summary>
    Present,

    /// <summary>Absent without leave (缺席).</summary>
    Absent,

    /// <summary>Absent with leave (请假); the reason is required. Still counts as expected attendance.</summary>
    Excused,
}

/// <summary>One person's attendance at an activity.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Status">Present, absent or excused.</param>
/// <param name="Reason">Why an excused person was away (required when excused).</param>
public readonly record struct Attendance(PersonId PersonId, AttendanceStatus Status, string? Reason = null);

/// <summary>
/// A record of organizational life (组织生活记录): a meeting, lesson, theme party day, talk or event held by an
/// organization (a branch, or a party group for group meetings) on a date. Attendees who are not members of that
/// organization on that date (activists, guests) are kept, but never count toward a quorum or a member's coverage.
/// </summary>
public sealed record ActivityRecord : DatasetRecord
{
    /// <summary>The kind: keyed by its id, named by id, kind, organization and date in problems.</summary>
    public static RecordKind<ActivityRecord> Declaration { get; } = new(
        "activities",
        new("组织生活记录", "activity record"),
        static a => RecordKey.Id(a.Id),
        static a => $"{a.Id} ({a.Kind} @ {a.OrganizationId} {RecordKey.Day(a.Date)})")
    {
        Check = CheckOne,
    };

    private static readonly DerivedIndex<GroupIndex<OrganizationId, ActivityRecord>> ByOrganization =
        new(static ix => new(ix.Records<ActivityRecord>(), a => a.OrganizationId, (a, b) => a.Date.CompareTo(b.Date)));

    /// <summary>The record's identifier, unique within the city.</summary>
    public required string Id { get; init; }

    /// <summary>The organization that held it.</summary>
    public required OrganizationId OrganizationId { get; init; }

    /// <summary>What kind of activity it was.</summary>
    public required ActivityKind Kind { get; init; }

    /// <summary>The day it was held (not the day it was typed in).</summary>
    public required LocalDate Date { get; init; }

    /// <summary>Its title or topic.</summary>
    public string? Title { get; init; }

    /// <summary>Who gave the lesson, for a party lesson.</summary>
    public PersonId? Lecturer { get; init; }

    /// <summary>Attendance per person.</summary>
    public IReadOnlyList<Attendance> Attendance { get; init; } = [];

    /// <summary>The number of participants of a public event (普法, 红色教育), where individual attendance is not kept.</summary>
    public int? HeadCount { get; init; }

    /// <summary>The platform the record came from (for example the city's online party-building platform), if any.</summary>
    public string? SourcePlatform { get; init; }

    /// <summary>Free tags, for example <c>民法典</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;

    internal static IReadOnlyList<ActivityRecord> ListOf(CityDataset dataset, OrganizationId organization) => dataset.Indexes.Derived(ByOrganization)[organization];

    private static void CheckOne(ActivityRecord a, RecordCheck check)
    {
        check.Required(a.Id, nameof(Id));
        check.UniqueId(a.Id, nameof(Id));
        if (string.IsNullOrEmpty(a.Kind.Code))
        {
            check.Report("missing-value", nameof(Kind), null, new("活动类型为空", "the activity kind is empty"));
        }

        check.NotFuture(a.Date, nameof(Date));
        if (check.Organization(a.OrganizationId, nameof(OrganizationId)) is { } o && !o.ExistsOn(a.Date))
        {
            var life = RecordCheck.Span(o.Established, o.Dissolved?.PlusDays(-1));
            check.Report("outside-lifetime", nameof(Date), RecordKey.Day(a.Date), new($"活动日期不在组织 {o.Id} 的存续期 {life} 内", $"the activity falls outside the life of organization {o.Id} ({life})"));
        }

        if (a.Lecturer is { } lecturer)
        {
            check.Person(lecturer, nameof(Lecturer));
        }

        if (a.HeadCount is < 0)
        {
            check.Report("invalid-value", nameof(HeadCount), a.HeadCount.Value.ToString(CultureInfo.InvariantCulture), new("人数不能为负数", "the head count cannot be negative"));
        }

        if (a.Attendance is null)
        {
            check.Report("missing-value", nameof(Attendance), null, new("出席名单为空引用", "the attendance list is null"));
            return;
        }

        var seen = check.ScratchPeople();
        foreach (var attendance in a.Attendance)
        {
            if (check.Person(attendance.PersonId, nameof(Attendance)) && !seen.Add(attendance.PersonId))
            {
                check.Report("duplicate-value", nameof(Attendance), attendance.PersonId.Value, new("同一人在出席名单中出现两次", "the person is listed twice"));
            }

            if (attendance.Status == AttendanceStatus.Excused && string.IsNullOrWhiteSpace(attendance.Reason))
            {
                check.Report("missing-value", nameof(Attendance), attendance.PersonId.Value, new("请假必须注明原因", "an excused absence needs a reason"));
            }

            if (!Enum.IsDefined(attendance.Status))
            {
                check.Report("invalid-value", nameof(Attendance), attendance.PersonId.Value, new("出席状态无效", "not a valid attendance status"));
            }
        }
    }
}

/// <summary>The dataset's records of organizational life.</summary>
public static class ActivityRecords
{
    extension(CityDataset dataset)
    {
        /// <summary>All records of organizational life.</summary>
        public IReadOnlyList<ActivityRecord> Activities => dataset.Records<ActivityRecord>();

        /// <summary>The activities held by <paramref name="organization"/>, in date order.</summary>
        /// <param name="organization">The organization.</param>
        public IReadOnlyList<ActivityRecord> ActivitiesOf(OrganizationId organization) => ActivityRecord.ListOf(dataset, organization);

        /// <summary>The columnar activity index, built on the first compliance evaluation and kept with the dataset.</summary>
        internal ActivityIndex ActivityIndex => dataset.Indexes.Derived(ActivityIndex.Derived);
    }
}
