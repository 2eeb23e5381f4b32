using System.Globalization;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Metrics;
using PartyDomain.Organization;

namespace PartyDomain.Benchmarks;

/// <summary>
/// A deterministic, valid dataset of service records for one year (2025): the committee and its branches and general
/// branches (40,000 organizations by default), a few law firms in each of 200 districts, every branch covering one of
/// them, and 10 million service records of 40 recorded indicators, each summed (<see cref="Aggregation.Sum"/>): the
/// 16 built-in summed indicators (F16–F25, the hotline's figures) and 24 the city defines (<c>x-indicator-NN</c>).
/// <para>
/// Every record is a day's figure of one organization in 2025, with its organization, firm and district (the firm's);
/// quantities are whole numbers (1–20, mostly small) except for the money indicators (every fourth city-defined one,
/// in 万元), which carry two decimal places (0.01–9,999.99). Busy organizations are over-represented: a tenth of them
/// give a third of the records.
/// </para>
/// </summary>
public static class SyntheticServices
{
    /// <summary>The year the records are in.</summary>
    public const int Year = 2025;

    /// <summary>The number of recorded, summed indicators the records use.</summary>
    public const int IndicatorCount = 40;

    /// <summary>The day the dataset is validated on: after the whole year.</summary>
    public static readonly LocalDate Today = new(2026, 1, 15);

    /// <summary>The city the dataset is built for.</summary>
    public static CityInfo City { get; } = new("411500", "信阳市");

    /// <summary>
    /// The built-in catalog plus city-defined summed indicators, so that exactly <see cref="IndicatorCount"/> recorded
    /// indicators are summed (the built-in distinct count, <c>adviser-posts</c>, stays registered but gets no records).
    /// </summary>
    /// <param name="indicators">The summed indicators the records use, in catalog order.</param>
    public static IndicatorCatalog Catalog(out IReadOnlyList<IndicatorCode> indicators)
    {
        var catalog = IndicatorCatalog.CreateDefault();
        var summed = catalog.All.Where(i => i.Aggregation == Aggregation.Sum).Select(i => i.Code).ToList();
        var category = new LocalizedText("城市自定义指标", "City-defined indicators");
        for (var n = 1; summed.Count < IndicatorCount; n++)
        {
            var money = IsMoney(n);
            var code = new IndicatorCode($"x-indicator-{n:D2}");
            catalog.Add(new IndicatorDefinition
            {
                Code = code,
                Name = new($"自定义指标{n:D2}", $"City indicator {n:D2}"),
                Unit = money ? Units.TenThousandYuan : Units.Cases,
                Aggregation = Aggregation.Sum,
                Category = category,
            });
            summed.Add(code);
        }

        indicators = summed;
        return catalog;
    }

    /// <summary>Generates and builds (validates) the dataset.</summary>
    /// <param name="organizations">The number of organizations, the committee included.</param>
    /// <param name="districts">The number of districts.</param>
    /// <param name="records">The number of service records.</param>
    /// <param name="indicators">The summed indicators the records use, in catalog order.</param>
    /// <param name="seed">The seed; the same seed gives the same records.</param>
    public static CityDataset Build(int organizations, int districts, int records, out IReadOnlyList<IndicatorCode> indicators, int seed = 2025)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(organizations, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(districts, 1);
        var random = new Random(seed);
        var builder = new CityDatasetBuilder(City, Today) { Indicators = Catalog(out indicators) };

        // A few firms in each district: 2–4, three on average.
        var districtNames = Enumerable.Range(0, districts).Select(d => $"D{d:D3}").ToArray();
        var firms = new List<(FirmId Id, string District)>();
        foreach (var district in districtNames)
        {
            for (var i = 2 + random.Next(3); i > 0; i--)
            {
                var id = new FirmId($"F{firms.Count:D5}");
                builder.Add(new LawFirm
                {
                    Id = id,
                    Name = $"律师事务所{id.Value}",
                    District = district,
                    CreditCode = CreditCode(firms.Count + 1),
                    Founded = new LocalDate(2005 + random.Next(10), 1 + random.Next(12), 1),
                });
                firms.Add((id, district));
            }
        }

        // The committee, a general branch for one organization in twenty with its branches under it, and branches.
        var committee = new OrganizationId("C");
        var established = new LocalDate(2016, 1, 1);
        builder.Add(new PartyOrganization { Id = committee, Name = "市律师行业党委", Kind = OrganizationKind.IndustryCommittee, Established = new LocalDate(2010, 10, 1) });
        var units = new (OrganizationId Id, FirmId Firm, string District)[organizations - 1];
        OrganizationId? generalBranch = null;
        for (var o = 0; o < units.Length; o++)
        {
            var id = new OrganizationId($"O{o:D6}");
            var (firm, district) = firms[random.Next(firms.Count)];
            var general = random.Next(20) == 0;
            var kind = general ? OrganizationKind.GeneralBranch : OrganizationKind.Branch;
            var parent = !general && generalBranch is { } g && random.Next(4) == 0 ? g : committee;
            builder.Add(new PartyOrganization { Id = id, Name = $"党支部{id.Value}", Kind = kind, ParentId = parent, Established = established });
            builder.Add(new FirmCoverage { OrganizationId = id, FirmId = firm, From = established });
            if (general)
            {
                generalBranch = id;
            }

            units[o] = (id, firm, district);
        }

        // The records, day by day through the year.
        var codes = indicators.ToArray();
        var money = codes.Select(c => c.Value.StartsWith("x-indicator-", StringComparison.Ordinal) && IsMoney(int.Parse(c.Value[12..], CultureInfo.InvariantCulture))).ToArray();
        var first = new LocalDate(Year, 1, 1);
        var days = Enumerable.Range(0, CalendarSystem.Iso.GetDaysInYear(Year)).Select(first.PlusDays).ToArray();
        var busy = Math.Max(1, units.Length / 10);
        for (var r = 0; r < records; r++)
        {
            var indicator = random.Next(codes.Length);
            var (organization, firm, district) = units[random.Next(3) == 0 ? random.Next(busy) : random.Next(units.Length)];
            builder.Add(new ServiceRecord
            {
                Indicator = codes[indicator],
                Date = days[(int)((long)r * days.Length / records)],
                Quantity = money[indicator] ? new decimal(1 + random.Next(999_999), 0, 0, false, 2) : Quantity(random),
                Organization = organization,
                Firm = firm,
                District = district,
            });
        }

        return builder.Build();
    }

    private static bool IsMoney(int n) => n % 4 == 0;

    /// <summary>A whole number 1–20, mostly small.</summary>
    private static decimal Quantity(Random random) => random.Next(4) switch
    {
        0 or 1 => 1,
        2 => 2 + random.Next(4),
        _ => 1 + random.Next(20),
    };

    private static string CreditCode(int n)
    {
        var first17 = $"31{n % 100_000_000:D8}MA{n % 10_000_000:D7}"[..17];
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }
}
