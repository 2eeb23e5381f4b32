using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.Metrics;

namespace PartyDomain.EntityFrameworkCore;

/// <summary>Registers the store.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPartyDomainStore"/> as a singleton, for example
    /// <c>services.AddPartyDomainStore(o =&gt; o.UseSqlite("partydomain.db"))</c>. Loaded snapshots use the registered
    /// <see cref="IClock"/> for "today", in the zone of <c>AddPartyDomain</c>'s <see cref="ZonedClock"/> when present (Asia/Shanghai otherwise), and its <see cref="IndicatorCatalog"/> when present.
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
        services.TryAddSingleton<IPartyDomainStore>(sp => Create(sp, sp.GetRequiredService<IOptions<PartyDomainStoreOptions>>().Value));
        return services;
    }

    /// <summary>
    /// Registers an <see cref="ICityStore"/> for <paramref name="cityId"/> only, as a singleton, for an application
    /// that serves one city's users: it can read and write that city's data and nothing else, because the unscoped
    /// <see cref="IPartyDomainStore"/> (whose <see cref="IPartyDomainStore.ForCity"/> takes any id) is not registered
    /// by this call and cannot be reached from the <see cref="ICityStore"/>. Its options are its own, apart from those
    /// of <see cref="AddPartyDomainStore"/>. This narrows what the code handed the store can do; it is not an
    /// authorization check: whoever configures the services chooses the city, and anyone with the connection string
    /// reaches every city in the database.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="cityId">The city's id (<see cref="Data.CityInfo.Id"/>).</param>
    /// <param name="configure">Chooses the database.</param>
    public static IServiceCollection AddPartyDomainCityStore(this IServiceCollection services, string cityId, Action<PartyDomainStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(cityId);
        ArgumentNullException.ThrowIfNull(configure);
#pragma warning disable RS0030 // the composition root's default: the real clock, unless one is registered
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030

        // The store is held by a private service so that the container disposes it, and nothing resolves it by its type.
        services.TryAddSingleton(sp =>
        {
            var options = new PartyDomainStoreOptions();
            configure(options);
            return new CityStoreOwner(Create(sp, options));
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<CityStoreOwner>().Store.ForCity(cityId));
        return services;
    }

    private static PartyDomainStore Create(IServiceProvider sp, PartyDomainStoreOptions options) => new(
        options,
        // The zoned clock AddPartyDomain registers from PartyDomain:TimeZone; without it, the registered clock in the default zone.
        sp.GetService<ZonedClock>() ?? new ZonedClock(sp.GetRequiredService<IClock>(), Time.PartyDomainTime.DefaultZone, CalendarSystem.Iso),
        sp.GetService<IndicatorCatalog>());

    private sealed class CityStoreOwner(PartyDomainStore store) : IDisposable
    {
        public PartyDomainStore Store { get; } = store;

        public void Dispose() => Store.Dispose();
    }
}
