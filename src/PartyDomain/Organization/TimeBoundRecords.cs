using NodaTime;
using PartyDomain.Time;

namespace PartyDomain.Organization;

/// <summary>
/// The organization that holds a member's registration (组织关系) from <see cref="From"/> to <see cref="To"/>.
/// A transfer (组织关系转接, <c>MembershipTransfer</c>) is one registration ending and the next beginning, so the
/// history is kept.
/// </summary>
public sealed record MembershipRegistration : DatasetRecord, ITimeBound
{
    /// <summary>The member.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The organization holding the registration.</summary>
    public required OrganizationId OrganizationId { get; init; }

    /// <inheritdoc />
    public required LocalDate From { get; init; }

    /// <inheritdoc />
    public LocalDate? To { get; init; }
}

/// <summary>A lawyer's practice at a law firm (执业机构) from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record FirmEmployment : DatasetRecord, ITimeBound
{
    /// <summary>The lawyer.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The firm.</summary>
    public required FirmId FirmId { get; init; }

    /// <inheritdoc />
    public required LocalDate From { get; init; }

    /// <inheritdoc />
    public LocalDate? To { get; init; }
}

/// <summary>Management posts in a law firm.</summary>
public enum FirmPost
{
    /// <summary>Managing director (律所主任, <c>FirmDirector</c>); one at a time.</summary>
    Director,

    /// <summary>Partner (合伙人).</summary>
    Partner,

    /// <summary>Member of the firm's management (管理委员会成员, 副主任 and similar).</summary>
    Management,
}

/// <summary>A firm post held by a person from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record FirmPostHolding : DatasetRecord, ITimeBound
{
    /// <summary>The post holder.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The firm.</summary>
    public required FirmId FirmId { get; init; }

    /// <summary>The post.</summary>
    public required FirmPost Post { get; init; }

    /// <inheritdoc />
    public required LocalDate From { get; init; }

    /// <inheritdoc />
    public LocalDate? To { get; init; }
}

/// <summary>Posts in a party organization.</summary>
public enum PartyPost
{
    /// <summary>Secretary (书记); one at a time.</summary>
    Secretary,

    /// <summary>Deputy secretary (副书记).</summary>
    DeputySecretary,

    /// <summary>Committee member (委员), usually with a portfolio.</summary>
    CommitteeMember,

    /// <summary>Leader of a party group (党小组组长); one at a time.</summary>
    GroupLeader,
}

/// <summary>Facts about <see cref="PartyPost"/> values.</summary>
public static class PartyPostExtensions
{
    /// <summary>Whether the post is a seat on the organization's committee (secretary, deputy or committee member).</summary>
    /// <param name="post">The post.</param>
    public static bool IsCommitteeSeat(this PartyPost post) => post is not PartyPost.GroupLeader;

    /// <summary>
    /// The fewest distinct people holding committee seats (secretary, deputies, committee members) for an organization to
    /// have a committee (支部委员会): 3. Source: 《中国共产党支部工作条例（试行）》第六章 (a committee of 3 to 5 members, the
    /// secretary included).
    /// </summary>
    public const int MinimumCommitteeSeats = 3;

    /// <summary>Whether only one person may hold the post in an organization at a time.</summary>
    /// <param name="post">The post.</param>
    public static bool IsSingleHolder(this PartyPost post) => post is PartyPost.Secretary or PartyPost.GroupLeader;
}

/// <summary>A post in a party organization held by a person from <see cref="From"/> to <see cref="To"/> (任职).</summary>
public sealed record PartyPostHolding : DatasetRecord, ITimeBound
{
    /// <summary>The post holder.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The organization.</summary>
    public required OrganizationId OrganizationId { get; init; }

    /// <summary>The post.</summary>
    public required PartyPost Post { get; init; }

    /// <summary>The committee member's portfolio (分工), for example 组织委员 or 宣传委员.</summary>
    public string? Portfolio { get; init; }

    /// <inheritdoc />
    public required LocalDate From { get; init; }

    /// <inheritdoc />
    public LocalDate? To { get; init; }
}

/// <summary>A law firm covered by a party organization (组织覆盖) from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record FirmCoverage : DatasetRecord, ITimeBound
{
    /// <summary>The covering organization: a general branch, branch or joint branch.</summary>
    public required OrganizationId OrganizationId { get; init; }

    /// <summary>The firm covered.</summary>
    public required FirmId FirmId { get; init; }

    /// <inheritdoc />
    public required LocalDate From { get; init; }

    /// <inheritdoc />
    public LocalDate? To { get; init; }
}

/// <summary>A party-building instructor (党建指导员) assigned to a law firm from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record InstructorAssignment : DatasetRecord, ITimeBound
{
    /// <summary>The instructor.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The firm.</summary>
    public required FirmId FirmId { get; init; }

    /// <inheritdoc />
    public required LocalDate From { get; init; }

    /// <inheritdoc />
    public LocalDate? To { get; init; }
}

/// <summary>The election of an organization's committee (换届选举); its term runs from <see cref="ElectedOn"/>.</summary>
public sealed record CommitteeElection : DatasetRecord
{
    /// <summary>The organization whose committee was elected.</summary>
    public required OrganizationId OrganizationId { get; init; }

    /// <summary>The day of the election.</summary>
    public required LocalDate ElectedOn { get; init; }

    /// <summary>The term in years when it differs from the rule's default (3 years for branches), otherwise <c>null</c>.</summary>
    public int? TermYears { get; init; }
}
