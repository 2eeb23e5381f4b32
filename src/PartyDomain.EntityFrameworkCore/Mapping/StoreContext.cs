using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Training;

namespace PartyDomain.EntityFrameworkCore.Mapping;

/// <summary>A city known to the store.</summary>
internal sealed class CityRow
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>When the city's data was last imported.</summary>
    public Instant ImportedAt { get; set; }
}

/// <summary>
/// The store's model. Every record table carries the city's id and the record's key as its primary key, and a query
/// filter on <see cref="CityId"/> scopes every query of a context to one city: a context made for one city cannot see
/// another's rows. Each provider has its own derived context, so each has its own migrations and model snapshot.
/// </summary>
internal abstract class StoreContext(DbContextOptions options, string? cityId) : DbContext(options)
{
    public const string CityColumn = "CityId";

    public const string KeyColumn = "Key";

    /// <summary>The city this context reads and writes; <c>null</c> (design time, migrations) sees no city's records.</summary>
    public string? CityId { get; } = cityId;

    public DbSet<CityRow> Cities => Set<CityRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<OrganizationId>().HaveConversion<OrganizationIdConverter>();
        configurationBuilder.Properties<PersonId>().HaveConversion<PersonIdConverter>();
        configurationBuilder.Properties<FirmId>().HaveConversion<FirmIdConverter>();
        configurationBuilder.Properties<IndicatorCode>().HaveConversion<IndicatorCodeConverter>();
        configurationBuilder.Properties<ActivityKind>().HaveConversion<ActivityKindConverter>();
        configurationBuilder.Properties<SensitiveText>().HaveConversion<SensitiveTextConverter>();

        // Enums by name, so that a new member inserted in a library enum never changes what stored rows mean; a set of
        // flags (TrainingAudience) stays a number. Read from the tables' record types, so a new record type's enums need no line here.
        foreach (var type in RecordTables.All.SelectMany(t => t.ClrType.GetProperties()).Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).Distinct())
        {
            if (type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), inherit: false))
            {
                configurationBuilder.Properties(type).HaveConversion<string>();
            }
        }

        Json<RecordOrigin>(configurationBuilder);
        Json<LawyerProfile>(configurationBuilder);
        Json<AdmissionVote>(configurationBuilder);
        Json<IReadOnlyList<StandingChange>>(configurationBuilder);
        Json<IReadOnlyList<FormerParent>>(configurationBuilder);
        Json<IReadOnlyList<Attendance>>(configurationBuilder);
        Json<IReadOnlyList<TrainingAttendance>>(configurationBuilder);
        Json<IReadOnlyList<PersonId>>(configurationBuilder);
        Json<IReadOnlyList<LocalDate>>(configurationBuilder);
        Json<IReadOnlyList<string>>(configurationBuilder);
        Json<IReadOnlyList<MajorMatterStep>>(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CityRow>(e =>
        {
            e.ToTable("cities");
            e.HasKey(c => c.Id);
        });

        foreach (var table in RecordTables.All)
        {
            table.Configure(this, modelBuilder);
        }

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    /// <summary>Maps a table's record type: city and key as its primary key, the city's query filter, and its table's index.</summary>
    internal void Scope<T>(ModelBuilder modelBuilder, string name, string? dateIndex)
        where T : DatasetRecord
    {
        var e = modelBuilder.Entity<T>();
        e.ToTable(name);
        e.Property<string>(CityColumn).IsRequired();
        e.Property<string>(KeyColumn).IsRequired();
        e.HasKey(CityColumn, KeyColumn);

        // No foreign key to cities: an import writes its city row first in the same transaction, and a per-row
        // referential check was the largest single cost of a bulk load (PostgreSQL runs a trigger for every row).
        e.HasQueryFilter(r => EF.Property<string>(r, CityColumn) == CityId);
        if (dateIndex is not null)
        {
            e.HasIndex(CityColumn, dateIndex);
        }
    }

    private static void Json<T>(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<T>().HaveConversion<JsonColumnConverter<T>>();

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}

/// <summary>The SQLite store: NodaTime values as ISO text, nested values as JSON text.</summary>
internal sealed class SqliteStoreContext(DbContextOptions<SqliteStoreContext> options, string? cityId = null) : StoreContext(options, cityId)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateTextConverter>();
        configurationBuilder.Properties<YearMonth>().HaveConversion<YearMonthTextConverter>();
        configurationBuilder.Properties<Instant>().HaveConversion<InstantTextConverter>();
    }
}

/// <summary>The PostgreSQL store: NodaTime values in native date and timestamptz columns (Npgsql's NodaTime plugin), nested values as jsonb.</summary>
internal sealed class PostgresStoreContext(DbContextOptions<PostgresStoreContext> options, string? cityId = null) : StoreContext(options, cityId)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<YearMonth>().HaveConversion<YearMonthDateConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.GetValueConverter()?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(JsonColumnConverter<>))
            {
                property.SetColumnType("jsonb");
            }
        }
    }
}

/// <summary>Lets dotnet-ef build the SQLite model to generate migrations.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStoreContext>
{
    public SqliteStoreContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStoreContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets dotnet-ef build the PostgreSQL model to generate migrations; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStoreContext>
{
    public PostgresStoreContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresStoreContext>().UseNpgsql("Host=127.0.0.1;Database=design", o => o.UseNodaTime()).Options);
}
