using NodaTime;
using PartyDomain.Rules;

namespace PartyDomain.Organization.Structure;

/// <summary>
/// A branch with at least <c>MinFullMembers</c> (7) full members elects a branch committee (支部委员会).
/// Source: 《中国共产党支部工作条例（试行）》第六章.
/// </summary>
internal sealed class BranchCommitteeRule() : StructureRule(
    StructureRuleIds.BranchCommittee,
    new("正式党员{MinFullMembers}人以上的党支部设立支部委员会", "A branch with {MinFullMembers} or more full members elects a committee"),
    new(Regulations.BranchWork, "第六章", SourceConfidence.Secondary),
    FindingSeverity.Violation,
    new RuleParameter("MinFullMembers", 7, "members", new("应设立支部委员会的正式党员人数", "full members from which a branch elects a committee")))
{
    /// <inheritdoc />
    public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        var min = rule["MinFullMembers"];
        foreach (var o in context.Organizations)
        {
            var members = context.RegisteredMembers(o.Id);
            if (o.Kind.IsBranch() && members.Full >= min && !context.HasCommittee(o.Id))
            {
                findings.Add(Raise(context, rule, Subject(o),
                    new($"设立支部委员会（正式党员达到{min}人）", $"an elected committee (from {min} full members)"),
                    new($"正式党员{members.Full}人，未设支部委员会", $"{members.Full} full members and no committee")) with
                {
                    ExpectedValue = PartyPostExtensions.MinimumCommitteeSeats, FoundValue = context.CommitteeSize(o.Id), Unit = FindingUnits.Members,
                });
            }
        }
    }
}

/// <summary>
/// A committee of a firm organization (general branch, branch, joint branch) has <c>MinSeats</c> (3) to
/// <c>MaxSeats</c> (7) members, secretary and deputies included; the industry committee follows other rules.
/// Source: 《中国共产党支部工作条例（试行）》第六章 (3 to 5, normally no more than 7).
/// </summary>
internal sealed class CommitteeSizeRule() : StructureRule(
    StructureRuleIds.CommitteeSize,
    new("支部委员会由{MinSeats}至{MaxSeats}人组成", "A committee has {MinSeats} to {MaxSeats} members"),
    new(Regulations.BranchWork, "第六章", SourceConfidence.Secondary),
    FindingSeverity.Warning,
    new RuleParameter("MinSeats", 3, "members", new("委员会最少人数", "fewest committee members")),
    new RuleParameter("MaxSeats", 7, "members", new("委员会最多人数", "most committee members")))
{
    /// <inheritdoc />
    public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        int min = rule["MinSeats"], max = rule["MaxSeats"];
        foreach (var o in context.Organizations)
        {
            var size = context.CommitteeSize(o.Id);
            if (o.Kind.CanCoverFirms() && context.HasCommitteeInSomeForm(o.Id) && (size < min || size > max))
            {
                findings.Add(Raise(context, rule, Subject(o),
                    new($"委员会{min}至{max}人", $"{min} to {max} committee members"),
                    new($"委员会{size}人", $"{size} committee members")) with
                {
                    ExpectedValue = size < min ? min : max, FoundValue = size, Unit = FindingUnits.Members,
                });
            }
        }
    }
}

/// <summary>
/// A branch has at most <c>MaxMembers</c> (50) members; larger ones become a general branch.
/// Source: 《中国共产党支部工作条例（试行）》第四条.
/// </summary>
internal sealed class BranchSizeRule() : StructureRule(
    StructureRuleIds.BranchSize,
    new("党支部党员人数一般不超过{MaxMembers}人", "A branch has at most {MaxMembers} members"),
    new(Regulations.BranchWork, "第四条", SourceConfidence.Secondary),
    FindingSeverity.Warning,
    new RuleParameter("MaxMembers", 50, "members", new("党支部党员人数上限（含预备党员）", "most members of a branch, probationary included")))
{
    /// <inheritdoc />
    public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        var max = rule["MaxMembers"];
        foreach (var o in context.Organizations)
        {
            var members = context.RegisteredMembers(o.Id);
            if (o.Kind.IsBranch() && members.Total > max)
            {
                findings.Add(Raise(context, rule, Subject(o),
                    new($"党员不超过{max}人，超过时设党总支", $"at most {max} members, a general branch above that"),
                    new($"党员{members.Total}人", $"{members.Total} members")) with
                {
                    ExpectedValue = max, FoundValue = members.Total, Unit = FindingUnits.Members,
                });
            }
        }
    }
}

/// <summary>
/// A joint branch covers at most <c>MaxFirms</c> (5) firms. Source: 《中国共产党支部工作条例（试行）》第五条.
/// </summary>
internal sealed class JointBranchFirmsRule() : StructureRule(
    StructureRuleIds.JointBranchFirms,
    new("联合党支部覆盖单位一般不超过{MaxFirms}个", "A joint branch covers at most {MaxFirms} firms"),
    new(Regulations.BranchWork, "第五条", SourceConfidence.Secondary),
    FindingSeverity.Warning,
    new RuleParameter("MaxFirms", 5, "firms", new("联合党支部覆盖律所数上限", "most firms a joint branch covers")))
{
    /// <inheritdoc />
    public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        var max = rule["MaxFirms"];
        foreach (var o in context.Organizations)
        {
            var firms = context.CoveredFirmCount(o.Id);
            if (o.Kind == OrganizationKind.JointBranch && firms > max)
            {
                findings.Add(Raise(context, rule, Subject(o),
                    new($"覆盖律所不超过{max}家", $"at most {max} firms"),
                    new($"覆盖律所{firms}家", $"{firms} firms covered")) with
                {
                    ExpectedValue = max, FoundValue = firms, Unit = FindingUnits.Firms,
                });
            }
        }
    }
}

/// <summary>
/// A committee's term is <c>TermYears</c> (3) years from its election, unless the election record says otherwise.
/// From <c>NoticeMonths</c> (6) months before the term ends the higher level is reminded; after it ends without a new
/// election the term is overdue. A committee with no election on record is reported too, since its term cannot be
/// checked. Source: 《中国共产党支部工作条例（试行）》第六章; 《中国共产党基层组织选举工作条例》.
/// </summary>
internal sealed class CommitteeTermRule() : StructureRule(
    StructureRuleIds.CommitteeTerm,
    new("支部委员会每届任期{TermYears}年，到期按时换届", "A committee is re-elected when its {TermYears}-year term ends"),
    new(Regulations.BranchWork, "第六章", SourceConfidence.Secondary),
    FindingSeverity.Violation,
    new RuleParameter("TermYears", 3, "years", new("每届任期年数（选举记录未注明时）", "term in years, unless the election record says otherwise")),
    new RuleParameter("NoticeMonths", 6, "months", new("任期届满前提醒的月数", "months before the term ends from which to remind")))
{
    /// <inheritdoc />
    public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        int defaultTerm = rule["TermYears"], notice = rule["NoticeMonths"];
        var asOf = context.AsOf;
        foreach (var o in context.Organizations)
        {
            if (!o.Kind.CanCoverFirms())
            {
                continue;
            }

            var last = LastOnOrBefore(context.Dataset.ElectionSpan(o.Id), asOf);
            if (last is null)
            {
                if (context.HasCommitteeInSomeForm(o.Id))
                {
                    findings.Add(Raise(context, rule, Subject(o),
                        new("有换届选举记录，以便核对任期", "an election on record, so the term can be checked"),
                        new("设有委员会但无选举记录", "a committee and no election on record"), FindingSeverity.Warning));
                }

                continue;
            }

            var ends = last.ElectedOn.PlusYears(last.TermYears ?? defaultTerm);
            if (asOf > ends)
            {
                findings.Add(Raise(context, rule, Subject(o),
                    new($"于{ends:uuuu-MM-dd}任期届满时换届", $"re-election when the term ended on {ends:uuuu-MM-dd}"),
                    new($"{last.ElectedOn:uuuu-MM-dd}选举产生，已超期{Period.Between(ends, asOf, PeriodUnits.Days).Days}天未换届",
                        $"elected {last.ElectedOn:uuuu-MM-dd}, {Period.Between(ends, asOf, PeriodUnits.Days).Days} days overdue")) with
                {
                    ExpectedDate = ends, FoundDate = last.ElectedOn,
                });
            }
            else if (asOf >= ends.PlusMonths(-notice))
            {
                findings.Add(Raise(context, rule, Subject(o),
                    new($"在任期届满（{ends:uuuu-MM-dd}）前做好换届准备", $"prepare the election before the term ends ({ends:uuuu-MM-dd})"),
                    new($"{last.ElectedOn:uuuu-MM-dd}选举产生，{Period.Between(asOf, ends, PeriodUnits.Days).Days}天后任期届满",
                        $"elected {last.ElectedOn:uuuu-MM-dd}, the term ends in {Period.Between(asOf, ends, PeriodUnits.Days).Days} days"), FindingSeverity.Reminder) with
                {
                    ExpectedDate = ends, FoundDate = last.ElectedOn,
                });
            }
        }
    }

    private static CommitteeElection? LastOnOrBefore(ReadOnlySpan<CommitteeElection> elections, LocalDate date)
    {
        for (var i = elections.Length - 1; i >= 0; i--)
        {
            if (elections[i].ElectedOn <= date)
            {
                return elections[i];
            }
        }

        return null;
    }
}

/// <summary>
/// A secretary of a firm organization has at least <c>MinYears</c> (1) year of party standing (党龄, counted from
/// becoming a full member). Source: 《中国共产党支部工作条例（试行）》第六章.
/// </summary>
internal sealed class SecretaryStandingRule() : StructureRule(
    StructureRuleIds.SecretaryStanding,
    new("党支部书记一般应具有{MinYears}年以上党龄", "A branch secretary has at least {MinYears} year(s) of party standing"),
    new(Regulations.BranchWork, "第六章", SourceConfidence.Secondary),
    FindingSeverity.Warning,
    new RuleParameter("MinYears", 1, "years", new("书记最低党龄（年，自转正之日起算）", "fewest years of standing, from becoming a full member")))
{
    /// <inheritdoc />
    public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        var years = rule["MinYears"];
        foreach (var o in context.Organizations)
        {
            if (!o.Kind.CanCoverFirms() || context.Secretary(o.Id) is not { } post)
            {
                continue;
            }

            var person = context.Dataset.GetPerson(post.PersonId);
            var since = person.FullMemberSince(context.AsOf);
            // Counted as anniversaries from the day of becoming a full member (29 February counts to 28 February).
            if (since is not { } start || start.PlusYears(years) > context.AsOf)
            {
                findings.Add(Raise(context, rule, Subject(o),
                    new($"书记党龄不少于{years}年", $"a secretary with at least {years} year(s) of standing"),
                    since is { } s
                        ? new($"书记{person.Name}于{s:uuuu-MM-dd}转为正式党员", $"secretary {person.Name} became a full member on {s:uuuu-MM-dd}")
                        : new($"书记{person.Name}不是正式党员", $"secretary {person.Name} is not a full member")) with
                {
                    ExpectedDate = context.AsOf.PlusYears(-years), FoundDate = since, Records = [post.PersonId.Value],
                });
            }
        }
    }
}
