using PartyDomain.Rules;

namespace PartyDomain.Tests.Rules;

public class RuleModelTests
{
    [Fact]
    public void Rule_ids_compare_case_insensitively_and_are_trimmed()
    {
        var id = new RuleId(" ORG-BRANCH-SIZE ");

        id.Value.Should().Be("ORG-BRANCH-SIZE");
        (id == new RuleId("org-branch-size")).Should().BeTrue();
        (id != new RuleId("ORG-BRANCH-SIZES")).Should().BeTrue();
        id.GetHashCode().Should().Be(new RuleId("Org-Branch-Size").GetHashCode());
        id.ToString().Should().Be("ORG-BRANCH-SIZE");
        default(RuleId).Value.Should().BeEmpty();
        ((Action)(() => _ = new RuleId(" "))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_citation_prints_with_book_title_marks()
    {
        new Citation(Regulations.BranchWork, "第十一条", SourceConfidence.Verified).ToString().Should().Be("《中国共产党支部工作条例（试行）》第十一条");
        new Citation(Regulations.MemberEducation, null, SourceConfidence.Secondary).ToString().Should().Be("《中国共产党党员教育管理工作条例》");
    }

    [Fact]
    public void A_finding_describes_itself_in_both_languages()
    {
        var finding = new Finding(
            new RuleId("ORG-BRANCH-SIZE"),
            new("党支部党员人数一般不超过50人", "A branch has at most 50 members"),
            new Citation(Regulations.BranchWork, "第四条", SourceConfidence.Secondary),
            FindingSeverity.Warning,
            new FindingSubject(SubjectKind.Organization, "B1", "某所党支部"),
            new LocalDate(2025, 6, 15),
            new("党员不超过50人", "at most 50 members"),
            new("党员51人", "51 members"));

        finding.Describe(TextLanguage.English).Should().Be(
            "某所党支部 (B1): A branch has at most 50 members [ORG-BRANCH-SIZE] — expected at most 50 members; found 51 members. Source: 《中国共产党支部工作条例（试行）》第四条");
        finding.Describe(TextLanguage.Chinese).Should().Be(
            "某所党支部 (B1)：党支部党员人数一般不超过50人 [ORG-BRANCH-SIZE] — 应当党员不超过50人；实际党员51人。依据：《中国共产党支部工作条例（试行）》第四条");
        finding.ToString().Should().Be(finding.Describe(TextLanguage.Chinese));
    }

    [Fact]
    public void Localized_text_picks_the_language_and_defaults_to_Chinese()
    {
        var text = new LocalizedText("中文", "English");

        text.In(TextLanguage.Chinese).Should().Be("中文");
        text.In(TextLanguage.English).Should().Be("English");
        text.ToString().Should().Be("中文");
    }
}
