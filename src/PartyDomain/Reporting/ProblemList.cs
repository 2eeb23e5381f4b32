using System.Globalization;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.Reporting;

/// <summary>One line of the problem list: one finding, for a missed obligation one period slot.</summary>
/// <param name="Branch">The branch (or other organization) that answers for it; 未归属党组织 when none does.</param>
/// <param name="Area">The area's name (组织设置与覆盖, 基本制度落实, …).</param>
/// <param name="Slot">The period: <c>2025年3月</c>, <c>2025年第二季度</c>, or the day it holds for.</param>
/// <param name="Subject">Who or what it is about, by name.</param>
/// <param name="Problem">The rule's title.</param>
/// <param name="Expected">What is expected.</param>
/// <param name="Found">What the data shows.</param>
/// <param name="Citation">The regulation and article.</param>
/// <param name="Secretary">The branch's secretary on the day, or 未配备 when it has none on record.</param>
/// <param name="Severity">How serious it is.</param>
public sealed record ProblemLine(string Branch, string Area, string Slot, string Subject, string Problem, string Expected, string Found, string Citation, string Secretary,
    FindingSeverity Severity);

/// <summary>
/// The problem list (问题清单) that goes with the annual summary: every finding as a line a branch can act on, grouped by
/// branch and then by area, each missed slot on a line of its own with the slot named, so that one branch's two missed
/// committee months are two lines. Rendered by the Word package as a .docx and an .xlsx.
/// </summary>
/// <param name="Title">The title.</param>
/// <param name="Year">The year.</param>
/// <param name="AsOf">The day the list holds for.</param>
/// <param name="Language">The language of the text.</param>
/// <param name="Lines">The lines, by branch, area, problem and slot.</param>
public sealed record ProblemList(string Title, int Year, LocalDate AsOf, TextLanguage Language, IReadOnlyList<ProblemLine> Lines)
{
    /// <summary>A list with no line.</summary>
    public static ProblemList Empty { get; } = new(string.Empty, 0, default, TextLanguage.Chinese, []);

    /// <summary>Each branch's count of lines, in the list's order.</summary>
    public IReadOnlyList<(string Branch, int Count)> CountByBranch()
    {
        var result = new List<(string, int)>();
        for (var i = 0; i < Lines.Count;)
        {
            var j = i;
            while (j < Lines.Count && Lines[j].Branch == Lines[i].Branch)
            {
                j++;
            }

            result.Add((Lines[i].Branch, j - i));
            i = j;
        }

        return result;
    }

    /// <summary>Builds the list: each finding is put with the organization that answers for it and that organization's secretary.</summary>
    internal static ProblemList Build(CityDataset dataset, IReadOnlyList<ReportFinding> findings, int year, LocalDate asOf, TextLanguage language, string title)
    {
        var english = language == TextLanguage.English;
        var unassigned = english ? "(no organization)" : "未归属党组织";
        var none = english ? "none on record" : "未配备";
        var secretaries = new Dictionary<OrganizationId, string>();
        var citations = new Dictionary<Citation, string>();
        var areas = new Dictionary<string, (int Order, string Name)>(StringComparer.Ordinal);
        var slots = new Dictionary<(LocalDate, int), string>();
        var rows = new List<(string Branch, int Area, string Rule, LocalDate Sort, ProblemLine Line)>(findings.Count);
        string? lastPerson = null;
        IReadOnlyList<MembershipRegistration> registrations = [];
        PartyOrganization? lastOwner = null;
        foreach (var item in findings)
        {
            var finding = item.Finding;
            // A person's findings mostly follow one another (a member's twelve months of dues): the last person's
            // registrations are kept, and the last organization found.
            PartyOrganization? organization;
            if (finding.Subject.Kind == SubjectKind.Person)
            {
                if (!ReferenceEquals(finding.Subject.Id, lastPerson))
                {
                    (lastPerson, registrations) = (finding.Subject.Id, dataset.RegistrationHistoryOf(new PersonId(finding.Subject.Id)));
                }

                MembershipRegistration? registration = null;
                for (var r = 0; r < registrations.Count && registration is null; r++)
                {
                    registration = registrations[r].IsActiveOn(finding.AsOf) ? registrations[r] : null;
                }

                organization = registration is null ? null
                    : lastOwner?.Id == registration.OrganizationId ? lastOwner
                    : dataset.TryGetOrganization(registration.OrganizationId, out var ro) ? ro : null;
            }
            else
            {
                organization = Owner(dataset, finding);
            }

            lastOwner = organization ?? lastOwner;
            string branch = unassigned, secretary = none;
            if (organization is { } o)
            {
                branch = o.Name;
                if (!secretaries.TryGetValue(o.Id, out secretary!))
                {
                    secretaries[o.Id] = secretary = dataset.SecretaryNameOf(o.Id, asOf) ?? none;
                }
            }

            if (!areas.TryGetValue(item.Area, out var area))
            {
                areas[item.Area] = area = (areas.Count, BuiltInReportSections.AreaName(item.Area).In(language));
            }

            if (!citations.TryGetValue(finding.Citation, out var citation))
            {
                citations[finding.Citation] = citation = finding.Citation.ToString();
            }

            var (slot, sort) = Slot(item, language, slots);
            rows.Add((branch, area.Order, finding.RuleTitle.In(language), sort, new ProblemLine(branch, area.Name, slot, finding.Subject.Name, finding.RuleTitle.In(language),
                finding.Expected.In(language), finding.Found.In(language), citation, secretary, finding.Severity)));
        }

        // One sort, n log n; the unassigned go last. Branches and rules are ranked once, so the half a million lines of a
        // national city are compared by number, not by name.
        var branchRank = new RankOf(Ranks(rows.Select(r => r.Branch), unassigned));
        var ruleRank = new RankOf(Ranks(rows.Select(r => r.Rule), null));
        var keyed = rows.ConvertAll(r => (Branch: branchRank[r.Branch], r.Area, Rule: ruleRank[r.Rule], r.Sort, r.Line));
        keyed.Sort((x, y) =>
        {
            var c = x.Branch.CompareTo(y.Branch);
            c = c != 0 ? c : x.Area.CompareTo(y.Area);
            c = c != 0 ? c : x.Rule.CompareTo(y.Rule);
            c = c != 0 ? c : x.Sort.CompareTo(y.Sort);
            return c != 0 ? c : string.CompareOrdinal(x.Line.Subject, y.Line.Subject);
        });
        return new ProblemList(title, year, asOf, language, keyed.ConvertAll(r => r.Line));
    }

    /// <summary>Each distinct name's place in ordinal order, <paramref name="last"/> after all others.</summary>
    private static Dictionary<string, int> Ranks(IEnumerable<string> names, string? last)
    {
        // Neighbouring lines mostly carry the same name instance (a member's months, a branch's slots): a name that is the
        // previous one is not hashed again.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var name in names)
        {
            if (!ReferenceEquals(name, previous))
            {
                seen.Add(previous = name);
            }
        }

        var distinct = seen.Order(StringComparer.Ordinal).ToList();
        if (last is not null && distinct.Remove(last))
        {
            distinct.Add(last);
        }

        var ranks = new Dictionary<string, int>(distinct.Count, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++)
        {
            ranks[distinct[i]] = i;
        }

        return ranks;
    }

    /// <summary>A name's rank, the previous name's looked up by reference first (see <see cref="Ranks"/>).</summary>
    private sealed class RankOf(Dictionary<string, int> ranks)
    {
        private string? _previous;
        private int _rank;

        public int this[string name]
        {
            get
            {
                if (!ReferenceEquals(name, _previous))
                {
                    (_previous, _rank) = (name, ranks[name]);
                }

                return _rank;
            }
        }
    }

    /// <summary>The organization that answers for a finding: the organization itself, a person's registration, a firm's covering branch.</summary>
    private static PartyOrganization? Owner(CityDataset dataset, Finding finding)
    {
        switch (finding.Subject.Kind)
        {
            case SubjectKind.Organization:
                return dataset.TryGetOrganization(new OrganizationId(finding.Subject.Id), out var o) ? o : null;
            case SubjectKind.Person:
                return dataset.RegistrationOf(new PersonId(finding.Subject.Id), finding.AsOf) is { } r && dataset.TryGetOrganization(r.OrganizationId, out var ro) ? ro : null;
            case SubjectKind.Firm:
                var covering = dataset.OrganizationsCovering(new FirmId(finding.Subject.Id), finding.AsOf);
                return covering.FirstOrDefault(c => c.Kind.IsBranch()) ?? (covering.Count > 0 ? covering[0] : null);
            default:
                return dataset.Organizations.FirstOrDefault(c => c.Kind == OrganizationKind.IndustryCommittee);
        }
    }

    /// <summary>The slot's name and a date to sort by: a missed slot's month or quarter, a dues finding's month, otherwise the day.</summary>
    /// <remarks>Half a million lines name a few hundred slots: each slot's text is made once, in <paramref name="texts"/>.</remarks>
    private static (string Text, LocalDate Sort) Slot(ReportFinding item, TextLanguage language, Dictionary<(LocalDate, int), string> texts)
    {
        var english = language == TextLanguage.English;
        if (item.Slot is { } slot)
        {
            var start = slot.Calendar.Start;
            var months = slot.Cadence.Months;
            if (!texts.TryGetValue((start, months), out var text))
            {
                texts[(start, months)] = text = months switch
                {
                    1 => english ? $"{start:uuuu-MM}" : $"{start.Year}年{start.Month}月",
                    3 => english ? $"{start.Year} Q{((start.Month - 1) / 3) + 1}" : $"{start.Year}年第{Quarter((start.Month - 1) / 3)}季度",
                    6 => english ? $"{start.Year} H{((start.Month - 1) / 6) + 1}" : $"{start.Year}年{(start.Month <= 6 ? "上" : "下")}半年",
                    _ => english ? $"{start.Year}" : $"{start.Year}年度",
                };
            }

            return (text, start);
        }

        var day = item.Finding.AsOf;
        var month = item.Area == "dues" && item.Finding.RuleId.Value == "DUES-ARREARS";
        if (!texts.TryGetValue((day, month ? -1 : 0), out var dayText))
        {
            texts[(day, month ? -1 : 0)] = dayText = month
                ? english ? $"{day:uuuu-MM}" : $"{day.Year}年{day.Month}月"
                : english ? day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : $"截至{day.Year}年{day.Month}月{day.Day}日";
        }

        return (dayText, day);
    }

    private static string Quarter(int index) => index switch { 0 => "一", 1 => "二", 2 => "三", _ => "四" };
}
