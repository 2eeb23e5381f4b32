using PartyDomain.Data;
using PartyDomain.Extensibility.Plugins;
using PartyDomain.Organization;
using PartyDomain.Training;

namespace PartyDomain.Plugins.Xuexi;

/// <summary>
/// The “学习强国” (Xuexi Qiangguo) study-platform plugin: reads the platform's points export into study credits and
/// converts a year's points into study hours at a configurable ratio and yearly cap.
/// </summary>
public sealed class XuexiPlugin : IPartyDomainPlugin
{
    /// <summary>The platform name the credits carry.</summary>
    public const string Platform = "xuexi-qiangguo";

    /// <inheritdoc />
    public PluginManifest Manifest { get; } = new()
    {
        Id = "xuexi-qiangguo",
        Version = "1.0.0",
        DisplayName = new("学习强国学习积分", "Xuexi Qiangguo study points"),
        Description = new("读取学习强国积分导出（CSV，import --from xuexi-points）或导入文件中的“学习强国积分”表，按配置的比例和年度上限折算为学时", "Reads the Xuexi Qiangguo points export (CSV, import --from xuexi-points) or the table xuexi_points of the import files, and converts points to study hours with a configurable ratio and yearly cap"),
    };

    /// <inheritdoc />
    public void Register(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.GetOptions<XuexiOptions>();
        context.Builder
            .AddStudyCreditConverter(new PointsPerHourConverter(Platform, options.PointsPerHour, options.CapHoursPerYear))
            .AddDatasetContributor(new XuexiPointsContributor())
            .AddImportTable(PointsTable);
    }

    /// <summary>
    /// The points as a table of the city's own import files (<c>xuexi_points.csv</c>, a sheet 学习强国积分, or an array in
    /// JSON), beside the built-in tables: one row per member and day, read into study credits.
    /// </summary>
    public static ImportTable PointsTable { get; } = new("xuexi_points", "学习强国积分",
        [
            new("member_id", "党员编号", ImportColumnKind.Text, Required: true) { Property = nameof(StudyCredit.PersonId) },
            new("name", "姓名"),
            new("date", "日期", ImportColumnKind.Date, Required: true) { Property = nameof(StudyCredit.Date) },
            new("points", "积分", ImportColumnKind.Number, Required: true) { Property = nameof(StudyCredit.Points), Min = 0, Max = 100_000 },
        ],
        row => new StudyCredit
        {
            PersonId = new PersonId(row.Text("member_id")!),
            Platform = Platform,
            Date = row.Date("date")!.Value,
            Points = row.Number("points")!.Value,
            Origin = row.Origin,
        });
}

/// <summary>The plugin's options, bound from <c>PartyDomain:Plugins:xuexi-qiangguo</c>.</summary>
public sealed class XuexiOptions
{
    /// <summary>How many points make one study hour; 100 unless configured.</summary>
    public decimal PointsPerHour { get; set; } = 100;

    /// <summary>The most hours a year the platform's points count for; 10 unless configured.</summary>
    public decimal CapHoursPerYear { get; set; } = 10;
}
