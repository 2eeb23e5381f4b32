namespace PartyDomain.Organization;

/// <summary>The kinds of party organization in a city's lawyer industry.</summary>
public enum OrganizationKind
{
    /// <summary>The city's lawyer-industry party committee (律师行业党委), the root of the tree.</summary>
    IndustryCommittee,

    /// <summary>A general branch (党总支), between the committee and the branches of a large firm.</summary>
    GeneralBranch,

    /// <summary>A branch (党支部) of one law firm.</summary>
    Branch,

    /// <summary>A joint branch (联合党支部) covering several small firms.</summary>
    JointBranch,

    /// <summary>A party group (党小组) inside a branch.</summary>
    PartyGroup,
}

/// <summary>Facts about <see cref="OrganizationKind"/> values.</summary>
public static class OrganizationKindExtensions
{
    /// <summary>Whether the kind is a branch that members belong to directly: <see cref="OrganizationKind.Branch"/> or <see cref="OrganizationKind.JointBranch"/>.</summary>
    /// <param name="kind">The kind.</param>
    public static bool IsBranch(this OrganizationKind kind) => kind is OrganizationKind.Branch or OrganizationKind.JointBranch;

    /// <summary>Whether an organization of this kind may cover law firms (firm organizations: general branches and branches).</summary>
    /// <param name="kind">The kind.</param>
    public static bool CanCoverFirms(this OrganizationKind kind) =>
        kind is OrganizationKind.GeneralBranch or OrganizationKind.Branch or OrganizationKind.JointBranch;

    /// <summary>Whether an organization of kind <paramref name="child"/> may sit directly under one of kind <paramref name="parent"/>.</summary>
    /// <param name="parent">The parent's kind.</param>
    /// <param name="child">The child's kind.</param>
    public static bool CanContain(this OrganizationKind parent, OrganizationKind child) => (parent, child) switch
    {
        (OrganizationKind.IndustryCommittee, OrganizationKind.GeneralBranch or OrganizationKind.Branch or OrganizationKind.JointBranch) => true,
        (OrganizationKind.GeneralBranch, OrganizationKind.Branch or OrganizationKind.JointBranch) => true,
        (OrganizationKind.Branch or OrganizationKind.JointBranch, OrganizationKind.PartyGroup) => true,
        _ => false,
    };
}
