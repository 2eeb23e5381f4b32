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
    /// <summary>The kind: keyed by its id; each milestone checked to follow the one it builds on.</summary>
    public static RecordKind<AdmissionCase> Declaration { get; } = new(
        "admissions", new("发展党员", "admission case"), static c => RecordKey.Id(c.Id), static c => $"{c.Id} ({c.PersonId})")
    {
        Check = CheckOne,
    };

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

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;

    private static void CheckOne(AdmissionCase c, RecordCheck check)
    {
        check.Required(c.Id, nameof(Id));
        check.UniqueId(c.Id, nameof(Id));
        check.Person(c.PersonId);
        check.Organization(c.OrganizationId);
        foreach (var (people, field) in new[] { (c.Contacts, nameof(Contacts)), (c.Sponsors, nameof(Sponsors)) })
        {
            foreach (var id in people.Distinct())
            {
                check.Person(id, field);
            }
        }

        // Each milestone follows the one it builds on.
        void After(LocalDate? later, string field, LocalDate? earlier, string earlierField)
        {
            if (later is { } l)
            {
                check.NotFuture(l, field);
                if (earlier is { } e && l < e)
                {
                    check.Report("out-of-order", field, RecordKey.Day(l), new($"早于{earlierField}（{RecordKey.Day(e)}）", $"before {earlierField} ({RecordKey.Day(e)})"));
                }
            }
        }

        check.NotFuture(c.Applied, nameof(Applied));
        After(c.FirstTalk, nameof(FirstTalk), c.Applied, nameof(Applied));
        After(c.ActivistDesignated, nameof(ActivistDesignated), c.Applied, nameof(Applied));
        After(c.CandidateDesignated, nameof(CandidateDesignated), c.ActivistDesignated ?? c.Applied, c.ActivistDesignated is null ? nameof(Applied) : nameof(ActivistDesignated));
        After(c.AdmissionVote?.Date, nameof(AdmissionVote), c.CandidateDesignated ?? c.Applied, c.CandidateDesignated is null ? nameof(Applied) : nameof(CandidateDesignated));
        After(c.Approved, nameof(Approved), c.AdmissionVote?.Date, nameof(AdmissionVote));
        After(c.Oath, nameof(Oath), c.Approved, nameof(Approved));
        After(c.ConversionVote?.Date, nameof(ConversionVote), c.Approved ?? c.AdmissionVote?.Date, nameof(Approved));
        After(c.ConversionApproved, nameof(ConversionApproved), c.ConversionVote?.Date, nameof(ConversionVote));
        After(c.Closed, nameof(Closed), c.Applied, nameof(Applied));
        After(c.PoliticalReview, nameof(PoliticalReview), c.Applied, nameof(Applied));
        After(c.PreReview, nameof(PreReview), c.Applied, nameof(Applied));
        foreach (var assessment in c.Assessments)
        {
            After(assessment, nameof(Assessments), c.ActivistDesignated ?? c.Applied, nameof(ActivistDesignated));
        }

        void Missing(bool missing, string field, string zh, string en)
        {
            if (missing)
            {
                check.Report("missing-value", field, null, new(zh, en));
            }
        }

        Missing(c.Approved is not null && c.AdmissionVote is null, nameof(AdmissionVote), "已审批但无支部大会表决记录", "approved without a recorded vote");
        Missing(c.ConversionApproved is not null && c.ConversionVote is null, nameof(ConversionVote), "已批准转正但无转正表决记录", "conversion approved without a recorded vote");
        Missing(c.ConversionVote is not null && c.Approved is null, nameof(Approved), "已讨论转正但接收预备党员未经审批", "conversion voted on an admission never approved");
        Missing(c.ExtensionMonths is not null && c.AdmissionVote is null, nameof(AdmissionVote), "延长预备期但无接收表决记录", "probation extended without an admission vote");
        Missing(c.PoliticalReviewPassed is not null && c.PoliticalReview is null, nameof(PoliticalReview), "有政审结果但无政审日期", "a political-review result without its date");
        foreach (var (vote, field) in new[] { (c.AdmissionVote, nameof(AdmissionVote)), (c.ConversionVote, nameof(ConversionVote)) })
        {
            if (vote is not null && (vote.Expected <= 0 || vote.Present < 0 || vote.Present > vote.Expected || vote.InFavour < 0 || vote.InFavour > vote.Present))
            {
                check.Report("invalid-value", field, $"{vote.Expected}/{vote.Present}/{vote.InFavour}",
                    new("表决人数须满足 0 ≤ 赞成 ≤ 实到 ≤ 应到，且应到大于0", "the counts must satisfy 0 ≤ in favour ≤ present ≤ expected, expected > 0"));
            }
        }
    }
}

/// <summary>The dataset's admission cases.</summary>
public static class AdmissionRecords
{
    extension(CityDataset dataset)
    {
        /// <summary>All admission cases.</summary>
        public IReadOnlyList<AdmissionCase> AdmissionCases => dataset.Records<AdmissionCase>();
    }
}
