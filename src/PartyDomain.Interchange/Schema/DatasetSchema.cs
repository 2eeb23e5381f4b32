// Each table is built by its own method returning the common base: the list of tables is what matters.
#pragma warning disable CA1859
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Training;
using PartyDomain.Interchange.Reading;
using PartyDomain.Interchange.Writing;
using static PartyDomain.Interchange.Schema.Column;
using static PartyDomain.Interchange.Schema.ColumnKind;

namespace PartyDomain.Interchange.Schema;

/// <summary>A row of <c>standings</c>: one change of a person's standing.</summary>
internal sealed record StandingRow(PersonId PersonId, StandingChange Change, RecordOrigin Origin);

/// <summary>A row of <c>activity_attendance</c>.</summary>
internal sealed record ActivityAttendanceRow(string ActivityId, Attendance Attendance, RecordOrigin Origin);

/// <summary>A row of <c>training_attendance</c>.</summary>
internal sealed record TrainingAttendanceRow(string SessionId, TrainingAttendance Attendance, RecordOrigin Origin);

/// <summary>A row of <c>major_matter_steps</c>.</summary>
internal sealed record MajorMatterStepRow(string MatterId, MajorMatterStep Step, RecordOrigin Origin);

/// <summary>
/// Every table of the format, in the order they are written (parents before the tables that refer to them). The
/// columns here are the format: docs/data-format.md describes them and a test keeps the two in step.
/// </summary>
internal static class DatasetSchema
{
    /// <summary>
    /// The bounds of number columns (docs/data-format.md, "Limits"): generous for any real record, so that a value outside
    /// is a slip (a digit too many, a sum in the wrong column, Excel's 2,147,483,647) and is refused rather than counted.
    /// </summary>
    private static class Limits
    {
        /// <summary>People at one activity: a million, beyond any hall or livestream a bureau reports.</summary>
        public const int People = 1_000_000;

        /// <summary>Votes at one branch meeting: a branch has at most 50 members (ORG-BRANCH-SIZE), a general meeting a few hundred.</summary>
        public const int Voters = 10_000;

        /// <summary>Study hours of one session or case: a thousand, more than half a year of full-time study.</summary>
        public const int Hours = 1_000;

        /// <summary>Yuan in one income, payment or donation: a hundred million.</summary>
        public const decimal Money = 100_000_000m;
    }

    /// <summary>What each reference column names: the id column of the table it refers to (a template's dropdowns list them).</summary>
    private static readonly Dictionary<string, string> ReferenceColumns = new(StringComparer.Ordinal)
    {
        ["organization_id"] = "organizations",
        ["parent_id"] = "organizations",
        ["firm_id"] = "firms",
        ["person_id"] = "people",
        ["lecturer_id"] = "people",
        ["member_id"] = "people",
        ["activity_id"] = "activities",
        ["session_id"] = "training_sessions",
        ["matter_id"] = "major_matters",
        ["pairing_id"] = "pairings",
    };

    public static Table City { get; } = CityTable();

    public static Table People { get; } = PeopleTable();

    public static Table Standings { get; } = StandingsTable();

    public static Table Activities { get; } = ActivitiesTable();

    public static Table ActivityAttendance { get; } = ActivityAttendanceTable();

    public static Table TrainingSessions { get; } = TrainingSessionsTable();

    public static Table TrainingAttendance { get; } = TrainingAttendanceTable();

    public static Table MajorMatters { get; } = MajorMattersTable();

    public static Table MajorMatterSteps { get; } = MajorMatterStepsTable();

    public static IReadOnlyList<Table> Tables { get; } = WithReferences(
    [
        City,
        Organizations(),
        Firms(),
        People,
        Standings,
        Registrations(),
        Employments(),
        FirmPosts(),
        PartyPosts(),
        Coverage(),
        Instructors(),
        Elections(),
        Activities,
        ActivityAttendance,
        Services(),
        TrainingSessions,
        TrainingAttendance,
        StudyCredits(),
        Incomes(),
        DuesPayments(),
        AdmissionCases(),
        MajorMatters,
        MajorMatterSteps,
        GovernanceDocuments(),
        Pairings(),
        JointActivities(),
        Commendations(),
        Donations(),
    ]);


    private static Table[] WithReferences(Table[] tables)
    {
        foreach (var column in tables.SelectMany(t => t.Columns))
        {
            column.References = ReferenceColumns.GetValueOrDefault(column.Name);
        }

        return tables;
    }

    /// <summary>The table a record type is read into, for naming columns in the dataset's integrity problems.</summary>
    public static Table? ForEntity(string entity) => entity switch
    {
        nameof(PartyOrganization) => Find("organizations"),
        nameof(LawFirm) => Find("firms"),
        nameof(Person) => People,
        nameof(MembershipRegistration) => Find("registrations"),
        nameof(FirmEmployment) => Find("employments"),
        nameof(FirmPostHolding) => Find("firm_posts"),
        nameof(PartyPostHolding) => Find("party_posts"),
        nameof(FirmCoverage) => Find("coverage"),
        nameof(InstructorAssignment) => Find("instructors"),
        nameof(CommitteeElection) => Find("elections"),
        nameof(ActivityRecord) => Activities,
        nameof(ServiceRecord) => Find("services"),
        nameof(TrainingSession) => TrainingSessions,
        nameof(StudyCredit) => Find("study_credits"),
        nameof(MemberIncome) => Find("incomes"),
        nameof(DuesPayment) => Find("dues_payments"),
        nameof(AdmissionCase) => Find("admission_cases"),
        nameof(MajorMatter) => MajorMatters,
        nameof(GovernanceDocument) => Find("governance_documents"),
        nameof(Pairing) => Find("pairings"),
        nameof(JointActivity) => Find("joint_activities"),
        nameof(Commendation) => Find("commendations"),
        nameof(Donation) => Find("donations"),
        _ => null,
    };

    /// <summary>The child table a record's list is read from (a person's standings, an activity's attendance), for naming it in problems.</summary>
    public static Table? ForList(string entity, string field) => (entity, field) switch
    {
        (nameof(Person), nameof(Person.Standings)) => Standings,
        (nameof(ActivityRecord), nameof(ActivityRecord.Attendance)) => ActivityAttendance,
        (nameof(TrainingSession), nameof(TrainingSession.Attendance)) => TrainingAttendance,
        (nameof(MajorMatter), nameof(MajorMatter.Steps)) => MajorMatterSteps,
        _ => null,
    };

    /// <summary>
    /// What the format calls <paramref name="field"/> of a record of <paramref name="table"/>: its column's headers, or the
    /// child table of a list; <c>null</c> when it has neither.
    /// </summary>
    public static LocalizedText? FieldName(Table? table, string entity, string field) =>
        table?.ColumnFor(field) is { } column ? new LocalizedText(column.ChineseName, column.Name)
        : ForList(entity, field) is { } list ? new LocalizedText(list.ChineseName, list.Name)
        : null;

    /// <summary>The table named <paramref name="name"/> in English or Chinese, ignoring case, spaces, '_' and '-'.</summary>
    public static Table? Find(string name)
    {
        var key = Names.Normalize(name);
        return Tables.FirstOrDefault(t => Names.Normalize(t.Name) == key || Names.Normalize(t.ChineseName) == key);
    }

    private static Table CityTable()
    {
        Column id = Req("id", "城市编码", nameof(CityInfo.Id), Text), name = Req("name", "城市名称", nameof(CityInfo.Name), Text);
        return new Table<CityInfo>("city", "城市", [id, name],
            r => new CityInfo(r.RequiredText(id), r.RequiredText(name)),
            d => [d.City],
            (c, _) => [c.Id, c.Name]);
    }

    private static Table Organizations()
    {
        Column id = Req("id", "组织编号", nameof(PartyOrganization.Id), Id),
            name = Req("name", "组织名称", nameof(PartyOrganization.Name), Text),
            kind = Req("kind", "组织类别", nameof(PartyOrganization.Kind), Choice).Of(Vocabularies.OrganizationKinds),
            parent = Opt("parent_id", "上级组织编号", nameof(PartyOrganization.ParentId), Id),
            established = Req("established", "成立日期", nameof(PartyOrganization.Established), Date),
            dissolved = Opt("dissolved", "撤销日期", nameof(PartyOrganization.Dissolved), Date),
            // A re-affiliation (改隶): the former parents, oldest first, and the days the organization passed from each to the next.
            formerParents = Opt("former_parent_ids", "原上级组织编号", nameof(PartyOrganization.FormerParents), List),
            reaffiliated = Opt("reaffiliated_on", "改隶日期", nameof(PartyOrganization.FormerParents), DateList);
        return new Table<PartyOrganization>("organizations", "党组织", [id, name, kind, parent, established, dissolved, formerParents, reaffiliated],
            r => new PartyOrganization
            {
                Id = r.OrganizationId(id),
                Name = r.RequiredText(name),
                Kind = r.Choice(kind, Vocabularies.OrganizationKinds),
                ParentId = r.OptionalOrganizationId(parent),
                Established = r.Date(established),
                Dissolved = r.OptionalDate(dissolved),
                FormerParents = FormerParents(r, formerParents, reaffiliated),
                Origin = r.Origin,
            },
            d => d.Organizations,
            (o, l) => [o.Id.Value, o.Name, Vocabularies.OrganizationKinds.Format(o.Kind, l.Language), o.ParentId?.Value, Fmt.Date(o.Established), Fmt.Date(o.Dissolved),
                o.FormerParents.Count == 0 ? null : Fmt.List(o.FormerParents.Select(f => f.ParentId.Value)),
                o.FormerParents.Count == 0 ? null : Fmt.List(o.FormerParents.Select(f => Fmt.Date(f.Until)!))]);
    }

    /// <summary>The former parents of an organization row: as many ids as re-affiliation days, paired in order.</summary>
    private static IReadOnlyList<FormerParent> FormerParents(CellReader r, Column ids, Column days)
    {
        var parents = r.List(ids);
        var on = r.DateList(days);
        if (parents.Count != on.Count)
        {
            r.Fail(days, r.Text(days), "list-mismatch", $"改隶日期须与原上级组织编号一一对应（{parents.Count}个编号，{on.Count}个日期）",
                $"the re-affiliation days must pair with the former parent ids ({parents.Count} ids, {on.Count} days)");
            return [];
        }

        return [.. parents.Select((p, i) => new FormerParent(new OrganizationId(p), on[i]))];
    }

    private static Table Firms()
    {
        Column id = Req("id", "律所编号", nameof(LawFirm.Id), Id),
            name = Req("name", "律所名称", nameof(LawFirm.Name), Text),
            creditCode = Opt("credit_code", "统一社会信用代码", nameof(LawFirm.CreditCode), Text),
            district = Opt("district", "所在区县", nameof(LawFirm.District), Text),
            founded = Opt("founded", "成立日期", nameof(LawFirm.Founded), Date),
            closed = Opt("closed", "注销日期", nameof(LawFirm.Closed), Date),
            charter = Opt("charter_party_building_since", "党建入章日期", nameof(LawFirm.CharterIncludesPartyBuildingSince), Date);
        return new Table<LawFirm>("firms", "律师事务所", [id, name, creditCode, district, founded, closed, charter],
            r => new LawFirm
            {
                Id = r.FirmId(id),
                Name = r.RequiredText(name),
                CreditCode = r.Text(creditCode),
                District = r.Text(district),
                Founded = r.OptionalDate(founded),
                Closed = r.OptionalDate(closed),
                CharterIncludesPartyBuildingSince = r.OptionalDate(charter),
                Origin = r.Origin,
            },
            d => d.Firms,
            (f, _) => [f.Id.Value, f.Name, f.CreditCode, f.District, Fmt.Date(f.Founded), Fmt.Date(f.Closed), Fmt.Date(f.CharterIncludesPartyBuildingSince)]);
    }

    private static Table PeopleTable()
    {
        Column id = Req("id", "人员编号", nameof(Person.Id), Id),
            name = Req("name", "姓名", nameof(Person.Name), Text),
            birth = Opt("birth_date", "出生日期", nameof(Person.BirthDate), Date),
            idNumber = Opt("id_number", "身份证号", nameof(Person.IdNumber), Text),
            phone = Opt("phone", "手机号码", nameof(Person.Phone), Text),
            certificate = Opt("certificate_number", "执业证号", nameof(Person.Lawyer), Text),
            licensed = Opt("licensed_on", "首次执业日期", null, Date);
        return new Table<Person>("people", "人员", [id, name, birth, idNumber, phone, certificate, licensed],
            r =>
            {
                var certificateNumber = r.Text(certificate);
                var licensedOn = r.OptionalDate(licensed);
                if (certificateNumber is null && licensedOn is not null)
                {
                    r.Fail(licensed, Fmt.Date(licensedOn), "orphan-value", "填写了首次执业日期却没有执业证号。",
                        "A licence date is given without a practice certificate number.");
                }

                return new Person
                {
                    Id = r.PersonId(id),
                    Name = r.RequiredText(name),
                    BirthDate = r.OptionalDate(birth),
                    IdNumber = r.Text(idNumber) is { } n ? new SensitiveText(n) : null,
                    Phone = r.Text(phone) is { } p ? new SensitiveText(p) : null,
                    Lawyer = certificateNumber is null ? null : new LawyerProfile(certificateNumber, licensedOn),
                    Origin = r.Origin,
                };
            },
            d => d.People,
            (p, _) => [p.Id.Value, p.Name, Fmt.Date(p.BirthDate), p.IdNumber?.Reveal(), p.Phone?.Reveal(), p.Lawyer?.CertificateNumber, Fmt.Date(p.Lawyer?.LicensedOn)]);
    }

    private static Table StandingsTable()
    {
        Column person = Req("person_id", "人员编号", null, Id),
            standing = Req("standing", "政治身份", null, Choice).Of(Vocabularies.Standings),
            since = Req("since", "起始日期", null, Date);
        return new Table<StandingRow>("standings", "政治身份", [person, standing, since],
            r => new StandingRow(r.PersonId(person), new StandingChange(r.Choice(standing, Vocabularies.Standings), r.Date(since)), r.Origin),
            d => d.People.SelectMany(p => p.Standings.Select(s => new StandingRow(p.Id, s, null!))),
            (s, l) => [s.PersonId.Value, Vocabularies.Standings.Format(s.Change.Standing, l.Language), Fmt.Date(s.Change.Since)]);
    }

    private static Table Registrations()
    {
        Column person = Req("person_id", "人员编号", nameof(MembershipRegistration.PersonId), Id),
            organization = Req("organization_id", "组织编号", nameof(MembershipRegistration.OrganizationId), Id),
            from = Req("from", "开始日期", nameof(MembershipRegistration.From), Date),
            to = Opt("to", "结束日期", nameof(MembershipRegistration.To), Date);
        return new Table<MembershipRegistration>("registrations", "组织关系", [person, organization, from, to],
            r => new MembershipRegistration
            {
                PersonId = r.PersonId(person),
                OrganizationId = r.OrganizationId(organization),
                From = r.Date(from),
                To = r.OptionalDate(to),
                Origin = r.Origin,
            },
            d => d.Registrations,
            (x, _) => [x.PersonId.Value, x.OrganizationId.Value, Fmt.Date(x.From), Fmt.Date(x.To)]);
    }

    private static Table Employments()
    {
        Column person = Req("person_id", "人员编号", nameof(FirmEmployment.PersonId), Id),
            firm = Req("firm_id", "律所编号", nameof(FirmEmployment.FirmId), Id),
            from = Req("from", "开始日期", nameof(FirmEmployment.From), Date),
            to = Opt("to", "结束日期", nameof(FirmEmployment.To), Date);
        return new Table<FirmEmployment>("employments", "执业经历", [person, firm, from, to],
            r => new FirmEmployment { PersonId = r.PersonId(person), FirmId = r.FirmId(firm), From = r.Date(from), To = r.OptionalDate(to), Origin = r.Origin },
            d => d.Employments,
            (x, _) => [x.PersonId.Value, x.FirmId.Value, Fmt.Date(x.From), Fmt.Date(x.To)]);
    }

    private static Table FirmPosts()
    {
        Column person = Req("person_id", "人员编号", nameof(FirmPostHolding.PersonId), Id),
            firm = Req("firm_id", "律所编号", nameof(FirmPostHolding.FirmId), Id),
            post = Req("post", "职务", nameof(FirmPostHolding.Post), Choice).Of(Vocabularies.FirmPosts),
            from = Req("from", "开始日期", nameof(FirmPostHolding.From), Date),
            to = Opt("to", "结束日期", nameof(FirmPostHolding.To), Date);
        return new Table<FirmPostHolding>("firm_posts", "律所职务", [person, firm, post, from, to],
            r => new FirmPostHolding
            {
                PersonId = r.PersonId(person),
                FirmId = r.FirmId(firm),
                Post = r.Choice(post, Vocabularies.FirmPosts),
                From = r.Date(from),
                To = r.OptionalDate(to),
                Origin = r.Origin,
            },
            d => d.FirmPosts,
            (x, l) => [x.PersonId.Value, x.FirmId.Value, Vocabularies.FirmPosts.Format(x.Post, l.Language), Fmt.Date(x.From), Fmt.Date(x.To)]);
    }

    private static Table PartyPosts()
    {
        Column person = Req("person_id", "人员编号", nameof(PartyPostHolding.PersonId), Id),
            organization = Req("organization_id", "组织编号", nameof(PartyPostHolding.OrganizationId), Id),
            post = Req("post", "职务", nameof(PartyPostHolding.Post), Choice).Of(Vocabularies.PartyPosts),
            portfolio = Opt("portfolio", "分工", nameof(PartyPostHolding.Portfolio), Text),
            from = Req("from", "开始日期", nameof(PartyPostHolding.From), Date),
            to = Opt("to", "结束日期", nameof(PartyPostHolding.To), Date);
        return new Table<PartyPostHolding>("party_posts", "党内职务", [person, organization, post, portfolio, from, to],
            r => new PartyPostHolding
            {
                PersonId = r.PersonId(person),
                OrganizationId = r.OrganizationId(organization),
                Post = r.Choice(post, Vocabularies.PartyPosts),
                Portfolio = r.Text(portfolio),
                From = r.Date(from),
                To = r.OptionalDate(to),
                Origin = r.Origin,
            },
            d => d.PartyPosts,
            (x, l) => [x.PersonId.Value, x.OrganizationId.Value, Vocabularies.PartyPosts.Format(x.Post, l.Language), x.Portfolio, Fmt.Date(x.From), Fmt.Date(x.To)]);
    }

    private static Table Coverage()
    {
        Column organization = Req("organization_id", "组织编号", nameof(FirmCoverage.OrganizationId), Id),
            firm = Req("firm_id", "律所编号", nameof(FirmCoverage.FirmId), Id),
            from = Req("from", "开始日期", nameof(FirmCoverage.From), Date),
            to = Opt("to", "结束日期", nameof(FirmCoverage.To), Date);
        return new Table<FirmCoverage>("coverage", "组织覆盖", [organization, firm, from, to],
            r => new FirmCoverage { OrganizationId = r.OrganizationId(organization), FirmId = r.FirmId(firm), From = r.Date(from), To = r.OptionalDate(to), Origin = r.Origin },
            d => d.Coverages,
            (x, _) => [x.OrganizationId.Value, x.FirmId.Value, Fmt.Date(x.From), Fmt.Date(x.To)]);
    }

    private static Table Instructors()
    {
        Column person = Req("person_id", "人员编号", nameof(InstructorAssignment.PersonId), Id),
            firm = Req("firm_id", "律所编号", nameof(InstructorAssignment.FirmId), Id),
            from = Req("from", "开始日期", nameof(InstructorAssignment.From), Date),
            to = Opt("to", "结束日期", nameof(InstructorAssignment.To), Date);
        return new Table<InstructorAssignment>("instructors", "党建指导员", [person, firm, from, to],
            r => new InstructorAssignment { PersonId = r.PersonId(person), FirmId = r.FirmId(firm), From = r.Date(from), To = r.OptionalDate(to), Origin = r.Origin },
            d => d.Instructors,
            (x, _) => [x.PersonId.Value, x.FirmId.Value, Fmt.Date(x.From), Fmt.Date(x.To)]);
    }

    private static Table Elections()
    {
        Column organization = Req("organization_id", "组织编号", nameof(CommitteeElection.OrganizationId), Id),
            electedOn = Req("elected_on", "选举日期", nameof(CommitteeElection.ElectedOn), Date),
            term = Opt("term_years", "任期年数", nameof(CommitteeElection.TermYears), Integer).Within(1, 10);
        return new Table<CommitteeElection>("elections", "换届选举", [organization, electedOn, term],
            r => new CommitteeElection { OrganizationId = r.OrganizationId(organization), ElectedOn = r.Date(electedOn), TermYears = r.OptionalInteger(term), Origin = r.Origin },
            d => d.Elections,
            (x, _) => [x.OrganizationId.Value, Fmt.Date(x.ElectedOn), Fmt.Number(x.TermYears)]);
    }

    private static Table ActivitiesTable()
    {
        Column id = Req("id", "记录编号", nameof(ActivityRecord.Id), Id),
            organization = Req("organization_id", "组织编号", nameof(ActivityRecord.OrganizationId), Id),
            kind = Req("kind", "活动类型", nameof(ActivityRecord.Kind), Choice).Of(w => w.ActivityKinds()),
            date = Req("date", "活动日期", nameof(ActivityRecord.Date), Date),
            title = Opt("title", "主题", nameof(ActivityRecord.Title), Text),
            lecturer = Opt("lecturer_id", "授课人编号", nameof(ActivityRecord.Lecturer), Id),
            headCount = Opt("head_count", "参加人数", nameof(ActivityRecord.HeadCount), Integer).Within(0, Limits.People),
            platform = Opt("source_platform", "来源平台", nameof(ActivityRecord.SourcePlatform), Text),
            tags = Opt("tags", "标签", nameof(ActivityRecord.Tags), List);
        return new Table<ActivityRecord>("activities", "组织生活", [id, organization, kind, date, title, lecturer, headCount, platform, tags],
            r => new ActivityRecord
            {
                Id = r.RequiredText(id),
                OrganizationId = r.OrganizationId(organization),
                Kind = r.ActivityKind(kind),
                Date = r.Date(date),
                Title = r.Text(title),
                Lecturer = r.OptionalPersonId(lecturer),
                HeadCount = r.OptionalInteger(headCount),
                SourcePlatform = r.Text(platform),
                Tags = r.List(tags),
                Origin = r.Origin,
            },
            d => d.Activities,
            (a, w) => [a.Id, a.OrganizationId.Value, w.ActivityKind(a.Kind), Fmt.Date(a.Date), a.Title, a.Lecturer?.Value, Fmt.Number(a.HeadCount), a.SourcePlatform, Fmt.List(a.Tags)]);
    }

    private static Table ActivityAttendanceTable()
    {
        Column activity = Req("activity_id", "记录编号", null, Id),
            person = Req("person_id", "人员编号", null, Id),
            status = Req("status", "出勤情况", null, Choice).Of(Vocabularies.Attendance),
            reason = Opt("reason", "请假事由", null, Text);
        return new Table<ActivityAttendanceRow>("activity_attendance", "活动出勤", [activity, person, status, reason],
            r =>
            {
                var row = new ActivityAttendanceRow(r.RequiredText(activity), new Attendance(r.PersonId(person), r.Choice(status, Vocabularies.Attendance), r.Text(reason)), r.Origin);
                if (row.Attendance.Status == AttendanceStatus.Excused && row.Attendance.Reason is null && !r.Failed)
                {
                    // The dataset's own check wants a reason too, but names the activity; here it is the attendee's row and name.
                    r.Fail(reason, null, "missing-value", $"{row.Attendance.PersonId.Value} 请假，但没有填写请假事由。",
                        $"{row.Attendance.PersonId.Value} is excused but no reason is given.");
                }

                return row;
            },
            d => d.Activities.SelectMany(a => a.Attendance.Select(x => new ActivityAttendanceRow(a.Id, x, null!))),
            (x, l) => [x.ActivityId, x.Attendance.PersonId.Value, Vocabularies.Attendance.Format(x.Attendance.Status, l.Language), x.Attendance.Reason]);
    }

    private static Table Services()
    {
        Column id = Opt("id", "记录编号", nameof(ServiceRecord.Id), Id),
            indicator = Req("indicator", "指标", nameof(ServiceRecord.Indicator), Choice).Of(w => w.Indicators()),
            date = Req("date", "日期", nameof(ServiceRecord.Date), Date),
            span = Opt("span", "时间跨度", nameof(ServiceRecord.Span), Choice).Of(Vocabularies.Spans),
            quantity = Opt("quantity", "数量", nameof(ServiceRecord.Quantity), ColumnKind.Decimal).Within(0, 100_000_000_000m),
            member = Opt("member_id", "党员编号", nameof(ServiceRecord.Member), Id),
            firm = Opt("firm_id", "律所编号", nameof(ServiceRecord.Firm), Id),
            organization = Opt("organization_id", "组织编号", nameof(ServiceRecord.Organization), Id),
            district = Opt("district", "区县", nameof(ServiceRecord.District), Text),
            channel = Opt("channel", "渠道", nameof(ServiceRecord.Channel), Text),
            subject = Opt("subject", "服务对象", nameof(ServiceRecord.Subject), Text),
            tags = Opt("tags", "标签", nameof(ServiceRecord.Tags), List);
        return new Table<ServiceRecord>("services", "服务记录", [id, indicator, date, span, quantity, member, firm, organization, district, channel, subject, tags],
            r => new ServiceRecord
            {
                Id = r.Text(id),
                Indicator = r.Indicator(indicator),
                Date = r.Date(date),
                Span = r.OptionalChoice(span, Vocabularies.Spans) ?? RecordSpan.Day,
                Quantity = r.OptionalDecimal(quantity) ?? 1m,
                Member = r.OptionalPersonId(member),
                Firm = r.OptionalFirmId(firm),
                Organization = r.OptionalOrganizationId(organization),
                District = r.Text(district),
                Channel = r.Text(channel),
                Subject = r.Text(subject),
                Tags = r.List(tags),
                Origin = r.Origin,
            },
            d => d.Services,
            (s, l) =>
            [
                s.Id, l.Indicator(s.Indicator), Fmt.Date(s.Date), Vocabularies.Spans.Format(s.Span, l.Language), Fmt.Number(s.Quantity), s.Member?.Value, s.Firm?.Value,
                s.Organization?.Value, s.District, s.Channel, s.Subject, Fmt.List(s.Tags),
            ]);
    }

    private static Table TrainingSessionsTable()
    {
        Column id = Req("id", "班次编号", nameof(TrainingSession.Id), Id),
            title = Req("title", "班次名称", nameof(TrainingSession.Title), Text),
            organizer = Opt("organizer", "主办单位", nameof(TrainingSession.Organizer), Text),
            start = Req("start", "开始日期", nameof(TrainingSession.Start), Date),
            end = Opt("end", "结束日期", nameof(TrainingSession.End), Date),
            hours = Req("study_hours", "学时", nameof(TrainingSession.StudyHours), ColumnKind.Decimal).Within(0, Limits.Hours),
            audience = Opt("audience", "培训对象", nameof(TrainingSession.Audience), List).Of(Vocabularies.Audiences),
            concentrated = Opt("concentrated", "集中培训", nameof(TrainingSession.Concentrated), ColumnKind.Boolean),
            partySchool = Opt("party_school", "党校举办", nameof(TrainingSession.PartySchool), ColumnKind.Boolean);
        return new Table<TrainingSession>("training_sessions", "培训班次", [id, title, organizer, start, end, hours, audience, concentrated, partySchool],
            r => new TrainingSession
            {
                Id = r.RequiredText(id),
                Title = r.RequiredText(title),
                Organizer = r.Text(organizer),
                Start = r.Date(start),
                End = r.OptionalDate(end),
                StudyHours = r.Decimal(hours),
                Audience = r.Flags(audience, Vocabularies.Audiences, TrainingAudience.AllMembers),
                Concentrated = r.OptionalBoolean(concentrated) ?? false,
                PartySchool = r.OptionalBoolean(partySchool) ?? false,
                Origin = r.Origin,
            },
            d => d.TrainingSessions,
            (t, l) =>
            [
                t.Id, t.Title, t.Organizer, Fmt.Date(t.Start), Fmt.Date(t.End), Fmt.Number(t.StudyHours), Vocabularies.FormatAudience(t.Audience, l.Language),
                Fmt.Boolean(t.Concentrated, l.Language), Fmt.Boolean(t.PartySchool, l.Language),
            ]);
    }

    private static Table TrainingAttendanceTable()
    {
        Column session = Req("session_id", "班次编号", null, Id),
            person = Req("person_id", "人员编号", null, Id),
            hours = Opt("credited_hours", "认定学时", null, ColumnKind.Decimal).Within(0, Limits.Hours);
        return new Table<TrainingAttendanceRow>("training_attendance", "培训出勤", [session, person, hours],
            r => new TrainingAttendanceRow(r.RequiredText(session), new TrainingAttendance(r.PersonId(person), r.OptionalDecimal(hours)), r.Origin),
            d => d.TrainingSessions.SelectMany(t => t.Attendance.Select(a => new TrainingAttendanceRow(t.Id, a, null!))),
            (x, _) => [x.SessionId, x.Attendance.PersonId.Value, Fmt.Number(x.Attendance.CreditedHours)]);
    }

    private static Table StudyCredits()
    {
        Column person = Req("person_id", "人员编号", nameof(StudyCredit.PersonId), Id),
            platform = Req("platform", "平台", nameof(StudyCredit.Platform), Text),
            date = Req("date", "日期", nameof(StudyCredit.Date), Date),
            points = Req("points", "积分", nameof(StudyCredit.Points), ColumnKind.Decimal).Within(0, 1_000_000);
        return new Table<StudyCredit>("study_credits", "学习积分", [person, platform, date, points],
            r => new StudyCredit { PersonId = r.PersonId(person), Platform = r.RequiredText(platform), Date = r.Date(date), Points = r.Decimal(points), Origin = r.Origin },
            d => d.StudyCredits,
            (x, _) => [x.PersonId.Value, x.Platform, Fmt.Date(x.Date), Fmt.Number(x.Points)]);
    }

    private static Table Incomes()
    {
        Column person = Req("person_id", "人员编号", nameof(MemberIncome.PersonId), Id),
            month = Req("month", "月份", nameof(MemberIncome.Month), ColumnKind.Month),
            kind = Req("kind", "收入类别", nameof(MemberIncome.Kind), Choice).Of(Vocabularies.IncomeKinds),
            amount = Opt("amount", "月收入金额", nameof(MemberIncome.Amount), ColumnKind.Decimal).Within(0, Limits.Money);
        return new Table<MemberIncome>("incomes", "收入申报", [person, month, kind, amount],
            r => new MemberIncome { PersonId = r.PersonId(person), Month = r.Month(month), Kind = r.Choice(kind, Vocabularies.IncomeKinds), Amount = r.OptionalDecimal(amount) ?? 0m, Origin = r.Origin },
            d => d.Incomes,
            (x, l) => [x.PersonId.Value, Fmt.Month(x.Month), Vocabularies.IncomeKinds.Format(x.Kind, l.Language), Fmt.Number(x.Amount)]);
    }

    private static Table DuesPayments()
    {
        Column person = Req("person_id", "人员编号", nameof(DuesPayment.PersonId), Id),
            month = Req("month", "所属月份", nameof(DuesPayment.Month), ColumnKind.Month),
            amount = Req("amount", "金额", nameof(DuesPayment.Amount), ColumnKind.Decimal).Within(0, Limits.Money),
            paidOn = Req("paid_on", "缴纳日期", nameof(DuesPayment.PaidOn), Date);
        return new Table<DuesPayment>("dues_payments", "党费缴纳", [person, month, amount, paidOn],
            r => new DuesPayment { PersonId = r.PersonId(person), Month = r.Month(month), Amount = r.Decimal(amount), PaidOn = r.Date(paidOn), Origin = r.Origin },
            d => d.DuesPayments,
            (x, _) => [x.PersonId.Value, Fmt.Month(x.Month), Fmt.Number(x.Amount), Fmt.Date(x.PaidOn)]);
    }

    private static Table AdmissionCases()
    {
        Column id = Req("id", "案卷编号", nameof(AdmissionCase.Id), Id),
            person = Req("person_id", "人员编号", nameof(AdmissionCase.PersonId), Id),
            organization = Req("organization_id", "组织编号", nameof(AdmissionCase.OrganizationId), Id),
            applied = Req("applied", "申请日期", nameof(AdmissionCase.Applied), Date),
            firstTalk = Opt("first_talk", "谈话日期", nameof(AdmissionCase.FirstTalk), Date),
            activist = Opt("activist_designated", "确定积极分子日期", nameof(AdmissionCase.ActivistDesignated), Date),
            contacts = Opt("contacts", "培养联系人", nameof(AdmissionCase.Contacts), List),
            assessments = Opt("assessments", "考察日期", nameof(AdmissionCase.Assessments), DateList),
            candidate = Opt("candidate_designated", "确定发展对象日期", nameof(AdmissionCase.CandidateDesignated), Date),
            sponsors = Opt("sponsors", "入党介绍人", nameof(AdmissionCase.Sponsors), List),
            review = Opt("political_review", "政审日期", nameof(AdmissionCase.PoliticalReview), Date),
            reviewPassed = Opt("political_review_passed", "政审结论", nameof(AdmissionCase.PoliticalReviewPassed), ColumnKind.Boolean),
            trainingDays = Opt("training_days", "集中培训天数", nameof(AdmissionCase.TrainingDays), Integer).Within(0, 366),
            trainingHours = Opt("training_hours", "集中培训学时", nameof(AdmissionCase.TrainingHours), ColumnKind.Decimal).Within(0, Limits.Hours),
            preReview = Opt("pre_review", "预审日期", nameof(AdmissionCase.PreReview), Date),
            admissionDate = Opt("admission_vote_date", "接收表决日期", nameof(AdmissionCase.AdmissionVote), Date),
            admissionExpected = Opt("admission_vote_expected", "接收表决应到人数", nameof(AdmissionCase.AdmissionVote), Integer).Within(0, Limits.Voters),
            admissionPresent = Opt("admission_vote_present", "接收表决实到人数", nameof(AdmissionCase.AdmissionVote), Integer).Within(0, Limits.Voters),
            admissionInFavour = Opt("admission_vote_in_favour", "接收表决赞成票数", nameof(AdmissionCase.AdmissionVote), Integer).Within(0, Limits.Voters),
            approved = Opt("approved", "审批日期", nameof(AdmissionCase.Approved), Date),
            oath = Opt("oath", "入党宣誓日期", nameof(AdmissionCase.Oath), Date),
            extension = Opt("extension_months", "延长预备期月数", nameof(AdmissionCase.ExtensionMonths), Integer).Within(1, 12),
            conversionDate = Opt("conversion_vote_date", "转正表决日期", nameof(AdmissionCase.ConversionVote), Date),
            conversionExpected = Opt("conversion_vote_expected", "转正表决应到人数", nameof(AdmissionCase.ConversionVote), Integer).Within(0, Limits.Voters),
            conversionPresent = Opt("conversion_vote_present", "转正表决实到人数", nameof(AdmissionCase.ConversionVote), Integer).Within(0, Limits.Voters),
            conversionInFavour = Opt("conversion_vote_in_favour", "转正表决赞成票数", nameof(AdmissionCase.ConversionVote), Integer).Within(0, Limits.Voters),
            conversionApproved = Opt("conversion_approved", "转正审批日期", nameof(AdmissionCase.ConversionApproved), Date),
            closed = Opt("closed", "终止日期", nameof(AdmissionCase.Closed), Date);
        Column[] admissionVote = [admissionDate, admissionExpected, admissionPresent, admissionInFavour];
        Column[] conversionVote = [conversionDate, conversionExpected, conversionPresent, conversionInFavour];
        return new Table<AdmissionCase>("admission_cases", "发展党员",
            [
                id, person, organization, applied, firstTalk, activist, contacts, assessments, candidate, sponsors, review, reviewPassed, trainingDays,
                trainingHours, preReview, admissionDate, admissionExpected, admissionPresent, admissionInFavour, approved, oath, extension, conversionDate,
                conversionExpected, conversionPresent, conversionInFavour, conversionApproved, closed,
            ],
            r => new AdmissionCase
            {
                Id = r.RequiredText(id),
                PersonId = r.PersonId(person),
                OrganizationId = r.OrganizationId(organization),
                Applied = r.Date(applied),
                FirstTalk = r.OptionalDate(firstTalk),
                ActivistDesignated = r.OptionalDate(activist),
                Contacts = r.PersonList(contacts),
                Assessments = r.DateList(assessments),
                CandidateDesignated = r.OptionalDate(candidate),
                Sponsors = r.PersonList(sponsors),
                PoliticalReview = r.OptionalDate(review),
                PoliticalReviewPassed = r.OptionalBoolean(reviewPassed),
                TrainingDays = r.OptionalInteger(trainingDays),
                TrainingHours = r.OptionalDecimal(trainingHours),
                PreReview = r.OptionalDate(preReview),
                AdmissionVote = Vote(r, admissionVote),
                Approved = r.OptionalDate(approved),
                Oath = r.OptionalDate(oath),
                ExtensionMonths = r.OptionalInteger(extension),
                ConversionVote = Vote(r, conversionVote),
                ConversionApproved = r.OptionalDate(conversionApproved),
                Closed = r.OptionalDate(closed),
                Origin = r.Origin,
            },
            d => d.AdmissionCases,
            (c, l) =>
            [
                c.Id, c.PersonId.Value, c.OrganizationId.Value, Fmt.Date(c.Applied), Fmt.Date(c.FirstTalk), Fmt.Date(c.ActivistDesignated),
                Fmt.List(c.Contacts.Select(p => p.Value)), Fmt.List(c.Assessments.Select(d => Fmt.Date(d)!)), Fmt.Date(c.CandidateDesignated),
                Fmt.List(c.Sponsors.Select(p => p.Value)), Fmt.Date(c.PoliticalReview), Fmt.Boolean(c.PoliticalReviewPassed, l.Language), Fmt.Number(c.TrainingDays),
                Fmt.Number(c.TrainingHours), Fmt.Date(c.PreReview), Fmt.Date(c.AdmissionVote?.Date), Fmt.Number(c.AdmissionVote?.Expected),
                Fmt.Number(c.AdmissionVote?.Present), Fmt.Number(c.AdmissionVote?.InFavour), Fmt.Date(c.Approved), Fmt.Date(c.Oath),
                Fmt.Number(c.ExtensionMonths), Fmt.Date(c.ConversionVote?.Date), Fmt.Number(c.ConversionVote?.Expected),
                Fmt.Number(c.ConversionVote?.Present), Fmt.Number(c.ConversionVote?.InFavour), Fmt.Date(c.ConversionApproved), Fmt.Date(c.Closed),
            ]);
    }

    private static Table MajorMattersTable()
    {
        Column id = Req("id", "事项编号", nameof(MajorMatter.Id), Id),
            title = Req("title", "事项名称", nameof(MajorMatter.Title), Text),
            kind = Req("kind", "事项类别", nameof(MajorMatter.Kind), Choice).Of(Vocabularies.MajorMatterKinds),
            route = Req("route", "决策程序", nameof(MajorMatter.Route), Choice).Of(Vocabularies.Routes);
        return new Table<MajorMatter>("major_matters", "重大事项", [id, title, kind, route],
            r => new MajorMatter
            {
                Id = r.RequiredText(id),
                Title = r.RequiredText(title),
                Kind = r.Choice(kind, Vocabularies.MajorMatterKinds),
                Route = r.Choice(route, Vocabularies.Routes),
                Origin = r.Origin,
            },
            d => d.MajorMatters,
            (m, l) => [m.Id, m.Title, Vocabularies.MajorMatterKinds.Format(m.Kind, l.Language), Vocabularies.Routes.Format(m.Route, l.Language)]);
    }

    private static Table MajorMatterStepsTable()
    {
        Column matter = Req("matter_id", "事项编号", null, Id),
            date = Req("date", "会议日期", null, Date),
            body = Req("body", "决策机构", null, Choice).Of(Vocabularies.Bodies),
            outcome = Req("outcome", "结果", null, Choice).Of(Vocabularies.Outcomes);
        return new Table<MajorMatterStepRow>("major_matter_steps", "重大事项程序", [matter, date, body, outcome],
            r => new MajorMatterStepRow(r.RequiredText(matter), new MajorMatterStep(r.Date(date), r.Choice(body, Vocabularies.Bodies), r.Choice(outcome, Vocabularies.Outcomes)), r.Origin),
            d => d.MajorMatters.SelectMany(m => m.Steps.Select(x => new MajorMatterStepRow(m.Id, x, null!))),
            (x, l) => [x.MatterId, Fmt.Date(x.Step.Date), Vocabularies.Bodies.Format(x.Step.Body, l.Language), Vocabularies.Outcomes.Format(x.Step.Outcome, l.Language)]);
    }

    private static Table GovernanceDocuments()
    {
        Column id = Req("id", "文件编号", nameof(GovernanceDocument.Id), Id),
            title = Req("title", "文件名称", nameof(GovernanceDocument.Title), Text),
            kind = Req("kind", "文件类别", nameof(GovernanceDocument.Kind), Choice).Of(Vocabularies.DocumentKinds),
            issued = Req("issued", "印发日期", nameof(GovernanceDocument.Issued), Date),
            issuer = Opt("issuer", "印发单位", nameof(GovernanceDocument.Issuer), Text);
        return new Table<GovernanceDocument>("governance_documents", "制度文件", [id, title, kind, issued, issuer],
            r => new GovernanceDocument
            {
                Id = r.RequiredText(id),
                Title = r.RequiredText(title),
                Kind = r.Choice(kind, Vocabularies.DocumentKinds),
                Issued = r.Date(issued),
                Issuer = r.Text(issuer),
                Origin = r.Origin,
            },
            d => d.GovernanceDocuments,
            (x, l) => [x.Id, x.Title, Vocabularies.DocumentKinds.Format(x.Kind, l.Language), Fmt.Date(x.Issued), x.Issuer]);
    }

    private static Table Pairings()
    {
        Column id = Req("id", "结对编号", nameof(Pairing.Id), Id),
            organization = Req("organization_id", "组织编号", nameof(Pairing.OrganizationId), Id),
            partner = Req("partner", "结对单位", nameof(Pairing.Partner), Text),
            partnerKind = Opt("partner_kind", "结对对象类别", nameof(Pairing.PartnerKind), Choice).Of(Vocabularies.PartnerKinds),
            from = Req("from", "开始日期", nameof(Pairing.From), Date),
            to = Opt("to", "结束日期", nameof(Pairing.To), Date);
        return new Table<Pairing>("pairings", "结对联建", [id, organization, partner, partnerKind, from, to],
            r => new Pairing
            {
                Id = r.RequiredText(id),
                OrganizationId = r.OrganizationId(organization),
                Partner = r.RequiredText(partner),
                PartnerKind = r.OptionalChoice(partnerKind, Vocabularies.PartnerKinds) ?? PairingPartnerKind.Community,
                From = r.Date(from),
                To = r.OptionalDate(to),
                Origin = r.Origin,
            },
            d => d.Pairings,
            (x, l) => [x.Id, x.OrganizationId.Value, x.Partner, Vocabularies.PartnerKinds.Format(x.PartnerKind, l.Language), Fmt.Date(x.From), Fmt.Date(x.To)]);
    }

    private static Table JointActivities()
    {
        Column id = Req("id", "活动编号", nameof(JointActivity.Id), Id),
            pairing = Req("pairing_id", "结对编号", nameof(JointActivity.PairingId), Id),
            date = Req("date", "活动日期", nameof(JointActivity.Date), Date),
            title = Req("title", "活动名称", nameof(JointActivity.Title), Text),
            participants = Opt("participants", "参加人数", nameof(JointActivity.Participants), Integer).Within(0, Limits.People);
        return new Table<JointActivity>("joint_activities", "联建活动", [id, pairing, date, title, participants],
            r => new JointActivity
            {
                Id = r.RequiredText(id),
                PairingId = r.RequiredText(pairing),
                Date = r.Date(date),
                Title = r.RequiredText(title),
                Participants = r.OptionalInteger(participants),
                Origin = r.Origin,
            },
            d => d.JointActivities,
            (x, _) => [x.Id, x.PairingId, Fmt.Date(x.Date), x.Title, Fmt.Number(x.Participants)]);
    }

    private static Table Commendations()
    {
        Column id = Req("id", "表彰编号", nameof(Commendation.Id), Id),
            level = Req("level", "表彰级别", nameof(Commendation.Level), Choice).Of(Vocabularies.CommendationLevels),
            awarder = Req("awarder", "授予单位", nameof(Commendation.Awarder), Text),
            reason = Req("reason", "荣誉称号", nameof(Commendation.Reason), Text),
            date = Req("date", "表彰日期", nameof(Commendation.Date), Date),
            firm = Opt("firm_id", "律所编号", nameof(Commendation.FirmId), Id),
            person = Opt("person_id", "人员编号", nameof(Commendation.PersonId), Id);
        return new Table<Commendation>("commendations", "表彰", [id, level, awarder, reason, date, firm, person],
            r => new Commendation
            {
                Id = r.RequiredText(id),
                Level = r.Choice(level, Vocabularies.CommendationLevels),
                Awarder = r.RequiredText(awarder),
                Reason = r.RequiredText(reason),
                Date = r.Date(date),
                FirmId = r.OptionalFirmId(firm),
                PersonId = r.OptionalPersonId(person),
                Origin = r.Origin,
            },
            d => d.Commendations,
            (x, l) => [x.Id, Vocabularies.CommendationLevels.Format(x.Level, l.Language), x.Awarder, x.Reason, Fmt.Date(x.Date), x.FirmId?.Value, x.PersonId?.Value]);
    }

    private static Table Donations()
    {
        Column id = Req("id", "捐赠编号", nameof(Donation.Id), Id),
            amount = Req("amount", "金额", nameof(Donation.Amount), ColumnKind.Decimal).Within(0, Limits.Money),
            purpose = Req("purpose", "用途", nameof(Donation.Purpose), Text),
            date = Req("date", "捐赠日期", nameof(Donation.Date), Date),
            inKind = Opt("in_kind", "物资捐赠", nameof(Donation.InKind), ColumnKind.Boolean),
            firm = Opt("firm_id", "律所编号", nameof(Donation.FirmId), Id),
            person = Opt("person_id", "人员编号", nameof(Donation.PersonId), Id);
        return new Table<Donation>("donations", "捐款捐物", [id, amount, purpose, date, inKind, firm, person],
            r => new Donation
            {
                Id = r.RequiredText(id),
                Amount = r.Decimal(amount),
                Purpose = r.RequiredText(purpose),
                Date = r.Date(date),
                InKind = r.OptionalBoolean(inKind) ?? false,
                FirmId = r.OptionalFirmId(firm),
                PersonId = r.OptionalPersonId(person),
                Origin = r.Origin,
            },
            d => d.Donations,
            (x, l) => [x.Id, Fmt.Number(x.Amount), x.Purpose, Fmt.Date(x.Date), Fmt.Boolean(x.InKind, l.Language), x.FirmId?.Value, x.PersonId?.Value]);
    }

    /// <summary>A vote is four cells, all filled or all empty; a half-filled vote is reported, never guessed.</summary>
    private static AdmissionVote? Vote(Reading.CellReader r, Column[] columns)
    {
        var filled = columns.Count(r.Has);
        if (filled == 0)
        {
            return null;
        }

        var date = r.OptionalDate(columns[0]);
        var expected = r.OptionalInteger(columns[1]);
        var present = r.OptionalInteger(columns[2]);
        var inFavour = r.OptionalInteger(columns[3]);
        if (filled < columns.Length)
        {
            foreach (var missing in columns.Where(c => !r.Has(c)))
            {
                r.Fail(missing, null, "incomplete-vote", "表决记录不完整：日期、应到人数、实到人数和赞成票数须全部填写。",
                    "The vote is incomplete: fill in its date, members expected, present and in favour.");
            }

            return null;
        }

        return date is { } d && expected is { } e && present is { } p && inFavour is { } f ? new AdmissionVote(d, e, p, f) : null;
    }
}
