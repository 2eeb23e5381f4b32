using System.ComponentModel;
using System.Globalization;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.ConsoleHost.Output;
using PartyDomain.Interchange;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary><c>demo</c>: generates the demo city, validates it and shows what it holds; the other commands read it when no data was imported.</summary>
public sealed class DemoCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<DemoCommand.Settings>(console, environment)
{
    /// <summary>The options of <c>demo</c>.</summary>
    public sealed class Settings : HostSettings
    {
        /// <summary>The generator's seed.</summary>
        [CommandOption("--seed <SEED>")]
        [Description("生成器种子（默认 Host:Demo:Seed）/ generator seed")]
        public int? Seed { get; init; }

        /// <summary>The scale.</summary>
        [CommandOption("--scale <SCALE>")]
        [Description("规模倍数，1 约为 40 个支部、600 人，1000 为全国规模（默认 Host:Demo:Scale）/ scale: 1 is about 40 branches and 600 people")]
        public double? Scale { get; init; }

        /// <summary>Where to write the demo data as files.</summary>
        [CommandOption("--out <PATH>")]
        [Description("把演示数据写成文件：目录（CSV）、.xlsx 或 .json / write the demo data as files: a folder (CSV), .xlsx or .json")]
        public string? Out { get; init; }

        /// <summary>The format of <see cref="Out"/>.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("csv|xlsx|json（默认按 --out 的扩展名）/ file format (default: from --out's extension)")]
        public DatasetFormat? Format { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            Scale is < 0.1 or > 2000 ? ValidationResult.Error("--scale: between 0.1 and 2000 / 须在 0.1 至 2000 之间") : base.Validate();

        internal override IEnumerable<KeyValuePair<string, string?>> Overrides()
        {
            foreach (var pair in base.Overrides())
            {
                yield return pair;
            }

            if (Seed is { } seed)
            {
                yield return new("Host:Demo:Seed", seed.ToString(CultureInfo.InvariantCulture));
            }

            if (Scale is { } scale)
            {
                yield return new("Host:Demo:Scale", scale.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <inheritdoc/>
    protected override int Run(HostContext host, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        var dataset = Step(host, host.T("生成并校验演示数据", "Generating and validating the demo data"), host.LoadDataset);
        Heading(host, host.T("演示城市", "Demo city"));

        DatasetSummary.Write(Console, host, dataset);
        if (settings.Out is { } outPath)
        {
            var path = Path.GetFullPath(outPath);
            var format = settings.Format ?? DatasetFiles.FormatOf(path) ?? DatasetFormat.Csv;
            Step(host.T("写出演示数据文件", "Writing the demo data files"), () =>
            {
                host.Get<DatasetInterchange>().Write(dataset, path, format, host.Language);
                return path;
            });
            Console.MarkupLine(Markup.Escape(host.T($"已写出（{format}）：{path}；可用 import 导入。", $"Written ({format}): {path}; import reads it back.")));
        }

        Console.MarkupLine(Markup.Escape(host.T(
            "✓ 数据完整有效。未导入数据时，check、reminders、metrics、training、pipeline 等命令都使用这份演示数据。",
            "✓ The data is valid. Until data is imported, check, reminders, metrics, training and pipeline use this demo data.")));
        return ExitCodes.Success;
    }
}
