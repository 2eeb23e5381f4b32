using System.ComponentModel;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Interchange;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary>
/// <c>template</c>: writes the workbook (or CSV files) staff fill in, with instructions, dropdowns and an example row
/// per table (<see cref="DatasetInterchange.WriteTemplate"/>); <c>import</c> reads it back.
/// </summary>
public sealed class TemplateCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<TemplateCommand.Settings>(console, environment)
{
    /// <summary>The options of <c>template</c>.</summary>
    public sealed class Settings : HostSettings
    {
        /// <summary>The format.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("xlsx|csv（默认按 --out 判断，否则 xlsx）/ format (default: from --out, else xlsx)")]
        public DatasetFormat? Format { get; init; }

        /// <summary>Where to write.</summary>
        [CommandOption("--out <PATH>")]
        [Description(".xlsx 文件或 CSV 文件夹（默认 ./数据录入模板.xlsx）/ the .xlsx file or CSV folder (default ./数据录入模板.xlsx)")]
        public string? Out { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() => Format == DatasetFormat.Json || (Format is null && Out is { } o && DatasetFiles.FormatOf(o) == DatasetFormat.Json)
            ? ValidationResult.Error("template: --format xlsx or csv (JSON needs no template) / 模板只有 xlsx 或 csv 格式")
            : base.Validate();
    }

    /// <inheritdoc/>
    protected override int Run(HostContext host, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        var format = settings.Format ?? (settings.Out is { } o ? DatasetFiles.FormatOf(o) ?? DatasetFormat.Csv : DatasetFormat.Xlsx);
        var path = Path.GetFullPath(settings.Out ?? host.T("数据录入模板", "data-entry-template") + (format == DatasetFormat.Xlsx ? ".xlsx" : string.Empty));
        Step(host.T("写出录入模板", "Writing the template"), () =>
        {
            host.Get<DatasetInterchange>().WriteTemplate(path, format, host.Language);
            return path;
        });
        Console.MarkupLine(Markup.Escape(format == DatasetFormat.Xlsx
            ? host.T($"已写出录入模板：{path}。先看“说明”工作表；每个工作表第 2 行是示例，从第 3 行起填写，填好后用 import {path} 导入。",
                $"Template written: {path}. Read the instructions sheet first; row 2 of each sheet is an example: fill in from row 3, then import {path}.")
            : host.T($"已写出录入模板（CSV）：{path}。先看 README.txt；每个文件第 2 行是示例，从第 3 行起填写，填好后用 import {path} 导入。",
                $"Template written (CSV): {path}. Read README.txt first; line 2 of each file is an example: fill in from line 3, then import {path}.")));
        return ExitCodes.Success;
    }
}
