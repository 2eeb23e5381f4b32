namespace PartyDomain.Organization;

/// <summary>Identifies a party organization (党组织) within a city's data. Compared ordinally.</summary>
public readonly struct OrganizationId : IEquatable<OrganizationId>
{
    private readonly Identifier _id;

    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The identifier text; not empty; surrounding spaces are trimmed.</param>
    public OrganizationId(string value) => _id = new Identifier(value);

    /// <summary>The identifier text.</summary>
    public string Value => _id.Value;

    /// <inheritdoc />
    public bool Equals(OrganizationId other) => _id.Equals(other._id);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OrganizationId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _id.Hash;

    /// <summary>The identifier text.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two identifiers.</summary>
    /// <param name="left">The left identifier.</param>
    /// <param name="right">The right identifier.</param>
    public static bool operator ==(OrganizationId left, OrganizationId right) => left.Equals(right);

    /// <summary>Compares two identifiers.</summary>
    /// <param name="left">The left identifier.</param>
    /// <param name="right">The right identifier.</param>
    public static bool operator !=(OrganizationId left, OrganizationId right) => !left.Equals(right);
}

/// <summary>Identifies a person (member, applicant, lawyer or instructor) within a city's data. Compared ordinally.</summary>
public readonly struct PersonId : IEquatable<PersonId>
{
    private readonly Identifier _id;

    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The identifier text; not empty; surrounding spaces are trimmed.</param>
    public PersonId(string value) => _id = new Identifier(value);

    /// <summary>The identifier text.</summary>
    public string Value => _id.Value;

    /// <inheritdoc />
    public bool Equals(PersonId other) => _id.Equals(other._id);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PersonId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _id.Hash;

    /// <summary>The identifier text.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two identifiers.</summary>
    /// <param name="left">The left identifier.</param>
    /// <param name="right">The right identifier.</param>
    public static bool operator ==(PersonId left, PersonId right) => left.Equals(right);

    /// <summary>Compares two identifiers.</summary>
    /// <param name="left">The left identifier.</param>
    /// <param name="right">The right identifier.</param>
    public static bool operator !=(PersonId left, PersonId right) => !left.Equals(right);
}

/// <summary>Identifies a law firm (律师事务所) within a city's data. Compared ordinally.</summary>
public readonly struct FirmId : IEquatable<FirmId>
{
    private readonly Identifier _id;

    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The identifier text; not empty; surrounding spaces are trimmed.</param>
    public FirmId(string value) => _id = new Identifier(value);

    /// <summary>The identifier text.</summary>
    public string Value => _id.Value;

    /// <inheritdoc />
    public bool Equals(FirmId other) => _id.Equals(other._id);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FirmId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _id.Hash;

    /// <summary>The identifier text.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two identifiers.</summary>
    /// <param name="left">The left identifier.</param>
    /// <param name="right">The right identifier.</param>
    public static bool operator ==(FirmId left, FirmId right) => left.Equals(right);

    /// <summary>Compares two identifiers.</summary>
    /// <param name="left">The left identifier.</param>
    /// <param name="right">The right identifier.</param>
    public static bool operator !=(FirmId left, FirmId right) => !left.Equals(right);
}

/// <summary>
/// The text of an identifier with its hash computed once: the dataset's indexes hash every id several times while
/// building, and a city has hundreds of thousands of them.
/// </summary>
internal readonly struct Identifier : IEquatable<Identifier>
{
    private readonly string? _value;

    public Identifier(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim();
        Hash = StringComparer.Ordinal.GetHashCode(_value);
    }

    public string Value => _value ?? string.Empty;

    public int Hash { get; }

    public bool Equals(Identifier other) => Hash == other.Hash && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Identifier other && Equals(other);

    public override int GetHashCode() => Hash;
}
