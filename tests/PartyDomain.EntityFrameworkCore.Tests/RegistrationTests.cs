using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;

namespace PartyDomain.EntityFrameworkCore.Tests;

public sealed class RegistrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"partydomain-di-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_host_registers_a_SQLite_file_store_and_round_trips_a_city_through_it()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(SampleCity.Clock());
        services.AddPartyDomain();
        services.AddPartyDomainStore(o => o.UseSqlite(_path));
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IPartyDomainStore>();

        await store.ImportAsync(SampleCity.Build());
        var loaded = await store.LoadSnapshotAsync("411500");

        File.Exists(_path).Should().BeTrue("the schema was created in the file on first use");
        loaded!.People.Should().HaveCount(5);
        loaded.Today.Should().Be(SampleCity.Today, "today comes from the registered clock");
    }

    [Theory]
    [InlineData("data/city.db", "Data Source=data/city.db")]
    [InlineData("Data Source=city.db;Cache=Shared", "Data Source=city.db;Cache=Shared")]
    public void UseSqlite_takes_a_path_or_a_connection_string(string given, string expected) =>
        new PartyDomainStoreOptions().UseSqlite(given).ConnectionString.Should().Be(expected);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
