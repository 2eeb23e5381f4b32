using System.Globalization;
using NodaTime;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Data;

/// <summary>
/// Checks a builder's records against each other and collects every problem, never stopping at the first. A record's
/// key text is made only when a problem is reported, so validating a million clean records formats nothing.
/// </summary>
internal sealed class DatasetValidator(CityDatasetBuilder.Records records, DatasetIndexes indexes, LocalDate today)
{
    private readonly List<DatasetProblem> _problems = [];
    private long _checked;
    private long _total;

    /// <summary>Told after each group of checks how many records were checked of all (the overlaps counting their records again).</summary>
    public IProgress<WorkProgress>? Progress { get; init; }

    public IReadOnlyList<DatasetProblem> Run()
    {
        if (Progress is not null)
        {
            var timeBound = (long)records.Registrations.Count + records.Employments.Count + records.FirmPosts.Count + records.PartyPosts.Count + records.Coverages.Count;
            _total = records.Organizations.Count + records.Firms.Count + records.People.Count + (2 * timeBound) + records.Instructors.Count + records.Elections.Count
                + records.Kinds.Values.Sum(l => (long)l.Count);
        }

        CheckOrganizations();
        CheckFirms();
        CheckPeople();
        Checked(records.Organizations.Count + records.Firms.Count + records.People.Count);

        // Every check runs on every record, so one problem never hides another in the same record. Whether a person-keyed
        // record's person exists was learnt when it was grouped: when every key was a known person, no record is looked up again.
        var unknownRegistrants = indexes.RegistrationsByPerson.KeysOutsideNumbering > 0;
        foreach (var r in records.Registrations)
        {
            CheckTimeBound(r);
            if (unknownRegistrants)
            {
                CheckPerson(r.PersonId, r);
            }

            if (CheckOrganization(r.OrganizationId, r, out var o) && o.Kind == OrganizationKind.PartyGroup)
            {
                Report("invalid-kind", r, nameof(r.OrganizationId), r.OrganizationId.Value,
                    "党小组不能接收组织关系，组织关系应在支部", "a party group cannot hold a registration; registrations are held by branches");
            }
        }

        var unknownLawyers = indexes.EmploymentsByPerson.KeysOutsideNumbering > 0;
        foreach (var e in records.Employments)
        {
            CheckTimeBound(e);
            if (unknownLawyers)
            {
                CheckPerson(e.PersonId, e);
            }

            CheckFirm(e.FirmId, e);
        }

        foreach (var p in records.FirmPosts)
        {
            CheckTimeBound(p);
            CheckPerson(p.PersonId, p);
            CheckFirm(p.FirmId, p);
        }

        foreach (var p in records.PartyPosts)
        {
            CheckTimeBound(p);
            CheckPerson(p.PersonId, p);
            if (CheckOrganization(p.OrganizationId, p, out var o) && (o.Kind == OrganizationKind.PartyGroup) != (p.Post == PartyPost.GroupLeader))
            {
                Report("invalid-kind", p, nameof(p.Post), Code(p.Post),
                    $"{Kind(o.Kind).Chinese}不设该职务（党小组只设组长，组长只在党小组）",
                    $"a {Kind(o.Kind).English} has no such post (a party group has a leader only, and only a party group has one)");
            }
        }

        foreach (var c in records.Coverages)
        {
            CheckTimeBound(c);
            CheckFirm(c.FirmId, c);
            if (CheckOrganization(c.OrganizationId, c, out var o) && !o.Kind.CanCoverFirms())
            {
                Report("invalid-kind", c, nameof(c.OrganizationId), c.OrganizationId.Value,
                    $"{Kind(o.Kind).Chinese}不能覆盖律所，只有党总支、党支部和联合党支部可以", $"a {Kind(o.Kind).English} cannot cover firms; only general branches, branches and joint branches can");
            }
        }

        foreach (var i in records.Instructors)
        {
            CheckTimeBound(i);
            CheckPerson(i.PersonId, i);
            CheckFirm(i.FirmId, i);
        }

        foreach (var e in records.Elections)
        {
            NotFuture(e.ElectedOn, e, nameof(e.ElectedOn));
            if (e.TermYears is <= 0)
            {
                Report("invalid-value", e, nameof(e.TermYears), e.TermYears.Value.ToString(CultureInfo.InvariantCulture),
                    "任期年数必须为正数", "the term must be a positive number of years");
            }

            if (!indexes.Organizations.TryGetValue(e.OrganizationId, out var o))
            {
                Unknown(e, nameof(e.OrganizationId), e.OrganizationId.Value, "党组织", "organization");
            }
            else if (!o.ExistsOn(e.ElectedOn))
            {
                Report("outside-lifetime", e, nameof(e.ElectedOn), Day(e.ElectedOn),
                    $"选举日期不在组织 {o.Id} 的存续期 {Life(o)} 内", $"the election falls outside the life of organization {o.Id} ({Life(o)})");
            }
        }

        Checked(records.Registrations.Count + records.Employments.Count + records.FirmPosts.Count + records.PartyPosts.Count + records.Coverages.Count
            + records.Instructors.Count + records.Elections.Count);
        CheckCatalogs();
        CheckDeclaredKinds();

        // Overlaps are checked within each group of the dataset's own indexes, which are sorted by start date.
        CheckOverlaps(indexes.RegistrationsByPerson, static (_, _) => true,
            "同一党员同时在两个组织登记组织关系", "the member is registered in two places at once");
        CheckOverlaps(indexes.EmploymentsByPerson, static (_, _) => true,
            "同一律师同时在两家律所执业（《律师法》第十条）", "the lawyer practises at two firms at once (Lawyers Law Art. 10)");
        CheckOverlaps(indexes.FirmPostsByFirm, static (a, b) => a.Post == FirmPost.Director && b.Post == FirmPost.Director,
            "同一律所同时有两名主任", "the firm has two directors at once");
        CheckOverlaps(indexes.FirmPostsByFirm, static (a, b) => a.Post != FirmPost.Director && a.Post == b.Post && a.PersonId == b.PersonId,
            "同一职务重复登记", "the same post is recorded twice for the same days");
        CheckOverlaps(indexes.PartyPostsByOrganization, static (a, b) => a.Post.IsSingleHolder() && a.Post == b.Post,
            "同一职务同时由两人担任", "the post is held by two people at once");
        CheckOverlaps(indexes.PartyPostsByOrganization, static (a, b) => !a.Post.IsSingleHolder() && a.Post == b.Post && a.PersonId == b.PersonId,
            "同一职务重复登记", "the same post is recorded twice for the same days");
        CheckOverlaps(indexes.CoverageByOrganization, static (a, b) => a.FirmId == b.FirmId,
            "同一覆盖关系重复登记", "the same coverage is recorded twice for the same days");
        Checked(records.Registrations.Count + records.Employments.Count + records.FirmPosts.Count + records.PartyPosts.Count + records.Coverages.Count);
        return _problems;
    }

    private void Checked(long count)
    {
        _checked += count;
        Progress.Report(_checked, _total);
    }

    private void CheckOrganizations()
    {
        var seen = new HashSet<OrganizationId>();
        foreach (var o in records.Organizations)
        {
            if (!seen.Add(o.Id))
            {
                Duplicate(o, nameof(o.Id), o.Id.Value);
            }

            Required(o.Name, o, nameof(o.Name));
            NotFuture(o.Established, o, nameof(o.Established));
            if (o.Dissolved is { } d)
            {
                NotFuture(d, o, nameof(o.Dissolved));
                if (d <= o.Established)
                {
                    Report("end-before-start", o, nameof(o.Dissolved), Day(d),
                        $"撤销日期不晚于成立日期 {Day(o.Established)}", $"dissolved on or before it was established ({Day(o.Established)})");
                }
            }
        }

        foreach (var o in indexes.Organizations.Values)
        {
            if (o.ParentId is not { } parentId)
            {
                if (o.Kind != OrganizationKind.IndustryCommittee)
                {
                    Report("missing-value", o, nameof(o.ParentId), null, $"{Kind(o.Kind).Chinese}必须有上级组织", $"a {Kind(o.Kind).English} must have a parent organization");
                }
                else if (o.FormerParents.Count > 0)
                {
                    Report("invalid-parent", o, nameof(o.FormerParents), o.FormerParents[0].ParentId.Value, "行业党委没有上级组织沿革", "the industry committee has no former parents");
                }

                continue;
            }

            // Each parent over its span: the former parents in turn, then the current one from the last re-affiliation on.
            var from = o.Established;
            var ordered = true;
            foreach (var former in o.FormerParents)
            {
                if (former.Until <= from || (o.Dissolved is { } gone && former.Until >= gone))
                {
                    Report("invalid-value", o, nameof(o.FormerParents), Day(former.Until),
                        "改隶日期须晚于成立日期和上一次改隶、早于撤销日期，并按时间先后排列",
                        "re-affiliation days must be after the founding and the previous re-affiliation, before the dissolution, in order");
                    ordered = false;
                    break;
                }

                CheckParent(o, former.ParentId, nameof(o.FormerParents), from, former.Until.PlusDays(-1));
                from = former.Until;
            }

            if (ordered)
            {
                CheckParent(o, parentId, nameof(o.ParentId), from, o.Dissolved?.PlusDays(-1));
            }
        }

        // A chain that climbs more steps than there are organizations has come back on itself: checked for today's parents
        // and as of every re-affiliation day.
        var days = indexes.Organizations.Values.SelectMany(o => o.FormerParents.Select(f => (LocalDate?)f.Until)).Distinct().Prepend(null).ToArray();
        foreach (var o in indexes.Organizations.Values)
        {
            foreach (var day in days)
            {
                if (Cycles(o, day))
                {
                    Report("cycle", o, nameof(o.ParentId), o.ParentId?.Value, "上级组织关系形成循环", "the parent chain forms a cycle");
                    break;
                }
            }
        }
    }

    private bool Cycles(PartyOrganization o, LocalDate? day)
    {
        var current = o;
        for (var steps = 0; (day is { } d ? current.ParentOn(d) : current.ParentId) is { } p && indexes.Organizations.TryGetValue(p, out var next); steps++)
        {
            if (next.Id == o.Id || steps > indexes.Organizations.Count)
            {
                return true;
            }

            current = next;
        }

        return false;
    }

    /// <summary>The parent of <paramref name="o"/> from <paramref name="from"/> to <paramref name="to"/> exists, may hold it, and lives throughout.</summary>
    private void CheckParent(PartyOrganization o, OrganizationId parentId, string field, LocalDate from, LocalDate? to)
    {
        if (!indexes.Organizations.TryGetValue(parentId, out var parent))
        {
            Unknown(o, field, parentId.Value, "上级组织", "parent organization");
            return;
        }

        if (!parent.Kind.CanContain(o.Kind))
        {
            Report("invalid-parent", o, field, parentId.Value, $"{Kind(parent.Kind).Chinese}下不能设{Kind(o.Kind).Chinese}", $"a {Kind(o.Kind).English} cannot sit under a {Kind(parent.Kind).English}");
        }

        var last = parent.Dissolved?.PlusDays(-1);
        if (from < parent.Established || (last is { } pl && (to is not { } l || l > pl)))
        {
            Report("outside-lifetime", o, field == nameof(o.ParentId) && o.FormerParents.Count == 0 ? nameof(o.Established) : field, Day(from),
                $"{Span(from, to)}的存续期超出上级组织 {parent.Id} 的存续期 {Life(parent)}",
                $"its life ({Span(from, to)}) extends outside that of its parent {parent.Id} ({Life(parent)})");
        }
    }

    private void CheckFirms()
    {
        var seen = new HashSet<FirmId>();
        var codes = new Dictionary<string, FirmId>(StringComparer.Ordinal);
        foreach (var f in records.Firms)
        {
            if (!seen.Add(f.Id))
            {
                Duplicate(f, nameof(f.Id), f.Id.Value);
            }

            Required(f.Name, f, nameof(f.Name));
            if (f.CreditCode is { } code)
            {
                if (!UnifiedSocialCreditCode.IsValid(code))
                {
                    Report("invalid-format", f, nameof(f.CreditCode), code,
                        "统一社会信用代码格式或校验位不符合 GB 32100-2015", "not a valid unified social credit code (GB 32100-2015 format or check character)");
                }
                else if (!codes.TryAdd(code, f.Id) && codes[code] != f.Id)
                {
                    Report("duplicate-value", f, nameof(f.CreditCode), code, $"与律所 {codes[code]} 的统一社会信用代码相同", $"the same credit code as firm {codes[code]}");
                }
            }

            if (f.Founded is { } founded)
            {
                NotFuture(founded, f, nameof(f.Founded));
            }

            if (f.Closed is { } closed)
            {
                NotFuture(closed, f, nameof(f.Closed));
                if (f.Founded is { } fo && closed <= fo)
                {
                    Report("end-before-start", f, nameof(f.Closed), Day(closed), $"注销日期不晚于设立日期 {Day(fo)}", $"closed on or before it was founded ({Day(fo)})");
                }
            }

            if (f.CharterIncludesPartyBuildingSince is { } charter)
            {
                NotFuture(charter, f, nameof(f.CharterIncludesPartyBuildingSince));
                if (!f.ExistsOn(charter))
                {
                    Report("outside-lifetime", f, nameof(f.CharterIncludesPartyBuildingSince), Day(charter),
                        "章程写入党建的日期不在律所存续期内", "the charter date falls outside the firm's life");
                }
            }
        }
    }

    private void CheckPeople()
    {
        var duplicates = indexes.DuplicatePeople; // found while the people were numbered, in order
        var nextDuplicate = 0;
        for (var i = 0; i < records.People.Count; i++)
        {
            var p = records.People[i];
            if (nextDuplicate < duplicates.Length && duplicates[nextDuplicate] == i)
            {
                nextDuplicate++;
                Duplicate(p, nameof(p.Id), p.Id.Value);
            }

            Required(p.Name, p, nameof(p.Name));
            if (p.BirthDate is { } birth)
            {
                NotFuture(birth, p, nameof(p.BirthDate));
            }

            if (p.Lawyer is { } lawyer)
            {
                Required(lawyer.CertificateNumber, p, "Lawyer.CertificateNumber");
            }

            if (p.Standings is null)
            {
                Report("missing-value", p, nameof(p.Standings), null, "身份变化列表为空引用", "the standing list is null");
                continue;
            }

            LocalDate? previous = null;
            foreach (var change in p.Standings)
            {
                NotFuture(change.Since, p, nameof(p.Standings));
                if (previous is { } prev && change.Since <= prev)
                {
                    Report("out-of-order", p, nameof(p.Standings), $"{change.Standing} {Day(change.Since)}",
                        $"身份变化必须按日期先后排列且日期不同（前一项为 {Day(prev)}）", $"standing changes must be in date order, one per day (the previous one is {Day(prev)})");
                }

                if (p.BirthDate is { } b && change.Since < b)
                {
                    Report("out-of-order", p, nameof(p.Standings), $"{change.Standing} {Day(change.Since)}", "身份变化早于出生日期", "a standing change is dated before the person's birth");
                }

                previous = change.Since;
            }
        }
    }

    private void CheckCatalogs()
    {
        foreach (var catalog in records.Catalogs.Values)
        {
            foreach (var problem in catalog.Validate())
            {
                _problems.Add(new DatasetProblem("invalid-catalog", catalog.GetType().Name, "catalog", catalog.GetType().Name, null, new LocalizedText(problem, problem), null));
            }
        }
    }

    /// <summary>Each declared kind's records, parents first, by the kind's own checks.</summary>
    private void CheckDeclaredKinds()
    {
        var check = new RecordCheck(this);
        foreach (var kind in indexes.Kinds)
        {
            var runtime = (IRecordKindRuntime)kind;
            check.Seen.Clear();
            foreach (var record in records.Kinds[kind].Records)
            {
                check.Current = record;
                runtime.Check(record, check);
            }

            Checked(records.Kinds[kind].Count);
        }
    }

    public LocalDate Today => today;

    public TCatalog? Catalog<TCatalog>()
        where TCatalog : class, IDatasetCatalog => records.Catalogs.GetValueOrDefault(typeof(TCatalog)) as TCatalog;

    /// <summary>The first record of <paramref name="kind"/> with own id <paramref name="id"/>, from an index made on first use.</summary>
    public DatasetRecord? Find(RecordKind kind, string id)
    {
        if (!_byId.TryGetValue(kind, out var map))
        {
            var runtime = (IRecordKindRuntime)kind;
            map = new Dictionary<string, DatasetRecord>(StringComparer.Ordinal);
            if (records.Kinds.TryGetValue(kind, out var list))
            {
                foreach (var record in list.Records)
                {
                    map.TryAdd(runtime.Key(record).Value, record);
                }
            }

            _byId.Add(kind, map);
        }

        return map.GetValueOrDefault(id);
    }

    private readonly Dictionary<RecordKind, Dictionary<string, DatasetRecord>> _byId = [];

    public LawFirm? Firm(FirmId id, DatasetRecord record, string field)
    {
        if (indexes.Firms.TryGetValue(id, out var firm))
        {
            return firm;
        }

        Unknown(record, field, id.Value, "律所", "law firm");
        return null;
    }

    public PartyOrganization? Organization(OrganizationId id, DatasetRecord record, string field, ITimeBound? during)
    {
        if (!indexes.Organizations.TryGetValue(id, out var organization))
        {
            Unknown(record, field, id.Value, "党组织", "organization");
            return null;
        }

        if (during is not null && (during.From < organization.Established || (organization.Dissolved is { } d && (during.To is not { } to || to >= d))))
        {
            Report("outside-lifetime", record, field, id.Value,
                $"记录期间 {Span(during.From, during.To)} 超出组织 {organization.Id} 的存续期 {Life(organization)}",
                $"the record's days {Span(during.From, during.To)} fall outside the life of organization {organization.Id} ({Life(organization)})");
        }

        return organization;
    }

    private bool CheckTimeBound<T>(T record)
        where T : DatasetRecord, ITimeBound => CheckTimeBound(record, record);

    public bool CheckTimeBound(ITimeBound days, DatasetRecord record)
    {
        var ok = NotFuture(days.From, record, nameof(ITimeBound.From));
        if (days.To is { } to)
        {
            ok &= NotFuture(to, record, nameof(ITimeBound.To));
            if (to < days.From)
            {
                Report("end-before-start", record, nameof(ITimeBound.To), Day(to), $"结束日期早于开始日期 {Day(days.From)}", $"ends before it starts ({Day(days.From)})");
                return false;
            }
        }

        return ok;
    }

    public bool CheckPerson(PersonId id, DatasetRecord record, string field = "PersonId")
    {
        if (indexes.PersonPositions.ContainsKey(id))
        {
            return true;
        }

        Unknown(record, field, id.Value, "人员", "person");
        return false;
    }

    private bool CheckFirm<T>(FirmId id, T record)
        where T : DatasetRecord, ITimeBound
    {
        if (!indexes.Firms.TryGetValue(id, out var firm))
        {
            Unknown(record, "FirmId", id.Value, "律所", "law firm");
            return false;
        }

        if ((firm.Founded is { } founded && record.From < founded) || (firm.Closed is { } closed && (record.To is not { } to || to >= closed)))
        {
            var life = Span(firm.Founded, firm.Closed?.PlusDays(-1));
            Report("outside-lifetime", record, "FirmId", id.Value,
                $"记录期间 {Span(record.From, record.To)} 超出律所 {firm.Id} 的存续期 {life}", $"the record's days {Span(record.From, record.To)} fall outside the life of firm {firm.Id} ({life})");
            return false;
        }

        return true;
    }

    private bool CheckOrganization<T>(OrganizationId id, T record, out PartyOrganization organization)
        where T : DatasetRecord, ITimeBound
    {
        if (!indexes.Organizations.TryGetValue(id, out organization!))
        {
            Unknown(record, "OrganizationId", id.Value, "党组织", "organization");
            return false;
        }

        if (record.From < organization.Established || (organization.Dissolved is { } d && (record.To is not { } to || to >= d)))
        {
            Report("outside-lifetime", record, "OrganizationId", id.Value,
                $"记录期间 {Span(record.From, record.To)} 超出组织 {organization.Id} 的存续期 {Life(organization)}",
                $"the record's days {Span(record.From, record.To)} fall outside the life of organization {organization.Id} ({Life(organization)})");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Reports each pair of records in a group that <paramref name="conflict"/> says may not share days, and do.
    /// Groups are sorted by start, so the inner loop stops at the first record that starts after the outer one ends.
    /// </summary>
    private void CheckOverlaps<TKey, T>(GroupIndex<TKey, T> index, Func<T, T, bool> conflict, string zh, string en)
        where TKey : notnull
        where T : DatasetRecord, ITimeBound
    {
        for (var g = 0; g < index.GroupCount; g++)
        {
            var group = index.Group(g);
            if (group.Length < 2)
            {
                continue;
            }

            for (var i = 0; i < group.Length; i++)
            {
                var first = group[i];
                if (first.To is { } t && t < first.From)
                {
                    continue; // reported as end-before-start
                }

                for (var j = i + 1; j < group.Length; j++)
                {
                    var second = group[j];
                    if (first.To is { } end && second.From > end)
                    {
                        break;
                    }

                    if (conflict(first, second) && (second.To is not { } t2 || t2 >= second.From))
                    {
                        Report("overlap", second, nameof(ITimeBound.From), Day(second.From),
                            $"{zh}：与 [{KeyOf(first)}]（{Span(first.From, first.To)}）重叠", $"{en}: overlaps [{KeyOf(first)}] ({Span(first.From, first.To)})");
                    }
                }
            }
        }
    }

    public bool NotFuture(LocalDate date, DatasetRecord record, string field)
    {
        if (date <= today)
        {
            return true;
        }

        Report("future-date", record, field, Day(date), $"日期晚于今天（{Day(today)}）", $"the date is after today ({Day(today)})");
        return false;
    }

    private void Required(string? value, DatasetRecord record, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Report("missing-value", record, field, null, "必填项为空", "a required value is empty");
        }
    }

    private void Duplicate(DatasetRecord record, string field, string value) =>
        Report("duplicate-id", record, field, value, "标识重复，已有同一标识的记录", "another record has the same identifier");

    private void Unknown(DatasetRecord record, string field, string value, string zh, string en) =>
        Report("unknown-reference", record, field, value, $"引用了不存在的{zh}", $"refers to an unknown {en}");

    private void Report(string code, DatasetRecord record, string field, string? value, string zh, string en) =>
        Report(code, record, field, value, new LocalizedText(zh, en));

    public void Report(string code, DatasetRecord record, string field, string? value, LocalizedText message) =>
        _problems.Add(new DatasetProblem(code, record.GetType().Name, KeyOf(record), field, value, message, record.Origin));

    /// <summary>What identifies a record in a problem report: its id, or the ids and start date of a time-bound record.</summary>
    internal static string KeyOf(DatasetRecord record) => record switch
    {
        PartyOrganization o => o.Id.Value,
        LawFirm f => f.Id.Value,
        Person p => p.Id.Value,
        MembershipRegistration r => $"{r.PersonId} → {r.OrganizationId} {Day(r.From)}",
        FirmEmployment e => $"{e.PersonId} @ {e.FirmId} {Day(e.From)}",
        FirmPostHolding p => $"{p.PersonId} {Code(p.Post)} @ {p.FirmId} {Day(p.From)}",
        PartyPostHolding p => $"{p.PersonId} {Code(p.Post)} @ {p.OrganizationId} {Day(p.From)}",
        FirmCoverage c => $"{c.OrganizationId} ⊃ {c.FirmId} {Day(c.From)}",
        InstructorAssignment i => $"{i.PersonId} → {i.FirmId} {Day(i.From)}",
        CommitteeElection e => $"{e.OrganizationId} {Day(e.ElectedOn)}",
        _ when record.Declared is IRecordKindRuntime kind => kind.Describe(record),
        _ => record.GetType().Name,
    };

    /// <summary>A choice as the data format's code spells it (<c>IrregularIncome</c> → <c>irregular-income</c>), never the code's enum name.</summary>
    internal static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }

    /// <summary>An organization kind as the messages name it (a user reads 党小组, never PartyGroup).</summary>
    private static LocalizedText Kind(OrganizationKind kind) => kind switch
    {
        OrganizationKind.IndustryCommittee => new("行业党委", "industry committee"),
        OrganizationKind.GeneralBranch => new("党总支", "general branch"),
        OrganizationKind.Branch => new("党支部", "branch"),
        OrganizationKind.JointBranch => new("联合党支部", "joint branch"),
        OrganizationKind.PartyGroup => new("党小组", "party group"),
        _ => new(kind.ToString(), kind.ToString()),
    };

    private static string Day(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats days that may run backwards in invalid data, where a <see cref="DateRange"/> cannot be made.</summary>
    internal static string Span(LocalDate? from, LocalDate? to) => $"{(from is { } f ? Day(f) : string.Empty)}..{(to is { } t ? Day(t) : string.Empty)}";

    private static string Life(PartyOrganization organization) => Span(organization.Established, organization.Dissolved?.PlusDays(-1));
}
