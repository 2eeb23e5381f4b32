using PartyDomain.Organization;

namespace PartyDomain.Tests.Organization;

public class UnifiedSocialCreditCodeTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    [Theory]
    [InlineData("91411500MA0000001")]
    [InlineData("12411500000000000")]
    [InlineData("51411500MJY12345X")]
    public void A_code_completed_with_its_computed_check_character_is_valid(string first17)
    {
        var check = UnifiedSocialCreditCode.CheckCharacter(first17);

        check.Should().NotBeNull();
        Alphabet.Should().Contain(check!.Value.ToString());
        UnifiedSocialCreditCode.IsValid(first17 + check).Should().BeTrue();
    }

    [Fact]
    public void Changing_any_one_character_invalidates_a_valid_code()
    {
        var first17 = "91411500MA0000001";
        var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

        for (var i = 0; i < code.Length; i++)
        {
            var replacement = code[i] == '1' ? '2' : '1';
            var changed = string.Concat(code.AsSpan(0, i), replacement.ToString(), code.AsSpan(i + 1));

            UnifiedSocialCreditCode.IsValid(changed).Should().BeFalse($"position {i} was changed ({changed})");
        }
    }

    [Fact]
    public void A_published_code_is_valid()
    {
        // The example of python-stdnum's stdnum.cn.uscc (taken from the OECD's China TIN sheet).
        UnifiedSocialCreditCode.IsValid("91110000600037341L").Should().BeTrue();
        UnifiedSocialCreditCode.CheckCharacter("91110000600037341").Should().Be('L');
    }

    [Fact]
    public void The_check_character_follows_the_standard_weights()
    {
        // All zeros but a 1 in position i: the sum is the weight of position i.
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        for (var i = 0; i < 17; i++)
        {
            var first17 = new string('0', i) + "1" + new string('0', 16 - i);

            UnifiedSocialCreditCode.CheckCharacter(first17).Should().Be(Alphabet[(31 - weights[i]) % 31], $"position {i} weighs {weights[i]}");
        }

        UnifiedSocialCreditCode.CheckCharacter("00000000000000000").Should().Be('0');
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91110000600037341")]
    [InlineData("91110000600037341LL")]
    [InlineData("91110000600037341l")]
    [InlineData("9111000060003734IL")]
    [InlineData("9111000060003734OL")]
    [InlineData("9111000060003734SL")]
    [InlineData("9111000060003734VL")]
    [InlineData("9111000060003734ZL")]
    public void Wrong_length_lower_case_and_letters_outside_the_alphabet_are_invalid(string? code)
    {
        UnifiedSocialCreditCode.IsValid(code).Should().BeFalse();
    }

    [Theory]
    [InlineData("9111000060003734")]
    [InlineData("911100006000373411")]
    [InlineData("9111000060003734I")]
    public void CheckCharacter_is_null_for_a_wrong_length_or_a_character_outside_the_alphabet(string first17)
    {
        UnifiedSocialCreditCode.CheckCharacter(first17).Should().BeNull();
    }
}
