using NodaTime;
using PartyDomain.Organization;
using PartyDomain.Time;

namespace PartyDomain.Data;

/// <summary>
/// What a <see cref="RecordKind{T}.Check"/> checks one record with: the dataset's backbone to resolve references
/// against, today's date, the catalogs, and the report. Each method reports what it finds about the record being
/// checked (with the kind's <see cref="RecordKind{T}.Describe"/> as its key and the field named) and returns whether it
/// held, so a check can skip what depends on it; no problem stops the others.
/// </summary>
public sealed class RecordCheck
{
    private readonly DatasetValidator _validator;

    internal RecordCheck(DatasetValidator validator) => _validator = validator;

    /// <summary>The record being checked.</summary>
    internal DatasetRecord Current { get; set; } = null!;

    /// <summary>The keys seen among the current kind's records so far, one set per key type.</summary>
    internal Dictionary<Type, object> Seen { get; } = [];

    private readonly HashSet<PersonId> _people = [];

    /// <summary>An empty set for one record's own list of people (an attendance list), reused: two million activities allocate none.</summary>
    internal HashSet<PersonId> ScratchPeople()
    {
        _people.Clear();
        return _people;
    }

    /// <summary>Today's date: no record may be dated later.</summary>
    public LocalDate Today => _validator.Today;

    /// <summary>The builder's catalog of type <typeparamref name="TCatalog"/> (<see cref="CityDatasetBuilder.Use{TCatalog}"/>), or <c>null</c>.</summary>
    /// <typeparam name="TCatalog">The catalog's type.</typeparam>
    public TCatalog? Catalog<TCatalog>()
        where TCatalog : class, IDatasetCatalog => _validator.Catalog<TCatalog>();

    /// <summary>Reports a problem in <paramref name="field"/>.</summary>
    /// <param name="code">The problem's code (<c>invalid-value</c>, <c>missing-value</c>, <c>outside-lifetime</c>, …; see docs/data-format.md).</param>
    /// <param name="field">The record's property at fault.</param>
    /// <param name="value">The offending value as text, if any.</param>
    /// <param name="message">Why, in Chinese and English.</param>
    public void Report(string code, string field, string? value, LocalizedText message) => _validator.Report(code, Current, field, value, message);

    /// <summary>Reports <paramref name="date"/> when it is after today.</summary>
    /// <param name="date">The date.</param>
    /// <param name="field">Its property.</param>
    public bool NotFuture(LocalDate date, string field) => _validator.NotFuture(date, Current, field);

    /// <summary>Reports an empty required value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="field">Its property.</param>
    public bool Required(string? value, string field)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        _validator.Report("missing-value", Current, field, null, new("必填项为空", "a required value is empty"));
        return false;
    }

    /// <summary>Reports an identifier another record of the kind already has (the later record is reported).</summary>
    /// <param name="id">The record's own identifier; an empty one is left to <see cref="Required"/>.</param>
    /// <param name="field">Its property.</param>
    public bool UniqueId(string? id, string field = "Id")
    {
        if (string.IsNullOrWhiteSpace(id) || First((Field: field, Id: id)))
        {
            return true;
        }

        _validator.Report("duplicate-id", Current, field, id, new("标识重复，已有同一标识的记录", "another record has the same identifier"));
        return false;
    }

    /// <summary>
    /// Whether no earlier record of the kind had <paramref name="key"/>: for a rule such as "one declaration per member and
    /// month", where the later record is the one to report.
    /// </summary>
    /// <typeparam name="TKey">The key's type.</typeparam>
    /// <param name="key">The key.</param>
    public bool First<TKey>(TKey key)
        where TKey : notnull
    {
        if (!Seen.TryGetValue(typeof(TKey), out var set))
        {
            Seen.Add(typeof(TKey), set = new HashSet<TKey>());
        }

        return ((HashSet<TKey>)set).Add(key);
    }

    /// <summary>Reports a reference to a person the dataset does not hold.</summary>
    /// <param name="id">The person.</param>
    /// <param name="field">Its property.</param>
    public bool Person(PersonId id, string field = "PersonId") => _validator.CheckPerson(id, Current, field);

    /// <summary>Reports a reference to a law firm the dataset does not hold; the firm when it does.</summary>
    /// <param name="id">The firm.</param>
    /// <param name="field">Its property.</param>
    public LawFirm? Firm(FirmId id, string field = "FirmId") => _validator.Firm(id, Current, field);

    /// <summary>
    /// Reports a reference to an organization the dataset does not hold, and, when <paramref name="during"/> is given, days
    /// outside the organization's life; the organization when it is known.
    /// </summary>
    /// <param name="id">The organization.</param>
    /// <param name="field">Its property.</param>
    /// <param name="during">The record's days, to be within the organization's life.</param>
    public PartyOrganization? Organization(OrganizationId id, string field = "OrganizationId", ITimeBound? during = null) =>
        _validator.Organization(id, Current, field, during);

    /// <summary>Reports a date in the future or an end before the start in the record's days.</summary>
    /// <param name="days">The record's days (the record itself, when it is time-bound).</param>
    public bool Days(ITimeBound days) => _validator.CheckTimeBound(days, Current);

    /// <summary>The record of <paramref name="kind"/> whose own id is <paramref name="id"/>, or <c>null</c> (reported as an unknown reference in <paramref name="field"/>).</summary>
    /// <typeparam name="TRecord">The referred record type.</typeparam>
    /// <param name="kind">The referred kind, which must be keyed by its own id and listed in <see cref="RecordKind{T}.Refers"/>.</param>
    /// <param name="id">The id.</param>
    /// <param name="field">The property holding the reference.</param>
    public TRecord? Refers<TRecord>(RecordKind<TRecord> kind, string id, string field)
        where TRecord : DatasetRecord
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (_validator.Find(kind, id) is TRecord found)
        {
            return found;
        }

        Unknown(field, id, kind.Noun);
        return null;
    }

    /// <summary>Reports a reference in <paramref name="field"/> to something the dataset does not hold.</summary>
    /// <param name="field">The property.</param>
    /// <param name="value">The reference.</param>
    /// <param name="noun">What it should refer to (人员 / person).</param>
    public void Unknown(string field, string value, LocalizedText noun)
    {
        ArgumentNullException.ThrowIfNull(noun);
        _validator.Report("unknown-reference", Current, field, value, new($"引用了不存在的{noun.Chinese}", $"refers to an unknown {noun.English}"));
    }

    /// <summary>Days as problem messages write them: <c>2021-03-05..2023-06-30</c> (either end may be open).</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    public static string Span(LocalDate? from, LocalDate? to) => DatasetValidator.Span(from, to);

    /// <summary>A choice as the data format spells it (<c>IrregularIncome</c> → <c>irregular-income</c>), for keys and messages.</summary>
    /// <typeparam name="TEnum">The choice's type.</typeparam>
    /// <param name="value">The choice.</param>
    public static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum => DatasetValidator.Code(value);
}
