using PartyDomain.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.EntityFrameworkCore.Mapping;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Testing;
using PartyDomain.Training;

namespace PartyDomain.EntityFrameworkCore.Tests;

/// <summary>
/// The store's behaviour, run unchanged against every database: <see cref="SqliteStoreTests"/> and
/// <see cref="PostgresStoreTests"/> only say how to make an empty store.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the store through IAsyncLifetime.DisposeAsync.")]
public abstract class StoreTests : IAsyncLifetime
{
    private PartyDomainStore? _store;
    private PartyDomainStoreOptions? _options;

    /// <summary>A new store over an empty database, used by one test.</summary>
    protected PartyDomainStore Store => _store ?? throw new InvalidOperationException("The store is made in InitializeAsync.");

    protected abstract Task<PartyDomainStoreOptions> CreateDatabaseAsync();

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        // Small runs, so a few thousand records already span several of them.
        _options = await CreateDatabaseAsync();
        _store = new PartyDomainStore(_options, SampleCity.Clock().InShanghai()) { RunSize = 1_000 };
        await _store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        _store?.Dispose();
        await DropDatabaseAsync();
    }

    [Fact]
    public async Task A_snapshot_holds_every_record_of_every_type_as_imported()
    {
        var dataset = SampleCity.Build();
        var result = await Store.ImportAsync(dataset);

        var loaded = await Store.LoadSnapshotAsync(dataset.City.Id);

        result.Records.Should().Be(RecordTables.All.Sum(t => t.Select(dataset).Count()));
        loaded.Should().NotBeNull();
        loaded!.City.Should().Be(dataset.City);
        ShouldHoldTheSameRecords(loaded, dataset);
    }

    [Fact]
    public async Task Running_an_import_again_changes_nothing()
    {
        var dataset = SampleCity.Build();
        await Store.ImportAsync(dataset);
        await Store.ImportAsync(dataset);
        await Store.ForCity(dataset.City.Id).ImportRecordsAsync(SampleCity.Records());

        var loaded = await Store.LoadSnapshotAsync(dataset.City.Id);

        ShouldHoldTheSameRecords(loaded!, dataset);
        loaded!.DuesPayments.Should().HaveCount(3, "two identical payments are two records, kept apart by their position");
        loaded!.Services.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_merge_overwrites_records_with_the_same_key_and_adds_the_others()
    {
        var dataset = SampleCity.Build();
        var city = Store.ForCity(dataset.City.Id);
        await city.ImportAsync(dataset);
        var registration = dataset.Registrations.First(r => r.PersonId == new PersonId("P2"));
        var service = dataset.Services.First(s => s.Id == "S1");

        await city.ImportRecordsAsync(
        [
            registration with { To = new LocalDate(2025, 5, 31) },
            service with { Quantity = 99m },
            new ServiceRecord { Id = "S-new", Indicator = IndicatorCodes.HotlineCalls, Date = new LocalDate(2025, 6, 1) },
        ]);

        var loaded = (await city.LoadSnapshotAsync())!;
        loaded.Registrations.Should().HaveCount(dataset.Registrations.Count);
        loaded.Registrations.Single(r => r.PersonId == new PersonId("P2")).To.Should().Be(new LocalDate(2025, 5, 31));
        loaded.Services.Should().HaveCount(dataset.Services.Count + 1);
        loaded.Services.Single(s => s.Id == "S1").Quantity.Should().Be(99m);
    }

    [Fact]
    public async Task A_month_of_activity_records_merges_into_the_stored_city_and_merging_it_again_changes_nothing()
    {
        using var store = new PartyDomainStore(_options!, DemoCity.Clock.InShanghai()) { RunSize = 100 };
        var (city, month) = DemoCityWithoutItsLastMonth();
        await store.ImportAsync(city);

        var merge = DatasetMerge.Create((await store.LoadSnapshotAsync(city.City.Id))!, month, DemoCity.Today);
        merge.Problems.Should().BeEmpty();
        merge.Counts.Should().Equal(new DatasetMergeCount(typeof(ActivityRecord), month.Count, 0, 0));
        (await store.MergeAsync(merge)).Records.Should().Be(month.Count);
        var merged = (await store.LoadSnapshotAsync(city.City.Id))!;
        ShouldHoldTheSameRecords(merged, DemoCity.Build(scale: 0.2));

        var again = DatasetMerge.Create(merged, month, DemoCity.Today);
        again.Counts.Should().Equal(new DatasetMergeCount(typeof(ActivityRecord), 0, 0, month.Count));
        again.Changes.Should().BeEmpty();
        (await store.MergeAsync(again)).Records.Should().Be(0);
        ShouldHoldTheSameRecords((await store.LoadSnapshotAsync(city.City.Id))!, merged);
    }

    [Fact]
    public async Task Writes_and_snapshots_report_progress_that_only_grows_and_ends_at_100_percent()
    {
        using var store = new PartyDomainStore(_options!, DemoCity.Clock.InShanghai()) { RunSize = 100 };
        var (city, month) = DemoCityWithoutItsLastMonth();
        var writing = new Reports();
        var loading = new Reports();
        var merging = new Reports();
        var written = new Reports();

        await store.ImportAsync(city, ImportMode.Replace, writing);
        var stored = await store.LoadSnapshotAsync(city.City.Id, progress: loading);
        var merge = DatasetMerge.Create(stored!, month, DemoCity.Today, progress: merging);
        await store.MergeAsync(merge, written);

        writing.ShouldGrowTo100Percent();
        writing.Stages.Should().Equal("removing the stored records", "writing to the store");
        writing.Fractions.Distinct().Count(f => f is > 0 and < 1).Should().BeGreaterThan(5, "each table written is reported");
        loading.ShouldGrowTo100Percent();
        loading.Stages.Should().Equal("reading from the store", "indexing", "checking integrity");
        merging.ShouldGrowTo100Percent();
        merging.Stages.Should().Equal("matching the stored records", "indexing", "checking integrity");
        written.ShouldGrowTo100Percent();
        written.Fractions.Distinct().Should().HaveCountGreaterThan(month.Count / 100, "each run of 100 is reported");
    }

    [Fact]
    public async Task A_merge_updates_a_changed_record_and_leaves_the_rest()
    {
        using var store = new PartyDomainStore(_options!, DemoCity.Clock.InShanghai());
        var full = DemoCity.Build(scale: 0.2);
        await store.ImportAsync(full);
        var corrected = full.Activities[0] with { Title = "更正后的标题" };

        var merge = DatasetMerge.Create((await store.LoadSnapshotAsync(full.City.Id))!, [corrected], DemoCity.Today);
        await store.MergeAsync(merge);

        merge.Counts.Should().Equal(new DatasetMergeCount(typeof(ActivityRecord), 0, 1, 0));
        var loaded = (await store.LoadSnapshotAsync(full.City.Id))!;
        loaded.Activities.Should().HaveCount(full.Activities.Count);
        loaded.Activities.Single(a => a.Id == corrected.Id).Title.Should().Be("更正后的标题");
    }

    [Fact]
    public async Task A_merge_that_would_break_integrity_cannot_be_stored_and_changes_nothing()
    {
        using var store = new PartyDomainStore(_options!, DemoCity.Clock.InShanghai());
        var (city, month) = DemoCityWithoutItsLastMonth();
        await store.ImportAsync(city);
        var stranger = month[0] with { Attendance = [.. month[0].Attendance, new Attendance(new PersonId("P-nobody"), AttendanceStatus.Present)], Origin = new RecordOrigin("12月.xlsx › 组织生活", 7) };

        var merge = DatasetMerge.Create((await store.LoadSnapshotAsync(city.City.Id))!, [.. month.Skip(1), stranger], DemoCity.Today);

        merge.Succeeded.Should().BeFalse();
        merge.Problems.Should().ContainSingle().Which.Should().Match<DatasetProblem>(p =>
            p.Code == "unknown-reference" && p.Value == "P-nobody" && p.Field == "Attendance" && p.Origin == stranger.Origin);
        await store.Invoking(s => s.MergeAsync(merge)).Should().ThrowAsync<ArgumentException>();
        ShouldHoldTheSameRecords((await store.LoadSnapshotAsync(city.City.Id))!, city);
    }

    /// <summary>A small demo city without its activity records of December 2025, and those records.</summary>
    private static (CityDataset City, List<ActivityRecord> Month) DemoCityWithoutItsLastMonth()
    {
        var records = DemoCity.Generate(scale: 0.2);
        var month = records.OfType<ActivityRecord>().Where(a => a.Date.Year == 2025 && a.Date.Month == 12).ToList();
        month.Should().NotBeEmpty();
        var builder = new CityDatasetBuilder(DemoCity.City, DemoCity.Today);
        builder.AddRange(records.Except(month));
        return (builder.Build(), month);
    }

    [Fact]
    public async Task A_replace_leaves_exactly_the_new_dataset()
    {
        var city = Store.ForCity("411500");
        await city.ImportAsync(SampleCity.Build(services: 10));

        var smaller = SampleCity.Build(services: 2);
        await city.ImportAsync(smaller, ImportMode.Replace);

        ShouldHoldTheSameRecords((await city.LoadSnapshotAsync())!, smaller);
    }

    [Theory]
    [InlineData(ImportMode.Merge)]
    [InlineData(ImportMode.Replace)]
    public async Task An_import_cancelled_part_way_leaves_the_store_exactly_as_it_was(ImportMode mode)
    {
        var dataset = SampleCity.Build();
        var city = Store.ForCity(dataset.City.Id);
        await city.ImportAsync(dataset);
        using var cancel = new CancellationTokenSource();

        // Cancelled after 3,500 records: three runs of 1,000 have already been written inside the transaction by then.
        var import = () => city.ImportRecordsAsync(ManyServices(5_000, cancelAfter: 3_500, cancel), mode, cancel.Token);

        await import.Should().ThrowAsync<OperationCanceledException>();
        ShouldHoldTheSameRecords((await city.LoadSnapshotAsync())!, dataset);
    }

    [Fact]
    public async Task An_import_that_fails_part_way_leaves_the_store_exactly_as_it_was()
    {
        var dataset = SampleCity.Build();
        var city = Store.ForCity(dataset.City.Id);
        await city.ImportAsync(dataset);
        var records = ManyServices(3_000, cancelAfter: int.MaxValue, null).Append(new ServiceRecord { Id = "S1", Indicator = IndicatorCodes.HotlineCalls, Date = SampleCity.Today });

        var import = () => city.ImportRecordsAsync(records.Prepend(new ServiceRecord { Id = "S1", Indicator = IndicatorCodes.HotlineCalls, Date = SampleCity.Today }));

        (await import.Should().ThrowAsync<ArgumentException>()).WithMessage("*'S1'*");
        ShouldHoldTheSameRecords((await city.LoadSnapshotAsync())!, dataset);
    }

    [Fact]
    public async Task A_city_cannot_read_or_change_another_citys_rows()
    {
        // Both cities use the same record ids: the keys collide, the cities must not.
        var xinyang = SampleCity.Build("411500", "信阳市");
        var nanyang = SampleCity.Build("411300", "南阳市", services: 5);
        await Store.ImportAsync(xinyang);
        await Store.ImportAsync(nanyang);
        var xinyangStore = Store.ForCity("411500");

        await xinyangStore.ImportRecordsAsync([xinyang.People[0] with { Name = "改名" }]);
        await xinyangStore.ImportAsync(SampleCity.Build("411500", "信阳市", services: 1), ImportMode.Replace);
        var wrongCity = () => xinyangStore.ImportAsync(nanyang);

        (await wrongCity.Should().ThrowAsync<ArgumentException>()).WithMessage("*411300*411500*");
        ShouldHoldTheSameRecords((await Store.LoadSnapshotAsync("411300"))!, nanyang);
        (await xinyangStore.LoadSnapshotAsync())!.Services.Should().HaveCount(1);
        (await Store.LoadSnapshotAsync("410100")).Should().BeNull("a city never imported has nothing to load");
        (await Store.ListCitiesAsync()).Should().Equal(new CityInfo("411300", "南阳市"), new CityInfo("411500", "信阳市"));

        // Below the API too: a context made for one city sees only that city's rows, whatever the query.
        await using var context = await Store.OpenAsync("411500", default);
        (await context.Set<ServiceRecord>().CountAsync()).Should().Be(1);
        (await context.Set<Person>().CountAsync(p => p.Name == "南阳市")).Should().Be(0);
        (await context.Set<ServiceRecord>().Where(s => EF.Property<string>(s, StoreContext.CityColumn) == "411300").CountAsync()).Should().Be(0);
    }

    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>Another store over the same database, with <paramref name="key"/> as its personal-data key.</summary>
    private PartyDomainStore StoreWithKey(string? key) => new(new PartyDomainStoreOptions
    {
        Provider = _options!.Provider, ConnectionString = _options.ConnectionString, PersonalDataKey = key,
    }, SampleCity.Clock().InShanghai());

    private async Task<Person[]> StoredPeople(string city)
    {
        await using var context = await Store.OpenAsync(city, default);
        return await context.Set<Person>().AsNoTracking().ToArrayAsync();
    }

    [Fact]
    public async Task With_a_key_ID_numbers_and_phones_are_stored_encrypted_and_read_back_as_they_were()
    {
        var dataset = SampleCity.Build();
        using var keyed = StoreWithKey(Key);
        await keyed.ImportAsync(dataset);

        var stored = await StoredPeople(dataset.City.Id);
        var clear = dataset.People.Where(p => p.IdNumber is not null || p.Phone is not null).ToArray();
        clear.Should().NotBeEmpty();
        foreach (var person in clear)
        {
            var row = stored.Single(p => p.Id == person.Id);
            foreach (var (value, original) in new[] { (row.IdNumber, person.IdNumber), (row.Phone, person.Phone) }.Where(v => v.Item2 is not null))
            {
                value!.Value.Reveal().Should().StartWith("pd1:").And.NotContain(original!.Value.Reveal());
            }
        }

        ShouldHoldTheSameRecords((await keyed.LoadSnapshotAsync(dataset.City.Id))!, dataset);
    }

    [Fact]
    public async Task Encrypted_personal_data_is_not_read_without_its_key_and_the_error_says_which_key()
    {
        var dataset = SampleCity.Build();
        using (var keyed = StoreWithKey(Key))
        {
            await keyed.ImportAsync(dataset);
        }

        using var none = StoreWithKey(null);
        using var other = StoreWithKey(Convert.ToBase64String(new byte[32]));

        (await none.Invoking(s => s.LoadSnapshotAsync(dataset.City.Id)).Should().ThrowAsync<InvalidOperationException>()).WithMessage("*no PersonalDataKey is configured*");
        (await other.Invoking(s => s.LoadSnapshotAsync(dataset.City.Id)).Should().ThrowAsync<InvalidOperationException>()).WithMessage("*is not the key it was written with*");
        var bad = () => StoreWithKey("short");
        bad.Should().Throw<ArgumentException>().WithMessage("*Base64*");
    }

    [Fact]
    public async Task Clear_text_written_before_a_key_is_read_and_protected_on_the_next_import()
    {
        var dataset = SampleCity.Build();
        await Store.ImportAsync(dataset); // no key: in clear
        (await StoredPeople(dataset.City.Id)).Should().Contain(p => p.IdNumber != null && !p.IdNumber.Value.Reveal().StartsWith("pd1:", StringComparison.Ordinal));

        using var keyed = StoreWithKey(Key);
        ShouldHoldTheSameRecords((await keyed.LoadSnapshotAsync(dataset.City.Id))!, dataset);
        await keyed.ImportAsync(dataset);

        (await StoredPeople(dataset.City.Id)).Where(p => p.IdNumber != null).Should().OnlyContain(p => p.IdNumber!.Value.Reveal().StartsWith("pd1:", StringComparison.Ordinal));
        ShouldHoldTheSameRecords((await keyed.LoadSnapshotAsync(dataset.City.Id))!, dataset);
    }

    [Fact]
    public async Task Records_cannot_be_added_to_a_city_that_was_never_imported()
    {
        var import = () => Store.ForCity("410100").ImportRecordsAsync(SampleCity.Records());

        (await import.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*410100*");
        (await Store.ListCitiesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_period_limits_the_dated_events_but_keeps_the_whole_organization_history()
    {
        var dataset = SampleCity.Build(services: 120);
        await Store.ImportAsync(dataset);
        var period = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));

        var loaded = (await Store.LoadSnapshotAsync(dataset.City.Id, period))!;

        loaded.Activities.Select(a => a.Id).Should().Equal("A1");
        loaded.Services.Should().HaveCount(dataset.Services.Count(s => period.Contains(s.Date))).And.HaveCountLessThan(dataset.Services.Count);
        loaded.Incomes.Should().HaveCount(1);
        loaded.DuesPayments.Should().HaveCount(3);
        loaded.StudyCredits.Should().BeEmpty();
        loaded.TrainingSessions.Should().BeEmpty();
        loaded.Registrations.Should().HaveCount(dataset.Registrations.Count);
        loaded.People.Should().HaveCount(dataset.People.Count);
    }

    [Fact]
    public async Task A_snapshot_is_checked_like_any_dataset()
    {
        var dataset = SampleCity.Build();
        var city = Store.ForCity(dataset.City.Id);
        await city.ImportAsync(dataset);

        // A batch is stored as given; the registration to an unknown organization is caught when the city is loaded.
        await city.ImportRecordsAsync([new MembershipRegistration { PersonId = new("P4"), OrganizationId = new("nowhere"), From = new(2025, 1, 1), Origin = new("transfers.csv", 7) }]);
        var load = () => city.LoadSnapshotAsync();

        (await load.Should().ThrowAsync<DatasetValidationException>()).WithMessage("*transfers.csv row 7*");
    }

    [Fact]
    public async Task A_store_migrated_from_the_previous_schema_keeps_re_imports_idempotent()
    {
        // Back to the schema before the BulkLoad migration, with a service record keyed the old way (no date in front).
        var service = new ServiceRecord { Indicator = IndicatorCodes.HotlineCalls, Date = new LocalDate(2025, 3, 1), Quantity = 2m, Subject = "咨询|a\\b" };
        await using (var context = await Store.OpenAsync(null, default))
        {
            var migrations = context.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_BulkLoad", StringComparison.Ordinal)) - 1];
            await context.GetService<IMigrator>().MigrateAsync(previous);
#pragma warning disable EF1003 // The only value put in is a hex hash computed here.
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO cities (id, name, imported_at) VALUES ('411500', '信阳市', '2025-06-15T02:00:00Z'); " +
                "INSERT INTO services (city_id, key, indicator, date, span, quantity, subject, tags) " +
                $"VALUES ('411500', '{BulkLoadTests.OldKey(service)}', 'hotline-calls', '2025-03-01', 'Day', '2.0', '咨询|a\\b', '[]')");
#pragma warning restore EF1003
        }

        await Store.MigrateAsync();
        var city = Store.ForCity("411500");
        await city.ImportRecordsAsync([service]);

        await using var check = await Store.OpenAsync("411500", default);
        var keys = await check.Set<ServiceRecord>().Select(s => EF.Property<string>(s, StoreContext.KeyColumn)).ToListAsync();
        keys.Should().Equal(DatasetRecordKeys.Of(service));
        keys[0].Should().StartWith("2025-03-01/h:");
        (await check.Set<ServiceRecord>().SingleAsync()).Should().BeEquivalentTo(service, o => o.ComparingRecordsByMembers());
    }

    [Fact]
    public async Task Service_keys_written_with_trailing_zeros_are_recomputed_so_the_same_records_imported_again_match()
    {
        // Back to the schema before ServiceKeysByValue, with the service records of a store written then: two identical
        // records with 2.50 (keyed with it, the second #2), one with 20.0 (as SQLite read it back), one keyed right already.
        var held = new ServiceRecord { Indicator = IndicatorCodes.HotlineCalls, Date = new LocalDate(2025, 3, 1), Quantity = 2.50m, Subject = "咨询" };
        var read = new ServiceRecord { Indicator = IndicatorCodes.HotlineCalls, Date = new LocalDate(2025, 3, 2), Quantity = 20.0m, Tags = ["a|b"] };
        var right = held with { Quantity = 3m };
        await using (var context = await Store.OpenAsync(null, default))
        {
            var migrations = context.Database.GetMigrations().ToList();
            await context.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_ServiceKeysByValue", StringComparison.Ordinal)) - 1]);
#pragma warning disable EF1003 // The only values put in are the constants above and hex hashes computed here.
            await context.Database.ExecuteSqlRawAsync("INSERT INTO cities (id, name, imported_at) VALUES ('411500', '信阳市', '2025-06-15T02:00:00Z')");
            foreach (var (key, record, quantity, tags) in new[]
            {
                (BulkLoadTests.KeyWithTheQuantityAsHeld(held), held, "2.50", "[]"),
                (BulkLoadTests.KeyWithTheQuantityAsHeld(held) + "#2", held, "2.50", "[]"),
                (BulkLoadTests.KeyWithTheQuantityAsHeld(read), read, "20.0", "[\"a|b\"]"),
                (DatasetRecordKeys.Of(right), right, "3", "[]"),
            })
            {
                var subject = record.Subject is { } text ? $"'{text}'" : "NULL";
                await context.Database.ExecuteSqlRawAsync(
                    "INSERT INTO services (city_id, key, indicator, date, span, quantity, subject, tags) " +
                    $"VALUES ('411500', '{key}', 'hotline-calls', '{record.Date:uuuu-MM-dd}', 'Day', '{quantity}', {subject}, '{tags}')");
            }
#pragma warning restore EF1003
        }

        BulkLoadTests.KeyWithTheQuantityAsHeld(held).Should().NotBe(DatasetRecordKeys.Of(held), "the keys were stale");
        await Store.MigrateAsync();
        var city = Store.ForCity("411500");
        await city.ImportRecordsAsync([held, held, read, right]);

        await using var check = await Store.OpenAsync("411500", default);
        var keys = await check.Set<ServiceRecord>().Select(s => EF.Property<string>(s, StoreContext.KeyColumn)).ToListAsync();
        keys.Order(StringComparer.Ordinal).Should().Equal(
            new[] { DatasetRecordKeys.Of(held), DatasetRecordKeys.Numbered(DatasetRecordKeys.Of(held), 2), DatasetRecordKeys.Of(read), DatasetRecordKeys.Of(right) }.Order(StringComparer.Ordinal),
            "the same four records imported again overwrite the four stored ones");
    }

    private static IEnumerable<DatasetRecord> ManyServices(int count, int cancelAfter, CancellationTokenSource? cancel)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == cancelAfter)
            {
                cancel!.Cancel();
            }

            yield return new ServiceRecord { Id = $"bulk-{i}", Indicator = IndicatorCodes.HotlineCalls, Date = new LocalDate(2025, 1, 1).PlusDays(i % 100) };
        }
    }

    private static void ShouldHoldTheSameRecords(CityDataset actual, CityDataset expected)
    {
        foreach (var table in RecordTables.All)
        {
            // In key order: matching thousands of records in any order compares each with every other.
            table.Select(actual).OrderBy(DatasetRecordKeys.Of, StringComparer.Ordinal).Should().BeEquivalentTo(
                table.Select(expected).OrderBy(DatasetRecordKeys.Of, StringComparer.Ordinal), o => o.ComparingRecordsByMembers().RespectingRuntimeTypes().WithStrictOrdering(), table.Name);
        }
    }
}
