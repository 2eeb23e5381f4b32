namespace PartyDomain.Organization;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character alphabet
/// (digits and capitals without I, O, S, V, Z), the last one a check character over the first 17.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Whether <paramref name="code"/> has the standard's format and a correct check character.</summary>
    /// <param name="code">The code; upper case.</param>
    public static bool IsValid(string? code) =>
        code is { Length: 18 } && CheckCharacter(code.AsSpan(0, 17)) is { } check && check == code[17];

    /// <summary>
    /// The check character for the first 17 characters of a code, or <c>null</c> when they contain a character
    /// outside the alphabet or are not 17 long.
    /// </summary>
    /// <param name="first17">The first 17 characters.</param>
    public static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
