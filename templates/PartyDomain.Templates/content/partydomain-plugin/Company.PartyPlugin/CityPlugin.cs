using PartyDomain;
using PartyDomain.BasicSystems;
using PartyDomain.Extensibility.Plugins;
using PartyDomain.Metrics;

namespace Company.PartyPlugin;

/// <summary>The city's plugin: what is particular to the city, registered through the library's own builder.</summary>
public sealed class CityPlugin : IPartyDomainPlugin
{
    /// <summary>The indicator the plugin brings.</summary>
    public static readonly IndicatorCode NightClinics = new("company-plugin-id-night-clinics");

    /// <inheritdoc />
    public PluginManifest Manifest { get; } = new()
    {
        Id = "company-plugin-id",
        Version = "1.0.0",
        DisplayName = new("Company.PartyPlugin 律师行业党建", "Company.PartyPlugin party building"),
        Description = new("本地指标与调整后的默认值", "A local indicator and a tuned default"),
    };

    /// <inheritdoc />
    public void Register(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Bound from the host's configuration section PartyDomain:Plugins:company-plugin-id.
        var options = context.GetOptions<CityOptions>();
        context.Builder
            .AddIndicator(new IndicatorDefinition
            {
                Code = NightClinics,
                Name = new("夜间法律诊所", "Night legal clinics"),
                Unit = Units.Times,
                Aggregation = Aggregation.Sum,
            })
            .SetRuleDefault(BasicSystemRuleIds.ThemePartyDay, "MinCount", options.ThemeDaysPerMonth);
    }
}

/// <summary>The plugin's options.</summary>
public sealed class CityOptions
{
    /// <summary>Theme party days a branch holds each month (the library's default is 1).</summary>
    public int ThemeDaysPerMonth { get; set; } = 2;
}
