using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;

namespace PartyDomain.Reporting.Word;

/// <summary>Registers the Word renderer.</summary>
public static class WordReportingExtensions
{
    /// <summary>Registers <see cref="WordReportRenderer"/> as the <c>docx</c> <see cref="IReportRenderer"/>, next to Markdown, HTML and JSON.</summary>
    /// <param name="builder">The PartyDomain builder.</param>
    public static PartyDomainBuilder AddWordReport(this PartyDomainBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IReportRenderer, WordReportRenderer>();
        return builder;
    }
}
