using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using PartyDomain.BasicSystems;
using PartyDomain.Testing;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.EntityFrameworkCore;
using PartyDomain.Extensibility;
using PartyDomain.Hosting;
using PartyDomain.Interchange;
using PartyDomain.Metrics;
using PartyDomain.Notifications;
using PartyDomain.Reminders;
using PartyDomain.Rules;
using PartyDomain.Time;
using PartyDomain.Training;
using PartyDomain.Reporting.Word;

namespace PartyDomain.ConsoleHost.Hosting;

/// <summary>
/// What one command runs with: the configuration (appsettings.json, then <c>--config</c>, environment variables
/// <c>PARTYDOMAIN_*</c> and the command line), the library's services configured from it, "today", the language
/// and the dataset. Configuration errors surface here, before any work, as <see cref="BadInputException"/>.
/// </summary>
public sealed class HostContext : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IndicatorCatalog _indicators;

    private readonly CityDataset? _prepared;

    private HostContext(IConfiguration configuration, HostOptions options, TextLanguage language, IClock clock, ServiceProvider services, IndicatorCatalog indicators,
        CityDataset? prepared, string dataFile, bool imported)
    {
        _prepared = prepared;
        DataFile = dataFile;
        Imported = imported;
        Configuration = configuration;
        Options = options;
        Language = language;
        Clock = clock;
        _services = services;
        _indicators = indicators;
        Zone = services.GetRequiredService<ZonedClock>().Zone;
        Today = services.GetRequiredService<ZonedClock>().GetCurrentDate();
    }

    private WaitingHook _waiting = new();

    /// <summary>Called when an import finds another writer holding the store, with the store's file or server, before it waits.</summary>
    public Action<string>? WaitingForWriter
    {
        get => _waiting.Action;
        set => _waiting.Action = value;
    }

    /// <summary>The merged configuration.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The host's settings.</summary>
    public HostOptions Options { get; }

    /// <summary>The output language.</summary>
    public TextLanguage Language { get; }

    /// <summary>The clock the engines read today from.</summary>
    public IClock Clock { get; }

    /// <summary>Today, in the city's zone (<c>PartyDomain:TimeZone</c>, Asia/Shanghai by default): the day every engine reads.</summary>
    public LocalDate Today { get; }

    /// <summary>The city's zone (<c>PartyDomain:TimeZone</c>), as the engines read it.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Where <c>import</c> keeps the imported dataset.</summary>
    public string DataFile { get; }

    /// <summary>Whether the commands read imported data (rather than the demo city).</summary>
    public bool Imported { get; }

    /// <summary>The last complete year: the default of <c>--year</c>.</summary>
    public int DefaultYear => Today.Year - 1;

    /// <summary>The text in the output language.</summary>
    public string T(string chinese, string english) => Language == TextLanguage.English ? english : chinese;

    /// <summary>The text in the output language.</summary>
    public string T(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.In(Language);
    }

    /// <summary>A library service, configured from the configuration.</summary>
    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Where the data comes from, for the output's header.</summary>
    public string DataSource => _prepared is { } p ? T($"已载入的数据（{p.City.Name}，截至 {Today:yyyy-MM-dd}）", $"loaded data ({p.City.Name}, as of {Today:yyyy-MM-dd})")
        : Imported ? T($"已导入的数据（{DataFile}，截至 {Today:yyyy-MM-dd}）", $"imported data ({DataFile}, as of {Today:yyyy-MM-dd})") : T(
        $"内置演示数据（{Options.City.Name}，种子 {Options.Demo.Seed}，规模 {Options.Demo.Scale}，截至 {Today:yyyy-MM-dd}）",
        $"embedded demo data ({Options.City.Name}, seed {Options.Demo.Seed}, scale {Options.Demo.Scale}, as of {Today:yyyy-MM-dd})");

    /// <summary>Builds the dataset the commands work on: the embedded demo city until data is imported.</summary>
    /// <param name="progress">Told how far generating (or reading the store) and validating have come; none by default.</param>
    /// <exception cref="BadInputException">The records have integrity problems (for example a configured today before them).</exception>
    public CityDataset LoadDataset(IProgress<WorkProgress>? progress = null)
    {
        if (_prepared is { } prepared)
        {
            return prepared;
        }

        if (Imported)
        {
            return LoadStored(progress) ?? throw new BadInputException(T($"{DataFile} 中没有数据（import 导入，或 import --reset）", $"{DataFile} holds no data (import some, or import --reset)"));
        }

        var city = new CityInfo(Options.City.Id, Options.City.Name);
        // Generating takes about 70 % of the time at national scale, validating and indexing the rest.
        var builder = new CityDatasetBuilder(city, Today) { Indicators = _indicators, Progress = progress.Part(0.7, 1) };
        builder.AddRange(DemoCity.Generate(Options.Demo.Seed, Options.Demo.Scale, city, progress.Part(0, 0.7)));
        return builder.TryBuild(out var problems)
            ?? throw new BadInputException(T($"数据有 {problems.Count} 处问题", $"the data has {problems.Count} problems"), Describe(problems));
    }

    /// <summary>The stored data of the city (<c>Host:City:Id</c>, or the only one stored), or <c>null</c> when nothing is stored.</summary>
    /// <param name="progress">Told how far reading the store and validating have come; none by default.</param>
    /// <exception cref="BadInputException">The store holds several cities and none is chosen, or its data has integrity problems.</exception>
    public CityDataset? LoadStored(IProgress<WorkProgress>? progress = null)
    {
        if (!Imported)
        {
            return null;
        }

        var store = Get<IPartyDomainStore>();
        var cities = store.ListCitiesAsync().GetAwaiter().GetResult();
        if (cities.Count == 0)
        {
            return null;
        }

        var stored = cities.FirstOrDefault(c => c.Id == Options.City.Id) ?? (cities.Count == 1 ? cities[0] : null)
            ?? throw new BadInputException(T($"{DataFile} 中有 {cities.Count} 个城市，请用 Host:City:Id 选择", $"{DataFile} holds {cities.Count} cities: choose one with Host:City:Id"),
                cities.Select(c => $"{c.Id} {c.Name}").ToList());
        try
        {
            return store.ForCity(stored.Id).LoadSnapshotAsync(progress: progress).GetAwaiter().GetResult();
        }
        catch (DatasetValidationException e)
        {
            throw new BadInputException(T($"已导入的数据有 {e.Problems.Count} 处问题（import --replace 重新导入，或 import --reset）", $"the imported data has {e.Problems.Count} problems (import --replace, or import --reset)"),
                Describe(e.Problems), e);
        }
    }

    /// <summary>Integrity problems in the output language, the records and fields named as the import format names them.</summary>
    private List<string> Describe(IEnumerable<DatasetProblem> problems) => problems.Select(p => ImportProblem.FromDataset(p, Language).Describe(Language)).ToList();

    /// <summary>Parses <c>zh</c> or <c>en</c>.</summary>
    public static TextLanguage? ParseLanguage(string value) => value.Trim().ToUpperInvariant() switch
    {
        "ZH" or "ZH-CN" or "ZH-HANS" or "CHINESE" => TextLanguage.Chinese,
        "EN" or "ENGLISH" => TextLanguage.English,
        _ => null,
    };

    /// <summary>Reads the configuration and sets up the library's services.</summary>
    /// <param name="environment">Where appsettings.json is, and a dataset already built, if any.</param>
    /// <param name="settings">The command line's options.</param>
    /// <exception cref="BadInputException">The configuration is missing, unreadable or invalid.</exception>
    public static HostContext Create(HostEnvironment environment, HostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(settings);
        var configuration = ReadConfiguration(environment.BaseDirectory, settings);
        HostOptions options;
        try
        {
            options = configuration.GetSection("Host").Get<HostOptions>() ?? new HostOptions();
        }
        catch (InvalidOperationException e)
        {
            // The language is itself in this section, so the message goes out in both.
            throw new BadInputException($"{ConfigurationMessages.Explain(e.Message, TextLanguage.Chinese)} / {ConfigurationMessages.Explain(e.Message, TextLanguage.English)}", e);
        }

        var language = ParseLanguage(options.Language)
            ?? throw new BadInputException($"Host:Language: '{options.Language}' is not zh or en / 不是 zh 或 en");
        if (options.Demo.Scale is < 0.1 or > 2000)
        {
            throw new BadInputException($"Host:Demo:Scale: {options.Demo.Scale} is not between 0.1 and 2000 / 须在 0.1 至 2000 之间");
        }

        if (options.BusyTimeoutSeconds < 1)
        {
            throw new BadInputException($"Host:BusyTimeoutSeconds: {options.BusyTimeoutSeconds} is not a number of seconds ≥ 1 / 须为不小于 1 的秒数");
        }

        CheckRuleValues(configuration.GetSection("PartyDomain:Rules"));
        var postgres = string.IsNullOrWhiteSpace(options.PostgreSql) ? null : PostgresDisplayName(options.PostgreSql);

        // On PostgreSQL the commands always read the server (there is no file whose presence says data was imported).
        var sqliteFile = SqliteFile(options, environment);
        var dataFile = postgres ?? sqliteFile;
        var imported = environment.Dataset is null && (postgres is not null || File.Exists(dataFile));
        // A fixed day is 10:00 in the city's zone; a zone id that does not exist is reported by the options' validation below.
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(configuration["PartyDomain:TimeZone"] ?? PartyDomainTime.DefaultZoneId) ?? PartyDomainTime.DefaultZone;
        var clock = ClockFor(options, environment.Dataset, imported, zone);
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        var waiting = new WaitingHook();
        services.AddPartyDomainStore(o =>
        {
            _ = postgres is null ? o.UseSqlite(dataFile) : o.UsePostgreSql(options.PostgreSql!);
            o.BusyTimeout = TimeSpan.FromSeconds(options.BusyTimeoutSeconds);
            o.OnWaitingForWriter = location => waiting.Action?.Invoke(location);
            // Beside the Host:Data file even on PostgreSQL: the key stays on the host's machine, not in the database.
            o.PersonalDataKey = options.PersonalDataKey ?? PersonalDataKeyFile.ReadOrCreate(sqliteFile + ".key");
        });
        var builder = services.AddPartyDomain(b =>
        {
            b.AddInterchange().AddWordReport();
            try
            {
                // Plugin folders are relative to the host's folder, where its build puts the sample plugins.
                b.AddPlugins(configuration, o =>
                {
                    for (var i = 0; i < o.Folders.Count; i++)
                    {
                        o.Folders[i] = Path.GetFullPath(o.Folders[i], environment.BaseDirectory);
                    }
                });
            }
            catch (PluginLoadException e)
            {
                throw new PluginFailureException(e.Report, e);
            }
        });
        // The library's options from PartyDomain:*, then the language the host was asked for (--lang) over the configuration's.
        builder.AddConfiguration(configuration);
        services.Configure<PartyDomainOptions>(o => o.Language = language);
        AddReminderChannels(services, configuration.GetSection("PartyDomain:Reminders"), language);

        var provider = services.BuildServiceProvider();
        try
        {
            // Check every option now, as a generic host does when it starts, so a wrong rule id, parameter or value stops
            // the host before any work; the reminder channels read theirs when they are made.
            provider.GetRequiredService<IStartupValidator>().Validate();
            _ = provider.GetServices<IReminderChannel>().ToArray();
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException or RuleConfigurationException
            || e is AggregateException a && a.InnerExceptions.All(i => i is OptionsValidationException))
        {
            provider.Dispose();
            throw new BadInputException(language == TextLanguage.English ? "The configuration is invalid" : "配置有误",
                e is OptionsValidationException v ? v.Failures.ToList()
                : e is AggregateException all ? all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures).ToList()
                : e is RuleConfigurationException { Text: { } text } ? [text.In(language)]
                : [ConfigurationMessages.Explain(e.Message, language)], e);
        }

        return new HostContext(configuration, options, language, clock, provider, builder.Indicators, environment.Dataset, dataFile, imported) { _waiting = waiting };
    }

    /// <summary>The SQLite file: <c>Host:Data</c>, in the data folder when relative; <c>partydomain.db</c> there when unset.</summary>
    private static string SqliteFile(HostOptions options, HostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.Data) && Path.IsPathFullyQualified(options.Data))
        {
            return Path.GetFullPath(options.Data);
        }

        var folder = environment.DataFolder;
        if (folder is null)
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            folder = string.IsNullOrEmpty(local)
                ? throw new BadInputException("找不到用户数据文件夹（未设置 HOME？）：请用 Host:Data 给出数据文件的完整路径 / the user's data folder cannot be found (HOME not set?): give the data file's full path with Host:Data")
                : Path.Combine(local, "PartyDomain");
        }

        return Path.GetFullPath(string.IsNullOrWhiteSpace(options.Data) ? "partydomain.db" : options.Data, folder);
    }

    /// <summary>The server and database of a connection string, for messages: never the password.</summary>
    private static string PostgresDisplayName(string connectionString)
    {
        try
        {
            var pg = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}";
        }
        catch (ArgumentException e)
        {
            throw new BadInputException($"Host:PostgreSql: {e.Message} / 连接字符串有误", e);
        }
    }

    /// <summary>The host's language for the reminders, and a channel for each of <c>Smtp</c> and <c>Webhook</c> that is configured.</summary>
    private static void AddReminderChannels(ServiceCollection services, IConfigurationSection reminders, TextLanguage language)
    {
        services.Configure<ReminderDeliveryOptions>(o => o.Language = language);
        if (reminders.GetSection("Smtp").Exists())
        {
            services.AddSmtpReminders(o => reminders.GetSection("Smtp").Bind(o));
        }

        if (reminders.GetSection("Webhook").Exists())
        {
            services.AddWebhookReminders(o => reminders.GetSection("Webhook").Bind(o));
        }
    }

    private static IConfiguration ReadConfiguration(string baseDirectory, HostSettings settings)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(baseDirectory)
            .AddJsonFile("appsettings.json", optional: true);
        if (settings.ConfigFile is { } file)
        {
            var path = Path.GetFullPath(file);
            if (!File.Exists(path))
            {
                throw new BadInputException($"--config: {path}: 文件不存在 / file not found");
            }

            builder.AddJsonFile(path, optional: false);
        }

        builder.AddEnvironmentVariables("PARTYDOMAIN_").AddInMemoryCollection(settings.Overrides());
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
        {
            throw new BadInputException($"配置文件无法读取 / a configuration file cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// The configuration binder skips a value it cannot convert; a rule setting must never be dropped silently,
    /// so every one is checked here and named when wrong.
    /// </summary>
    private static void CheckRuleValues(IConfigurationSection rules)
    {
        var problems = new List<string>();
        foreach (var rule in rules.GetChildren())
        {
            foreach (var setting in rule.GetChildren())
            {
                var ok = setting.Key switch
                {
                    "Enabled" => bool.TryParse(setting.Value, out _),
                    "Severity" => Enum.TryParse<FindingSeverity>(setting.Value, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(setting.Value, out _),
                    "Parameters" => setting.GetChildren().All(p => int.TryParse(p.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _)),
                    _ => false,
                };
                if (!ok)
                {
                    var bad = setting.Key == "Parameters" ? setting.GetChildren().First(p => !int.TryParse(p.Value, System.Globalization.CultureInfo.InvariantCulture, out _)) : setting;
                    problems.Add(setting.Key is "Enabled" or "Severity" or "Parameters"
                        ? $"{bad.Path} = '{bad.Value}': {(setting.Key switch { "Enabled" => "须为 true 或 false / must be true or false", "Severity" => "须为 Reminder、Warning 或 Violation / must be Reminder, Warning or Violation", _ => "须为整数 / must be a whole number" })}"
                        : $"{setting.Path}: 规则设置只有 Enabled、Severity 和 Parameters / a rule's settings are Enabled, Severity and Parameters");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new BadInputException("配置有误 / the configuration is invalid", problems);
        }
    }

    /// <summary>Today: as configured; else the prepared dataset's day; the real day for imported data; the demo's day for the demo.</summary>
    private static IClock ClockFor(HostOptions options, CityDataset? prepared, bool imported, DateTimeZone zone)
    {
        if (string.IsNullOrWhiteSpace(options.Today))
        {
#pragma warning disable RS0030 // the composition root picks the real clock for imported data
            return prepared is not null ? new FixedClock(prepared.Today.At(new LocalTime(10, 0)).InZoneStrictly(zone).ToInstant())
                : imported ? SystemClock.Instance
                : DemoCity.Clock;
#pragma warning restore RS0030
        }

        var parsed = LocalDatePattern.Iso.Parse(options.Today.Trim());
        if (!parsed.Success)
        {
            throw new BadInputException($"Host:Today: '{options.Today}' is not a date yyyy-MM-dd / 不是 yyyy-MM-dd 格式的日期");
        }

        return new FixedClock(parsed.Value.At(new LocalTime(10, 0)).InZoneStrictly(zone).ToInstant());
    }

    /// <inheritdoc/>
    public void Dispose() => _services.Dispose();

    /// <summary>The store is configured before the context exists; its waiting callback reaches the context's through this.</summary>
    private sealed class WaitingHook
    {
        public Action<string>? Action { get; set; }
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
