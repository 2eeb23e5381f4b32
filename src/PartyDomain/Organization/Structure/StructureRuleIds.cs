using PartyDomain.Rules;

namespace PartyDomain.Organization.Structure;

/// <summary>The ids of the default structure and coverage rules.</summary>
public static class StructureRuleIds
{
    /// <summary>A firm with enough full members forms a branch of its own.</summary>
    public static RuleId FirmOwnBranch { get; } = new("ORG-FIRM-OWN-BRANCH");

    /// <summary>A firm with members is covered by a party organization.</summary>
    public static RuleId FirmCovered { get; } = new("ORG-FIRM-COVERED");

    /// <summary>A firm without members still has party work: an organization or an instructor.</summary>
    public static RuleId FirmPartyWork { get; } = new("ORG-FIRM-PARTY-WORK");

    /// <summary>A branch with enough full members elects a committee.</summary>
    public static RuleId BranchCommittee { get; } = new("ORG-BRANCH-COMMITTEE");

    /// <summary>A committee has between the minimum and maximum number of members.</summary>
    public static RuleId CommitteeSize { get; } = new("ORG-COMMITTEE-SIZE");

    /// <summary>A branch has at most the maximum number of members.</summary>
    public static RuleId BranchSize { get; } = new("ORG-BRANCH-SIZE");

    /// <summary>A joint branch covers at most the maximum number of firms.</summary>
    public static RuleId JointBranchFirms { get; } = new("ORG-JOINT-BRANCH-FIRMS");

    /// <summary>A committee is re-elected when its term ends.</summary>
    public static RuleId CommitteeTerm { get; } = new("ORG-COMMITTEE-TERM");

    /// <summary>A branch secretary has the minimum party standing.</summary>
    public static RuleId SecretaryStanding { get; } = new("ORG-SECRETARY-STANDING");

    /// <summary>A lawyer's registration follows the lawyer to a new firm.</summary>
    public static RuleId RegistrationFollowsFirm { get; } = new("ORG-REGISTRATION-FOLLOWS-FIRM");
}
