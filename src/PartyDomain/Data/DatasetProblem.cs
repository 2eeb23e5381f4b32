namespace PartyDomain.Data;

/// <summary>
/// One integrity problem found while building a <see cref="CityDataset"/>: which record, which field, which value
/// and why. The builder reports every problem at once, never only the first.
/// </summary>
/// <remarks>
/// <see cref="Entity"/> and <see cref="Field"/> name the record type and property as the code does, for programs and
/// logs; <see cref="Describe"/> is for developers. A host showing problems to staff names records and fields as the
/// import format does, in the user's language: <c>PartyDomain.Interchange.ImportProblem.FromDataset</c>.
/// </remarks>
/// <param name="Code">A stable code for the kind of problem, for example <c>unknown-reference</c>.</param>
/// <param name="Entity">The record type, for example <c>MembershipRegistration</c>.</param>
/// <param name="Key">What identifies the record, for example <c>P0012 → B003 from 2021-03-05</c>.</param>
/// <param name="Field">The field at fault, for example <c>OrganizationId</c>.</param>
/// <param name="Value">The offending value as text, when there is one.</param>
/// <param name="Message">Why it is a problem, in Chinese and English.</param>
/// <param name="Origin">Where the record was read from, when known.</param>
public sealed record DatasetProblem(
    string Code,
    string Entity,
    string Key,
    string Field,
    string? Value,
    LocalizedText Message,
    RecordOrigin? Origin)
{
    /// <summary>Formats the problem in <paramref name="language"/>, naming origin, record, field and value.</summary>
    /// <param name="language">The language.</param>
    public string Describe(TextLanguage language)
    {
        var where = Origin is null ? string.Empty : $"{Origin}: ";
        var value = Value is null ? string.Empty : $" = '{Value}'";
        return $"{where}{Entity} [{Key}] {Field}{value}: {Message.In(language)}";
    }

    /// <summary>The problem described in Chinese.</summary>
    public override string ToString() => Describe(TextLanguage.Chinese);
}

/// <summary>Thrown by <see cref="CityDatasetBuilder.Build"/> when the data has integrity problems; holds all of them.</summary>
public sealed class DatasetValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatasetValidationException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public DatasetValidationException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DatasetValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Creates the exception for <paramref name="problems"/>.</summary>
    /// <param name="problems">Every problem found.</param>
    public DatasetValidationException(IReadOnlyList<DatasetProblem> problems)
        : base(Summarize(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<DatasetProblem> Problems { get; }

    private static string Summarize(IReadOnlyList<DatasetProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        const int shown = 20;
        var lines = problems.Take(shown).Select(p => "  " + p.Describe(TextLanguage.English));
        var more = problems.Count > shown ? $"{Environment.NewLine}  … and {problems.Count - shown} more" : string.Empty;
        return $"The city dataset has {problems.Count} integrity problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}
