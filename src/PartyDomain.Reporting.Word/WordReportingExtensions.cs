using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;

namespace PartyDomain.Reporting.Word;

/// <summary>Registers the Word renderers: the summary (.docx) and its problem list (.docx and .xlsx).</summary>
public static class WordReportingExtensions
{
    /// <summary>
    /// Registers <see cref="WordReportRenderer"/> as the <c>docx</c> <see cref="IReportRenderer"/>, next to Markdown, HTML and
    /// JSON, and the problem list as <c>problems.docx</c> (<see cref="ProblemListWordRenderer"/>) and <c>problems.xlsx</c>
    /// (<see cref="ProblemListXlsxRenderer"/>).
    /// </summary>
    /// <param name="builder">The PartyDomain builder.</param>
    public static PartyDomainBuilder AddWordReport(this PartyDomainBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IReportRenderer, WordReportRenderer>();
        builder.Services.AddSingleton<IReportRenderer, ProblemListWordRenderer>();
        builder.Services.AddSingleton<IReportRenderer, ProblemListXlsxRenderer>();
        return builder;
    }
}
