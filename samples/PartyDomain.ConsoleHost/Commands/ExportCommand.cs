using System.ComponentModel;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.ConsoleHost.Output;
using PartyDomain.Interchange;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary>
/// <c>export</c>: writes the data the commands read (imported, or the demo city) in the template's form, so that it can
/// be edited and imported again (<see cref="DatasetInterchange.Write"/>).
/// </summary>
public sealed class ExportCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<ExportCommand.Settings>(console, environment)
{
    /// <summary>The options of <c>export</c>.</summary>
    public sealed class Settings : HostSettings
    {
        /// <summary>The format.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("xlsx|csv|json（默认按 --out 的扩展名，无扩展名为 CSV 文件夹）/ format (default: from --out's extension; none is a CSV folder)")]
        public DatasetFormat? Format { get; init; }

        /// <summary>Where to write.</summary>
        [CommandOption("--out <PATH>")]
        [Description(".xlsx 或 .json 文件，或 CSV 文件夹（必填）/ the .xlsx or .json file, or CSV folder (required)")]
        public string? Out { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("export: give --out PATH / 须给出 --out 路径") : base.Validate();
    }

    /// <inheritdoc/>
    protected override int Run(HostContext host, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        var dataset = Step(host, host.T("读取数据", "Loading the data"), host.LoadDataset);
        var path = Path.GetFullPath(settings.Out!);
        var format = settings.Format ?? DatasetFiles.FormatOf(path) ?? DatasetFormat.Csv;
        Heading(host, host.T($"导出 {dataset.City.Name} 的数据", $"Exporting the data of {dataset.City.Name}"));
        try
        {
            Step(host.T($"写出 {path}", $"Writing {path}"), () =>
            {
                host.Get<DatasetInterchange>().Write(dataset, path, format, host.Language);
                return path;
            });
        }
        catch (InvalidOperationException e) when (format == DatasetFormat.Csv)
        {
            // A text with a line break, which a CSV cell of this format cannot hold.
            throw new BadInputException(host.T("有文字含换行，CSV 无法保存；请改用 --format xlsx 或 json", "a text holds a line break, which CSV cannot hold; use --format xlsx or json"), [e.Message], e);
        }

        DatasetSummary.Write(Console, host, dataset);
        Console.MarkupLine(Markup.Escape(host.T(
            $"✓ 已导出（{format}）：{path}。格式与 template 的录入模板相同，修改后可用 import 导入。",
            $"✓ Exported ({format}): {path}, in the form of the template: edit it and import it again.")));
        return ExitCodes.Success;
    }
}
