namespace PartyDomain.Rules;

/// <summary>
/// Identifies a rule across every rule family (structure checks, basic systems, training, admission), for example
/// <c>ORG-COMMITTEE-SIZE</c>. An open vocabulary: a city plugin brings its own ids. Compared case-insensitively.
/// </summary>
public readonly struct RuleId : IEquatable<RuleId>
{
    private readonly string? _value;

    /// <summary>Creates a rule id.</summary>
    /// <param name="value">The id text; not empty.</param>
    public RuleId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim();
    }

    /// <summary>The id text.</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool Equals(RuleId other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RuleId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The id text.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The left id.</param>
    /// <param name="right">The right id.</param>
    public static bool operator ==(RuleId left, RuleId right) => left.Equals(right);

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The left id.</param>
    /// <param name="right">The right id.</param>
    public static bool operator !=(RuleId left, RuleId right) => !left.Equals(right);
}
