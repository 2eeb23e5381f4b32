namespace PartyDomain.ConsoleHost.Hosting;

/// <summary>The command line, the configuration or the data is wrong: the host prints every problem and exits with <see cref="ExitCodes.BadInput"/>.</summary>
public sealed class BadInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BadInputException(string message, IReadOnlyList<string>? problems = null, Exception? inner = null)
        : base(message, inner) => Problems = problems ?? [];

    /// <summary>Creates the exception.</summary>
    public BadInputException()
        : this("Bad input.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public BadInputException(string message)
        : this(message, problems: null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BadInputException(string message, Exception inner)
        : this(message, null, inner)
    {
    }

    /// <summary>Every problem, one per line.</summary>
    public IReadOnlyList<string> Problems { get; }
}
