using PartyDomain.Organization;

namespace PartyDomain.Training;

/// <summary>
/// Turns one person's study credits of one year on one platform into study hours. The conversion is city policy
/// (points per hour, caps, which activities count), so the library ships only this abstraction and a documented
/// example, <see cref="PointsPerHourConverter"/>; a city plugin registers the real one.
/// </summary>
public interface IStudyCreditConverter
{
    /// <summary>The platform whose credits it converts.</summary>
    string Platform { get; }

    /// <summary>The study hours for <paramref name="credits"/>, all of one person, one year and this platform.</summary>
    /// <param name="person">The person.</param>
    /// <param name="year">The year.</param>
    /// <param name="credits">The credits, in date order.</param>
    decimal HoursFor(PersonId person, int year, IReadOnlyList<StudyCredit> credits);
}

/// <summary>
/// The documented example converter: <c>pointsPerHour</c> points make one study hour, at most <c>capPerYear</c> hours a
/// year, rounded down to <c>0.5</c> hours. For instance 300 points per hour capped at 8 hours: 1,000 points make 3 hours.
/// </summary>
/// <param name="platform">The platform.</param>
/// <param name="pointsPerHour">How many points make an hour; positive.</param>
/// <param name="capPerYear">The most hours a year; not negative.</param>
public sealed class PointsPerHourConverter(string platform, decimal pointsPerHour, decimal capPerYear) : IStudyCreditConverter
{
    /// <inheritdoc />
    public string Platform { get; } = string.IsNullOrWhiteSpace(platform) ? throw new ArgumentException("The platform is required.", nameof(platform)) : platform;

    /// <summary>Points per study hour.</summary>
    public decimal PointsPerHour { get; } = pointsPerHour > 0 ? pointsPerHour : throw new ArgumentOutOfRangeException(nameof(pointsPerHour), "Points per hour must be positive.");

    /// <summary>The most hours credited a year.</summary>
    public decimal CapPerYear { get; } = capPerYear >= 0 ? capPerYear : throw new ArgumentOutOfRangeException(nameof(capPerYear), "The cap cannot be negative.");

    /// <inheritdoc />
    public decimal HoursFor(PersonId person, int year, IReadOnlyList<StudyCredit> credits)
    {
        ArgumentNullException.ThrowIfNull(credits);
        // Indexed: called once per person and platform, and an enumerator would be an allocation each time.
        var points = 0m;
        for (var i = 0; i < credits.Count; i++)
        {
            points += credits[i].Points;
        }

        var hours = Math.Floor(points / PointsPerHour * 2) / 2;
        return Math.Min(hours, CapPerYear);
    }
}
