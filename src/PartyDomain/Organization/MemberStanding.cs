using NodaTime;

namespace PartyDomain.Organization;

/// <summary>A person's standing in the party, from application to full membership.</summary>
public enum MemberStanding
{
    /// <summary>Has applied to join (入党申请人).</summary>
    Applicant,

    /// <summary>Designated an activist (入党积极分子).</summary>
    Activist,

    /// <summary>Designated a development candidate (发展对象).</summary>
    DevelopmentCandidate,

    /// <summary>Admitted, on probation (预备党员); attends but does not vote.</summary>
    ProbationaryMember,

    /// <summary>Full member (正式党员); votes.</summary>
    FullMember,

    /// <summary>No longer a member or in the pipeline (left, removed, deceased, or the application ended).</summary>
    Ceased,
}

/// <summary>One change of a person's <see cref="MemberStanding"/>: the standing held from <see cref="Since"/> on.</summary>
/// <param name="Standing">The new standing.</param>
/// <param name="Since">The day it took effect.</param>
public readonly record struct StandingChange(MemberStanding Standing, LocalDate Since);

/// <summary>Facts about <see cref="MemberStanding"/> values.</summary>
public static class MemberStandingExtensions
{
    /// <summary>Whether the standing is party membership (probationary or full).</summary>
    /// <param name="standing">The standing.</param>
    public static bool IsMember(this MemberStanding standing) =>
        standing is MemberStanding.ProbationaryMember or MemberStanding.FullMember;
}
