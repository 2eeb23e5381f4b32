namespace PartyDomain.ConsoleHost.Hosting;

/// <summary>The host's own settings: the <c>Host</c> section of appsettings.json, overridable on the command line.</summary>
public sealed class HostOptions
{
    /// <summary>The city the data is for.</summary>
    public CityOptions City { get; set; } = new();

    /// <summary>The language of the output: <c>zh</c> (Simplified Chinese, the default) or <c>en</c>.</summary>
    public string Language { get; set; } = "zh";

    /// <summary>
    /// The day the host takes as today (yyyy-MM-dd). Unset: the embedded demo data is read as of its own day
    /// (<see cref="PartyDomain.Testing.DemoCity.Today"/>) so its year is complete and the output reproducible.
    /// </summary>
    public string? Today { get; set; }

    /// <summary>How the embedded demo city is generated.</summary>
    public DemoOptions Demo { get; set; } = new();

    /// <summary>
    /// The SQLite file <c>import</c> keeps the imported data in; when it exists, commands read it instead of the demo
    /// city. Unset: <c>partydomain.db</c> in the user's data folder (<see cref="Environment.SpecialFolder.LocalApplicationData"/>/PartyDomain,
    /// <c>~/.local/share/PartyDomain</c> on Linux), never the build output; a relative path is taken in that folder.
    /// </summary>
    public string? Data { get; set; }

    /// <summary>
    /// A PostgreSQL connection string: when set, the commands keep and read imported data in that database instead of
    /// the SQLite file of <see cref="Data"/> (a province's shared server).
    /// </summary>
    public string? PostgreSql { get; set; }

    /// <summary>
    /// The key that encrypts people's ID-card numbers and phones in the store (32 bytes in Base64, e.g. from
    /// <c>openssl rand -base64 32</c>; best given as the environment variable <c>PARTYDOMAIN_Host__PersonalDataKey</c>).
    /// When not set, the host keeps a key of its own in <c>&lt;Data&gt;.key</c> (readable by its owner only), created
    /// on the first write.
    /// </summary>
    public string? PersonalDataKey { get; set; }

    /// <summary>The default of <see cref="BusyTimeoutSeconds"/>.</summary>
    public const int DefaultBusyTimeoutSeconds = 30;

    /// <summary>How long <c>import</c> waits for another import writing the same store before it gives up (exit code 5); readers never wait.</summary>
    public int BusyTimeoutSeconds { get; set; } = DefaultBusyTimeoutSeconds;
}

/// <summary>The city.</summary>
public sealed class CityOptions
{
    /// <summary>Its administrative division code.</summary>
    public string Id { get; set; } = "411500";

    /// <summary>Its name.</summary>
    public string Name { get; set; } = "信阳市";
}

/// <summary>The embedded demo city.</summary>
public sealed class DemoOptions
{
    /// <summary>The generator's seed.</summary>
    public int Seed { get; set; } = PartyDomain.Testing.DemoCity.DefaultSeed;

    /// <summary>How many times the standard demo city (about 40 branches, 600 people).</summary>
    public double Scale { get; set; } = 1;
}
