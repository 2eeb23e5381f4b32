namespace PartyDomain.BasicSystems;

/// <summary>
/// One of the basic systems of organizational life (基本制度) that rules belong to and compliance rolls up by. The
/// default set is the six of <c>domain.md</c> §2; a city may define its own. Systems compare by <see cref="Code"/>.
/// </summary>
/// <param name="Code">A stable code, for example <c>three-meetings-one-lesson</c>.</param>
/// <param name="Name">The system's name.</param>
public sealed record BasicSystem(string Code, LocalizedText Name)
{
    /// <summary>三会一课: general meetings, committee meetings, group meetings and party lessons.</summary>
    public static BasicSystem ThreeMeetingsOneLesson { get; } = new("three-meetings-one-lesson", new("三会一课", "Three meetings and one lesson"));

    /// <summary>组织生活会.</summary>
    public static BasicSystem OrganizationalLifeMeeting { get; } = new("organizational-life-meeting", new("组织生活会", "Organizational life meeting"));

    /// <summary>民主评议党员.</summary>
    public static BasicSystem DemocraticAppraisal { get; } = new("democratic-appraisal", new("民主评议党员", "Democratic appraisal of members"));

    /// <summary>主题党日.</summary>
    public static BasicSystem ThemePartyDay { get; } = new("theme-party-day", new("主题党日", "Theme party day"));

    /// <summary>谈心谈话.</summary>
    public static BasicSystem HeartToHeartTalk { get; } = new("heart-to-heart-talk", new("谈心谈话", "Heart-to-heart talks"));

    /// <summary>党费收缴 (and the member-level rule on six months without organizational life).</summary>
    public static BasicSystem PartyDues { get; } = new("party-dues", new("党费收缴与组织生活参加情况", "Party dues and taking part in organizational life"));

    /// <inheritdoc />
    public bool Equals(BasicSystem? other) => other is not null && string.Equals(Code, other.Code, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Code);

    /// <summary>The system's Chinese name.</summary>
    public override string ToString() => Name.Chinese;
}
