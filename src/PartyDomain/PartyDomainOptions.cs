using PartyDomain.Time;

namespace PartyDomain;

/// <summary>Library-wide settings, bound from the host's configuration section (for example <c>PartyDomain</c>).</summary>
public sealed class PartyDomainOptions
{
    /// <summary>The TZDB zone "today" is read in; <c>Asia/Shanghai</c> by default.</summary>
    public string TimeZone { get; set; } = PartyDomainTime.DefaultZoneId;

    /// <summary>The language of findings, figures and reports; Simplified Chinese by default.</summary>
    public TextLanguage Language { get; set; } = TextLanguage.Chinese;
}
