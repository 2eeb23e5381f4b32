namespace PartyDomain.Organization;

/// <summary>Identifies a party organization (党组织) within a city's data.</summary>
public readonly record struct OrganizationId
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The identifier text; not empty.</param>
    public OrganizationId(string value) => Value = Identifier.Require(value);

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <summary>The identifier text.</summary>
    public override string ToString() => Value;
}

/// <summary>Identifies a person (member, applicant, lawyer or instructor) within a city's data.</summary>
public readonly record struct PersonId
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The identifier text; not empty.</param>
    public PersonId(string value) => Value = Identifier.Require(value);

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <summary>The identifier text.</summary>
    public override string ToString() => Value;
}

/// <summary>Identifies a law firm (律师事务所) within a city's data.</summary>
public readonly record struct FirmId
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The identifier text; not empty.</param>
    public FirmId(string value) => Value = Identifier.Require(value);

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <summary>The identifier text.</summary>
    public override string ToString() => Value;
}

internal static class Identifier
{
    public static string Require(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value.Trim();
    }
}
