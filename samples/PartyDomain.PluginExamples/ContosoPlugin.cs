#region plugin
using PartyDomain.Extensibility.Plugins;

namespace Contoso.PartyPlugin;

/// <summary>The plugin: one public class with a parameterless constructor.</summary>
public sealed class ContosoPlugin : IPartyDomainPlugin
{
    public PluginManifest Manifest { get; } = new()
    {
        Id = "contoso-city",                 // lower-case letters, digits, '-' and '.'; unique
        Version = "1.0.0",
        DisplayName = new("示例市律师行业党建", "Contoso city party building"),
        Region = "示例市",
        // Load order: plugins named here register first, and a missing one rejects this one (MissingDependency);
        // Dependencies = ["xuexi-qiangguo"],
    };

    public void Register(PluginContext context)
    {
        // Bound from the host's configuration section PartyDomain:Plugins:contoso-city.
        var options = context.GetOptions<ContosoOptions>();
        IndicatorExamples.Register(context.Builder);
        context.Builder
            .SetRuleDefault(PartyDomain.BasicSystems.BasicSystemRuleIds.ThemePartyDay, "MinCount", options.ThemeDaysPerMonth)
            .AddStudyCreditConverter(new ContosoStudyConverter())
            .AddReportSection(new ClinicsSection())
            .AddImportTable(ClinicTable.Create())
            .AddDatasetContributor(new ContosoOaConnector());
    }
}

public sealed class ContosoOptions
{
    public int ThemeDaysPerMonth { get; set; } = 2;
}
#endregion
