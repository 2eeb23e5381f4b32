using System.Globalization;

namespace PartyDomain.Hosting;

/// <summary>
/// A plugin manifest's version, compared as semantic versions: <c>major.minor[.patch[.revision]]</c> numerically, a
/// pre-release (<c>1.0.0-beta.2</c>) below its release and compared identifier by identifier, build metadata
/// (<c>+abc</c>) ignored. Used to choose between two copies of one plugin id.
/// </summary>
internal sealed class PluginVersion : IComparable<PluginVersion>
{
    private readonly Version _core;
    private readonly string[] _preRelease;

    private PluginVersion(Version core, string[] preRelease)
    {
        _core = core;
        _preRelease = preRelease;
    }

    /// <summary>The version, or <c>null</c> when <paramref name="text"/> is not one.</summary>
    public static PluginVersion? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        var plus = value.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            value = value[..plus];
        }

        var dash = value.IndexOf('-', StringComparison.Ordinal);
        var core = dash >= 0 ? value[..dash] : value;
        string[] pre = dash >= 0 ? value[(dash + 1)..].Split('.') : [];
        if (pre.Any(p => p.Length == 0) || !core.Contains('.', StringComparison.Ordinal) || !Version.TryParse(core, out var parsed))
        {
            return null;
        }

        // 1.0 and 1.0.0 are the same version.
        var normalized = new Version(parsed.Major, parsed.Minor, Math.Max(parsed.Build, 0), Math.Max(parsed.Revision, 0));
        return new PluginVersion(normalized, pre);
    }

    /// <inheritdoc />
    public int CompareTo(PluginVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = _core.CompareTo(other._core);
        if (core != 0)
        {
            return core;
        }

        if (_preRelease.Length == 0 || other._preRelease.Length == 0)
        {
            // A release is above its pre-releases.
            return (_preRelease.Length == 0).CompareTo(other._preRelease.Length == 0);
        }

        for (var i = 0; i < Math.Min(_preRelease.Length, other._preRelease.Length); i++)
        {
            var a = _preRelease[i];
            var b = other._preRelease[i];
            var aNumeric = long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var an);
            var bNumeric = long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var bn);
            var step = (aNumeric, bNumeric) switch
            {
                (true, true) => an.CompareTo(bn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a, b),
            };
            if (step != 0)
            {
                return step;
            }
        }

        return _preRelease.Length.CompareTo(other._preRelease.Length);
    }
}
