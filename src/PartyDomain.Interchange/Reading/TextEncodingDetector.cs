using System.Text;

namespace PartyDomain.Interchange.Reading;

/// <summary>
/// Finds how a CSV file is encoded, the way Excel writes them: UTF-8 with or without a byte-order mark, UTF-16 with
/// one ("Unicode text"), or GB18030/GBK (the default of Chinese Excel's "CSV (comma delimited)"). Bytes valid as UTF-8
/// are read as UTF-8; otherwise they must be valid GB18030; otherwise the file is refused rather than mangled.
/// </summary>
internal static class TextEncodingDetector
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>GB18030 from the framework's code-page provider, without registering it process-wide.</summary>
    private static readonly Encoding StrictGb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("GB18030 is not available.");

    /// <summary>The encoding of <paramref name="path"/>, or <c>null</c> with the 1-based line of the first bad byte.</summary>
    public static Encoding? Detect(string path, out int badLine)
    {
        badLine = 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        Span<byte> bom = stackalloc byte[3];
        var read = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        if (read >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        {
            return Valid(stream, 3, StrictUtf8, out badLine) ? Encoding.UTF8 : null;
        }

        if (read >= 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF)))
        {
            var bigEndian = bom[0] == 0xFE;
            return ValidUtf16(stream, bigEndian, out badLine) ? (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode) : null;
        }

        if (Valid(stream, 0, StrictUtf8, out var utf8BadLine))
        {
            return new UTF8Encoding(false);
        }

        if (Valid(stream, 0, StrictGb18030, out _))
        {
            return StrictGb18030;
        }

        badLine = utf8BadLine;
        return null;
    }

    /// <summary>Whether the UTF-16 after the byte-order mark is whole: an even length and every surrogate in its pair.</summary>
    private static bool ValidUtf16(Stream stream, bool bigEndian, out int badLine)
    {
        stream.Position = 2;
        badLine = 1;
        var bytes = new byte[1 << 16];
        var expectLow = false;
        int carry = -1, n;
        while ((n = stream.Read(bytes, 0, bytes.Length)) > 0)
        {
            var i = 0;
            while (i < n)
            {
                int first, second;
                if (carry >= 0)
                {
                    first = carry;
                    second = bytes[i++];
                    carry = -1;
                }
                else if (i + 1 < n)
                {
                    first = bytes[i];
                    second = bytes[i + 1];
                    i += 2;
                }
                else
                {
                    carry = bytes[i++];
                    continue;
                }

                var unit = (char)(bigEndian ? (first << 8) | second : (second << 8) | first);
                if (char.IsHighSurrogate(unit) ? expectLow : char.IsLowSurrogate(unit) != expectLow)
                {
                    return false;
                }

                expectLow = char.IsHighSurrogate(unit);
                if (unit == '\n')
                {
                    badLine++;
                }
            }
        }

        return carry < 0 && !expectLow;
    }

    /// <summary>Decodes the whole stream from <paramref name="offset"/>; NUL bytes (UTF-16 without a mark, binary files) fail too.</summary>
    private static bool Valid(Stream stream, long offset, Encoding encoding, out int badLine)
    {
        stream.Position = offset;
        var decoder = encoding.GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        badLine = 1;
        int n;
        while ((n = stream.Read(bytes, 0, bytes.Length)) > 0)
        {
            var chunk = bytes.AsSpan(0, n);
            try
            {
                var nul = chunk.IndexOf((byte)0);
                if (nul >= 0)
                {
                    badLine += chunk[..nul].Count((byte)'\n');
                    return false;
                }

                decoder.GetChars(chunk, chars, flush: false);
            }
            catch (DecoderFallbackException e)
            {
                badLine += chunk[..Math.Clamp(e.Index, 0, n)].Count((byte)'\n');
                return false;
            }

            badLine += chunk.Count((byte)'\n');
        }

        try
        {
            decoder.GetChars([], chars, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
