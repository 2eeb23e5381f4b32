namespace PartyDomain.Organization;

/// <summary>
/// Personal data (an ID-card number, a phone number) that must never be logged and is masked in every output.
/// <see cref="ToString"/> masks it; only <see cref="Reveal"/> gives the full text, so every disclosure is explicit
/// in the code that makes it.
/// </summary>
public readonly struct SensitiveText : IEquatable<SensitiveText>
{
    private readonly string? _value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    /// <param name="value">The personal data.</param>
    public SensitiveText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value.Trim();
    }

    /// <summary>The full, unmasked text. Call only where the person's data is meant to be shown or stored.</summary>
    public string Reveal() => _value ?? string.Empty;

    /// <summary>
    /// The masked text: the first three and last four characters of a long value, and stars in between
    /// (<c>110***********1234</c>, <c>138****5678</c>); a short value is all stars.
    /// </summary>
    public string Masked()
    {
        var v = _value ?? string.Empty;
        return v.Length >= 10 ? string.Concat(v.AsSpan(0, 3), new string('*', v.Length - 7), v.AsSpan(v.Length - 4))
            : new string('*', v.Length);
    }

    /// <summary>The masked text; never the value itself.</summary>
    public override string ToString() => Masked();

    /// <inheritdoc />
    public bool Equals(SensitiveText other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SensitiveText other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    public static bool operator ==(SensitiveText left, SensitiveText right) => left.Equals(right);

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    public static bool operator !=(SensitiveText left, SensitiveText right) => !left.Equals(right);
}
