using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;

namespace PartyDomain.Development;

/// <summary>A branch general meeting's vote on admitting or converting a member (表决).</summary>
/// <param name="Date">The day of the meeting.</param>
/// <param name="Expected">Full members expected (有表决权的应到会党员).</param>
/// <param name="Present">Full members present.</param>
/// <param name="InFavour">Votes in favour.</param>
public sealed record AdmissionVote(LocalDate Date, int Expected, int Present, int InFavour);

/// <summary>
/// One person's way from application to full membership (发展党员全过程纪实): each milestone with its date, as the
/// branch recorded it. Milestones not reached yet are <c>null</c>.
/// </summary>
public sealed record AdmissionCase : DatasetRecord
{
    /// <summary>The case's identifier, unique within the city.</summary>
    public required string Id { get; init; }

    /// <summary>The applicant.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The branch developing the applicant.</summary>
    public required OrganizationId OrganizationId { get; init; }

    /// <summary>The day the application was received (递交入党申请书).</summary>
    public required LocalDate Applied { get; init; }

    /// <summary>The day of the first talk with the applicant (派人谈话).</summary>
    public LocalDate? FirstTalk { get; init; }

    /// <summary>The day the applicant was designated an activist (确定为入党积极分子).</summary>
    public LocalDate? ActivistDesignated { get; init; }

    /// <summary>The activist's contacts (培养联系人), full members.</summary>
    public IReadOnlyList<PersonId> Contacts { get; init; } = [];

    /// <summary>The days of the half-yearly assessments of the activist (考察).</summary>
    public IReadOnlyList<LocalDate> Assessments { get; init; } = [];

    /// <summary>The day the activist was designated a development candidate (确定为发展对象).</summary>
    public LocalDate? CandidateDesignated { get; init; }

    /// <summary>The sponsors (入党介绍人), full members on the vote's day.</summary>
    public IReadOnlyList<PersonId> Sponsors { get; init; } = [];

    /// <summary>The day of the written political-review conclusion (政治审查结论).</summary>
    public LocalDate? PoliticalReview { get; init; }

    /// <summary>Whether the political review passed; <c>null</c> until it concluded.</summary>
    public bool? PoliticalReviewPassed { get; init; }

    /// <summary>Days of the candidate's short concentrated training (集中培训).</summary>
    public int? TrainingDays { get; init; }

    /// <summary>Study hours of the candidate's short concentrated training.</summary>
    public decimal? TrainingHours { get; init; }

    /// <summary>The day of the higher committee's pre-review (预审).</summary>
    public LocalDate? PreReview { get; init; }

    /// <summary>The general meeting's admission vote.</summary>
    public AdmissionVote? AdmissionVote { get; init; }

    /// <summary>The day the higher committee approved the admission (审批).</summary>
    public LocalDate? Approved { get; init; }

    /// <summary>The day of the oath (入党宣誓).</summary>
    public LocalDate? Oath { get; init; }

    /// <summary>Months the probation was extended by (延长预备期), if it was.</summary>
    public int? ExtensionMonths { get; init; }

    /// <summary>The general meeting's conversion vote (转正表决).</summary>
    public AdmissionVote? ConversionVote { get; init; }

    /// <summary>The day the higher committee approved the conversion.</summary>
    public LocalDate? ConversionApproved { get; init; }

    /// <summary>The day the case was closed without admission (withdrawn, refused, disqualified), if it was.</summary>
    public LocalDate? Closed { get; init; }
}
