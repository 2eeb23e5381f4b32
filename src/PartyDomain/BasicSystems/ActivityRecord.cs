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
}
