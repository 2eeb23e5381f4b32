using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Governance;

/// <summary>What kind of major matter (重大事项) a record is.</summary>
public enum MajorMatterKind
{
    /// <summary>A major decision (重大决策).</summary>
    Decision,

    /// <summary>A major expenditure (重大开支).</summary>
    Expenditure,

    /// <summary>Important work (重要工作), such as revising the association's rules or selecting awards.</summary>
    ImportantWork,
}

/// <summary>The route a major matter takes before the bureau's final approval.</summary>
public enum MajorMatterRoute
{
    /// <summary>Discussed and decided by the industry committee first (先由党委会讨论决定).</summary>
    CommitteeFirst,

    /// <summary>Passed by the association's standing council, then checked by the committee (常务理事会通过后经党委会把关).</summary>
    CouncilFirst,
}

/// <summary>The bodies a major matter passes through.</summary>
public enum GoverningBody
{
    /// <summary>The industry committee's meeting (党委会).</summary>
    IndustryCommittee,

    /// <summary>The lawyers' association's standing council (常务理事会).</summary>
    StandingCouncil,

    /// <summary>The bureau's party leadership group (局党组), the final approver.</summary>
    BureauLeadershipGroup,
}

/// <summary>What a body decided at one step.</summary>
public enum StepOutcome
{
    /// <summary>Approved or passed.</summary>
    Approved,

    /// <summary>Rejected: the matter ends here.</summary>
    Rejected,

    /// <summary>Sent back for revision.</summary>
    Returned,
}

/// <summary>One step of a major matter: a body's decision on a day.</summary>
/// <param name="Date">The day of the meeting.</param>
/// <param name="Body">The body.</param>
/// <param name="Outcome">Its decision.</param>
public sealed record MajorMatterStep(LocalDate Date, GoverningBody Body, StepOutcome Outcome);

/// <summary>
/// A major matter of the lawyer industry (重大决策、重大开支、重要工作) and the steps it went through: the committee's
/// review (before or after the association's standing council) and the bureau party leadership group's final approval.
/// Counted in figure F7 by the year of its first step.
/// </summary>
public sealed record MajorMatter : DatasetRecord
{
    /// <summary>The matter's identifier, unique within the city.</summary>
    public required string Id { get; init; }

    /// <summary>Its title, for example 修订律师协会会员违规行为处分规则.</summary>
    public required string Title { get; init; }

    /// <summary>What kind of matter it is.</summary>
    public required MajorMatterKind Kind { get; init; }

    /// <summary>The route it takes.</summary>
    public required MajorMatterRoute Route { get; init; }

    /// <summary>Its steps, in the order they happened.</summary>
    public IReadOnlyList<MajorMatterStep> Steps { get; init; } = [];

    /// <summary>The day of its first step, when it has one: the day it counts in.</summary>
    public LocalDate? Opened => Steps.Count == 0 ? null : Steps.Min(s => s.Date);
}

/// <summary>The kinds of governance document the committee issues.</summary>
public enum GovernanceDocumentKind
{
    /// <summary>Work duties (工作职责).</summary>
    WorkDuties,

    /// <summary>Meeting procedures (会议议事规则).</summary>
    MeetingProcedures,

    /// <summary>Guidance opinions (指导意见).</summary>
    GuidanceOpinion,

    /// <summary>Any other rules or notices.</summary>
    Other,
}

/// <summary>A governance document issued or revised, such as 《律师行业党委工作职责》.</summary>
public sealed record GovernanceDocument : DatasetRecord
{
    /// <summary>The document's identifier, unique within the city.</summary>
    public required string Id { get; init; }

    /// <summary>Its title without book-title marks.</summary>
    public required string Title { get; init; }

    /// <summary>Its kind.</summary>
    public required GovernanceDocumentKind Kind { get; init; }

    /// <summary>The day it was issued (or last revised).</summary>
    public required LocalDate Issued { get; init; }

    /// <summary>Who issued it, for example 市律师行业党委.</summary>
    public string? Issuer { get; init; }
}

/// <summary>Who a firm organization is paired with.</summary>
public enum PairingPartnerKind
{
    /// <summary>A community (社区) or village.</summary>
    Community,

    /// <summary>A unit: an agency, an enterprise, a prison's branch.</summary>
    Unit,
}

/// <summary>A pairing (结对联建) of a firm organization with a community or unit, from <see cref="From"/> to <see cref="To"/> (figure F14).</summary>
public sealed record Pairing : DatasetRecord, ITimeBound
{
    /// <summary>The pairing's identifier, unique within the city.</summary>
    public required string Id { get; init; }

    /// <summary>The firm organization.</summary>
    public required OrganizationId OrganizationId { get; init; }

    /// <summary>The partner's name.</summary>
    public required string Partner { get; init; }

    /// <summary>What the partner is.</summary>
    public PairingPartnerKind PartnerKind { get; init; } = PairingPartnerKind.Community;

    /// <inheritdoc />
    public required LocalDate From { get; init; }

    /// <inheritdoc />
    public LocalDate? To { get; init; }
}

/// <summary>An activity held jointly under a pairing, such as a shared theme party day (figure F14).</summary>
public sealed record JointActivity : DatasetRecord
{
    /// <summary>The activity's identifier, unique within the city.</summary>
    public required string Id { get; init; }

    /// <summary>The pairing it was held under.</summary>
    public required string PairingId { get; init; }

    /// <summary>The day.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>What it was.</summary>
    public required string Title { get; init; }

    /// <summary>How many took part, when counted.</summary>
    public int? Participants { get; init; }
}

/// <summary>The level of a commendation.</summary>
public enum CommendationLevel
{
    /// <summary>National (全国), for example by the Ministry of Justice.</summary>
    National,

    /// <summary>Provincial, for example by the provincial lawyers' association.</summary>
    Provincial,

    /// <summary>City.</summary>
    City,
}

/// <summary>A commendation (表彰) of a firm or a lawyer (figure F15). Exactly one of <see cref="FirmId"/> and <see cref="PersonId"/> is set.</summary>
public sealed record Commendation : DatasetRecord
{
    /// <summary>The commendation's identifier, unique within the city.</summary>
    public required string Id { get; init; }

    /// <summary>Its level.</summary>
    public required CommendationLevel Level { get; init; }

    /// <summary>Who awarded it, for example 司法部 or 省律师协会.</summary>
    public required string Awarder { get; init; }

    /// <summary>The honour and what it was for, for example 抗击新冠肺炎疫情先进个人.</summary>
    public required string Reason { get; init; }

    /// <summary>The day it was awarded.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>The firm commended, when a firm is.</summary>
    public FirmId? FirmId { get; init; }

    /// <summary>The lawyer commended, when a person is.</summary>
    public PersonId? PersonId { get; init; }
}

/// <summary>A donation of money or goods (捐款捐物) by the industry, valued in yuan (figure F15).</summary>
public sealed record Donation : DatasetRecord
{
    /// <summary>The donation's identifier, unique within the city.</summary>
    public required string Id { get; init; }

    /// <summary>The amount, or the value of the goods, in yuan to the fen.</summary>
    public required decimal Amount { get; init; }

    /// <summary>What it was for, for example 抗击新冠疫情.</summary>
    public required string Purpose { get; init; }

    /// <summary>The day.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>Whether it was goods rather than money.</summary>
    public bool InKind { get; init; }

    /// <summary>The donating firm, when known.</summary>
    public FirmId? FirmId { get; init; }

    /// <summary>The donating person, when known.</summary>
    public PersonId? PersonId { get; init; }
}
