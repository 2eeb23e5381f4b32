using System.Globalization;
using NodaTime;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Data;

/// <summary>Checks a builder's records against each other and collects every problem, never stopping at the first.</summary>
internal sealed class DatasetValidator(CityDatasetBuilder.Records records, LocalDate today)
{
    private readonly List<DatasetProblem> _problems = [];
    private readonly Dictionary<OrganizationId, PartyOrganization> _organizations = [];
    private readonly Dictionary<FirmId, LawFirm> _firms = [];
    private readonly Dictionary<PersonId, Person> _people = [];

    public IReadOnlyList<DatasetProblem> Run()
    {
        CheckOrganizations();
        CheckFirms();
        CheckPeople();

        foreach (var r in records.Registrations)
        {
            var key = $"{r.PersonId} → {r.OrganizationId} {Day(r.From)}";
            if (CheckTimeBound(r, nameof(MembershipRegistration), key) && CheckPerson(r.PersonId, r, nameof(MembershipRegistration), key)
                && CheckOrganization(r.OrganizationId, r, nameof(MembershipRegistration), key, out var o) && o.Kind == OrganizationKind.PartyGroup)
            {
                Report("invalid-kind", nameof(MembershipRegistration), key, nameof(r.OrganizationId), r.OrganizationId.Value, r.Origin,
                    "党小组不能接收组织关系，组织关系应在支部", "a party group cannot hold a registration; registrations are held by branches");
            }
        }

        CheckOverlaps(records.Registrations, r => r.PersonId, nameof(MembershipRegistration), r => $"{r.PersonId} → {r.OrganizationId} {Day(r.From)}",
            "同一党员同时在两个组织登记组织关系", "the member is registered in two places at once");

        foreach (var e in records.Employments)
        {
            var key = $"{e.PersonId} @ {e.FirmId} {Day(e.From)}";
            if (CheckTimeBound(e, nameof(FirmEmployment), key))
            {
                CheckPerson(e.PersonId, e, nameof(FirmEmployment), key);
                CheckFirm(e.FirmId, e, nameof(FirmEmployment), key);
            }
        }

        // A lawyer practises at one firm only (律师法 Art. 10).
        CheckOverlaps(records.Employments, e => e.PersonId, nameof(FirmEmployment), e => $"{e.PersonId} @ {e.FirmId} {Day(e.From)}",
            "同一律师同时在两家律所执业（《律师法》第十条）", "the lawyer practises at two firms at once (Lawyers Law Art. 10)");

        foreach (var p in records.FirmPosts)
        {
            var key = $"{p.PersonId} {p.Post} @ {p.FirmId} {Day(p.From)}";
            if (CheckTimeBound(p, nameof(FirmPostHolding), key))
            {
                CheckPerson(p.PersonId, p, nameof(FirmPostHolding), key);
                CheckFirm(p.FirmId, p, nameof(FirmPostHolding), key);
            }
        }

        CheckOverlaps(records.FirmPosts.Where(p => p.Post == FirmPost.Director).ToList(), p => p.FirmId, nameof(FirmPostHolding),
            p => $"{p.PersonId} {p.Post} @ {p.FirmId} {Day(p.From)}", "同一律所同时有两名主任", "the firm has two directors at once");
        CheckOverlaps(records.FirmPosts.Where(p => p.Post != FirmPost.Director).ToList(), p => (p.PersonId, p.FirmId, p.Post), nameof(FirmPostHolding),
            p => $"{p.PersonId} {p.Post} @ {p.FirmId} {Day(p.From)}", "同一职务重复登记", "the same post is recorded twice for the same days");

        foreach (var p in records.PartyPosts)
        {
            var key = $"{p.PersonId} {p.Post} @ {p.OrganizationId} {Day(p.From)}";
            if (CheckTimeBound(p, nameof(PartyPostHolding), key) && CheckPerson(p.PersonId, p, nameof(PartyPostHolding), key)
                && CheckOrganization(p.OrganizationId, p, nameof(PartyPostHolding), key, out var o)
                && (o.Kind == OrganizationKind.PartyGroup) != (p.Post == PartyPost.GroupLeader))
            {
                Report("invalid-kind", nameof(PartyPostHolding), key, nameof(p.Post), p.Post.ToString(), p.Origin,
                    $"{o.Kind} 组织不设该职务（党小组只设组长，组长只在党小组）",
                    $"a {o.Kind} has no such post (a party group has a leader only, and only a party group has one)");
            }
        }

        CheckOverlaps(records.PartyPosts.Where(p => p.Post.IsSingleHolder()).ToList(), p => (p.OrganizationId, p.Post), nameof(PartyPostHolding),
            p => $"{p.PersonId} {p.Post} @ {p.OrganizationId} {Day(p.From)}", "同一职务同时由两人担任", "the post is held by two people at once");
        CheckOverlaps(records.PartyPosts.Where(p => !p.Post.IsSingleHolder()).ToList(), p => (p.PersonId, p.OrganizationId, p.Post), nameof(PartyPostHolding),
            p => $"{p.PersonId} {p.Post} @ {p.OrganizationId} {Day(p.From)}", "同一职务重复登记", "the same post is recorded twice for the same days");

        foreach (var c in records.Coverages)
        {
            var key = $"{c.OrganizationId} ⊃ {c.FirmId} {Day(c.From)}";
            if (CheckTimeBound(c, nameof(FirmCoverage), key) && CheckFirm(c.FirmId, c, nameof(FirmCoverage), key)
                && CheckOrganization(c.OrganizationId, c, nameof(FirmCoverage), key, out var o) && !o.Kind.CanCoverFirms())
            {
                Report("invalid-kind", nameof(FirmCoverage), key, nameof(c.OrganizationId), c.OrganizationId.Value, c.Origin,
                    $"{o.Kind} 不能覆盖律所，只有党总支、党支部和联合党支部可以", $"a {o.Kind} cannot cover firms; only general branches, branches and joint branches can");
            }
        }

        CheckOverlaps(records.Coverages, c => (c.OrganizationId, c.FirmId), nameof(FirmCoverage), c => $"{c.OrganizationId} ⊃ {c.FirmId} {Day(c.From)}",
            "同一覆盖关系重复登记", "the same coverage is recorded twice for the same days");

        foreach (var i in records.Instructors)
        {
            var key = $"{i.PersonId} → {i.FirmId} {Day(i.From)}";
            if (CheckTimeBound(i, nameof(InstructorAssignment), key))
            {
                CheckPerson(i.PersonId, i, nameof(InstructorAssignment), key);
                CheckFirm(i.FirmId, i, nameof(InstructorAssignment), key);
            }
        }

        foreach (var e in records.Elections)
        {
            var key = $"{e.OrganizationId} {Day(e.ElectedOn)}";
            NotFuture(e.ElectedOn, nameof(CommitteeElection), key, nameof(e.ElectedOn), e.Origin);
            if (e.TermYears is <= 0)
            {
                Report("invalid-value", nameof(CommitteeElection), key, nameof(e.TermYears), e.TermYears.Value.ToString(CultureInfo.InvariantCulture), e.Origin,
                    "任期年数必须为正数", "the term must be a positive number of years");
            }

            if (!_organizations.TryGetValue(e.OrganizationId, out var o))
            {
                Unknown(nameof(CommitteeElection), key, nameof(e.OrganizationId), e.OrganizationId.Value, "党组织", "organization", e.Origin);
            }
            else if (!o.ExistsOn(e.ElectedOn))
            {
                Report("outside-lifetime", nameof(CommitteeElection), key, nameof(e.ElectedOn), Day(e.ElectedOn), e.Origin,
                    $"选举日期不在组织 {o.Id} 的存续期 {o.Lifetime} 内", $"the election falls outside the life of organization {o.Id} ({o.Lifetime})");
            }
        }

        return _problems;
    }

    private void CheckOrganizations()
    {
        foreach (var o in records.Organizations)
        {
            var key = o.Id.Value;
            if (!_organizations.TryAdd(o.Id, o))
            {
                Duplicate(nameof(PartyOrganization), key, nameof(o.Id), o.Origin);
            }

            Required(o.Name, nameof(PartyOrganization), key, nameof(o.Name), o.Origin);
            NotFuture(o.Established, nameof(PartyOrganization), key, nameof(o.Established), o.Origin);
            if (o.Dissolved is { } d)
            {
                NotFuture(d, nameof(PartyOrganization), key, nameof(o.Dissolved), o.Origin);
                if (d <= o.Established)
                {
                    Report("end-before-start", nameof(PartyOrganization), key, nameof(o.Dissolved), Day(d), o.Origin,
                        $"撤销日期不晚于成立日期 {Day(o.Established)}", $"dissolved on or before it was established ({Day(o.Established)})");
                }
            }
        }

        foreach (var o in _organizations.Values)
        {
            var key = o.Id.Value;
            if (o.ParentId is not { } parentId)
            {
                if (o.Kind != OrganizationKind.IndustryCommittee)
                {
                    Report("missing-value", nameof(PartyOrganization), key, nameof(o.ParentId), null, o.Origin,
                        $"{o.Kind} 必须有上级组织", $"a {o.Kind} must have a parent organization");
                }

                continue;
            }

            if (!_organizations.TryGetValue(parentId, out var parent))
            {
                Unknown(nameof(PartyOrganization), key, nameof(o.ParentId), parentId.Value, "上级组织", "parent organization", o.Origin);
                continue;
            }

            if (!parent.Kind.CanContain(o.Kind))
            {
                Report("invalid-parent", nameof(PartyOrganization), key, nameof(o.ParentId), parentId.Value, o.Origin,
                    $"{parent.Kind} 下不能设 {o.Kind}", $"a {o.Kind} cannot sit under a {parent.Kind}");
            }

            if (o.Established < parent.Established || (parent.Dissolved is { } pd && (o.Dissolved is not { } od || od > pd)))
            {
                Report("outside-lifetime", nameof(PartyOrganization), key, nameof(o.Established), o.Lifetime.ToString(), o.Origin,
                    $"存续期超出上级组织 {parent.Id} 的存续期 {parent.Lifetime}", $"its life extends outside that of its parent {parent.Id} ({parent.Lifetime})");
            }
        }

        // A cycle has no root: walk up from every organization with a step limit.
        foreach (var o in _organizations.Values)
        {
            var current = o;
            for (var steps = 0; current.ParentId is { } p && _organizations.TryGetValue(p, out var next); steps++)
            {
                if (steps > _organizations.Count || next.Id == o.Id)
                {
                    Report("cycle", nameof(PartyOrganization), o.Id.Value, nameof(o.ParentId), o.ParentId?.Value, o.Origin,
                        "上级组织关系形成循环", "the parent chain forms a cycle");
                    break;
                }

                current = next;
            }
        }
    }

    private void CheckFirms()
    {
        var codes = new Dictionary<string, FirmId>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in records.Firms)
        {
            var key = f.Id.Value;
            if (!_firms.TryAdd(f.Id, f))
            {
                Duplicate(nameof(LawFirm), key, nameof(f.Id), f.Origin);
            }

            Required(f.Name, nameof(LawFirm), key, nameof(f.Name), f.Origin);
            if (f.CreditCode is { } code)
            {
                if (!UnifiedSocialCreditCode.IsValid(code))
                {
                    Report("invalid-format", nameof(LawFirm), key, nameof(f.CreditCode), code, f.Origin,
                        "统一社会信用代码格式或校验位不符合 GB 32100-2015", "not a valid unified social credit code (GB 32100-2015 format or check character)");
                }
                else if (!codes.TryAdd(code, f.Id) && codes[code] != f.Id)
                {
                    Report("duplicate-value", nameof(LawFirm), key, nameof(f.CreditCode), code, f.Origin,
                        $"与律所 {codes[code]} 的统一社会信用代码相同", $"the same credit code as firm {codes[code]}");
                }
            }

            if (f.Founded is { } founded)
            {
                NotFuture(founded, nameof(LawFirm), key, nameof(f.Founded), f.Origin);
            }

            if (f.Closed is { } closed)
            {
                NotFuture(closed, nameof(LawFirm), key, nameof(f.Closed), f.Origin);
                if (f.Founded is { } fo && closed <= fo)
                {
                    Report("end-before-start", nameof(LawFirm), key, nameof(f.Closed), Day(closed), f.Origin,
                        $"注销日期不晚于设立日期 {Day(fo)}", $"closed on or before it was founded ({Day(fo)})");
                }
            }

            if (f.CharterIncludesPartyBuildingSince is { } charter)
            {
                NotFuture(charter, nameof(LawFirm), key, nameof(f.CharterIncludesPartyBuildingSince), f.Origin);
                if (!f.ExistsOn(charter))
                {
                    Report("outside-lifetime", nameof(LawFirm), key, nameof(f.CharterIncludesPartyBuildingSince), Day(charter), f.Origin,
                        "章程写入党建的日期不在律所存续期内", "the charter date falls outside the firm's life");
                }
            }
        }
    }

    private void CheckPeople()
    {
        foreach (var p in records.People)
        {
            var key = p.Id.Value;
            if (!_people.TryAdd(p.Id, p))
            {
                Duplicate(nameof(Person), key, nameof(p.Id), p.Origin);
            }

            Required(p.Name, nameof(Person), key, nameof(p.Name), p.Origin);
            if (p.BirthDate is { } birth)
            {
                NotFuture(birth, nameof(Person), key, nameof(p.BirthDate), p.Origin);
            }

            if (p.Lawyer is { } lawyer)
            {
                Required(lawyer.CertificateNumber, nameof(Person), key, "Lawyer.CertificateNumber", p.Origin);
            }

            LocalDate? previous = null;
            foreach (var change in p.Standings)
            {
                if (change is null)
                {
                    Report("missing-value", nameof(Person), key, nameof(p.Standings), null, p.Origin, "身份变化记录为空", "a standing change is null");
                    continue;
                }

                NotFuture(change.Since, nameof(Person), key, nameof(p.Standings), p.Origin);
                if (previous is { } prev && change.Since <= prev)
                {
                    Report("out-of-order", nameof(Person), key, nameof(p.Standings), $"{change.Standing} {Day(change.Since)}", p.Origin,
                        $"身份变化必须按日期先后排列且日期不同（前一项为 {Day(prev)}）", $"standing changes must be in date order, one per day (the previous one is {Day(prev)})");
                }

                if (p.BirthDate is { } b && change.Since < b)
                {
                    Report("out-of-order", nameof(Person), key, nameof(p.Standings), $"{change.Standing} {Day(change.Since)}", p.Origin,
                        "身份变化早于出生日期", "a standing change is dated before the person's birth");
                }

                previous = change.Since;
            }
        }
    }

    private bool CheckTimeBound(ITimeBound record, string entity, string key)
    {
        var origin = (record as DatasetRecord)?.Origin;
        var ok = NotFuture(record.From, entity, key, nameof(ITimeBound.From), origin);
        if (record.To is { } to)
        {
            ok &= NotFuture(to, entity, key, nameof(ITimeBound.To), origin);
            if (to < record.From)
            {
                Report("end-before-start", entity, key, nameof(ITimeBound.To), Day(to), origin,
                    $"结束日期早于开始日期 {Day(record.From)}", $"ends before it starts ({Day(record.From)})");
                return false;
            }
        }

        return ok;
    }

    private bool CheckPerson(PersonId id, DatasetRecord record, string entity, string key)
    {
        if (_people.ContainsKey(id))
        {
            return true;
        }

        Unknown(entity, key, "PersonId", id.Value, "人员", "person", record.Origin);
        return false;
    }

    private bool CheckFirm(FirmId id, ITimeBound record, string entity, string key)
    {
        var origin = (record as DatasetRecord)?.Origin;
        if (!_firms.TryGetValue(id, out var firm))
        {
            Unknown(entity, key, "FirmId", id.Value, "律所", "law firm", origin);
            return false;
        }

        var lifetime = new DateRange(firm.Founded ?? record.From, firm.Closed?.PlusDays(-1) ?? record.To);
        if (record.From < lifetime.Start || (lifetime.End is { } end && (record.To is not { } to || to > end)))
        {
            Report("outside-lifetime", entity, key, "FirmId", id.Value, origin,
                $"记录期间 {record.Range()} 超出律所 {firm.Id} 的存续期 {lifetime}", $"the record's days {record.Range()} fall outside the life of firm {firm.Id} ({lifetime})");
            return false;
        }

        return true;
    }

    private bool CheckOrganization(OrganizationId id, ITimeBound record, string entity, string key, out PartyOrganization organization)
    {
        var origin = (record as DatasetRecord)?.Origin;
        if (!_organizations.TryGetValue(id, out organization!))
        {
            Unknown(entity, key, "OrganizationId", id.Value, "党组织", "organization", origin);
            return false;
        }

        var life = organization.Lifetime;
        if (record.From < life.Start || (life.End is { } end && (record.To is not { } to || to > end)))
        {
            Report("outside-lifetime", entity, key, "OrganizationId", id.Value, origin,
                $"记录期间 {record.Range()} 超出组织 {organization.Id} 的存续期 {life}", $"the record's days {record.Range()} fall outside the life of organization {organization.Id} ({life})");
            return false;
        }

        return true;
    }

    /// <summary>Reports every record of a group that starts before an earlier one of the same group has ended.</summary>
    private void CheckOverlaps<T, TKey>(IReadOnlyList<T> items, Func<T, TKey> groupKey, string entity, Func<T, string> describe, string zh, string en)
        where T : DatasetRecord, ITimeBound
        where TKey : notnull
    {
        foreach (var group in items.Where(i => i.To is not { } to || to >= i.From).GroupBy(groupKey))
        {
            T? holder = null;
            foreach (var item in group.OrderBy(i => i.From))
            {
                if (holder is not null && (holder.To is not { } end || item.From <= end))
                {
                    Report("overlap", entity, describe(item), nameof(ITimeBound.From), Day(item.From), item.Origin,
                        $"{zh}：与 [{describe(holder)}]（{holder.Range()}）重叠", $"{en}: overlaps [{describe(holder)}] ({holder.Range()})");
                }

                if (holder is null || (holder.To is { } h && (item.To is not { } t || t > h)))
                {
                    holder = item;
                }
            }
        }
    }

    private bool NotFuture(LocalDate date, string entity, string key, string field, RecordOrigin? origin)
    {
        if (date <= today)
        {
            return true;
        }

        Report("future-date", entity, key, field, Day(date), origin, $"日期晚于今天（{Day(today)}）", $"the date is after today ({Day(today)})");
        return false;
    }

    private void Required(string? value, string entity, string key, string field, RecordOrigin? origin)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Report("missing-value", entity, key, field, null, origin, "必填项为空", "a required value is empty");
        }
    }

    private void Duplicate(string entity, string key, string field, RecordOrigin? origin) =>
        Report("duplicate-id", entity, key, field, key, origin, "标识重复，已有同一标识的记录", "another record has the same identifier");

    private void Unknown(string entity, string key, string field, string value, string zh, string en, RecordOrigin? origin) =>
        Report("unknown-reference", entity, key, field, value, origin, $"引用了不存在的{zh}", $"refers to an unknown {en}");

    private void Report(string code, string entity, string key, string field, string? value, RecordOrigin? origin, string zh, string en) =>
        _problems.Add(new DatasetProblem(code, entity, key, field, value, new LocalizedText(zh, en), origin));

    private static string Day(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
