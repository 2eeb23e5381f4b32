using System.Security.Cryptography;
using System.Text;
using PartyDomain.Organization;

namespace PartyDomain.EntityFrameworkCore.Mapping;

/// <summary>
/// Encrypts a person's ID-card number and phone at rest with AES-256-GCM under <see cref="PartyDomainStoreOptions.PersonalDataKey"/>:
/// each value gets a fresh 96-bit nonce, and the city and person ids are its associated data, so a value copied onto
/// another person's row (or another city's) does not decrypt. A stored value reads <c>pd1:</c> + Base64 of nonce,
/// ciphertext and tag; any other stored value is clear text written before a key was configured, read as it is and
/// protected when the person is next written.
/// </summary>
internal sealed class PersonalDataProtector
{
    private const string Prefix = "pd1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[]? _key;

    public PersonalDataProtector(string? base64Key)
    {
        if (string.IsNullOrWhiteSpace(base64Key))
        {
            return;
        }

        try
        {
            _key = Convert.FromBase64String(base64Key.Trim());
        }
        catch (FormatException e)
        {
            throw new ArgumentException("PersonalDataKey is not Base64: give 32 random bytes in Base64 (for example `openssl rand -base64 32`).", nameof(base64Key), e);
        }

        if (_key.Length != 32)
        {
            throw new ArgumentException($"PersonalDataKey is {_key.Length} bytes; AES-256 needs 32 (for example `openssl rand -base64 32`).", nameof(base64Key));
        }
    }

    /// <summary>Whether values are encrypted when written.</summary>
    public bool Enabled => _key is not null;

    /// <summary>The person as stored: its personal data encrypted when a key is configured.</summary>
    public Person Protect(string cityId, Person person) => _key is null || (person.IdNumber is null && person.Phone is null)
        ? person
        : person with { IdNumber = Protect(cityId, person, person.IdNumber, "id"), Phone = Protect(cityId, person, person.Phone, "phone") };

    /// <summary>The person as read: its personal data decrypted.</summary>
    /// <exception cref="InvalidOperationException">A value is encrypted and no key, or another key, is configured.</exception>
    public Person Unprotect(string cityId, Person person) => person.IdNumber is null && person.Phone is null
        ? person
        : person with { IdNumber = Unprotect(cityId, person, person.IdNumber, "id"), Phone = Unprotect(cityId, person, person.Phone, "phone") };

    private SensitiveText? Protect(string cityId, Person person, SensitiveText? value, string field)
    {
        if (value is not { } text)
        {
            return value;
        }

        var plain = Encoding.UTF8.GetBytes(text.Reveal());
        var sealedValue = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key!, TagSize);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(NonceSize, plain.Length), sealedValue.AsSpan(NonceSize + plain.Length), Associated(cityId, person, field));
        return new SensitiveText(Prefix + Convert.ToBase64String(sealedValue));
    }

    private SensitiveText? Unprotect(string cityId, Person person, SensitiveText? value, string field)
    {
        if (value is not { } text || !text.Reveal().StartsWith(Prefix, StringComparison.Ordinal))
        {
            return value;
        }

        if (_key is null)
        {
            throw new InvalidOperationException(
                $"The store holds encrypted personal data (person {person.Id}) and no PersonalDataKey is configured: configure the key the data was written with.");
        }

        byte[] sealedValue;
        try
        {
            sealedValue = Convert.FromBase64String(text.Reveal()[Prefix.Length..]);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"The encrypted {field} of person {person.Id} is damaged (not Base64).", e);
        }

        if (sealedValue.Length < NonceSize + TagSize)
        {
            throw new InvalidOperationException($"The encrypted {field} of person {person.Id} is damaged (too short).");
        }

        var plain = new byte[sealedValue.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize, plain.Length), sealedValue.AsSpan(NonceSize + plain.Length), plain, Associated(cityId, person, field));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new InvalidOperationException(
                $"The {field} of person {person.Id} does not decrypt: the configured PersonalDataKey is not the key it was written with, or the row was altered.", e);
        }

        return new SensitiveText(Encoding.UTF8.GetString(plain));
    }

    private static byte[] Associated(string cityId, Person person, string field) => Encoding.UTF8.GetBytes($"{cityId}\n{person.Id.Value}\n{field}");
}
