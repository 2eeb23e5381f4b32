using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;

namespace PartyDomain.Reporting.Word;

/// <summary>
/// Writes an Office Open XML package (a .docx or .xlsx) straight into the output, part after part: the OpenXML SDK's
/// package keeps every part in memory and compresses it again on close, which for a problem list of half a million lines
/// cost gigabytes and most of the report's time. Parts are compressed as they are written (fastest level: the markup is
/// repetitive and the time goes to the national lists); relationships use fixed ids, so the same summary gives the same
/// bytes of every part.
/// </summary>
internal sealed class PackageWriter : IDisposable
{
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string CoreType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

    private readonly ZipArchive _zip;
    private readonly List<(string Part, string ContentType)> _parts = [];
    private readonly Dictionary<string, List<(string Id, string Type, string Target)>> _relationships = new(StringComparer.Ordinal);
    private readonly string _title;

    /// <summary>Starts a package in <paramref name="output"/>, which stays open; <paramref name="title"/> is its document title.</summary>
    public PackageWriter(Stream output, string title)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        _title = title;
        Relate(string.Empty, "rIdCore", CoreType, "docProps/core.xml");
    }

    /// <summary>
    /// Adds a relationship from <paramref name="source"/> (a part's name, or empty for the package) to
    /// <paramref name="target"/> (relative to the source's folder).
    /// </summary>
    public void Relate(string source, string id, string type, string target)
    {
        if (!_relationships.TryGetValue(source, out var list))
        {
            _relationships[source] = list = [];
        }

        list.Add((id, type, target));
    }

    /// <summary>Opens a part for writing; dispose the writer before the next part is opened.</summary>
    public XmlWriter Open(string part, string contentType)
    {
        _parts.Add((part, contentType));
        var stream = _zip.CreateEntry(part, CompressionLevel.Fastest).Open();
        return XmlWriter.Create(new BufferedStream(stream, 1 << 16), new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true });
    }

    /// <summary>Starts a part written as raw markup (see <see cref="MarkupWriter"/>), for the parts of millions of elements.</summary>
    public MarkupWriter OpenMarkup(string part, string contentType)
    {
        _parts.Add((part, contentType));
        return new MarkupWriter(_zip.CreateEntry(part, CompressionLevel.Fastest).Open());
    }

    /// <summary>Writes a part made of one element (styles, a header, the workbook).</summary>
    public void Write(string part, string contentType, OpenXmlElement root)
    {
        using var writer = Open(part, contentType);
        writer.WriteStartDocument(true);
        root.WriteTo(writer);
    }

    /// <summary>Writes the relationships, the document properties and the content types, and closes the package.</summary>
    public void Dispose()
    {
        using (var core = Open("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"))
        {
            const string Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties", Dc = "http://purl.org/dc/elements/1.1/";
            core.WriteStartDocument(true);
            core.WriteStartElement("cp", "coreProperties", Cp);
            core.WriteElementString("dc", "title", Dc, WordReportRenderer.Safe(_title));
            core.WriteElementString("dc", "creator", Dc, "PartyDomain");
            core.WriteEndElement();
        }

        foreach (var (source, list) in _relationships)
        {
            var slash = source.LastIndexOf('/');
            using var writer = _zip.CreateEntry(source.Length == 0 ? "_rels/.rels" : $"{source[..(slash + 1)]}_rels/{source[(slash + 1)..]}.rels", CompressionLevel.Fastest).Open();
            using var xml = XmlWriter.Create(writer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            xml.WriteStartDocument(true);
            xml.WriteStartElement("Relationships", Relationships);
            foreach (var (id, type, target) in list)
            {
                xml.WriteStartElement("Relationship", Relationships);
                xml.WriteAttributeString("Id", id);
                xml.WriteAttributeString("Type", type);
                xml.WriteAttributeString("Target", target);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        using (var stream = _zip.CreateEntry("[Content_Types].xml", CompressionLevel.Fastest).Open())
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            const string Types = "http://schemas.openxmlformats.org/package/2006/content-types";
            xml.WriteStartDocument(true);
            xml.WriteStartElement("Types", Types);
            xml.WriteStartElement("Default", Types);
            xml.WriteAttributeString("Extension", "rels");
            xml.WriteAttributeString("ContentType", "application/vnd.openxmlformats-package.relationships+xml");
            xml.WriteEndElement();
            foreach (var (part, contentType) in _parts)
            {
                xml.WriteStartElement("Override", Types);
                xml.WriteAttributeString("PartName", "/" + part);
                xml.WriteAttributeString("ContentType", contentType);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        _zip.Dispose();
    }
}
