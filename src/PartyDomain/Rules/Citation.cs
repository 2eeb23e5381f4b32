namespace PartyDomain.Rules;

/// <summary>How sure the library is of a rule's source.</summary>
public enum SourceConfidence
{
    /// <summary>Read in the regulation's own text.</summary>
    Verified,

    /// <summary>Read in republished or quoted text.</summary>
    Secondary,

    /// <summary>A configurable default whose source is not confirmed.</summary>
    Unconfirmed,

    /// <summary>Local practice of one city or province; belongs in configuration or a city plugin.</summary>
    Local,
}

/// <summary>The source a rule rests on: a regulation and the article (or chapter) that says it.</summary>
/// <param name="Document">The regulation's title without book-title marks, for example 中国共产党支部工作条例（试行）.</param>
/// <param name="Provision">The article or chapter, for example 第十一条, or <c>null</c>.</param>
/// <param name="Confidence">How sure the library is of the source.</param>
public sealed record Citation(string Document, string? Provision, SourceConfidence Confidence)
{
    /// <summary>Formats the citation as <c>《中国共产党支部工作条例（试行）》第十一条</c>.</summary>
    public override string ToString() => Provision is null ? $"《{Document}》" : $"《{Document}》{Provision}";
}

/// <summary>The regulations the default rules cite, by their official titles.</summary>
public static class Regulations
{
    /// <summary>中国共产党支部工作条例（试行）(2018).</summary>
    public const string BranchWork = "中国共产党支部工作条例（试行）";

    /// <summary>中国共产党党员教育管理工作条例 (2019).</summary>
    public const string MemberEducation = "中国共产党党员教育管理工作条例";

    /// <summary>中国共产党发展党员工作细则 (2014).</summary>
    public const string MemberDevelopment = "中国共产党发展党员工作细则";

    /// <summary>中国共产党基层组织选举工作条例 (2020).</summary>
    public const string GrassrootsElections = "中国共产党基层组织选举工作条例";

    /// <summary>律师事务所党组织工作规则（试行）(2021).</summary>
    public const string LawFirmOrganizations = "律师事务所党组织工作规则（试行）";

    /// <summary>关于中国共产党党费收缴、使用和管理的规定（中组发〔2008〕3号）.</summary>
    public const string PartyDues = "关于中国共产党党费收缴、使用和管理的规定（中组发〔2008〕3号）";
}
