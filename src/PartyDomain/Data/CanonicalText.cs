using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace PartyDomain.Data;

/// <summary>
/// Builds the same text as <see cref="DatasetRecordKeys.Join"/> of the parts and hashes it, in one reused buffer: a bulk
/// import keys a million service records by their content, and building a dozen strings per record cost more than
/// writing the record.
/// </summary>
internal ref struct CanonicalText
{
    private Span<char> _chars;
    private char[]? _rented;
    private int _length;
    private bool _started;

    public CanonicalText(Span<char> initial)
    {
        _chars = initial;
        _rented = null;
        _length = 0;
        _started = false;
    }

    /// <summary>Appends one part, escaped like <see cref="DatasetRecordKeys.Join"/> (a null part is empty).</summary>
    public void Part(scoped ReadOnlySpan<char> part)
    {
        if (_started)
        {
            Append('|');
        }

        _started = true;
        foreach (var c in part)
        {
            if (c is '\\' or '|')
            {
                Append('\\');
            }

            Append(c);
        }
    }

    public void Part(LocalDate date)
    {
        Span<char> text = stackalloc char[16];
        Part(text[..FormatDate(date, text)]);
    }

    /// <summary>
    /// Appends a number by its value, not its scale (20 and 20.0 are one part, <c>20</c>): a SQLite store reads 20 back
    /// as 20.0, and a record read back must keep the key it was written with.
    /// </summary>
    public void Part(decimal value)
    {
        Span<char> text = stackalloc char[40];
        Part(value.TryFormat(text, out var written, NumberFormat, CultureInfo.InvariantCulture) ? text[..written] : value.ToString(NumberFormat, CultureInfo.InvariantCulture));
    }

    /// <summary>A decimal without trailing zeros.</summary>
    internal const string NumberFormat = "0.############################";

    /// <summary>The xxHash128 of the text's UTF-8 bytes, as 32 lowercase hex digits written to <paramref name="hex"/>.</summary>
    public readonly void Hash(Span<char> hex)
    {
        var text = _chars[.._length];
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = max > 1024 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> utf8 = rented ?? stackalloc byte[1024];
        var written = Encoding.UTF8.GetBytes(text, utf8);
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(utf8[..written], hash);
        Convert.TryToHexStringLower(hash, hex, out _);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    /// <summary>Writes <paramref name="date"/> as <see cref="LocalDatePattern.Iso"/> does; returns the length.</summary>
    public static int FormatDate(LocalDate date, Span<char> text)
    {
        if (date.Year is < 1 or > 9999)
        {
            var iso = LocalDatePattern.Iso.Format(date);
            iso.CopyTo(text);
            return iso.Length;
        }

        Digits(date.Year, text[..4]);
        text[4] = '-';
        Digits(date.Month, text.Slice(5, 2));
        text[7] = '-';
        Digits(date.Day, text.Slice(8, 2));
        return 10;
    }

    private static void Digits(int value, Span<char> text)
    {
        for (var i = text.Length - 1; i >= 0; i--, value /= 10)
        {
            text[i] = (char)('0' + (value % 10));
        }
    }

    private void Append(char c)
    {
        if (_length == _chars.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(_chars.Length * 2);
            _chars.CopyTo(larger);
            if (_rented is not null)
            {
                ArrayPool<char>.Shared.Return(_rented);
            }

            _chars = _rented = larger;
        }

        _chars[_length++] = c;
    }
}
