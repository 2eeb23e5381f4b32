namespace PartyDomain.BasicSystems;

/// <summary>
/// A kind of organizational-life activity: an open vocabulary of string codes with well-known values. A city adds its
/// own kinds (and their names, through <see cref="Extensibility.PartyDomainBuilder.AddActivityKind"/>) without a new
/// library version. Codes compare case-insensitively.
/// </summary>
public readonly struct ActivityKind : IEquatable<ActivityKind>
{
    private readonly string? _code;

    /// <summary>Creates a kind from its code.</summary>
    /// <param name="code">The code, for example <c>general-meeting</c>; not empty.</param>
    public ActivityKind(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        _code = code.Trim().ToLowerInvariant();
    }

    /// <summary>The kind's code.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>支部党员大会: the branch's general meeting of all members.</summary>
    public static ActivityKind GeneralMeeting { get; } = new("general-meeting");

    /// <summary>支委会: the branch committee's meeting.</summary>
    public static ActivityKind CommitteeMeeting { get; } = new("committee-meeting");

    /// <summary>党小组会: a party group's meeting.</summary>
    public static ActivityKind GroupMeeting { get; } = new("group-meeting");

    /// <summary>党课: a party lesson.</summary>
    public static ActivityKind PartyLesson { get; } = new("party-lesson");

    /// <summary>组织生活会: the yearly meeting of criticism and self-criticism.</summary>
    public static ActivityKind OrganizationalLifeMeeting { get; } = new("organizational-life-meeting");

    /// <summary>民主评议党员: the yearly appraisal of members; attendance lists the members appraised.</summary>
    public static ActivityKind DemocraticAppraisal { get; } = new("democratic-appraisal");

    /// <summary>主题党日: the monthly theme party day.</summary>
    public static ActivityKind ThemePartyDay { get; } = new("theme-party-day");

    /// <summary>谈心谈话: a one-to-one talk; attendance lists both people.</summary>
    public static ActivityKind HeartToHeartTalk { get; } = new("heart-to-heart-talk");

    /// <summary>党建调研督导: a leadership research or supervision visit to a firm.</summary>
    public static ActivityKind LeadershipVisit { get; } = new("leadership-visit");

    /// <summary>普法活动: a law-popularization event (the Civil Code campaign included); head count is its participants.</summary>
    public static ActivityKind LawPopularization { get; } = new("law-popularization");

    /// <summary>红色教育: a red-education visit, usually a theme party day at a revolutionary site.</summary>
    public static ActivityKind RedEducation { get; } = new("red-education");

    /// <inheritdoc />
    public bool Equals(ActivityKind other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActivityKind other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>The kind's code.</summary>
    public override string ToString() => Code;

    /// <summary>Compares two kinds.</summary>
    /// <param name="left">The left kind.</param>
    /// <param name="right">The right kind.</param>
    public static bool operator ==(ActivityKind left, ActivityKind right) => left.Equals(right);

    /// <summary>Compares two kinds.</summary>
    /// <param name="left">The left kind.</param>
    /// <param name="right">The right kind.</param>
    public static bool operator !=(ActivityKind left, ActivityKind right) => !left.Equals(right);
}

/// <summary>The display names of activity kinds, built-in and city-defined.</summary>
public sealed class ActivityKindCatalog
{
    private readonly Dictionary<ActivityKind, LocalizedText> _names = [];

    /// <summary>A catalog holding the well-known kinds.</summary>
    public static ActivityKindCatalog CreateDefault()
    {
        var catalog = new ActivityKindCatalog();
        catalog.Add(ActivityKind.GeneralMeeting, new("支部党员大会", "General meeting"));
        catalog.Add(ActivityKind.CommitteeMeeting, new("支委会", "Committee meeting"));
        catalog.Add(ActivityKind.GroupMeeting, new("党小组会", "Group meeting"));
        catalog.Add(ActivityKind.PartyLesson, new("党课", "Party lesson"));
        catalog.Add(ActivityKind.OrganizationalLifeMeeting, new("组织生活会", "Organizational life meeting"));
        catalog.Add(ActivityKind.DemocraticAppraisal, new("民主评议党员", "Democratic appraisal"));
        catalog.Add(ActivityKind.ThemePartyDay, new("主题党日", "Theme party day"));
        catalog.Add(ActivityKind.HeartToHeartTalk, new("谈心谈话", "Heart-to-heart talk"));
        catalog.Add(ActivityKind.LeadershipVisit, new("党建调研督导", "Leadership research or supervision visit"));
        catalog.Add(ActivityKind.LawPopularization, new("普法活动", "Law-popularization event"));
        catalog.Add(ActivityKind.RedEducation, new("红色教育", "Red-education visit"));
        return catalog;
    }

    /// <summary>A copy of the names, for undoing a plugin's failed registration.</summary>
    internal Dictionary<ActivityKind, LocalizedText> Snapshot() => new(_names);

    /// <summary>Puts back the names of a <see cref="Snapshot"/>.</summary>
    internal void RestoreFrom(Dictionary<ActivityKind, LocalizedText> snapshot)
    {
        _names.Clear();
        foreach (var (kind, name) in snapshot)
        {
            _names[kind] = name;
        }
    }

    /// <summary>Every kind with its name.</summary>
    public IReadOnlyDictionary<ActivityKind, LocalizedText> Names => _names;

    /// <summary>Adds or renames a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="name">Its name.</param>
    public void Add(ActivityKind kind, LocalizedText name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _names[kind] = name;
    }

    /// <summary>The name of <paramref name="kind"/>; its code when it has none.</summary>
    /// <param name="kind">The kind.</param>
    public LocalizedText NameOf(ActivityKind kind) => _names.TryGetValue(kind, out var n) ? n : new(kind.Code, kind.Code);
}
