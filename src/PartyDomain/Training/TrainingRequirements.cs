using PartyDomain.Rules;

namespace PartyDomain.Training;

/// <summary>The role a study-hour requirement applies to.</summary>
public enum TrainingRole
{
    /// <summary>Every member who was a member the whole year.</summary>
    Member,

    /// <summary>Branch secretaries and committee members (any committee seat held during the year).</summary>
    Cadre,
}

/// <summary>
/// A yearly study requirement: at least <c>MinHours</c> study hours, or at least <c>MinTrainings</c> concentrated
/// trainings, for a role. Shortfalls are findings once the year has ended, and reminders in its last
/// <c>ReminderDays</c> days.
/// </summary>
public sealed class TrainingRequirement : RuleBase
{
    /// <summary>Creates a requirement.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="title">The title.</param>
    /// <param name="citation">The source.</param>
    /// <param name="role">Who it applies to.</param>
    /// <param name="concentrated">Whether it counts concentrated trainings rather than hours.</param>
    /// <param name="minimum">The default minimum (hours or trainings).</param>
    public TrainingRequirement(RuleId id, LocalizedText title, Citation citation, TrainingRole role, bool concentrated, int minimum)
        : base(id, title, citation, FindingSeverity.Violation,
        [
            concentrated
                ? new RuleParameter("MinTrainings", minimum, "trainings", new("每年至少参加集中培训次数", "fewest concentrated trainings a year"))
                : new RuleParameter("MinHours", minimum, "hours", new("每年至少学时", "fewest study hours a year")),
            new RuleParameter("ReminderDays", 90, "days", new("年底前提前提醒的天数", "days before the year's end from which to remind")),
        ])
    {
        Role = role;
        Concentrated = concentrated;
    }

    /// <summary>Who it applies to.</summary>
    public TrainingRole Role { get; }

    /// <summary>Whether it counts concentrated trainings rather than hours.</summary>
    public bool Concentrated { get; }
}

/// <summary>The ids of the default training requirements.</summary>
public static class TrainingRuleIds
{
    /// <summary>Every member: 32 study hours a year.</summary>
    public static RuleId MemberHours { get; } = new("TR-MEMBER-HOURS");

    /// <summary>Secretaries and committee members: 56 study hours a year.</summary>
    public static RuleId CadreHours { get; } = new("TR-CADRE-HOURS");

    /// <summary>Secretaries and committee members: at least one concentrated training a year.</summary>
    public static RuleId CadreConcentrated { get; } = new("TR-CADRE-CONCENTRATED");
}

/// <summary>The default training requirements, with the numbers of <c>domain.md</c> §2.</summary>
public static class DefaultTrainingRequirements
{
    /// <summary>New instances of every default requirement.</summary>
    public static IReadOnlyList<TrainingRequirement> Create() =>
    [
        new(TrainingRuleIds.MemberHours, new("党员每年集中学习培训不少于{MinHours}学时", "Every member: at least {MinHours} study hours a year"),
            new(Regulations.MemberEducation, "第二十条", SourceConfidence.Verified), TrainingRole.Member, false, 32),
        new(TrainingRuleIds.CadreHours, new("支部书记和委员每年学习培训不少于{MinHours}学时", "Secretaries and committee members: at least {MinHours} study hours a year"),
            new(Regulations.MemberEducation, "第二十条", SourceConfidence.Unconfirmed), TrainingRole.Cadre, false, 56),
        new(TrainingRuleIds.CadreConcentrated, new("支部书记和委员每年至少参加{MinTrainings}次集中培训", "Secretaries and committee members: at least {MinTrainings} concentrated training(s) a year"),
            new(Regulations.MemberEducation, "第二十条", SourceConfidence.Unconfirmed), TrainingRole.Cadre, true, 1),
    ];
}
