using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyDomain.BasicSystems;
using PartyDomain.Development;
using PartyDomain.Extensibility;
using PartyDomain.Reminders;
using PartyDomain.Rules;
using PartyDomain.Training;

namespace PartyDomain.Hosting.Tests;

/// <summary><c>AddConfiguration</c>: every option of the library bound from the keys its validation messages name.</summary>
public sealed class ConfigurationTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings, Action<IServiceCollection>? after = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddPartyDomain().AddConfiguration(configuration);
        after?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Every_section_is_bound_and_code_configured_after_it_wins()
    {
        using var provider = Provider(new()
        {
            ["PartyDomain:TimeZone"] = "Asia/Urumqi",
            ["PartyDomain:Language"] = "English",
            ["PartyDomain:Rules:BS-THEME-PARTY-DAY:Parameters:MinCount"] = "2",
            ["PartyDomain:Compliance:PartialSlotMinimumPercent"] = "80",
            ["PartyDomain:Development:YoungAgeThreshold"] = "30",
            ["PartyDomain:Training:NewMembers"] = "Full",
            ["PartyDomain:Reminders:MaxAttempts"] = "5",
        }, services => services.Configure<ComplianceOptions>(o => o.ReminderHorizonDays = 7));

        provider.GetRequiredService<IOptions<PartyDomainOptions>>().Value.Should().BeEquivalentTo(new { TimeZone = "Asia/Urumqi", Language = TextLanguage.English });
        provider.GetRequiredService<NodaTime.ZonedClock>().Zone.Id.Should().Be("Asia/Urumqi");
        provider.GetRequiredService<IOptions<RuleOptions>>().Value.Resolve(DefaultBasicSystemRules.Create().Single(r => r.Id == BasicSystemRuleIds.ThemePartyDay))["MinCount"].Should().Be(2);
        provider.GetRequiredService<IOptions<ComplianceOptions>>().Value.Should().BeEquivalentTo(new { PartialSlotMinimumPercent = 80, ReminderHorizonDays = 7 });
        provider.GetRequiredService<IOptions<DevelopmentOptions>>().Value.YoungAgeThreshold.Should().Be(30);
        provider.GetRequiredService<IOptions<TrainingOptions>>().Value.NewMembers.Should().Be(NewMemberTraining.Full);
        provider.GetRequiredService<IOptions<ReminderDeliveryOptions>>().Value.MaxAttempts.Should().Be(5);
    }

    [Fact]
    public void A_bad_value_stops_the_container_on_start_naming_its_key()
    {
        using var provider = Provider(new() { ["PartyDomain:Compliance:PartialSlotMinimumPercent"] = "150" });

        provider.Invoking(p => p.GetRequiredService<IStartupValidator>().Validate()).Should().Throw<OptionsValidationException>()
            .WithMessage("*PartyDomain:Compliance:PartialSlotMinimumPercent*");
    }
}
