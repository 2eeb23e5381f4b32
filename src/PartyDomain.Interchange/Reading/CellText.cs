using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace PartyDomain.Interchange.Reading;

/// <summary>Parses cell text: dates in the spellings Chinese offices use, months, numbers, yes/no and lists.</summary>
internal static partial class CellText
{
    /// <summary>The first date any date column accepts: nobody alive and no record kept was born or dated earlier.</summary>
    public static readonly LocalDate FirstDate = new(1900, 1, 1);

    /// <summary>The last date any date column accepts (dates after today are refused by the dataset's own check as well).</summary>
    public static readonly LocalDate LastDate = new(2099, 12, 31);

    // Excel's serial day 61 is 1900-03-01; below it Excel counts the non-existent 1900-02-29, so those are refused.
    private const int FirstSerial = 61;
    private const int LastSerial = 2958465;
    private static readonly LocalDate SerialEpoch = new(1899, 12, 30);
    private static readonly char[] ListSeparators = [';', '；', ',', '，', '、'];

    /// <summary>
    /// 2021-03-05, 2021/3/5, 2021.3.5, 2021年3月5日 (an optional time of exactly midnight is allowed, as Excel writes
    /// dates), or an Excel serial day such as 44260.
    /// </summary>
    public static bool TryParseDate(string text, out LocalDate date)
    {
        date = default;
        var s = text.AsSpan().Trim();
        if (s.Length == 10 && s[4] == '-' && s[7] == '-' && Digits(s[..4], out var fy) && Digits(s.Slice(5, 2), out var fm) && Digits(s.Slice(8, 2), out var fd))
        {
            return TryDate(fy, fm, fd, out date);
        }

        if (s.Length is > 0 and <= 7 && Digits(s, out var serial))
        {
            if (serial is < FirstSerial or > LastSerial)
            {
                return false;
            }

            date = SerialEpoch.PlusDays(serial);
            return true;
        }

        // Excel writes a date-and-time cell as "2021/3/5 0:00" or "2021-03-05 00:00:00"; only midnight is a date.
        var space = s.IndexOf(' ');
        if (space > 0)
        {
            var time = s[(space + 1)..].Trim();
            if (time is not ("0:00" or "00:00" or "0:00:00" or "00:00:00"))
            {
                return false;
            }

            s = s[..space];
        }

        return TryParts(s, requireDay: true, out var y, out var m, out var d) && TryDate(y, m, d, out date);
    }

    /// <summary>2021-03, 2021/3, 2021年3月, or the first day of the month as any date (Excel turns 2021-03 into 2021-03-01).</summary>
    public static bool TryParseMonth(string text, out YearMonth month)
    {
        month = default;
        var s = text.AsSpan().Trim();
        if (TryParts(s, requireDay: false, out var y, out var m, out _) && m is >= 1 and <= 12 && y is >= 1 and <= 9999 && !HasDay(s))
        {
            month = new YearMonth(y, m);
            return true;
        }

        if (TryParseDate(text, out var date) && date.Day == 1)
        {
            month = new YearMonth(date.Year, date.Month);
            return true;
        }

        return false;
    }

    /// <summary>
    /// A number with <c>.</c> as the decimal point and, when grouped, <c>,</c> between groups of exactly three digits
    /// (<c>12,000.50</c>); <c>1,25</c> (a decimal comma) and <c>1,2,3</c> are refused, never read as 125 or 123.
    /// </summary>
    public static bool TryParseDecimal(string text, out decimal value)
    {
        value = 0;
        var s = text.AsSpan().Trim();
        if (!NumberPattern().IsMatch(s))
        {
            return false;
        }

        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^[+-]?(?:(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    public static bool TryParseInteger(string text, out int value)
    {
        // Excel may write a whole number as 3.0 or 3E0 once a cell was formatted as a number.
        value = 0;
        if (!TryParseDecimal(text, out var d) || d != decimal.Truncate(d) || d is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)d;
        return true;
    }

    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "是" or "true" or "yes" or "y" or "1" or "通过" or "√":
                value = true;
                return true;
            case "否" or "false" or "no" or "n" or "0" or "不通过" or "未通过" or "×":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Items separated by ; ； , ， or 、, trimmed, empty ones skipped.</summary>
    public static string[] SplitList(string text) =>
        text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool HasDay(ReadOnlySpan<char> s) => s.ContainsAny('日', ' ') || s.Count('-') + s.Count('/') + s.Count('.') >= 2;

    private static bool TryDate(int y, int m, int d, out LocalDate date)
    {
        date = default;
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(y, m))
        {
            return false;
        }

        date = new LocalDate(y, m, d);
        return true;
    }

    /// <summary>Splits y?M?d (the day optional unless required) on one kind of separator, or 年/月/日.</summary>
    private static bool TryParts(ReadOnlySpan<char> s, bool requireDay, out int year, out int month, out int day)
    {
        year = month = day = 0;
        var chinese = s.Contains('年');
        Span<int> parts = stackalloc int[3];
        var count = 0;
        var start = 0;
        char? separator = null;
        for (var i = 0; i <= s.Length; i++)
        {
            var end = i == s.Length;
            var c = end ? '\0' : s[i];
            if (!end && char.IsAsciiDigit(c))
            {
                continue;
            }

            if (count == 3 || i == start || !Digits(s[start..i], out parts[count]))
            {
                return false;
            }

            count++;
            if (end)
            {
                break;
            }

            if (chinese)
            {
                var expected = count switch { 1 => '年', 2 => '月', _ => '日' };
                if (c != expected)
                {
                    return false;
                }

                if (c == '日' || (c == '月' && i == s.Length - 1))
                {
                    if (i != s.Length - 1)
                    {
                        return false;
                    }

                    break;
                }
            }
            else
            {
                if (c is not ('-' or '/' or '.') || (separator is { } sep && sep != c))
                {
                    return false;
                }

                separator = c;
            }

            start = i + 1;
        }

        if (count < 2 || (requireDay && count < 3) || (!requireDay && count == 3))
        {
            return false;
        }

        year = parts[0];
        month = parts[1];
        day = count == 3 ? parts[2] : 1;
        return parts.Length > 0 && count >= 2 && DigitsLength(s) && year >= 1000;
    }

    private static bool DigitsLength(ReadOnlySpan<char> s)
    {
        // The year comes first and has four digits; 21/3/5 is ambiguous and refused.
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i == 4;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 9)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
