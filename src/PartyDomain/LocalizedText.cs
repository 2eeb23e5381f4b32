namespace PartyDomain;

/// <summary>The languages user-facing text is written in. Simplified Chinese is the default.</summary>
public enum TextLanguage
{
    /// <summary>Simplified Chinese (简体中文), the default.</summary>
    Chinese,

    /// <summary>English.</summary>
    English,
}

/// <summary>A piece of user-facing text in Simplified Chinese and English.</summary>
/// <param name="Chinese">The Simplified Chinese text.</param>
/// <param name="English">The English text.</param>
public sealed record LocalizedText(string Chinese, string English)
{
    /// <summary>The text in <paramref name="language"/>.</summary>
    /// <param name="language">The language.</param>
    public string In(TextLanguage language) => language == TextLanguage.English ? English : Chinese;

    /// <summary>The Chinese text.</summary>
    public override string ToString() => Chinese;
}
