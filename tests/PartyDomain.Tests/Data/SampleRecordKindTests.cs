using FluentAssertions;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;
using Xunit;

namespace PartyDomain.Tests.Data;

/// <summary>
/// A record kind added the way ARCHITECTURE.md's "a record type" says, in a file of its own outside the library (this
/// test assembly): the record type with its <see cref="RecordKind{T}"/> declaration. No file of the dataset changes, and
/// the builder, the validator, the keys and the merge all take it.
/// </summary>
public class SampleRecordKindTests
{
    [Fact]
    public void The_dataset_holds_a_kind_declared_outside_the_library()
    {
        var city = new TestCity().Members("M", full: 2);
        var dataset = city.Builder().Add(new LegalClinic { Id = "LC1", Name = "夜间法律诊所" })
            .Add(new ClinicVisit { ClinicId = "LC1", PersonId = new PersonId("M-F1"), Date = new LocalDate(2025, 3, 5) })
            .Build();

        dataset.Records<ClinicVisit>().Should().ContainSingle().Which.ClinicId.Should().Be("LC1");
        dataset.ClinicVisits().Should().HaveCount(1, "a kind's own reading of the dataset is an extension beside its type");
        dataset.Kinds.Select(k => k.Name).Should().Equal(["legal_clinics", "clinic_visits"], "a kind comes after the kinds it refers to, whatever the names' order");
        dataset.Records().OfType<ClinicVisit>().Should().HaveCount(1, "Records() gives every record back, so a rebuilt dataset keeps it");
        DatasetRecordKeys.Of(dataset.Records<ClinicVisit>()[0], out var ownId).Should().Be("LC1|M-F1|2025-03-05");
        ownId.Should().BeFalse();
    }

    [Fact]
    public void Its_checks_report_file_row_field_and_record_like_the_built_in_kinds()
    {
        var city = new TestCity().Members("M", full: 1);
        var origin = new RecordOrigin("clinic_visits.csv", 7);
        var problems = city.Builder()
            .Add(new LegalClinic { Id = "LC1", Name = "夜间法律诊所" })
            .Add(new LegalClinic { Id = "LC1", Name = "又一个" })
            .Add(new ClinicVisit { ClinicId = "LC9", PersonId = new PersonId("NOBODY"), Date = city.Today.PlusDays(1), Origin = origin })
            .Validate();

        problems.Should().ContainSingle(p => p.Code == "duplicate-id").Which.Key.Should().Be("LC1");
        var visit = problems.Where(p => p.Entity == nameof(ClinicVisit)).ToList();
        visit.Select(p => (p.Code, p.Field)).Should().BeEquivalentTo(
            [("unknown-reference", "PersonId"), ("unknown-reference", nameof(ClinicVisit.ClinicId)), ("future-date", nameof(ClinicVisit.Date))]);
        visit.Should().OnlyContain(p => p.Origin == origin && p.Key == "LC9 NOBODY 2025-06-16");
        visit.Single(p => p.Field == nameof(ClinicVisit.ClinicId)).Message.Chinese.Should().Be("引用了不存在的法律诊所");
    }

    [Fact]
    public void A_merge_keys_it_by_its_declared_key()
    {
        var city = new TestCity().Members("M", full: 1);
        var stored = city.Builder().Add(new LegalClinic { Id = "LC1", Name = "夜间法律诊所" })
            .Add(new ClinicVisit { ClinicId = "LC1", PersonId = new PersonId("M-F1"), Date = new LocalDate(2025, 3, 5), Minutes = 30 })
            .Build();

        var merge = DatasetMerge.Create(stored, [
            new ClinicVisit { ClinicId = "LC1", PersonId = new PersonId("M-F1"), Date = new LocalDate(2025, 3, 5), Minutes = 45 },
            new ClinicVisit { ClinicId = "LC1", PersonId = new PersonId("M-F1"), Date = new LocalDate(2025, 4, 2) },
        ], city.Today);

        merge.Succeeded.Should().BeTrue();
        merge.Counts.Should().ContainSingle().Which.Should().Be(new DatasetMergeCount(typeof(ClinicVisit), Added: 1, Updated: 1, Unchanged: 0));
        merge.Dataset!.Records<ClinicVisit>().Select(v => v.Minutes).Should().Equal(45, null);
    }

    [Fact]
    public void A_record_type_that_declares_no_kind_is_refused_by_name()
    {
        var add = () => new TestCity().Builder().Add(new Undeclared());

        add.Should().Throw<ArgumentException>().WithMessage("*Undeclared*declares no record kind*");
    }

    private sealed record Undeclared : DatasetRecord;
}

/// <summary>A sample kind with its own id: a legal clinic (法律诊所).</summary>
public sealed record LegalClinic : DatasetRecord
{
    /// <summary>The kind.</summary>
    public static RecordKind<LegalClinic> Declaration { get; } = new("legal_clinics", new("法律诊所", "legal clinic"), c => RecordKey.Id(c.Id), c => c.Id)
    {
        Check = (c, check) =>
        {
            check.Required(c.Id, nameof(Id));
            check.UniqueId(c.Id, nameof(Id));
            check.Required(c.Name, nameof(Name));
        },
    };

    /// <summary>The clinic's id.</summary>
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration; // "protected override" in an assembly the library does not open its internals to
}

/// <summary>A sample kind keyed by its fields and referring to the backbone and to another kind: a visit to a clinic.</summary>
public sealed record ClinicVisit : DatasetRecord
{
    /// <summary>The kind.</summary>
    public static RecordKind<ClinicVisit> Declaration { get; } = new(
        "clinic_visits", new("诊所接待", "clinic visit"), v => RecordKey.Natural(v.ClinicId, v.PersonId.Value, RecordKey.Day(v.Date)), v => $"{v.ClinicId} {v.PersonId} {RecordKey.Day(v.Date)}")
    {
        Refers = [LegalClinic.Declaration],
        Check = (v, check) =>
        {
            check.Person(v.PersonId);
            check.Refers(LegalClinic.Declaration, v.ClinicId, nameof(ClinicId));
            check.NotFuture(v.Date, nameof(Date));
        },
    };

    /// <summary>The clinic.</summary>
    public required string ClinicId { get; init; }

    /// <summary>The lawyer on duty.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The day.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>How long, if recorded.</summary>
    public int? Minutes { get; init; }

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration; // "protected override" in an assembly the library does not open its internals to
}

/// <summary>The sample kind's reading of the dataset, as a concept folder declares it.</summary>
public static class ClinicReadings
{
    /// <summary>Every clinic visit.</summary>
    public static IReadOnlyList<ClinicVisit> ClinicVisits(this CityDataset dataset) => dataset.Records<ClinicVisit>();
}
