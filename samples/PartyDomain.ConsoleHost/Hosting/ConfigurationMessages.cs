using System.Globalization;
using System.Text.RegularExpressions;

namespace PartyDomain.ConsoleHost.Hosting;

/// <summary>
/// The configuration binder's messages as a bureau's staff read them: the key, the value and what kind of value it
/// takes, in the chosen language, never a .NET type name such as <c>System.Int32</c> or <c>Nullable`1</c>.
/// </summary>
internal static partial class ConfigurationMessages
{
    [GeneratedRegex(@"Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();

    /// <summary>Says what is wrong with <paramref name="message"/>'s value, or gives the message back when it is not a conversion failure.</summary>
    public static string Explain(string message, TextLanguage language)
    {
        var match = ConversionFailure().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var key = match.Groups["key"].Value;
        var value = Printable(match.Groups["value"].Value);
        var (chinese, english) = Kind(match.Groups["type"].Value);
        return language == TextLanguage.English
            ? $"{key}: '{value}' is not {english}"
            : $"{key}：“{value}”不是{chinese}";
    }

    private static (string Chinese, string English) Kind(string type)
    {
        // Nullable`1[[System.Int32, …]] and System.Int32 alike: the innermost simple name says what is wanted.
        var inner = Regex.Match(type, @"\[\[(?<t>[^,\]]+)").Groups["t"] is { Success: true } g ? g.Value : type;
        var name = inner[(inner.LastIndexOf('.') + 1)..];
        return name switch
        {
            "Int32" or "Int64" or "Int16" => ("整数（如 30）", "a whole number (such as 30)"),
            "Double" or "Decimal" or "Single" => ("数字（如 1.5）", "a number (such as 1.5)"),
            "Boolean" => ("true 或 false", "true or false"),
            "TimeSpan" => ("时长（时:分:秒，如 00:00:30）", "a duration (hh:mm:ss, such as 00:00:30)"),
            "Uri" => ("网址", "a URL"),
            _ when Type.GetType(inner) is { IsEnum: true } e => ($"以下之一：{string.Join("、", Enum.GetNames(e))}", $"one of {string.Join(", ", Enum.GetNames(e))}"),
            _ => ("有效的值", "a valid value"),
        };
    }

    private static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString(CultureInfo.InvariantCulture)));
}
