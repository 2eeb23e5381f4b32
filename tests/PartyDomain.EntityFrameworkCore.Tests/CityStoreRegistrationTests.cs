using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;
using PartyDomain.Metrics;
using PartyDomain.Testing;

namespace PartyDomain.EntityFrameworkCore.Tests;

/// <summary><c>AddPartyDomainCityStore</c>: one city's store, handed out without the unscoped store.</summary>
public sealed class CityStoreRegistrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"partydomain-city-di-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_city_store_reads_and_writes_its_city_only_and_the_unscoped_store_is_not_registered()
    {
        using (var province = new PartyDomainStore(new PartyDomainStoreOptions().UseSqlite(_path), SampleCity.Clock().InShanghai()))
        {
            await province.ImportAsync(SampleCity.Build("411500", "信阳市"));
            await province.ImportAsync(SampleCity.Build("410100", "郑州市", services: 7));
        }

        var services = new ServiceCollection();
        services.AddSingleton<IClock>(SampleCity.Clock());
        services.AddPartyDomainCityStore("411500", o => o.UseSqlite(_path));
        await using var provider = services.BuildServiceProvider();

        var city = provider.GetRequiredService<ICityStore>();
        provider.GetService<IPartyDomainStore>().Should().BeNull("only the city's store is handed out");
        provider.GetService<PartyDomainStore>().Should().BeNull();
        city.CityId.Should().Be("411500");
        (await city.LoadSnapshotAsync())!.City.Name.Should().Be("信阳市");
        await city.Invoking(c => c.ImportAsync(SampleCity.Build("410100", "郑州市"))).Should().ThrowAsync<ArgumentException>().WithMessage("*410100*411500*");

        // Nothing public on it leads to the store of the other cities.
        city.GetType().GetProperties().Select(p => p.PropertyType).Should().NotContain(t => typeof(IPartyDomainStore).IsAssignableFrom(t));
        city.GetType().GetMethods().Select(m => m.ReturnType).Should().NotContain(t => typeof(IPartyDomainStore).IsAssignableFrom(t));

        using var check = new PartyDomainStore(new PartyDomainStoreOptions().UseSqlite(_path), SampleCity.Clock().InShanghai());
        (await check.LoadSnapshotAsync("410100"))!.Services.Should().HaveCount(7, "the other city is untouched");
    }

    [Theory]
    [InlineData(null, 15)]
    [InlineData("America/Los_Angeles", 14)]
    public async Task A_loaded_snapshots_today_is_read_in_the_zone_AddPartyDomain_registers(string? zone, int day)
    {
        using (var store = new PartyDomainStore(new PartyDomainStoreOptions().UseSqlite(_path), SampleCity.Clock().InShanghai()))
        {
            await store.ImportAsync(SampleCity.Build("411500", "信阳市"));
        }

        // 10:00 in Shanghai on 15 June is 18:00 on 14 June in Los Angeles.
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(SampleCity.Clock());
        if (zone is not null)
        {
            services.Configure<PartyDomainOptions>(o => o.TimeZone = zone);
            services.AddPartyDomain();
        }

        services.AddPartyDomainCityStore("411500", o => o.UseSqlite(_path));
        await using var provider = services.BuildServiceProvider();

        (await provider.GetRequiredService<ICityStore>().LoadSnapshotAsync())!.Today.Should().Be(new LocalDate(2025, 6, day));
    }

    [Fact]
    public void The_city_id_is_required() =>
        new ServiceCollection().Invoking(s => s.AddPartyDomainCityStore(" ", o => o.UseSqlite(_path))).Should().Throw<ArgumentException>();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
