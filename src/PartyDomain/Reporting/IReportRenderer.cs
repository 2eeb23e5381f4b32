namespace PartyDomain.Reporting;

/// <summary>
/// Writes an <see cref="AnnualSummary"/> in one format. The library registers Markdown (<c>md</c>), HTML (<c>html</c>)
/// and JSON (<c>json</c>); the PartyDomain.Reporting.Word package adds Word (<c>docx</c>). A host picks one by <see cref="Format"/>.
/// </summary>
public interface IReportRenderer
{
    /// <summary>The format's short name, as a host's <c>--format</c> option takes it: <c>md</c>, <c>html</c>, <c>json</c>, <c>docx</c>.</summary>
    string Format { get; }

    /// <summary>The file extension, with its dot, for example <c>.md</c>.</summary>
    string FileExtension { get; }

    /// <summary>The media type, for example <c>text/markdown</c>.</summary>
    string MediaType { get; }

    /// <summary>Writes <paramref name="summary"/> to <paramref name="output"/>; the stream is left open.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="output">Where to write.</param>
    void Render(AnnualSummary summary, Stream output);
}
