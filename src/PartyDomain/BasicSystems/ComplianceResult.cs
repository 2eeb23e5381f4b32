using NodaTime;
using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Time;

namespace PartyDomain.BasicSystems;

/// <summary>One organization's outcome on one rule in one slot.</summary>
/// <param name="Organization">The organization.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Slot">The slot.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Found">What was counted.</param>
/// <param name="Expected">What was required.</param>
public sealed record SlotResult(PartyOrganization Organization, IBasicSystemRule Rule, CadenceSlot Slot, SlotOutcome Outcome, int Found, int Expected);

/// <summary>The activities of one kind in a compliance evaluation.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Records">The records of that kind.</param>
/// <param name="Meetings">The distinct meetings: records of one organization and day count once.</param>
public sealed record ActivityCount(ActivityKind Kind, int Records, int Meetings);

/// <summary>
/// A missed obligation, explained: the finding (subject, rule, citation, expected and found), the slot, and the
/// records the rule considered.
/// </summary>
/// <param name="Finding">The finding; its subject is the organization.</param>
/// <param name="System">The basic system.</param>
/// <param name="Slot">The slot missed.</param>
/// <param name="RecordsConsidered">The ids of the activity records of the rule's kinds in the slot's window.</param>
public sealed record ComplianceMiss(Finding Finding, BasicSystem System, CadenceSlot Slot, IReadOnlyList<string> RecordsConsidered)
{
    /// <summary>One line naming the organization, rule, slot, expected and found, and the source.</summary>
    /// <param name="language">The language.</param>
    public string Describe(TextLanguage language) => $"[{Slot}] {Finding.Describe(language)}";
}

/// <summary>Something falling due soon that is not met yet.</summary>
/// <param name="Organization">The organization.</param>
/// <param name="RuleId">The rule.</param>
/// <param name="RuleTitle">The rule's title.</param>
/// <param name="Citation">The rule's source.</param>
/// <param name="Slot">The slot.</param>
/// <param name="Due">The last day of the slot.</param>
/// <param name="Expected">What is required.</param>
/// <param name="Found">What is recorded so far.</param>
public sealed record Reminder(PartyOrganization Organization, RuleId RuleId, LocalizedText RuleTitle, Citation Citation, CadenceSlot Slot, LocalDate Due,
    LocalizedText Expected, LocalizedText Found)
{
    /// <summary>One line naming the organization, what is due and by when.</summary>
    /// <param name="language">The language.</param>
    public string Describe(TextLanguage language) => language == TextLanguage.English
        ? $"{Organization.Name}: {RuleTitle.English} [{RuleId}] due {Due:uuuu-MM-dd} — expected {Expected.English}; so far {Found.English}"
        : $"{Organization.Name}：{RuleTitle.Chinese} [{RuleId}] 须于{Due:uuuu-MM-dd}前完成 — 应当{Expected.Chinese}；目前{Found.Chinese}";
}

/// <summary>A compliance rate: slots met out of slots judged and ended (pending and not-applicable slots are left out).</summary>
/// <param name="Key">What is rated: a system code, rule id, organization id or district.</param>
/// <param name="Name">Its name.</param>
/// <param name="Met">Slots met.</param>
/// <param name="Missed">Slots missed.</param>
/// <param name="Pending">Slots pending.</param>
public sealed record ComplianceRate(string Key, LocalizedText Name, int Met, int Missed, int Pending)
{
    /// <summary>Met ÷ (met + missed), or <c>null</c> when nothing was judged.</summary>
    public decimal? Rate => Met + Missed == 0 ? null : (decimal)Met / (Met + Missed);
}

/// <summary>A compliance rate in two periods, for year-over-year comparison.</summary>
/// <param name="Key">What is rated.</param>
/// <param name="Name">Its name.</param>
/// <param name="Current">The rate in the later period, if anything was judged.</param>
/// <param name="Previous">The rate in the earlier period, if anything was judged.</param>
public sealed record RateChange(string Key, LocalizedText Name, decimal? Current, decimal? Previous)
{
    /// <summary>The change in percentage points (0.05 = five points up), or <c>null</c> when either rate is missing.</summary>
    public decimal? Change => Current is { } c && Previous is { } p ? c - p : null;
}

/// <summary>
/// The result of evaluating the basic systems: an outcome for every organization, rule and slot, the member findings,
/// the rule settings used, and roll-ups. Misses and reminders are explained on request.
/// </summary>
public sealed class ComplianceResult
{
    private readonly ComplianceContext _context;

    internal ComplianceResult(ComplianceContext context, IReadOnlyList<RuleOutcomes> evaluations)
    {
        _context = context;
        Evaluations = evaluations;
        Rules = evaluations.Select(e => e.Settings).ToArray();
        MemberFindings = evaluations.SelectMany(e => e.Findings).ToArray();
    }

    /// <summary>The period evaluated.</summary>
    public ReportingPeriod Period => _context.Period;

    /// <summary>Today, as the evaluation saw it.</summary>
    public LocalDate Today => _context.Today;

    /// <summary>The share of a slot an organization had to live for it to be judged.</summary>
    public int PartialSlotMinimumPercent => _context.Options.PartialSlotMinimumPercent;

    /// <summary>Which partial slots were judged (<see cref="ComplianceOptions.PartialSlots"/>).</summary>
    public PartialSlotJudging PartialSlots => _context.Options.PartialSlots;

    /// <summary>What a running slot already met was (<see cref="ComplianceOptions.MetBeforeSlotEnds"/>).</summary>
    public RunningSlotMet MetBeforeSlotEnds => _context.Options.MetBeforeSlotEnds;

    /// <summary>What a slot ending today was (<see cref="ComplianceOptions.SlotEndingToday"/>).</summary>
    public SlotEndingToday SlotEndingToday => _context.Options.SlotEndingToday;

    /// <summary>The organizations evaluated.</summary>
    public IReadOnlyList<PartyOrganization> Organizations => _context.Organizations;

    /// <summary>Every rule with the settings it ran with (the rule set used).</summary>
    public IReadOnlyList<EffectiveRule> Rules { get; }

    /// <summary>The outcomes, one table per rule; a disabled rule's table is all not applicable.</summary>
    internal IReadOnlyList<RuleOutcomes> Evaluations { get; }

    /// <summary>Findings about individual members (six months without organizational life).</summary>
    public IReadOnlyList<Finding> MemberFindings { get; }

    /// <summary>Every outcome other than not applicable, by rule, organization and slot.</summary>
    public IEnumerable<SlotResult> Results()
    {
        foreach (var e in Evaluations)
        {
            for (var o = 0; o < e.OrganizationCount; o++)
            {
                for (var s = 0; s < e.Slots.Count; s++)
                {
                    var outcome = e.Outcome(o, s);
                    if (outcome != SlotOutcome.NotApplicable)
                    {
                        yield return new SlotResult(_context.Organizations[o], e.Rule, e.Slots[s], outcome, e.Found(o, s), e.Expected(o, s));
                    }
                }
            }
        }
    }

    /// <summary>The outcome of <paramref name="organization"/> on <paramref name="rule"/> in every slot, in order.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="rule">The rule.</param>
    /// <exception cref="KeyNotFoundException">The organization was not evaluated, or the rule is not in the rule set.</exception>
    public IReadOnlyList<SlotOutcome> Outcomes(OrganizationId organization, RuleId rule)
    {
        var e = Evaluation(rule);
        var o = Position(organization);
        return Enumerable.Range(0, e.Slots.Count).Select(s => e.Outcome(o, s)).ToArray();
    }

    /// <summary>
    /// The activities of the organizations evaluated in the period, per kind: the records, and the distinct meetings (records of
    /// one organization, kind and day are one meeting, as the rules count them). Ordered by kind code.
    /// </summary>
    public IReadOnlyList<ActivityCount> ActivityCounts()
    {
        var evaluated = new HashSet<OrganizationId>(_context.Organizations.Select(o => o.Id));
        var counts = new Dictionary<ActivityKind, (int Records, HashSet<(OrganizationId, LocalDate)> Meetings)>();
        foreach (var a in _context.Dataset.Activities)
        {
            if (_context.Period.Contains(a.Date) && evaluated.Contains(a.OrganizationId))
            {
                if (!counts.TryGetValue(a.Kind, out var c))
                {
                    c = (0, []);
                }

                c.Meetings.Add((a.OrganizationId, a.Date));
                counts[a.Kind] = (c.Records + 1, c.Meetings);
            }
        }

        return [.. counts.OrderBy(c => c.Key.Code, StringComparer.Ordinal).Select(c => new ActivityCount(c.Key, c.Value.Records, c.Value.Meetings.Count))];
    }

    /// <summary>Every miss, explained, ordered by organization, rule and slot.</summary>
    public IReadOnlyList<ComplianceMiss> Misses() => Explain(SlotOutcome.Missed);

    /// <summary>What falls due within <paramref name="horizonDays"/> days of today and is not met yet.</summary>
    /// <param name="horizonDays">How far ahead to look.</param>
    public IReadOnlyList<Reminder> Reminders(int horizonDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(horizonDays);
        var until = Today.PlusDays(horizonDays);
        var reminders = new List<Reminder>();
        foreach (var e in Evaluations)
        {
            var title = e.Rule.TitleFor(e.Settings);
            for (var o = 0; o < e.OrganizationCount; o++)
            {
                for (var s = 0; s < e.Slots.Count; s++)
                {
                    if (e.Outcome(o, s) == SlotOutcome.Pending && !e.MetSoFar(o, s) && e.Slots[s].Calendar.End <= until)
                    {
                        var (expected, found) = e.Rule.Explain(e.Settings, e.Found(o, s), e.Expected(o, s));
                        reminders.Add(new Reminder(_context.Organizations[o], e.Rule.Id, title, e.Rule.Citation, e.Slots[s], e.Slots[s].Calendar.End, expected, found));
                    }
                }
            }
        }

        return reminders.OrderBy(r => r.Due).ThenBy(r => r.Organization.Id.Value, StringComparer.Ordinal).ThenBy(r => r.RuleId.Value, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Compliance rate per basic system (figure F26 by system).</summary>
    public IReadOnlyList<ComplianceRate> RateBySystem() =>
        Rate(e => [(e.Rule.System.Code, e.Rule.System.Name)], (_, key) => key);

    /// <summary>Compliance rate per rule.</summary>
    public IReadOnlyList<ComplianceRate> RateByRule() =>
        Rate(e => [(e.Rule.Id.Value, e.Rule.TitleFor(e.Settings))], (_, key) => key);

    /// <summary>Compliance rate per organization (figure F26 by branch).</summary>
    public IReadOnlyList<ComplianceRate> RateByOrganization()
    {
        // Tallied by the organization's position: a national city has tens of thousands of organizations times a dozen
        // rules, and keying each pair by the organization's id hashed that id every time.
        var organizations = _context.Organizations;
        var tally = new (int Met, int Missed, int Pending)[organizations.Count];
        foreach (var e in Evaluations)
        {
            var all = e.All;
            var slots = e.Slots.Count;
            for (var o = 0; o < e.OrganizationCount; o++)
            {
                Tally(all.Slice(o * slots, slots), ref tally[o]);
            }
        }

        var rates = new List<ComplianceRate>();
        for (var o = 0; o < organizations.Count; o++)
        {
            var (met, missed, pending) = tally[o];
            if (met + missed + pending > 0)
            {
                rates.Add(new ComplianceRate(organizations[o].Id.Value, new LocalizedText(organizations[o].Name, organizations[o].Name), met, missed, pending));
            }
        }

        // Ids are unique in a dataset, so the order is the same as a stable sort's.
        rates.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return rates;
    }

    /// <summary>
    /// Compliance rate per district: an organization's district is that of the first firm it (or, for a party group, its
    /// branch) covers at the end of the period; organizations covering no firm are rated under 未登记区县.
    /// </summary>
    public IReadOnlyList<ComplianceRate> RateByDistrict()
    {
        var districts = new Dictionary<OrganizationId, string>();
        string DistrictOf(PartyOrganization o)
        {
            if (!districts.TryGetValue(o.Id, out var district))
            {
                var covering = o.Kind == OrganizationKind.PartyGroup && o.ParentId is { } p ? p : o.Id;
                // The firm covered at the end of the period (or on the organization's last day, if it ended sooner).
                var end = o.Dissolved is { } d && d.PlusDays(-1) < Period.End ? d.PlusDays(-1) : Period.End;
                FirmCoverage? firm = null;
                foreach (var c in _context.Dataset.CoverageSpan(covering))
                {
                    if (c.IsActiveOn(end))
                    {
                        firm = c;
                        break;
                    }
                }

                district = firm is not null && _context.Dataset.TryGetFirm(firm.FirmId, out var f) && !string.IsNullOrWhiteSpace(f.District) ? f.District : "未登记区县";
                districts[o.Id] = district;
            }

            return district;
        }

        return Rate(_ => [], (o, _) => (DistrictOf(o), new LocalizedText(DistrictOf(o), DistrictOf(o))));
    }

    /// <summary>
    /// This result's rates by system next to <paramref name="previous"/>'s (normally the year before), for year-over-year
    /// comparison; systems rated in either appear.
    /// </summary>
    /// <param name="previous">The earlier evaluation.</param>
    public IReadOnlyList<RateChange> CompareBySystem(ComplianceResult previous) => Compare(RateBySystem(), previous?.RateBySystem());

    /// <summary>This result's rates by organization next to <paramref name="previous"/>'s.</summary>
    /// <param name="previous">The earlier evaluation.</param>
    public IReadOnlyList<RateChange> CompareByOrganization(ComplianceResult previous) => Compare(RateByOrganization(), previous?.RateByOrganization());

    private static RateChange[] Compare(IReadOnlyList<ComplianceRate> current, IReadOnlyList<ComplianceRate>? previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var before = previous.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var now = current.ToDictionary(r => r.Key, StringComparer.Ordinal);
        return now.Keys.Union(before.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => new RateChange(k, (now.GetValueOrDefault(k) ?? before[k]).Name, now.GetValueOrDefault(k)?.Rate, before.GetValueOrDefault(k)?.Rate))
            .ToArray();
    }

    /// <summary>The overall compliance rate: slots met out of slots judged and ended, over every rule.</summary>
    public ComplianceRate Overall()
    {
        (int Met, int Missed, int Pending) t = default;
        foreach (var e in Evaluations)
        {
            Tally(e.All, ref t);
        }

        return new ComplianceRate("overall", new("六项基本制度总体落实率", "Basic systems, overall"), t.Met, t.Missed, t.Pending);
    }

    /// <summary>Adds the met, missed and pending slots among <paramref name="outcomes"/> to <paramref name="tally"/>.</summary>
    private static void Tally(ReadOnlySpan<SlotOutcome> outcomes, ref (int Met, int Missed, int Pending) tally)
    {
        foreach (var outcome in outcomes)
        {
            tally.Met += outcome == SlotOutcome.Met ? 1 : 0;
            tally.Missed += outcome == SlotOutcome.Missed ? 1 : 0;
            tally.Pending += outcome == SlotOutcome.Pending ? 1 : 0;
        }
    }

    private ComplianceRate[] Rate(
        Func<RuleOutcomes, (string Key, LocalizedText Name)[]> byRule,
        Func<PartyOrganization, (string Key, LocalizedText Name), (string Key, LocalizedText Name)> byOrganization)
    {
        var tally = new Dictionary<string, (LocalizedText Name, int Met, int Missed, int Pending)>(StringComparer.Ordinal);
        foreach (var e in Evaluations)
        {
            var ruleKeys = byRule(e);
            var ruleKey = ruleKeys.Length > 0 ? ruleKeys[0] : default;
            for (var o = 0; o < e.OrganizationCount; o++)
            {
                // Counted over the organization's slots first, then added under its key once: a national city has
                // millions of slots, and a lookup per slot hashed the key that many times.
                (int Met, int Missed, int Pending) counted = default;
                Tally(e.All.Slice(o * e.Slots.Count, e.Slots.Count), ref counted);
                var (met, missed, pending) = counted;
                if (met + missed + pending == 0)
                {
                    continue;
                }

                var (key, name) = byOrganization(_context.Organizations[o], ruleKey);
                var t = tally.TryGetValue(key, out var current) ? current : (Name: name, Met: 0, Missed: 0, Pending: 0);
                tally[key] = (t.Name, t.Met + met, t.Missed + missed, t.Pending + pending);
            }
        }

        return tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new ComplianceRate(t.Key, t.Value.Name, t.Value.Met, t.Value.Missed, t.Value.Pending)).ToArray();
    }

    private List<ComplianceMiss> Explain(SlotOutcome wanted)
    {
        var misses = new List<ComplianceMiss>();

        // A rule's explanation depends on the counts only, and a national city repeats the same few counts hundreds of
        // thousands of times: each rule explains each pair of counts once, and the texts (immutable) are shared.
        var buffer = new List<long>();
        var explained = Evaluations.Select(_ => new Dictionary<(int, int), (LocalizedText Expected, LocalizedText Found)>()).ToArray();
        // Each rule's title with its settings, once: a custom rule's TitleFor may build it on every call.
        var titles = Evaluations.Select(e => e.Rule.TitleFor(e.Settings)).ToArray();
        for (var o = 0; o < _context.Organizations.Count; o++)
        {
            var organization = _context.Organizations[o];
            FindingSubject? subject = null;
            for (var r = 0; r < Evaluations.Count; r++)
            {
                var e = Evaluations[r];
                for (var s = 0; s < e.Slots.Count; s++)
                {
                    if (e.Outcome(o, s) != wanted)
                    {
                        continue;
                    }

                    var window = _context.Window(o, e.Slots[s]);
                    var records = RecordsConsidered(o, e.Rule.Kinds, window, buffer);
                    var counts = (e.Found(o, s), e.Expected(o, s));
                    if (!explained[r].TryGetValue(counts, out var texts))
                    {
                        explained[r][counts] = texts = e.Rule.Explain(e.Settings, counts.Item1, counts.Item2);
                    }

                    subject ??= new FindingSubject(SubjectKind.Organization, organization.Id.Value, organization.Name);
                    var finding = new Finding(e.Rule.Id, titles[r], e.Rule.Citation, e.Settings.Severity, subject, window.To, texts.Expected, texts.Found)
                    {
                        Period = new DateInterval(window.From, window.To),
                        ExpectedValue = counts.Item2,
                        FoundValue = counts.Item1,
                        Unit = e.Rule is CoverageRule ? FindingUnits.Members : FindingUnits.Activities,
                        Records = records,
                    };
                    misses.Add(new ComplianceMiss(finding, e.Rule.System, e.Slots[s], records));
                }
            }
        }

        return misses;
    }

    /// <summary>
    /// The ids of the organization's own activity records of <paramref name="kinds"/> in the window, by day and then in the
    /// dataset's order: read from the index's per-kind blocks (already in that order) rather than scanning its records.
    /// </summary>
    private RecordIds RecordsConsidered(int organization, IReadOnlyList<ActivityKind> kinds, SlotWindow window, List<long> found)
    {
        found.Clear();
        var index = _context.Index;
        var dense = _context.Scope[organization];
        int from = ActivityIndex.Day(window.From), to = ActivityIndex.Day(window.To);
        foreach (var kind in kinds.Distinct())
        {
            if (!index.Kinds.TryGetValue(kind, out var k))
            {
                continue;
            }

            var (start, end) = index.Block(dense, k);
            for (var at = start; at < end && index.ActivityDay[at] <= to; at++)
            {
                if (index.ActivityDay[at] >= from)
                {
                    found.Add(((long)index.ActivityDay[at] << 32) | (uint)index.Order[at]);
                }
            }
        }

        // Several kinds: merged by day, ties in the dataset's order, as one date-ordered list of all the records gives.
        if (kinds.Count > 1)
        {
            found.Sort();
        }

        var positions = new int[found.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = (int)found[i];
        }

        return new RecordIds(index.Records, positions);
    }

    /// <summary>
    /// Activity record ids read from the records when asked for: a national city has hundreds of thousands of misses,
    /// and reading every record they name to copy its id cost more than finding them.
    /// </summary>
    private sealed class RecordIds(ActivityRecord[] records, int[] positions) : IReadOnlyList<string>
    {
        public int Count => positions.Length;

        public string this[int index] => records[positions[index]].Id;

        public IEnumerator<string> GetEnumerator()
        {
            foreach (var position in positions)
            {
                yield return records[position].Id;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private RuleOutcomes Evaluation(RuleId rule) =>
        Evaluations.FirstOrDefault(e => e.Rule.Id == rule) ?? throw new KeyNotFoundException($"Rule '{rule}' is not in this evaluation's rule set.");

    private int Position(OrganizationId organization)
    {
        for (var i = 0; i < _context.Organizations.Count; i++)
        {
            if (_context.Organizations[i].Id == organization)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"Organization '{organization}' was not evaluated.");
    }
}
