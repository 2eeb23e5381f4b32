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

        // Enums by name, so that a new member inserted in a library enum never changes what stored rows mean.
        // TrainingAudience is a set of flags and stays a number.
        configurationBuilder.Properties<OrganizationKind>().HaveConversion<string>();
        configurationBuilder.Properties<FirmPost>().HaveConversion<string>();
        configurationBuilder.Properties<PartyPost>().HaveConversion<string>();
        configurationBuilder.Properties<RecordSpan>().HaveConversion<string>();
        configurationBuilder.Properties<IncomeKind>().HaveConversion<string>();
        configurationBuilder.Properties<MajorMatterKind>().HaveConversion<string>();
        configurationBuilder.Properties<MajorMatterRoute>().HaveConversion<string>();
        configurationBuilder.Properties<GovernanceDocumentKind>().HaveConversion<string>();
        configurationBuilder.Properties<PairingPartnerKind>().HaveConversion<string>();
        configurationBuilder.Properties<CommendationLevel>().HaveConversion<string>();

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

        Scope<PartyOrganization>(modelBuilder);
        Scope<LawFirm>(modelBuilder);
        Scope<Person>(modelBuilder);
        Scope<MembershipRegistration>(modelBuilder);
        Scope<FirmEmployment>(modelBuilder);
        Scope<FirmPostHolding>(modelBuilder);
        Scope<PartyPostHolding>(modelBuilder);
        Scope<FirmCoverage>(modelBuilder);
        Scope<InstructorAssignment>(modelBuilder);
        Scope<CommitteeElection>(modelBuilder);
        Scope<ActivityRecord>(modelBuilder).HasIndex(CityColumn, nameof(ActivityRecord.Date));
        Scope<ServiceRecord>(modelBuilder).HasIndex(CityColumn, nameof(ServiceRecord.Date));
        Scope<TrainingSession>(modelBuilder);
        Scope<StudyCredit>(modelBuilder);
        Scope<MemberIncome>(modelBuilder);
        Scope<DuesPayment>(modelBuilder);
        Scope<AdmissionCase>(modelBuilder);
        Scope<MajorMatter>(modelBuilder);
        Scope<GovernanceDocument>(modelBuilder);
        Scope<Pairing>(modelBuilder);
        Scope<JointActivity>(modelBuilder);
        Scope<Commendation>(modelBuilder);
        Scope<Donation>(modelBuilder);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private EntityTypeBuilder<T> Scope<T>(ModelBuilder modelBuilder)
        where T : DatasetRecord
    {
        var e = modelBuilder.Entity<T>();
        e.ToTable(RecordTables.For(typeof(T)).Name);
        e.Property<string>(CityColumn).IsRequired();
        e.Property<string>(KeyColumn).IsRequired();
        e.HasKey(CityColumn, KeyColumn);

        // No foreign key to cities: an import writes its city row first in the same transaction, and a per-row
        // referential check was the largest single cost of a bulk load (PostgreSQL runs a trigger for every row).
        e.HasQueryFilter(r => EF.Property<string>(r, CityColumn) == CityId);
        return e;
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
