using PartyDomain.Rules;

namespace PartyDomain.Organization.Structure;

/// <summary>
/// A firm with at least <c>MinFullMembers</c> (3) full members forms a party branch of its own: a branch or general
/// branch covering that firm alone on the date. A joint branch, or a branch covering other firms too, does not satisfy it. Source: 《中国共产党支部工作条例（试行）》第四条; 《律师事务所党组织工作规则（试行）》第六条.
/// </summary>
internal sealed class FirmOwnBranchRule() : StructureRule(
    StructureRuleIds.FirmOwnBranch,
    new("正式党员{MinFullMembers}人以上的律所单独成立党支部", "A firm with {MinFullMembers} or more full members forms its own branch"),
    new(Regulations.BranchWork, "第四条", SourceConfidence.Secondary),
    FindingSeverity.Violation,
    new RuleParameter("MinFullMembers", 3, "members", new("单独组建党支部所需的正式党员人数", "full members from which a firm forms its own branch")))
{
    /// <inheritdoc />
    public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        var min = rule["MinFullMembers"];
        foreach (var firm in context.Firms)
        {
            var members = context.EmployedMembers(firm.Id);
            if (members.Full < min)
            {
                continue;
            }

            var covering = context.CoveringOrganizations(firm.Id);
            // Its own: a branch or general branch covering this firm alone; one that also covers other firms is joint in fact.
            if (covering.Any(o => o.Kind is OrganizationKind.Branch or OrganizationKind.GeneralBranch && context.CoveredFirmCount(o.Id) == 1))
            {
                continue;
            }

            var by = covering.Count == 0 ? new LocalizedText("无党组织覆盖", "no organization covers it")
                : new LocalizedText($"仅由{string.Join("、", covering.Select(o => o.Name))}覆盖", $"covered only by {string.Join(", ", covering.Select(o => o.Name))}");
            findings.Add(Raise(context, rule, Subject(firm),
                new($"单独成立党支部（正式党员达到{min}人）", $"a branch of its own (from {min} full members)"),
                new($"正式党员{members.Full}人，{by.Chinese}", $"{members.Full} full members, {by.English}")) with
            {
                FoundValue = members.Full, Unit = FindingUnits.Members, Records = [.. covering.Select(o => o.Id.Value)],
            });
        }
    }
}

/// <summary>
/// A firm where party members practise is covered by a party organization (组织覆盖): its own branch, a general
/// branch or a joint branch. Source: 《中国共产党支部工作条例（试行）》第五条 (joint branches for units under 3 full members).
/// </summary>
internal sealed class FirmCoveredRule() : StructureRule(
    StructureRuleIds.FirmCovered,
    new("有党员的律所实现党的组织覆盖", "A firm with members is covered by a party organization"),
    new(Regulations.BranchWork, "第五条", SourceConfidence.Secondary),
    FindingSeverity.Violation,
    new RuleParameter("MinMembers", 1, "members", new("需要组织覆盖的党员人数（含预备党员）", "members (probationary included) from which a firm must be covered")))
{
    /// <inheritdoc />
    public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        var min = rule["MinMembers"];
        foreach (var firm in context.Firms)
        {
            var members = context.EmployedMembers(firm.Id);
            if (members.Total >= min && context.CoveringOrganizations(firm.Id).Count == 0)
            {
                findings.Add(Raise(context, rule, Subject(firm),
                    new("由本所党支部、党总支或联合党支部覆盖", "covered by its own branch, a general branch or a joint branch"),
                    new($"有党员{members.Total}人（正式{members.Full}人），无党组织覆盖", $"{members.Total} members ({members.Full} full), no organization covers it")));
            }
        }
    }
}

/// <summary>
/// A firm without party members still has party work (工作覆盖): a covering organization or a party-building
/// instructor (党建指导员). Source: 《律师事务所党组织工作规则（试行）》第六条.
/// </summary>
internal sealed class FirmPartyWorkRule() : StructureRule(
    StructureRuleIds.FirmPartyWork,
    new("无党员律所选派党建指导员，实现党的工作覆盖", "A firm without members has an instructor (party-work coverage)"),
    new(Regulations.LawFirmOrganizations, "第六条", SourceConfidence.Secondary),
    FindingSeverity.Warning)
{
    /// <inheritdoc />
    public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var firm in context.Firms)
        {
            if (context.EmployedMembers(firm.Id).Total == 0 && !context.HasInstructor(firm.Id) && context.CoveringOrganizations(firm.Id).Count == 0)
            {
                findings.Add(Raise(context, rule, Subject(firm),
                    new("选派党建指导员或纳入党组织覆盖", "an assigned instructor or a covering organization"),
                    new("无党员、无党建指导员、无党组织覆盖", "no members, no instructor, no covering organization")));
            }
        }
    }
}
