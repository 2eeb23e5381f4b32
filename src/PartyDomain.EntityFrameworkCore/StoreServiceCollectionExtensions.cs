using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.Extensibility;
using PartyDomain.Metrics;

namespace PartyDomain.EntityFrameworkCore;

/// <summary>Registers the store.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPartyDomainStore"/> as a singleton, for example
    /// <c>services.AddPartyDomainStore(o =&gt; o.UseSqlite("partydomain.db"))</c>. Loaded snapshots use the registered
    /// <see cref="IClock"/> for "today" and the <see cref="IndicatorCatalog"/> of <c>AddPartyDomain</c> when present.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Chooses the database.</param>
    public static IServiceCollection AddPartyDomainStore(this IServiceCollection services, Action<PartyDomainStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
#pragma warning disable RS0030 // the composition root's default: the real clock, unless one is registered
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton<IPartyDomainStore>(sp => new PartyDomainStore(
            sp.GetRequiredService<IOptions<PartyDomainStoreOptions>>().Value,
            sp.GetRequiredService<IClock>(),
            DateTimeZoneProviders.Tzdb[sp.GetService<IOptions<PartyDomainOptions>>()?.Value.TimeZone ?? Time.PartyDomainTime.DefaultZoneId],
            sp.GetService<IndicatorCatalog>()));
        return services;
    }
}
