using PartyDomain.Hosting;

namespace PartyDomain.ConsoleHost.Hosting;

/// <summary>A plugin failed to load while <c>PartyDomain:PluginHost:FailFast</c> is set: the host prints the load report and exits with <see cref="ExitCodes.PluginFailure"/>.</summary>
public sealed class PluginFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginFailureException(PluginLoadReport? report, Exception? inner)
        : base("A plugin failed to load (fail-fast).", inner) => Report = report;

    /// <summary>Creates the exception.</summary>
    public PluginFailureException()
        : this((PluginLoadReport?)null, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PluginFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PluginFailureException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>What loaded and what did not, up to the failure.</summary>
    public PluginLoadReport? Report { get; }
}
