using System.Buffers;
using System.Text;

namespace PartyDomain.Reporting.Word;

/// <summary>
/// Writes a part's XML straight into its stream as UTF-8: markup the caller knows to be well formed as it is, text
/// escaped, with the characters XML cannot hold left out (as <see cref="WordReportRenderer.Safe"/>). The problem list is
/// half a gigabyte of XML at national scale, which <see cref="System.Xml.XmlWriter"/>'s checks of every character of the
/// markup and its extra buffer copy wrote at half the speed; well-formedness is the callers' (and the tests' validator's) care.
/// </summary>
internal sealed class MarkupWriter : IDisposable
{
    private const int Size = 1 << 16;

    // What text cannot hold as it stands: the three characters escaped, and those XML 1.0 leaves out (controls but tab, line
    // feed and return; U+FFFE and U+FFFF; surrogates, kept only as pairs, are looked for apart as a range).
    private static readonly SearchValues<char> Special = SearchValues.Create(Controls + "&<>\uFFFE\uFFFF");

    private static readonly SearchValues<char> Invalid = SearchValues.Create(Controls + "\uFFFE\uFFFF");

    private const string Controls = "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F";

    private readonly Stream _stream;
    private readonly System.Xml.XmlWriter? _xml;
    private readonly byte[] _buffer;
    private int _used;

    /// <summary>Writes into <paramref name="stream"/>, which the writer closes; starts with the XML declaration.</summary>
    public MarkupWriter(Stream stream)
    {
        _stream = stream;
        _buffer = new byte[Size];
        Raw("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>");
    }

    /// <summary>Writes through <paramref name="xml"/> (a part the OpenXML SDK writes), which stays open: the same table code serves both.</summary>
    public MarkupWriter(System.Xml.XmlWriter xml)
    {
        _stream = Stream.Null;
        _xml = xml;
        _buffer = [];
    }

    /// <summary>Markup as it stands.</summary>
    public void Raw(string markup)
    {
        if (_xml is not null)
        {
            _xml.WriteRaw(markup);
            return;
        }

        Encode(markup);
    }

    /// <summary>
    /// Markup as it stands, already UTF-8 (a <c>u8</c> literal or bytes encoded once per table): copied, not encoded again,
    /// for the few fixed pieces every cell and row repeats.
    /// </summary>
    public void Raw(ReadOnlySpan<byte> markup)
    {
        if (_xml is not null)
        {
            _xml.WriteRaw(Encoding.UTF8.GetString(markup));
            return;
        }

        if (Size - _used < markup.Length)
        {
            Flush();
            if (markup.Length > Size)
            {
                _stream.Write(markup);
                return;
            }
        }

        markup.CopyTo(_buffer.AsSpan(_used));
        _used += markup.Length;
    }

    /// <summary>Whether <paramref name="text"/> holds a character XML cannot hold or a surrogate (which may stand alone).</summary>
    public static bool MayNeedCleaning(ReadOnlySpan<char> text) => Next(text, Invalid) >= 0;

    /// <summary>Text content, escaped, with what XML cannot hold left out.</summary>
    public void Text(string text)
    {
        if (_xml is not null)
        {
            _xml.WriteString(WordReportRenderer.Safe(text));
            return;
        }

        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var at = Next(rest, Special);
            if (at < 0)
            {
                Encode(rest);
                return;
            }

            Encode(rest[..at]);
            var c = rest[at];
            var skip = 1;
            switch (c)
            {
                case '&':
                    Encode("&amp;");
                    break;
                case '<':
                    Encode("&lt;");
                    break;
                case '>':
                    Encode("&gt;");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && at + 1 < rest.Length && char.IsLowSurrogate(rest[at + 1]))
                    {
                        Encode(rest.Slice(at, 2));
                        skip = 2;
                    }

                    break;
            }

            rest = rest[(at + skip)..];
        }
    }

    /// <summary>A whole number, in invariant digits.</summary>
    public void Number(int value)
    {
        if (_xml is not null)
        {
            _xml.WriteRaw(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        if (Size - _used < 16)
        {
            Flush();
        }

        value.TryFormat(_buffer.AsSpan(_used), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _used += written;
    }

    /// <summary>Whether <paramref name="text"/>, once what XML cannot hold is left out, starts or ends with white space.</summary>
    public static bool KeepsSpaces(string text)
    {
        // Almost every cell starts and ends with a character that stays (no space, nothing XML leaves out, no surrogate):
        // leaving characters out cannot move those ends, so the text is not searched (millions of cells at national scale).
        if (text.Length > 0 && Stays(text[0]) && Stays(text[^1]))
        {
            return false;
        }

        if (Next(text, Invalid) >= 0)
        {
            text = WordReportRenderer.Safe(text);
        }

        return text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]));
    }

    /// <summary>Whether <paramref name="c"/> is kept as it is and is not white space.</summary>
    private static bool Stays(char c) => !char.IsWhiteSpace(c) && !char.IsSurrogate(c) && !Invalid.Contains(c);

    /// <summary>The first of <paramref name="values"/> or of the surrogates in <paramref name="text"/>, or -1.</summary>
    private static int Next(ReadOnlySpan<char> text, SearchValues<char> values)
    {
        var at = text.IndexOfAny(values);
        var surrogate = (at < 0 ? text : text[..at]).IndexOfAnyInRange('\uD800', '\uDFFF');
        return surrogate >= 0 ? surrogate : at;
    }

    /// <summary>Writes what is buffered and closes the stream.</summary>
    public void Dispose()
    {
        if (_xml is not null)
        {
            return;
        }

        Flush();
        _stream.Dispose();
    }

    private void Encode(ReadOnlySpan<char> chars)
    {
        // A character is at most three bytes of UTF-8 (a surrogate pair four, for two characters).
        while (chars.Length > 0)
        {
            if (Size - _used < 3 * Math.Min(chars.Length, 1024))
            {
                Flush();
            }

            var take = Math.Min(chars.Length, (Size - _used) / 3);
            if (take < chars.Length && char.IsHighSurrogate(chars[take - 1]))
            {
                take--;
            }

            _used += Encoding.UTF8.GetBytes(chars[..take], _buffer.AsSpan(_used));
            chars = chars[take..];
        }
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}
