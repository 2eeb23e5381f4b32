using System.Globalization;
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
    /// <summary>The kind: keyed by its id.</summary>
    public static RecordKind<MajorMatter> Declaration { get; } = new("major_matters", new("重大事项", "major matter"), static m => RecordKey.Id(m.Id), static m => m.Id)
    {
        Check = static (m, check) =>
        {
            check.Required(m.Id, nameof(Id));
            check.UniqueId(m.Id, nameof(Id));
            check.Required(m.Title, nameof(Title));
            if (m.Steps is null || m.Steps.Count == 0)
            {
                check.Report("missing-value", nameof(Steps), null, new("重大事项没有任何研究步骤", "the major matter has no steps"));
                return;
            }

            foreach (var step in m.Steps)
            {
                check.NotFuture(step.Date, nameof(Steps));
            }
        },
    };

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

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;
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
    /// <summary>The kind: keyed by its id.</summary>
    public static RecordKind<GovernanceDocument> Declaration { get; } = new("governance_documents", new("制度文件", "governance document"), static d => RecordKey.Id(d.Id), static d => d.Id)
    {
        Check = static (d, check) =>
        {
            check.Required(d.Id, nameof(Id));
            check.UniqueId(d.Id, nameof(Id));
            check.Required(d.Title, nameof(Title));
            check.NotFuture(d.Issued, nameof(Issued));
        },
    };

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

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;
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
    /// <summary>The kind: keyed by its id; its days within the organization's life.</summary>
    public static RecordKind<Pairing> Declaration { get; } = new("pairings", new("结对联建", "pairing"), static p => RecordKey.Id(p.Id), static p => $"{p.Id} ({p.OrganizationId} ↔ {p.Partner})")
    {
        Check = static (p, check) =>
        {
            check.Required(p.Id, nameof(Id));
            check.UniqueId(p.Id, nameof(Id));
            check.Required(p.Partner, nameof(Partner));
            check.Days(p);
            check.Organization(p.OrganizationId, during: p);
        },
    };

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

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;
}

/// <summary>An activity held jointly under a pairing, such as a shared theme party day (figure F14).</summary>
public sealed record JointActivity : DatasetRecord
{
    /// <summary>The kind: keyed by its id; it refers to a pairing and falls within the pairing's days.</summary>
    public static RecordKind<JointActivity> Declaration { get; } = new(
        "joint_activities", new("联建活动", "joint activity"), static a => RecordKey.Id(a.Id), static a => $"{a.Id} ({a.PairingId} {RecordKey.Day(a.Date)})")
    {
        Refers = [Pairing.Declaration],
        Check = static (a, check) =>
        {
            check.Required(a.Id, nameof(Id));
            check.UniqueId(a.Id, nameof(Id));
            check.Required(a.Title, nameof(Title));
            check.NotFuture(a.Date, nameof(Date));
            if (a.Participants is < 0)
            {
                check.Report("invalid-value", nameof(Participants), a.Participants.Value.ToString(CultureInfo.InvariantCulture), new("参加人数不能为负数", "participants cannot be negative"));
            }

            if (check.Refers(Pairing.Declaration, a.PairingId, nameof(PairingId)) is { } pairing && (a.Date < pairing.From || (pairing.To is { } to && a.Date > to)))
            {
                var days = RecordCheck.Span(pairing.From, pairing.To);
                check.Report("outside-lifetime", nameof(Date), RecordKey.Day(a.Date), new($"活动日期不在结对 {pairing.Id} 的存续期 {days} 内", $"the activity falls outside pairing {pairing.Id} ({days})"));
            }
        },
    };

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

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;
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
    /// <summary>The kind: keyed by its id; it names exactly one firm or one lawyer.</summary>
    public static RecordKind<Commendation> Declaration { get; } = new("commendations", new("表彰奖励", "commendation"), static c => RecordKey.Id(c.Id), static c => c.Id)
    {
        Check = static (c, check) =>
        {
            check.Required(c.Id, nameof(Id));
            check.UniqueId(c.Id, nameof(Id));
            check.Required(c.Awarder, nameof(Awarder));
            check.Required(c.Reason, nameof(Reason));
            check.NotFuture(c.Date, nameof(Date));
            if ((c.FirmId is null) == (c.PersonId is null))
            {
                check.Report("invalid-value", nameof(FirmId), null, new("受表彰对象须为一家律所或一名律师（二者只填其一）", "the commendation names exactly one firm or one lawyer"));
            }

            GovernanceRecords.Donor(check, c.FirmId, c.PersonId);
        },
    };

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

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;
}

/// <summary>A donation of money or goods (捐款捐物) by the industry, valued in yuan (figure F15).</summary>
public sealed record Donation : DatasetRecord
{
    /// <summary>The kind: keyed by its id.</summary>
    public static RecordKind<Donation> Declaration { get; } = new("donations", new("捐款捐物", "donation"), static d => RecordKey.Id(d.Id), static d => d.Id)
    {
        Check = static (d, check) =>
        {
            check.Required(d.Id, nameof(Id));
            check.UniqueId(d.Id, nameof(Id));
            check.Required(d.Purpose, nameof(Purpose));
            check.NotFuture(d.Date, nameof(Date));
            if (d.Amount <= 0 || decimal.Round(d.Amount, 2) != d.Amount)
            {
                check.Report("invalid-value", nameof(Amount), d.Amount.ToString(CultureInfo.InvariantCulture), new("金额须为精确到分的正数（元）", "the amount must be positive, in yuan to the fen"));
            }

            GovernanceRecords.Donor(check, d.FirmId, d.PersonId);
        },
    };

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

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;
}

/// <summary>The dataset's governance records.</summary>
public static class GovernanceRecords
{
    extension(CityDataset dataset)
    {
        /// <summary>All major matters (重大事项) and their steps.</summary>
        public IReadOnlyList<MajorMatter> MajorMatters => dataset.Records<MajorMatter>();

        /// <summary>All governance documents issued.</summary>
        public IReadOnlyList<GovernanceDocument> GovernanceDocuments => dataset.Records<GovernanceDocument>();

        /// <summary>All pairings (结对联建) of firm organizations.</summary>
        public IReadOnlyList<Pairing> Pairings => dataset.Records<Pairing>();

        /// <summary>All activities held under pairings.</summary>
        public IReadOnlyList<JointActivity> JointActivities => dataset.Records<JointActivity>();

        /// <summary>All commendations of firms and lawyers.</summary>
        public IReadOnlyList<Commendation> Commendations => dataset.Records<Commendation>();

        /// <summary>All donations of money and goods.</summary>
        public IReadOnlyList<Donation> Donations => dataset.Records<Donation>();
    }

    /// <summary>The firm or lawyer a commendation or donation names, checked to be in the dataset.</summary>
    internal static void Donor(RecordCheck check, FirmId? firm, PersonId? person)
    {
        if (firm is { } f)
        {
            check.Firm(f);
        }

        if (person is { } p)
        {
            check.Person(p);
        }
    }
}
