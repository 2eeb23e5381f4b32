using PartyDomain.Organization;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Tests.Organization;

public class PersonTests
{
    private static Person With(params StandingChange[] standings) => new() { Id = P("X"), Name = "张三", Standings = standings };

    /// <summary>Applicant 2008, activist 2009, probationary 2010-07-01, full 2011-07-01, ceased 2016-03-01, probationary again 2022-05-01, full 2023-05-01.</summary>
    private static readonly Person Rejoined = With(
        Standing(MemberStanding.Applicant, new LocalDate(2008, 3, 1)),
        Standing(MemberStanding.Activist, new LocalDate(2009, 3, 1)),
        Standing(MemberStanding.ProbationaryMember, new LocalDate(2010, 7, 1)),
        Standing(MemberStanding.FullMember, new LocalDate(2011, 7, 1)),
        Standing(MemberStanding.Ceased, new LocalDate(2016, 3, 1)),
        Standing(MemberStanding.ProbationaryMember, new LocalDate(2022, 5, 1)),
        Standing(MemberStanding.FullMember, new LocalDate(2023, 5, 1)));

    [Theory]
    [InlineData("2008-02-29", null)]
    [InlineData("2008-03-01", MemberStanding.Applicant)]
    [InlineData("2010-06-30", MemberStanding.Activist)]
    [InlineData("2010-07-01", MemberStanding.ProbationaryMember)]
    [InlineData("2011-07-01", MemberStanding.FullMember)]
    [InlineData("2016-02-29", MemberStanding.FullMember)]
    [InlineData("2016-03-01", MemberStanding.Ceased)]
    [InlineData("2022-05-01", MemberStanding.ProbationaryMember)]
    [InlineData("2025-01-01", MemberStanding.FullMember)]
    public void StandingOn_reads_the_latest_change_up_to_the_date(string date, MemberStanding? expected)
    {
        Rejoined.StandingOn(Day(date)).Should().Be(expected);
    }

    [Theory]
    [InlineData("2011-06-30", null)]
    [InlineData("2011-07-01", "2011-07-01")]
    [InlineData("2016-02-29", "2011-07-01")]
    [InlineData("2016-03-01", null)]
    [InlineData("2022-12-31", null)]
    [InlineData("2023-05-01", "2023-05-01")]
    [InlineData("2025-06-15", "2023-05-01")]
    public void FullMemberSince_counts_from_the_current_spell_of_full_membership(string date, string? expected)
    {
        Rejoined.FullMemberSince(Day(date)).Should().Be(expected is null ? null : Day(expected));
    }

    [Fact]
    public void A_repeated_full_membership_record_keeps_the_first_day_of_the_spell()
    {
        var person = With(Standing(MemberStanding.FullMember, new LocalDate(2010, 1, 1)), Standing(MemberStanding.FullMember, new LocalDate(2012, 1, 1)));

        person.FullMemberSince(new LocalDate(2013, 1, 1)).Should().Be(new LocalDate(2010, 1, 1));
    }

    [Fact]
    public void A_person_outside_the_party_has_no_standing()
    {
        var person = With();

        person.StandingOn(new LocalDate(2025, 1, 1)).Should().BeNull();
        person.FullMemberSince(new LocalDate(2025, 1, 1)).Should().BeNull();
    }

    [Theory]
    [InlineData(MemberStanding.Applicant, false)]
    [InlineData(MemberStanding.Activist, false)]
    [InlineData(MemberStanding.DevelopmentCandidate, false)]
    [InlineData(MemberStanding.ProbationaryMember, true)]
    [InlineData(MemberStanding.FullMember, true)]
    [InlineData(MemberStanding.Ceased, false)]
    public void Only_probationary_and_full_members_are_members(MemberStanding standing, bool member)
    {
        standing.IsMember().Should().Be(member);
    }

    [Fact]
    public void A_persons_text_never_contains_the_raw_id_number_or_phone()
    {
        var person = new Person
        {
            Id = P("P1"),
            Name = "李四",
            IdNumber = new SensitiveText("110101199003071234"),
            Phone = new SensitiveText("13812345678"),
        };

        var text = person.ToString();

        text.Should().NotContain("110101199003071234").And.NotContain("13812345678").And.NotContain("19900307");
        text.Should().Contain("110***********1234").And.Contain("138****5678").And.Contain("李四");
    }

    private static LocalDate Day(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}

public class SensitiveTextTests
{
    [Fact]
    public void An_id_number_is_masked_but_for_the_first_three_and_last_four_characters()
    {
        var id = new SensitiveText("110101199003071234");

        id.ToString().Should().Be("110***********1234");
        id.Masked().Should().Be("110***********1234");
        id.Reveal().Should().Be("110101199003071234");
        $"{id}".Should().NotContain("19900307");
    }

    [Fact]
    public void A_phone_number_is_masked_the_same_way()
    {
        var phone = new SensitiveText(" 13812345678 ");

        phone.ToString().Should().Be("138****5678");
        phone.Reveal().Should().Be("13812345678", "the value is trimmed");
    }

    [Theory]
    [InlineData("123456789", "*********")]
    [InlineData("1234567890", "123***7890")]
    [InlineData("", "")]
    public void A_short_value_is_all_stars(string value, string masked)
    {
        new SensitiveText(value).ToString().Should().Be(masked);
    }

    [Fact]
    public void The_default_value_is_empty()
    {
        default(SensitiveText).Reveal().Should().BeEmpty();
        default(SensitiveText).ToString().Should().BeEmpty();
    }

    [Fact]
    public void Values_compare_by_their_text()
    {
        (new SensitiveText("13812345678") == new SensitiveText("13812345678 ")).Should().BeTrue();
        (new SensitiveText("13812345678") != new SensitiveText("13812345679")).Should().BeTrue();
        new SensitiveText("abc").GetHashCode().Should().Be(new SensitiveText("abc").GetHashCode());
        new SensitiveText("abc").Equals((object)new SensitiveText("abc")).Should().BeTrue();
    }

    [Fact]
    public void Null_is_refused()
    {
        var act = () => new SensitiveText(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
