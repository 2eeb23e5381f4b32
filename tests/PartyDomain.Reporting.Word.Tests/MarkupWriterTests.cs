using System.Xml;
using FluentAssertions;
using Xunit;

namespace PartyDomain.Reporting.Word.Tests;

public class MarkupWriterTests
{
    // Built in code: a test case's data passes through UTF-8, which would turn a lone surrogate into U+FFFD.
    private static readonly string[] Texts =
    [
        "党支部",
        "a & b < c > d \"e\" 'f'",
        "  前后有空格 ",
        "控制\u0001字符\u0008与\u000B换页\u000C",
        "孤立代理\uD800项\uDC00与成对\uD83D\uDE00",
        "\uFFFE\uFFFF保留\tTab\n换行\r回车",
        "\u0001 ",
    ];

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, Texts.Length)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_reads_back_as_the_xml_safe_text_and_says_when_its_spaces_must_be_kept(int index)
    {
        var text = Texts[index];
        var stream = new MemoryStream();
        using (var writer = new MarkupWriter(new NonClosing(stream)))
        {
            writer.Raw(MarkupWriter.KeepsSpaces(text) ? "<t xml:space=\"preserve\">" : "<t>");
            writer.Text(text);
            writer.Raw("</t>");
        }

        stream.Position = 0;
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { IgnoreWhitespace = false });
        reader.MoveToContent();
        var read = reader.ReadElementContentAsString();
        var safe = WordReportRenderer.Safe(text);
        // XML reads a lone carriage return as a line feed; everything else comes back as written.
        read.Should().Be(safe.Replace("\r", "\n", StringComparison.Ordinal));
        MarkupWriter.KeepsSpaces(text).Should().Be(safe.Length > 0 && (char.IsWhiteSpace(safe[0]) || char.IsWhiteSpace(safe[^1])));
    }

    [Fact]
    public void Text_longer_than_the_buffer_is_written_whole_including_pairs_at_every_boundary()
    {
        // Four-byte characters and three-byte ones mixed, so buffer boundaries fall between the halves of a pair too.
        var text = string.Concat(Enumerable.Range(0, 70_000).Select(i => i % 3 == 0 ? "\uD83D\uDE00" : i % 3 == 1 ? "党" : "a&"));
        var stream = new MemoryStream();
        using (var writer = new MarkupWriter(new NonClosing(stream)))
        {
            writer.Raw("<t>");
            writer.Text(text);
            writer.Raw("</t>");
            writer.Number(-1234567);
        }

        stream.Position = 0;
        var xml = new StreamReader(stream).ReadToEnd();
        xml.Should().EndWith("</t>-1234567");
        var doc = new XmlDocument();
        doc.LoadXml(xml[..^"-1234567".Length]);
        doc.DocumentElement!.InnerText.Should().Be(text);
    }

    private sealed class NonClosing(Stream inner) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
    }
}
