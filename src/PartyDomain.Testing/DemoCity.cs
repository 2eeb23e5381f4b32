using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Time;
using PartyDomain.Training;

namespace PartyDomain.Testing;

/// <summary>
/// A realistic, deterministic demo city (信阳市): one industry committee, about 40 firm branches, a general branch of a
/// large firm, a few joint branches of small firms, about 60 firms, 600 people, and a year (<see cref="Year"/>) of
/// organizational life with the gaps real branches have, service records (two years, for year-over-year), training
/// sessions and study credits, admission cases at every stage, and monthly dues. The same seed and scale give the
/// same records; <c>scale</c> multiplies the number of branches, firms and people (1000 gives a national-scale city
/// of about 40,000 branches).
/// </summary>
public static class DemoCity
{
    /// <summary>The year of activity the demo covers.</summary>
    public const int Year = 2025;

    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 2025;

    /// <summary>The demo's "today": after the whole of <see cref="Year"/>, so every slot of it is judged.</summary>
    public static LocalDate Today { get; } = new(Year + 1, 1, 15);

    /// <summary>A clock that reads 10:00 China Standard Time on <see cref="Today"/>.</summary>
    public static IClock Clock { get; } = new FixedClock(Today.At(new LocalTime(10, 0)).InZoneStrictly(PartyDomainTime.DefaultZone).ToInstant());

    /// <summary>The demo city.</summary>
    public static CityInfo City { get; } = new("411500", "信阳市");

    /// <summary>The study platform whose points the demo's study credits are in (学习强国, converted by the sample plugin).</summary>
    public const string StudyPlatform = "xuexi-qiangguo";

    /// <summary>The online platform some branches record their meetings on.</summary>
    public const string MeetingPlatform = "智慧党建平台";

    /// <summary>Generates the demo city's records.</summary>
    /// <param name="seed">The seed; the same seed and scale give the same records.</param>
    /// <param name="scale">How many times the standard city (about 40 branches, 600 people); at least 0.1.</param>
    /// <param name="city">The city the records are for; <see cref="City"/> by default (only names change).</param>
    /// <param name="progress">Told how far the generation has come, per section and every 1 % of the branches' organizational life; none by default.</param>
    public static IReadOnlyList<DatasetRecord> Generate(int seed = DefaultSeed, double scale = 1, CityInfo? city = null, IProgress<WorkProgress>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 0.1);
        return new Generator(seed, scale, city ?? City, progress).Run();
    }

    /// <summary>Generates the demo city and builds (validates) its dataset.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="scale">How many times the standard city.</param>
    /// <param name="city">The city; <see cref="City"/> by default.</param>
    /// <param name="indicators">The indicator catalog service records are checked against; the built-in one by default.</param>
    /// <param name="progress">Told how far generating and then building the dataset has come; none by default.</param>
    /// <exception cref="DatasetValidationException">The generator produced an invalid record (a bug).</exception>
    public static CityDataset Build(int seed = DefaultSeed, double scale = 1, CityInfo? city = null, IndicatorCatalog? indicators = null, IProgress<WorkProgress>? progress = null)
    {
        var builder = new CityDatasetBuilder(city ?? City, Today) { Progress = progress.Part(GeneratingShare, 1) };
        if (indicators is not null)
        {
            builder.Indicators = indicators;
        }

        return builder.AddRange(Generate(seed, scale, city, progress.Part(0, GeneratingShare))).Build();
    }

    // The share of Build's time generating takes (the rest is indexing and validating), as measured at national scale.
    private const double GeneratingShare = 0.7;

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    /// <summary>One run of the generator; its fields are the state the sections share.</summary>
    private sealed class Generator(int seed, double scale, CityInfo city, IProgress<WorkProgress>? progress)
    {
        // Each section's share of the generator's time, as measured at national scale, and its name for a progress bar.
        private static readonly (double Until, LocalizedText Stage)[] Sections =
        [
            (0.07, new("组织、律所与人员", "organizations, firms and people")),
            (0.08, new("发展党员", "admissions")),
            (0.42, new("组织生活", "organizational life")),
            (0.58, new("服务记录", "service records")),
            (0.63, new("学习培训", "training")),
            (0.90, new("党费", "dues")),
            (1.00, new("重大事项与表彰", "major matters and commendations")),
        ];

        private static readonly string[] Districts = ["浉河区", "平桥区", "罗山县", "光山县", "新县", "商城县", "固始县", "潢川县", "淮滨县", "息县"];
        private static readonly string[] FirmWords =
        [
            "申言", "淮河", "豫南", "大别山", "浉河", "信合", "正道", "明理", "卓信", "天平", "弘法", "中原", "诚和", "百川", "鼎盛", "金博",
            "汇智", "良知", "博睿", "同力", "茶都", "南湾", "鸡公山", "义阳", "申城", "光州", "弋阳", "思源", "致远", "立诚", "尚德", "明鉴",
            "公平", "泰和", "恒信", "信达", "华豫", "方正", "昊天", "群英", "嘉禾", "润泽", "德衡", "信阳", "君安", "合众", "春申", "润和",
            "正义", "辰星", "开元", "北辰", "瑞丰", "宏图", "锦程", "明德", "至诚", "厚德", "慧泽", "仁和", "天衡", "远见", "长河", "坤元",
        ];

        private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"];
        private static readonly string[] GivenNames =
        [
            "伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "丹",
            "建国", "志强", "晓东", "海燕", "文博", "思远", "子涵", "雨桐", "浩然", "欣怡", "俊杰", "晓燕", "红梅", "立新", "春华", "玉兰",
        ];

        private static readonly string[] ExcuseReasons = ["出差", "开庭", "病假", "外出办案", "参加培训"];

        private readonly Random _random = new(seed);
        private readonly List<DatasetRecord> _records = new(capacity: (int)(scale * 20_000));
        private readonly OrganizationId _committee = new("C");
        private readonly List<PersonId> _officials = [];
        private readonly List<LocalDate> _officialsJoined = [];
        private readonly List<Unit> _units = [];
        private readonly List<(FirmId Id, string Name, string District)> _firms = [];
        private readonly Dictionary<FirmId, string> _districts = [];
        private readonly Dictionary<PersonId, Person> _persons = [];
        private readonly HashSet<FirmId> _directed = [];
        private readonly List<(PersonId Id, LocalDate BecameMember, bool Full, Unit Unit)> _members = [];
        private readonly List<PersonId> _cadres = [];
        private readonly List<PersonId> _activists = [];
        private readonly List<PersonId> _candidates = [];
        private int _people;
        private int _activities;

        private int Count(double standard, int least = 1) => Math.Max(least, (int)Math.Round(standard * scale));

        public List<DatasetRecord> Run()
        {
            Reached(0, 0);
            Committee();
            Branches();
            Reached(0, 1);
            Admissions();
            Reached(1, 1);

            // The longest section: reported every 1 % of the units.
            var every = Math.Max(1, _units.Count / 100);
            for (var i = 0; i < _units.Count; i++)
            {
                OrganizationalLife(_units[i]);
                if (progress is not null && (i + 1) % every == 0)
                {
                    Reached(2, (double)(i + 1) / _units.Count);
                }
            }

            Reached(2, 1);
            Services();
            Reached(3, 1);
            Training();
            Reached(4, 1);
            Dues();
            Reached(5, 1);
            Governance();
            Reached(6, 1);
            return _records;
        }

        /// <summary>Reports <paramref name="share"/> of section <paramref name="section"/> done.</summary>
        private void Reached(int section, double share)
        {
            if (progress is null)
            {
                return;
            }

            var from = section == 0 ? 0 : Sections[section - 1].Until;
            var stage = share >= 1 && section + 1 < Sections.Length ? Sections[section + 1].Stage : Sections[section].Stage;
            progress.Report(new WorkProgress(from + ((Sections[section].Until - from) * share), stage));
        }

        private LocalDate Day(int year, int month) => new(year, month, 1 + _random.Next(28));

        private LocalDate DayIn(int year, int firstMonth, int months) => Day(year, firstMonth + _random.Next(months));

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private PersonId NewPerson(IReadOnlyList<StandingChange> standings, LocalDate birth, bool lawyer)
        {
            var id = new PersonId($"P{++_people:D7}");
            var name = Pick(Surnames) + Pick(GivenNames);
            var person = new Person
            {
                Id = id,
                Name = name,
                BirthDate = birth,
                Standings = standings,
                Lawyer = lawyer ? new LawyerProfile($"14115{2000 + _random.Next(24)}1{_people:D7}") : null,
                Phone = new SensitiveText($"13{_random.Next(10)}{_random.Next(100_000_000):D8}"),
            };
            _records.Add(person);
            _persons.Add(id, person);
            return id;
        }

        private void Committee()
        {
            _records.Add(new PartyOrganization
            {
                Id = _committee,
                Name = $"{city.Name}律师行业党委",
                Kind = OrganizationKind.IndustryCommittee,
                Established = new LocalDate(2017, 6, 28),
            });

            // The committee's officials (bureau staff): they visit firms and serve as instructors.
            for (var i = 0; i < Count(4, 3); i++)
            {
                var joined = new LocalDate(1995 + _random.Next(10), 7, 1);
                _officialsJoined.Add(joined);
                _officials.Add(NewPerson([new(MemberStanding.ProbationaryMember, joined), new(MemberStanding.FullMember, joined.PlusYears(1))], joined.PlusYears(-24 - _random.Next(6)), lawyer: false));
            }

            _records.Add(new PartyPostHolding { PersonId = _officials[0], OrganizationId = _committee, Post = PartyPost.Secretary, From = new LocalDate(2017, 6, 28) });
            _records.Add(new PartyPostHolding { PersonId = _officials[1], OrganizationId = _committee, Post = PartyPost.DeputySecretary, From = new LocalDate(2017, 6, 28) });
            _records.Add(new PartyPostHolding { PersonId = _officials[2], OrganizationId = _committee, Post = PartyPost.CommitteeMember, From = new LocalDate(2017, 6, 28) });
            _records.Add(new CommitteeElection { OrganizationId = _committee, ElectedOn = new LocalDate(2023, 6, 20) });
            foreach (var official in _officials)
            {
                _records.Add(new MembershipRegistration { PersonId = official, OrganizationId = _committee, From = new LocalDate(2017, 6, 28) });
            }
        }

        private FirmId NewFirm(string? district = null)
        {
            var n = _firms.Count;
            var word = FirmWords[n % FirmWords.Length];
            var suffix = n < FirmWords.Length ? string.Empty : (n / FirmWords.Length).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var id = new FirmId($"F{n + 1:D6}");
            var name = $"河南{word}{suffix}律师事务所";
            var founded = new LocalDate(2000 + _random.Next(12), 1 + _random.Next(12), 1 + _random.Next(28));
            district ??= Pick(Districts);
            _records.Add(new LawFirm
            {
                Id = id,
                Name = name,
                District = district,
                CreditCode = CreditCode(n + 1),
                Founded = founded,
                CharterIncludesPartyBuildingSince = _random.Next(100) < 85 ? new LocalDate(2019 + _random.Next(4), 1 + _random.Next(12), 1) : null,
            });
            _firms.Add((id, name, district));
            _districts.Add(id, district);
            return id;
        }

        private string FirmName(FirmId id) => _firms[int.Parse(id.Value.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) - 1].Name;

        private void Branches()
        {
            var established = () => new LocalDate(2018 + _random.Next(3), 1 + _random.Next(12), 1);

            // Large firms: a general branch with two branches, all covering the firm.
            for (var g = 0; g < Count(1); g++)
            {
                var firm = NewFirm(Districts[0]);
                var name = FirmName(firm);
                var since = established();
                var gb = new OrganizationId($"G{g + 1:D5}");
                _records.Add(new PartyOrganization { Id = gb, Name = $"{name}党总支", Kind = OrganizationKind.GeneralBranch, ParentId = _committee, Established = since });
                _records.Add(new FirmCoverage { OrganizationId = gb, FirmId = firm, From = since });
                for (var b = 1; b <= 2; b++)
                {
                    var id = new OrganizationId($"{gb.Value}-{b}");
                    _records.Add(new PartyOrganization { Id = id, Name = $"{name}第{(b == 1 ? "一" : "二")}党支部", Kind = OrganizationKind.Branch, ParentId = gb, Established = since });
                    _records.Add(new FirmCoverage { OrganizationId = id, FirmId = firm, From = since });
                    Staff(new Unit(id, [firm], since), 22 + _random.Next(8));
                }
            }

            // One branch per firm with three or more members; sizes skewed, one in forty above fifty.
            for (var b = 0; b < Count(40); b++)
            {
                var firm = NewFirm();
                var since = established();
                var id = new OrganizationId($"B{b + 1:D5}");
                _records.Add(new PartyOrganization { Id = id, Name = $"{FirmName(firm)}党支部", Kind = OrganizationKind.Branch, ParentId = _committee, Established = since });
                _records.Add(new FirmCoverage { OrganizationId = id, FirmId = firm, From = since });
                var roll = _random.Next(40);
                var size = roll == 0 ? 51 + _random.Next(5) : roll < 5 ? 16 + _random.Next(15) : roll < 16 ? 9 + _random.Next(10) : 4 + _random.Next(6);
                Staff(new Unit(id, [firm], since), size);
            }

            // Joint branches of two to four small firms in one district; one in four covers six (too many).
            for (var j = 0; j < Count(4); j++)
            {
                var district = Pick(Districts);
                var firms = Enumerable.Range(0, j % 4 == 3 ? 6 : 2 + _random.Next(3)).Select(_ => NewFirm(district)).ToList();
                var since = established();
                var id = new OrganizationId($"J{j + 1:D5}");
                _records.Add(new PartyOrganization { Id = id, Name = $"{district}律师行业第{j + 1}联合党支部", Kind = OrganizationKind.JointBranch, ParentId = _committee, Established = since });
                foreach (var firm in firms)
                {
                    _records.Add(new FirmCoverage { OrganizationId = id, FirmId = firm, From = since });
                }

                Staff(new Unit(id, firms, since), firms.Count * (1 + _random.Next(2)) + 1);
            }

            // Firms with no members: most have an instructor, some have no party work yet.
            for (var i = 0; i < Count(6, 2); i++)
            {
                var firm = NewFirm();
                if (i % 3 != 2)
                {
                    _records.Add(new InstructorAssignment { PersonId = _officials[i % _officials.Count], FirmId = firm, From = new LocalDate(2021, 3, 1) });
                }
            }
        }

        /// <summary>Members, their firms and registrations, posts, committee and groups of one branch.</summary>
        private void Staff(Unit unit, int size)
        {
            _units.Add(unit);
            var firmIndex = 0;
            for (var m = 0; m < size; m++)
            {
                // A member in twelve is probationary (admitted in the year); the rest are full members of many years.
                var probationary = m > 0 && _random.Next(12) == 0;
                var joined = probationary ? Day(Year, 1 + _random.Next(9)) : new LocalDate(1990 + _random.Next(33), 1 + _random.Next(12), 1 + _random.Next(28));
                var standings = probationary
                    ? new List<StandingChange> { new(MemberStanding.ProbationaryMember, joined) }
                    : [new(MemberStanding.ProbationaryMember, joined), new(MemberStanding.FullMember, joined.PlusYears(1))];

                // One secretary in twenty became a full member only this year (too short a standing).
                if (m == 0 && _random.Next(20) == 0)
                {
                    joined = new LocalDate(Year - 1, 3, 1 + _random.Next(28));
                    standings = [new(MemberStanding.ProbationaryMember, joined), new(MemberStanding.FullMember, joined.PlusYears(1))];
                }

                var birth = LocalDate.Min(joined.PlusYears(-22 - _random.Next(18)), new LocalDate(2000, 1, 1));
                var person = NewPerson(standings, birth, lawyer: _random.Next(10) > 0);
                var firm = unit.Firms[firmIndex++ % unit.Firms.Count];
                var hired = new LocalDate(2012 + _random.Next(11), 1 + _random.Next(12), 1);
                var registered = LocalDate.Max(LocalDate.Max(hired, joined), unit.Established);

                // One member in thirty moved here from another firm in the last two years; a quarter of them
                // still have their registration with the former firm's branch.
                if (m > 0 && _units.Count > 1 && _random.Next(30) == 0)
                {
                    var former = _units[_random.Next(_units.Count - 1)];
                    var moved = Day(Year - 1, 1 + _random.Next(12));
                    var start = LocalDate.Max(LocalDate.Max(joined, former.Established), moved.PlusYears(-5));
                    if (start < moved.PlusMonths(-1))
                    {
                        _records.Add(new FirmEmployment { PersonId = person, FirmId = former.Firms[0], From = start, To = moved.PlusDays(-1) });
                        _records.Add(new FirmEmployment { PersonId = person, FirmId = firm, From = moved });
                        if (_random.Next(4) == 0)
                        {
                            _records.Add(new MembershipRegistration { PersonId = person, OrganizationId = former.Id, From = start });
                            former.Join(person, start);
                        }
                        else
                        {
                            var transferred = LocalDate.Max(moved.PlusMonths(1 + _random.Next(3)), unit.Established);
                            _records.Add(new MembershipRegistration { PersonId = person, OrganizationId = former.Id, From = start, To = transferred.PlusDays(-1) });
                            _records.Add(new MembershipRegistration { PersonId = person, OrganizationId = unit.Id, From = transferred });
                            unit.Join(person, transferred);
                        }

                        _members.Add((person, joined, !probationary, unit));
                        continue;
                    }
                }

                _records.Add(new FirmEmployment { PersonId = person, FirmId = firm, From = hired });
                _records.Add(new MembershipRegistration { PersonId = person, OrganizationId = unit.Id, From = registered });
                unit.Join(person, registered);
                _members.Add((person, joined, !probationary, unit));
            }

            // The secretary: most often the firm's director (一岗双责); a partner or two on the committee.
            var secretary = unit.Members[0];
            unit.Secretary = secretary;
            _cadres.Add(secretary);
            var secretarySince = LocalDate.Max(unit.Since[secretary], new LocalDate(2021, 1, 1).PlusDays(_random.Next(900)));
            _records.Add(new PartyPostHolding { PersonId = secretary, OrganizationId = unit.Id, Post = PartyPost.Secretary, From = secretarySince });
            if (!_directed.Add(unit.Firms[0]))
            {
                // The firm's director is on record already (a large firm's other branch).
            }
            else if (_random.Next(10) < 7)
            {
                _records.Add(new FirmPostHolding { PersonId = secretary, FirmId = unit.Firms[0], Post = FirmPost.Director, From = new LocalDate(2018, 1, 1) });
            }
            else if (unit.Members.Count > 1)
            {
                _records.Add(new FirmPostHolding { PersonId = unit.Members[1], FirmId = unit.Firms[0], Post = FirmPost.Director, From = new LocalDate(2018, 1, 1) });
                _records.Add(new FirmPostHolding { PersonId = secretary, FirmId = unit.Firms[0], Post = FirmPost.Partner, From = new LocalDate(2019, 1, 1) });
            }

            // A committee in most branches of seven or more; an election of 2022 is overdue, one of 2023 nearly due.
            unit.Seats.Add(secretary);
            if (unit.Members.Count >= 6 && _random.Next(8) > 0)
            {
                var elected = LocalDate.Max(unit.Members.Take(5).Max(p => unit.Since[p]), DayIn(2022 + _random.Next(4), 1, 12));
                if (elected > Today.PlusDays(-30))
                {
                    elected = Today.PlusDays(-60);
                }

                _records.Add(new CommitteeElection { OrganizationId = unit.Id, ElectedOn = elected });
                for (var s = 1; s <= 2 + _random.Next(3) && s < unit.Members.Count; s++)
                {
                    var seat = unit.Members[s];
                    _records.Add(new PartyPostHolding
                    {
                        PersonId = seat, OrganizationId = unit.Id, Post = s == 1 && _random.Next(2) == 0 ? PartyPost.DeputySecretary : PartyPost.CommitteeMember,
                        Portfolio = s switch { 1 => "组织委员", 2 => "宣传委员", _ => "纪检委员" }, From = elected,
                    });
                    unit.Seats.Add(seat);
                    _cadres.Add(seat);
                }
            }

            // Party groups in branches of twenty or more.
            if (unit.Members.Count >= 20)
            {
                for (var g = 0; g < 2; g++)
                {
                    var id = new OrganizationId($"{unit.Id.Value}-G{g + 1}");
                    var since = LocalDate.Max(unit.Established, new LocalDate(2022, 1, 1));
                    _records.Add(new PartyOrganization { Id = id, Name = $"第{(g == 0 ? "一" : "二")}党小组", Kind = OrganizationKind.PartyGroup, ParentId = unit.Id, Established = since });
                    var members = unit.Members.Where((_, i) => i % 2 == g).ToList();
                    _records.Add(new PartyPostHolding { PersonId = members[^1], OrganizationId = id, Post = PartyPost.GroupLeader, From = since });
                    unit.Groups.Add((id, members));
                }
            }
        }

        /// <summary>Admission cases at every stage, with the people they concern.</summary>
        private void Admissions()
        {
            var n = 0;
            foreach (var unit in _units.Where((_, i) => i % 2 == 0))
            {
                var stage = n++ % 6;
                var applied = stage switch
                {
                    0 => Day(Year, 3 + _random.Next(9)),
                    1 => Day(Year - 1, 1 + _random.Next(9)),
                    2 => Day(Year - 2, 1 + _random.Next(6)),
                    3 => Day(Year - 2, 10 + _random.Next(3)),
                    _ => Day(Year - 4, 1 + _random.Next(6)),
                };

                // One applicant in five is not talked to within the month.
                var talk = applied.PlusDays(_random.Next(5) == 0 ? 40 + _random.Next(30) : 7 + _random.Next(20));
                var activist = stage >= 1 ? applied.PlusMonths(3 + _random.Next(3)) : (LocalDate?)null;
                var candidate = stage >= 2 ? activist!.Value.PlusMonths(12 + _random.Next(4)) : (LocalDate?)null;
                var vote = stage >= 3 ? candidate!.Value.PlusMonths(4 + _random.Next(3)) : (LocalDate?)null;
                if (vote > Today.PlusDays(-20))
                {
                    vote = null;
                }

                var converted = vote is { } v && v.PlusYears(1) <= Today.PlusDays(-30) && stage >= 4;
                var standings = new List<StandingChange> { new(MemberStanding.Applicant, applied) };
                if (activist is { } a)
                {
                    standings.Add(new(MemberStanding.Activist, a));
                }

                if (candidate is { } c)
                {
                    standings.Add(new(MemberStanding.DevelopmentCandidate, c));
                }

                if (vote is { } vv)
                {
                    standings.Add(new(MemberStanding.ProbationaryMember, vv));
                    if (converted)
                    {
                        standings.Add(new(MemberStanding.FullMember, vv.PlusYears(1)));
                    }
                }

                var young = _random.Next(3) > 0;
                var person = NewPerson(standings, applied.PlusYears(young ? -26 - _random.Next(8) : -38 - _random.Next(10)), lawyer: _random.Next(5) > 0);
                var full = unit.Members.Where(p => _persons[p].FullMemberSince(applied) is not null).Take(4).ToList();
                var expected = unit.Members.Count;
                AdmissionVote Vote(LocalDate date)
                {
                    var present = expected - _random.Next((expected / 3) + 1);
                    return new AdmissionVote(date, expected, present, present - (_random.Next(3) == 0 ? 1 : 0));
                }

                _records.Add(new AdmissionCase
                {
                    Id = $"ADM-{applied.Year}-{n:D5}",
                    PersonId = person,
                    OrganizationId = unit.Id,
                    Applied = applied,
                    FirstTalk = talk <= Today ? talk : null,
                    ActivistDesignated = activist,
                    Contacts = activist is null ? [] : full.Take(1 + _random.Next(2)).ToList(),
                    Assessments = activist is { } ad
                        ? Enumerable.Range(1, 6).Select(k => ad.PlusMonths(6 * k)).Where(d => d <= (candidate ?? Today)).ToList()
                        : [],
                    CandidateDesignated = candidate,
                    Sponsors = candidate is null ? [] : full.Skip(1).Take(_random.Next(10) == 0 ? 1 : 2).ToList(),
                    PoliticalReview = candidate?.PlusMonths(1),
                    PoliticalReviewPassed = candidate is null ? null : true,
                    TrainingDays = candidate is null ? null : 3,
                    TrainingHours = candidate is null ? null : 24,
                    PreReview = vote?.PlusDays(-14),
                    AdmissionVote = vote is { } av ? Vote(av) : null,
                    Approved = vote?.PlusMonths(1) is { } approved && approved <= Today ? approved : null,
                    Oath = vote?.PlusMonths(2) is { } oath && oath <= Today ? oath : null,
                    ConversionVote = converted ? Vote(vote!.Value.PlusYears(1).PlusDays(3)) : null,
                    ConversionApproved = converted ? vote!.Value.PlusYears(1).PlusDays(15) : null,
                });

                if (vote is { } joined)
                {
                    _records.Add(new MembershipRegistration { PersonId = person, OrganizationId = unit.Id, From = LocalDate.Max(joined, unit.Established) });
                    unit.Join(person, LocalDate.Max(joined, unit.Established));
                    _members.Add((person, joined, converted, unit));
                }
                else if (candidate is not null)
                {
                    _candidates.Add(person);
                }
                else if (activist is not null)
                {
                    _activists.Add(person);
                    unit.Guests.Add(person);
                }
            }
        }

        private void Activity(OrganizationId organization, ActivityKind kind, LocalDate date, IReadOnlyList<Attendance> attendance,
            PersonId? lecturer = null, string? title = null, int? headCount = null, string? platform = null)
        {
            _records.Add(new ActivityRecord
            {
                Id = $"A{++_activities:D8}",
                OrganizationId = organization,
                Kind = kind,
                Date = date,
                Title = title,
                Lecturer = lecturer,
                Attendance = attendance,
                HeadCount = headCount,
                SourcePlatform = platform,
            });
        }

        private List<Attendance> Attend(IEnumerable<PersonId> people, double presence, IEnumerable<PersonId>? guests = null)
        {
            var list = new List<Attendance>();
            foreach (var p in people)
            {
                var roll = _random.NextDouble();
                list.Add(roll < presence ? new(p, AttendanceStatus.Present)
                    : roll < presence + ((1 - presence) / 2) ? new(p, AttendanceStatus.Excused, Pick(ExcuseReasons))
                    : new(p, AttendanceStatus.Absent));
            }

            if (guests is not null)
            {
                list.AddRange(guests.Select(g => new Attendance(g, AttendanceStatus.Present)));
            }

            return list;
        }

        /// <summary>A year of one branch's organizational life, with the gaps its diligence gives it.</summary>
        private void OrganizationalLife(Unit unit)
        {
            var roll = _random.Next(10);
            var skip = roll == 0 ? 0.35 : roll < 3 ? 0.12 : 0.03;
            bool Held() => _random.NextDouble() >= skip;
            var platform = _random.Next(5) < 2 ? MeetingPlatform : null;

            // Members as of a day: those registered here by then.
            var since = unit.Since;
            IEnumerable<PersonId> MembersOn(LocalDate d) => unit.Members.Where(p => since[p] <= d);

            var secretaryLectures = _random.Next(10) < 8;
            for (var q = 0; q < 4; q++)
            {
                if (Held())
                {
                    var date = DayIn(Year, (3 * q) + 1, 3);
                    Activity(unit.Id, ActivityKind.GeneralMeeting, date, Attend(MembersOn(date), _random.Next(15) == 0 ? 0.3 : 0.88), title: $"{Year}年第{q + 1}季度支部党员大会", platform: platform);
                }

                if (Held())
                {
                    var date = DayIn(Year, (3 * q) + 1, 3);
                    var lecturer = q == 3 && secretaryLectures ? unit.Secretary : Pick(unit.Members);
                    Activity(unit.Id, ActivityKind.PartyLesson, date, Attend(MembersOn(date), 0.85, unit.Guests), lecturer, $"{Year}年第{q + 1}季度党课", platform: platform);
                }
            }

            var themeDay = 1 + _random.Next(28);
            for (var month = 1; month <= 12; month++)
            {
                if (Held())
                {
                    var date = new LocalDate(Year, month, themeDay);
                    Activity(unit.Id, ActivityKind.ThemePartyDay, date, Attend(MembersOn(date), 0.82, unit.Guests), title: $"{month}月主题党日", platform: platform);
                }

                if (unit.Seats.Count > 2 && Held())
                {
                    var date = Day(Year, month);
                    Activity(unit.Id, ActivityKind.CommitteeMeeting, date, Attend(unit.Seats, _random.Next(25) == 0 ? 0.2 : 0.92), title: $"{month}月支委会", platform: platform);
                }

                foreach (var (group, members) in unit.Groups)
                {
                    if (Held())
                    {
                        var date = Day(Year, month);
                        Activity(group, ActivityKind.GroupMeeting, date, Attend(members.Where(p => since[p] <= date), 0.85));
                    }
                }
            }

            // Red education in summer, law popularization in the community.
            if (_random.Next(10) < 4)
            {
                var date = DayIn(Year, 6, 3);
                Activity(unit.Id, ActivityKind.RedEducation, date, Attend(MembersOn(date), 0.8), title: "重温入党誓词 红色教育主题党日");
            }

            for (var i = _random.Next(4); i > 0; i--)
            {
                Activity(unit.Id, ActivityKind.LawPopularization, Day(Year, 1 + _random.Next(12)), [], title: "民法典进社区", headCount: 20 + _random.Next(200));
            }

            if (Held())
            {
                // The organizational life meeting, most often in December, and the appraisal right after it.
                var date = _random.Next(4) == 0 ? Day(Year, 1) : DayIn(Year, 11, 2);
                var members = MembersOn(date).ToList();
                Activity(unit.Id, ActivityKind.OrganizationalLifeMeeting, date, Attend(members, 0.9), title: $"{Year - (date.Month == 1 ? 1 : 0)}年度组织生活会", platform: platform);
                var appraised = members.Where(p => _random.Next(40) > 0).Select(p => new Attendance(p, AttendanceStatus.Present)).ToList();
                Activity(unit.Id, ActivityKind.DemocraticAppraisal, date.PlusDays(1), appraised, title: "民主评议党员");
            }

            // Heart-to-heart talks: the secretary with nearly every member.
            foreach (var member in unit.Members.Skip(1))
            {
                for (var t = _random.Next(100) switch { < 6 => 0, < 60 => 1, _ => 2 }; t > 0; t--)
                {
                    var start = LocalDate.Max(new LocalDate(Year, 1, 1), since[member]);
                    var date = start.PlusDays(_random.Next(Period.DaysBetween(start, new LocalDate(Year, 12, 31)) + 1));
                    Activity(unit.Id, ActivityKind.HeartToHeartTalk, date, [new(unit.Secretary, AttendanceStatus.Present), new(member, AttendanceStatus.Present)]);
                }
            }

            // The committee's leaders visit one firm in three.
            if (_random.Next(3) == 0)
            {
                Activity(_committee, ActivityKind.LeadershipVisit, Day(Year, 1 + _random.Next(12)),
                    _officials.Take(2).Select(p => new Attendance(p, AttendanceStatus.Present)).ToList(), title: $"到{unit.Id.Value}调研党建工作");
            }
        }

        /// <summary>Public legal service figures for two years, so the year-over-year comparison has a base.</summary>
        private void Services()
        {
            var adviserPosts = new[] { "村（居）法律顾问", "政府法律顾问", "企业法律顾问", "学校法律顾问" };
            foreach (var year in new[] { Year - 1, Year })
            {
                var growth = year == Year ? 1.1 : 1.0;
                int Amount(int most) => (int)Math.Round(_random.Next(most + 1) * growth);
                void Add(IndicatorCode indicator, LocalDate date, int quantity, Unit? unit = null, string? district = null, RecordSpan span = RecordSpan.Month,
                    PersonId? member = null, string? subject = null)
                {
                    if (quantity <= 0)
                    {
                        return;
                    }

                    var firm = unit?.Firms[0];
                    _records.Add(new ServiceRecord
                    {
                        Indicator = indicator,
                        Date = date,
                        Span = span,
                        Quantity = quantity,
                        Organization = unit?.Id,
                        Firm = firm,
                        District = district ?? (firm is { } f ? _districts[f] : null),
                        Member = member,
                        Subject = subject,
                    });
                }

                // The 12348 hotline, district by district and month by month.
                foreach (var district in Districts)
                {
                    for (var month = 1; month <= 12; month++)
                    {
                        var calls = (int)(scale * (200 + _random.Next(300)) * growth) + 1;
                        var answered = calls - (int)(calls * _random.Next(7) / 100.0);
                        var surveyed = answered / 4;
                        var first = new LocalDate(year, month, 1);
                        Add(IndicatorCodes.HotlineCalls, first, calls, district: district);
                        Add(IndicatorCodes.HotlineAnswered, first, answered, district: district);
                        Add(IndicatorCodes.HotlineSurveyed, first, surveyed, district: district);
                        Add(IndicatorCodes.HotlineSatisfied, first, surveyed - (surveyed * _random.Next(12) / 100), district: district);
                    }
                }

                foreach (var unit in _units)
                {
                    for (var month = 1; month <= 12; month++)
                    {
                        Add(IndicatorCodes.WalkInConsultations, new LocalDate(year, month, 1), Amount(12), unit);
                    }

                    for (var q = 0; q < 4; q++)
                    {
                        var first = new LocalDate(year, (3 * q) + 1, 1);
                        var aid = Amount(6);
                        Add(IndicatorCodes.LegalAidCases, first, aid, unit);
                        Add(IndicatorCodes.LegalAidClosed, first, aid - _random.Next(Math.Min(aid, 2) + 1), unit);
                        Add(IndicatorCodes.CriminalCases, first, Amount(15), unit);
                        Add(IndicatorCodes.CivilCases, first, Amount(60), unit);
                        Add(IndicatorCodes.NonLitigationCases, first, Amount(25), unit);
                        Add(IndicatorCodes.ArbitrationCases, first, Amount(4), unit);
                        Add(IndicatorCodes.ConsultationsAndDocuments, first, Amount(40), unit);
                        Add(IndicatorCodes.DisputesMediated, first, Amount(8), unit);
                        Add(IndicatorCodes.LitigationParticipations, first, Amount(5), unit);
                        Add(IndicatorCodes.OnSiteServices, first, Amount(6), unit);
                        Add(IndicatorCodes.VillageLegalOpinions, first, Amount(3), unit);
                    }

                    // Adviser posts: a quarter of the members hold one, recorded once a year.
                    foreach (var member in unit.Members.Where((_, i) => i % 4 == 1))
                    {
                        Add(IndicatorCodes.AdviserPosts, new LocalDate(year, 1, 1), 1, unit, span: RecordSpan.Year, member: member,
                            subject: $"{member.Value}-{Pick(adviserPosts)}");
                    }
                }
            }
        }

        /// <summary>Party school sessions since it opened, the year's study sessions and study-platform credits.</summary>
        private void Training()
        {
            var session = 0;
            string Id(int year) => $"T{year}-{++session:D3}";
            var members = _members.Select(m => m.Id).Concat(_officials).ToList();

            // The party school: every year a class of activists, one of candidates and one of party-affairs cadres.
            for (var year = 2019; year <= Year; year++)
            {
                var start = Day(year, 4 + _random.Next(3));
                _records.Add(new TrainingSession
                {
                    Id = Id(year), Title = $"{year}年入党积极分子培训班", Organizer = "市律师行业党校", Start = start, End = start.PlusDays(2), StudyHours = 24,
                    Audience = TrainingAudience.Activists, Concentrated = true, PartySchool = true,
                    Attendance = (year == Year ? _activists : members.Skip(year * 7 % Math.Max(1, members.Count - 30)).Take(Count(12))).Select(p => new TrainingAttendance(p)).ToList(),
                });
                start = Day(year, 9 + _random.Next(2));
                _records.Add(new TrainingSession
                {
                    Id = Id(year), Title = $"{year}年发展对象培训班", Organizer = "市律师行业党校", Start = start, End = start.PlusDays(2), StudyHours = 24,
                    Audience = TrainingAudience.Candidates, Concentrated = true, PartySchool = true,
                    Attendance = (year == Year ? _candidates : members.Skip(year * 11 % Math.Max(1, members.Count - 30)).Take(Count(6))).Select(p => new TrainingAttendance(p)).ToList(),
                });
                start = Day(year, 5 + _random.Next(4));
                _records.Add(new TrainingSession
                {
                    Id = Id(year), Title = $"{year}年党支部书记集中轮训", Organizer = "市律师行业党校", Start = start, End = start.PlusDays(2), StudyHours = 24,
                    Audience = TrainingAudience.Secretaries | TrainingAudience.Cadres, Concentrated = true, PartySchool = true,
                    Attendance = _cadres.Where(_ => _random.Next(100) < 88).Select(p => new TrainingAttendance(p)).ToList(),
                });
            }

            // The year's study: five days of eight hours for every member, three more for cadres; some miss one or two.
            for (var i = 0; i < 5; i++)
            {
                var date = Day(Year, 2 + (2 * i));
                _records.Add(new TrainingSession
                {
                    Id = Id(Year), Title = $"党员律师集中学习（第{i + 1}期）", Organizer = "市律师行业党委", Start = date, StudyHours = 8,
                    Attendance = members.Where(_ => _random.Next(100) < 88).Select(p => new TrainingAttendance(p)).ToList(),
                });
            }

            for (var i = 0; i < 3; i++)
            {
                var date = Day(Year, 3 + (3 * i));
                _records.Add(new TrainingSession
                {
                    Id = Id(Year), Title = $"党务干部专题培训（第{i + 1}期）", Organizer = "市律师行业党委", Start = date, StudyHours = 8, Audience = TrainingAudience.Cadres,
                    Attendance = _cadres.Where(_ => _random.Next(100) < 85).Select(p => new TrainingAttendance(p)).ToList(),
                });
            }

            // Study-platform points, each quarter, for six members in ten.
            foreach (var member in members.Where(_ => _random.Next(10) < 6))
            {
                for (var q = 0; q < 4; q++)
                {
                    _records.Add(new StudyCredit { PersonId = member, Platform = StudyPlatform, Date = new LocalDate(Year, (3 * q) + 3, 28), Points = 100 + _random.Next(500) });
                }
            }
        }

        /// <summary>Income declarations and monthly dues; a few members fall behind, one stops paying.</summary>
        private void Dues()
        {
            foreach (var (person, since) in _members.Select(m => (m.Id, m.BecameMember)).Concat(_officials.Zip(_officialsJoined)))
            {
                var first = new YearMonth(Year, 1);
                if (since > first.OnDayOfMonth(1))
                {
                    first = new YearMonth(since.Year, since.Month).PlusMonths(1);
                }

                // Salaried lawyers (half of them) declare twice a year; the rest declare their irregular income monthly.
                var salaried = _random.Next(2) == 0;
                var incomes = new List<MemberIncome>(15);
                if (salaried)
                {
                    // Once at the end of the year before and again mid-year (a declaration holds for twelve months).
                    var pay = 4000 + (100 * _random.Next(160));
                    incomes.Add(new MemberIncome { PersonId = person, Month = new YearMonth(Year - 1, 12), Kind = IncomeKind.Salary, Amount = pay });
                    incomes.Add(new MemberIncome { PersonId = person, Month = new YearMonth(Year, 7), Kind = IncomeKind.Salary, Amount = pay + 500 });
                }
                else
                {
                    for (var m = new YearMonth(Year - 1, 10); m <= new YearMonth(Year, 12); m = m.PlusMonths(1))
                    {
                        incomes.Add(new MemberIncome { PersonId = person, Month = m, Kind = IncomeKind.IrregularIncome, Amount = 2000 + (100 * _random.Next(250)) });
                    }
                }

                _records.AddRange(incomes);
                var behaviour = _random.Next(100);
                for (var m = first; m <= new YearMonth(Year, 12); m = m.PlusMonths(1))
                {
                    // 2 in 100 stop paying in the summer; 5 in 100 pay a quarter late; the rest pay in the month.
                    if (behaviour < 2 && m.Month >= 6)
                    {
                        continue;
                    }

                    var paidOn = behaviour < 7 ? m.PlusMonths(3).OnDayOfMonth(10) : m.OnDayOfMonth(5 + _random.Next(20));
                    if (paidOn > Today)
                    {
                        continue;
                    }

                    // One payer in fifty rounds down to the yuan and owes the fen.
                    var due = DuesRates.Monthly(Base(incomes, m));
                    var amount = behaviour is >= 7 and < 9 ? Math.Max(1m, Math.Floor(due)) : due;
                    _records.Add(new DuesPayment { PersonId = person, Month = m, Amount = amount, PaidOn = paidOn });
                }
            }
        }

        /// <summary>
        /// The national base as <see cref="NationalDuesBasePolicy"/> works it out (the latest salary, or last quarter's
        /// average irregular income), computed directly: the generator knows which case applies, and the policy's
        /// explanation text costs more than the whole generation at national scale.
        /// </summary>
        private static DuesBase Base(List<MemberIncome> incomes, YearMonth month)
        {
            if (incomes[0].Kind == IncomeKind.Salary)
            {
                return new DuesBase(IncomeKind.Salary, incomes[month.Month >= 7 ? 1 : 0].Amount, Explanation);
            }

            // Irregular income is declared monthly from October of the year before: last quarter starts at index 3q.
            var first = (month.Month - 1) / 3 * 3;
            var sum = incomes[first].Amount + incomes[first + 1].Amount + incomes[first + 2].Amount;
            return new DuesBase(IncomeKind.IrregularIncome, Math.Round(sum / 3, 2, MidpointRounding.AwayFromZero), Explanation);
        }

        private static readonly LocalizedText Explanation = new("演示数据", "demo data");

        /// <summary>The committee's rules, major matters with their review steps, pairings, commendations and donations.</summary>
        private void Governance()
        {
            _records.Add(new GovernanceDocument { Id = "DOC-2019-01", Title = $"{city.Name}律师行业党委工作职责", Kind = GovernanceDocumentKind.WorkDuties, Issued = new LocalDate(2019, 3, 12), Issuer = $"{city.Name}律师行业党委" });
            _records.Add(new GovernanceDocument { Id = "DOC-2019-02", Title = $"{city.Name}律师行业党委议事规则", Kind = GovernanceDocumentKind.MeetingProcedures, Issued = new LocalDate(2019, 3, 12), Issuer = $"{city.Name}律师行业党委" });
            _records.Add(new GovernanceDocument { Id = "DOC-2021-01", Title = "关于加强律师事务所党组织建设的指导意见", Kind = GovernanceDocumentKind.GuidanceOpinion, Issued = new LocalDate(2021, 6, 30), Issuer = $"{city.Name}司法局" });

            // Major matters: most reviewed by the committee before the council, a few after; the bureau approves last.
            var titles = new[] { "律师协会年度预算", "律师行业发展规划", "律师执业考核办法修订", "公益法律服务经费使用", "律师协会换届方案" };
            for (var i = 0; i < Count(8); i++)
            {
                var first = Day(Year, 1 + _random.Next(10));
                var committeeFirst = _random.Next(5) > 0;
                var steps = new List<MajorMatterStep>
                {
                    new(first, committeeFirst ? GoverningBody.IndustryCommittee : GoverningBody.StandingCouncil, StepOutcome.Approved),
                    new(first.PlusDays(7 + _random.Next(14)), committeeFirst ? GoverningBody.StandingCouncil : GoverningBody.IndustryCommittee, StepOutcome.Approved),
                    new(first.PlusDays(30 + _random.Next(20)), GoverningBody.BureauLeadershipGroup, _random.Next(8) == 0 ? StepOutcome.Returned : StepOutcome.Approved),
                };
                _records.Add(new MajorMatter
                {
                    Id = $"MM-{Year}-{i + 1:D4}", Title = titles[i % titles.Length], Kind = (MajorMatterKind)(i % 3),
                    Route = committeeFirst ? MajorMatterRoute.CommitteeFirst : MajorMatterRoute.CouncilFirst, Steps = steps,
                });
            }

            // Three branches in ten are paired with a community or a unit, with a few joint activities in the year.
            var pairings = 0;
            foreach (var unit in _units.Where(_ => _random.Next(10) < 3))
            {
                var id = $"PR-{++pairings:D5}";
                var since = LocalDate.Max(unit.Established, new LocalDate(2022 + _random.Next(3), 1 + _random.Next(12), 1));
                _records.Add(new Pairing { Id = id, OrganizationId = unit.Id, Partner = $"{Pick(Districts)}{Pick(FirmWords)}社区党支部", From = since });
                for (var a = 1 + _random.Next(3); a > 0; a--)
                {
                    var date = LocalDate.Max(since, Day(Year, 1 + _random.Next(12)));
                    _records.Add(new JointActivity { Id = $"{id}-{a}", PairingId = id, Date = date, Title = "结对共建：法律服务进社区", Participants = 10 + _random.Next(40) });
                }
            }

            // Commendations of firms and lawyers, and donations.
            var levels = new[] { CommendationLevel.City, CommendationLevel.City, CommendationLevel.City, CommendationLevel.Provincial, CommendationLevel.National };
            for (var i = 0; i < Count(10); i++)
            {
                var level = levels[i % levels.Length];
                var awarder = level switch { CommendationLevel.National => "司法部", CommendationLevel.Provincial => "河南省司法厅", _ => $"{city.Name}司法局" };
                var firm = i % 2 == 0 ? _firms[_random.Next(_firms.Count)].Id : (FirmId?)null;
                _records.Add(new Commendation
                {
                    Id = $"CM-{Year}-{i + 1:D4}", Level = level, Awarder = awarder, Date = Day(Year, 1 + _random.Next(12)),
                    Reason = firm is null ? "优秀党员律师" : "先进律师事务所党组织", FirmId = firm, PersonId = firm is null ? Pick(_members).Id : null,
                });
            }

            for (var i = 0; i < Count(12); i++)
            {
                _records.Add(new Donation
                {
                    Id = $"DN-{Year}-{i + 1:D4}", Amount = 1000 * (1 + _random.Next(50)), Purpose = i % 3 == 0 ? "防汛救灾" : "助学帮困",
                    Date = Day(Year, 1 + _random.Next(12)), FirmId = _firms[_random.Next(_firms.Count)].Id,
                });
            }
        }

        private static string CreditCode(int n)
        {
            var first17 = $"31411500MD{n % 10_000_000:D7}";
            return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
        }
    }

    /// <summary>A branch or joint branch as the generator fills it.</summary>
    private sealed class Unit(OrganizationId id, List<FirmId> firms, LocalDate established)
    {
        public OrganizationId Id { get; } = id;

        public List<FirmId> Firms { get; } = firms;

        public LocalDate Established { get; } = established;

        public List<PersonId> Members { get; } = [];

        /// <summary>The day each member's registration here began.</summary>
        public Dictionary<PersonId, LocalDate> Since { get; } = [];

        public List<PersonId> Seats { get; } = [];

        public List<PersonId> Guests { get; } = [];

        public List<(OrganizationId Id, List<PersonId> Members)> Groups { get; } = [];

        public PersonId Secretary { get; set; }

        public void Join(PersonId person, LocalDate registered)
        {
            Members.Add(person);
            Since[person] = registered;
        }
    }
}
