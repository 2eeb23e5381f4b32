using PartyDomain.Extensibility.Plugins;
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
        Description = new("读取学习强国积分导出（CSV），按配置的比例和年度上限折算为学时", "Reads the Xuexi Qiangguo points export (CSV) and converts points to study hours with a configurable ratio and yearly cap"),
    };

    /// <inheritdoc />
    public void Register(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.GetOptions<XuexiOptions>();
        context.Builder
            .AddStudyCreditConverter(new PointsPerHourConverter(Platform, options.PointsPerHour, options.CapHoursPerYear))
            .AddDatasetContributor(new XuexiPointsContributor());
    }
}

/// <summary>The plugin's options, bound from <c>PartyDomain:Plugins:xuexi-qiangguo</c>.</summary>
public sealed class XuexiOptions
{
    /// <summary>How many points make one study hour; 100 unless configured.</summary>
    public decimal PointsPerHour { get; set; } = 100;

    /// <summary>The most hours a year the platform's points count for; 10 unless configured.</summary>
    public decimal CapHoursPerYear { get; set; } = 10;
}
