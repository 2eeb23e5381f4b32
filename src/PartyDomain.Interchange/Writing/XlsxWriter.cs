using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;
using NodaTime.Text;
using PartyDomain.Interchange.Schema;
using Column = PartyDomain.Interchange.Schema.Column;
using Table = PartyDomain.Interchange.Schema.Table;

namespace PartyDomain.Interchange.Writing;

/// <summary>
/// Writes the workbook staff fill in, and exports in the same form, with the OpenXML SDK (streamed, so a national export
/// is never held as a document tree): a 说明 sheet first, then a sheet per table with a frozen header (required columns
/// orange, optional blue), widths that show the content, dates as date cells (yyyy-mm-dd), ids and other text as text
/// cells in text-formatted columns (an 18-digit ID number typed later stays text), numbers as numbers, and dropdowns:
/// each choice column lists its values from a hidden 可选值 sheet, each reference column the ids of the sheet it refers
/// to. A template has a marker column 示例 and one grey, italic example row per sheet.
/// </summary>
internal static class XlsxWriter
{
    private const uint TextStyle = 1, DateStyle = 2, RequiredHeader = 3, OptionalHeader = 4, ExampleText = 5, ExampleDate = 6, ExampleNumber = 7, TitleStyle = 8, WrapStyle = 9, BoldStyle = 10, TopStyle = 11;

    private const int LastExcelRow = 1_048_576;

    /// <summary>Rows a reference dropdown and a column's validation reach past the last row written, for the rows staff add.</summary>
    private const int SpareRows = 2_000;

    /// <summary>The rows sampled for a column's width.</summary>
    private const int WidthSample = 500;

    private static readonly LocalDate ExcelEpoch = new(1899, 12, 30);

    public static void Write(string path, WriteContext context, Func<Table, IEnumerable<string?[]>> rows, bool template)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = new List<Sheet>();
        var names = new List<DefinedName>();
        var choices = new List<(string Name, string Label, IReadOnlyList<string> Values)>();
        WorksheetPart Add(string name, bool hidden = false)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            sheets.Add(new Sheet { Name = name, SheetId = (uint)sheets.Count + 1, Id = workbook.GetIdOfPart(part), State = hidden ? SheetStateValues.Hidden : null });
            return part;
        }

        WriteInstructions(Add(TemplateGuide.InstructionsSheet.In(context.Language)), context, template);
        var offset = template ? 1 : 0;
        foreach (var table in DatasetSchema.Tables)
        {
            var sheet = table.Title(context.Language);
            var count = WriteTable(Add(sheet), table, context, rows(table), template, choices);
            if (table.IdColumn is { } id)
            {
                // The ids staff can pick from: the rows below the header and the example, and room for more.
                var letter = ColumnLetter(id.Index + offset);
                var first = 2 + offset;
                var last = Math.Min(LastExcelRow, Math.Max(first, count + 1 + offset) + SpareRows);
                names.Add(new DefinedName($"'{sheet}'!${letter}${first}:${letter}${last}") { Name = IdsName(table) });
            }
        }

        var lists = TemplateGuide.ChoicesSheet.In(context.Language);
        WriteChoices(Add(lists, hidden: true), choices);
        for (var i = 0; i < choices.Count; i++)
        {
            var letter = ColumnLetter(i);
            names.Add(new DefinedName($"'{lists}'!${letter}$2:${letter}${Math.Max(2, choices[i].Values.Count + 1)}") { Name = choices[i].Name });
        }

        workbook.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(sheets),
            new DefinedNames(names));
    }

    /// <summary>The defined name listing a table's ids, which reference columns' dropdowns show.</summary>
    private static string IdsName(Table table) => "ids_" + table.Name;

    private static string ChoicesName(Table table, Column column) => $"choices_{table.Name}_{column.Name}";

    private static void WriteInstructions(WorksheetPart part, WriteContext context, bool template)
    {
        const double labelWidth = 18, textWidth = 84;
        var english = context.Language == TextLanguage.English;
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        // Printed on A4 one page wide, as staff print the instructions beside the screen.
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetViews(new SheetView { WorkbookViewId = 0, TabSelected = true }));
        writer.WriteElement(new Columns(
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 1, Max = 1, Width = labelWidth, CustomWidth = true },
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 2, Max = 2, Width = textWidth, CustomWidth = true, Style = WrapStyle }));
        writer.WriteStartElement(new SheetData());
        var row = 0;
        void Line(string label, string? text, uint labelStyle, uint textStyle)
        {
            row++;
            // Spreadsheets do not grow a wrapped row on opening a file, so its height is the lines its text takes.
            var lines = text is null ? 1 : Math.Max(1, (int)Math.Ceiling(Width(text) / (textWidth - 2)));
            writer.WriteStartElement(new Row { RowIndex = (uint)row, Height = lines > 1 ? lines * 15 : null, CustomHeight = lines > 1 ? true : null });
            WriteText(writer, $"A{row}", label, labelStyle);
            if (text is not null)
            {
                WriteText(writer, $"B{row}", text, textStyle);
            }

            writer.WriteEndElement();
        }

        Line(Instructions.Title(context, template), null, TitleStyle, WrapStyle);
        row++;
        Line(english ? "Tables, in order" : "填写顺序", english ? "What each sheet holds, and its required columns" : "各工作表的内容及必填列", BoldStyle, BoldStyle);
        foreach (var line in Instructions.Tables(context, DatasetFormat.Xlsx))
        {
            Line(line.Label, line.Text, TopStyle, WrapStyle);
        }

        row++;
        Line(english ? "Rules" : "填写规则", null, BoldStyle, WrapStyle);
        foreach (var line in Instructions.Rules(context, DatasetFormat.Xlsx, template))
        {
            Line(line.Label, line.Text, TopStyle, WrapStyle);
        }

        writer.WriteEndElement();
        writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Portrait, FitToWidth = 1, FitToHeight = 0 });
        writer.WriteEndElement();
    }

    /// <summary>Writes a table's sheet; returns the number of data rows (the example not counted).</summary>
    private static int WriteTable(WorksheetPart part, Table table, WriteContext context, IEnumerable<string?[]> rows, bool template,
        List<(string Name, string Label, IReadOnlyList<string> Values)> choices)
    {
        var offset = template ? 1 : 0;
        var example = template ? TemplateGuide.Example(table, context) : null;
        var marker = TemplateGuide.Marker.In(context.Language);
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{2 + offset}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{2 + offset}" } })
        { WorkbookViewId = 0 }));

        var widths = Widths(table, context, rows, example);
        var columns = new Columns();
        if (template)
        {
            columns.Append(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 1, Max = 1, Width = Math.Max(8, Width(marker) + 2), CustomWidth = true });
        }

        foreach (var column in table.Columns)
        {
            var index = (uint)(column.Index + offset + 1);
            columns.Append(new DocumentFormat.OpenXml.Spreadsheet.Column
            {
                Min = index, Max = index, Width = widths[column.Index], CustomWidth = true, Style = column.IsDate ? DateStyle : column.IsNumber ? 0 : TextStyle,
            });
        }

        writer.WriteElement(columns);
        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(new Row { RowIndex = 1 });
        if (template)
        {
            WriteText(writer, "A1", marker, OptionalHeader);
        }

        foreach (var column in table.Columns)
        {
            WriteText(writer, $"{ColumnLetter(column.Index + offset)}1", column.Header(context.Language), column.Required ? RequiredHeader : OptionalHeader);
        }

        writer.WriteEndElement();
        var number = 1;
        if (example is not null)
        {
            number++;
            WriteRow(writer, table, number, example, offset, marker);
        }

        var count = 0;
        foreach (var cells in rows)
        {
            number++;
            count++;
            WriteRow(writer, table, number, cells, offset, null);
        }

        writer.WriteEndElement();
        var validations = Validations(table, context, offset, Math.Min(LastExcelRow, number + SpareRows), choices);
        if (validations.Count > 0)
        {
            writer.WriteElement(new DataValidations(validations) { Count = (uint)validations.Count });
        }

        writer.WriteEndElement();
        return count;
    }

    private static List<DataValidation> Validations(Table table, WriteContext context, int offset, int lastRow,
        List<(string Name, string Label, IReadOnlyList<string> Values)> choices)
    {
        var english = context.Language == TextLanguage.English;
        var validations = new List<DataValidation>();
        foreach (var column in table.Columns)
        {
            var letter = ColumnLetter(column.Index + offset);
            var range = $"{letter}2:{letter}{lastRow}";
            if (column.Choices is { } values && column.Kind is ColumnKind.Choice or ColumnKind.Boolean)
            {
                var name = ChoicesName(table, column);
                choices.Add((name, $"{table.Title(context.Language)}·{column.Header(context.Language)}", values(context)));
                validations.Add(new DataValidation
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = english ? "Not a choice" : "不是可选值",
                    Error = english ? "Choose a value from the dropdown list." : "请从下拉列表中选择。",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
                    Formula1 = new Formula1(name),
                });
            }
            else if (column.References is { } target && column.Kind == ColumnKind.Id && DatasetSchema.Find(target) is { } referred)
            {
                var sheet = referred.Title(context.Language);
                validations.Add(new DataValidation
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    // A warning, not a refusal: the id may be in data imported before, which this workbook does not hold.
                    ErrorStyle = DataValidationErrorStyleValues.Warning,
                    ErrorTitle = english ? "Unknown id" : "编号未找到",
                    Error = english ? $"Not an id on the sheet {sheet}. Go on only if it is already in the system." : $"“{sheet}”工作表中没有这个编号。仅当它已在系统中时才继续。",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
                    Formula1 = new Formula1(IdsName(referred)),
                });
            }
        }

        return validations;
    }

    private static void WriteRow(OpenXmlWriter writer, Table table, int number, string?[] cells, int offset, string? marker)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        if (marker is not null)
        {
            WriteText(writer, $"A{number}", marker, ExampleText);
        }

        var example = marker is not null;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is not { } value)
            {
                if (example)
                {
                    // Empty cells of the example are grey too, so the row reads as one.
                    writer.WriteElement(new Cell { CellReference = $"{ColumnLetter(i + offset)}{number}", StyleIndex = ExampleText });
                }

                continue;
            }

            var reference = $"{ColumnLetter(i + offset)}{number}";
            var column = table.Columns[i];
            if (column.IsNumber)
            {
                writer.WriteElement(new Cell { CellReference = reference, CellValue = new CellValue(value), StyleIndex = example ? ExampleNumber : null });
            }
            else if (column.IsDate && LocalDatePattern.Iso.Parse(value) is { Success: true } date && date.Value >= new LocalDate(1900, 3, 1))
            {
                // Before March 1900 Excel's serial days are off by one (its 29 February 1900): such a rare date stays text.
                var serial = Period.Between(ExcelEpoch, date.Value, PeriodUnits.Days).Days;
                writer.WriteElement(new Cell { CellReference = reference, CellValue = new CellValue(serial.ToString(CultureInfo.InvariantCulture)), StyleIndex = example ? ExampleDate : DateStyle });
            }
            else
            {
                WriteText(writer, reference, value, example ? ExampleText : TextStyle);
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>An inline string: no shared-string table to hold in memory, and never a formula.</summary>
    private static void WriteText(OpenXmlWriter writer, string reference, string value, uint style)
    {
        var text = new Text(value);
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            text.Space = SpaceProcessingModeValues.Preserve;
        }

        writer.WriteElement(new Cell(new InlineString(text)) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : style });
    }

    private static void WriteChoices(WorksheetPart part, List<(string Name, string Label, IReadOnlyList<string> Values)> choices)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        var rows = choices.Count == 0 ? 0 : choices.Max(c => c.Values.Count) + 1;
        for (var r = 0; r < rows; r++)
        {
            writer.WriteStartElement(new Row { RowIndex = (uint)r + 1 });
            for (var c = 0; c < choices.Count; c++)
            {
                var value = r == 0 ? choices[c].Label : r <= choices[c].Values.Count ? choices[c].Values[r - 1] : null;
                if (value is not null)
                {
                    WriteText(writer, $"{ColumnLetter(c)}{r + 1}", value, r == 0 ? BoldStyle : TextStyle);
                }
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>Each column's width: its header, its longest choice, and the widest of the first rows, within 8 to 60 characters.</summary>
    private static double[] Widths(Table table, WriteContext context, IEnumerable<string?[]> rows, string?[]? example)
    {
        var widths = table.Columns.Select(c => Math.Max(Width(c.Header(context.Language)), c.Choices is { } v ? v(context).Select(Width).DefaultIfEmpty(0).Max() + 2 : 0)).ToArray();
        foreach (var cells in rows.Take(WidthSample).Prepend(example ?? []))
        {
            for (var i = 0; i < cells.Length; i++)
            {
                widths[i] = Math.Max(widths[i], table.Columns[i].IsDate ? 10 : Width(cells[i]));
            }
        }

        return [.. widths.Select(w => Math.Clamp(w + 2, 8, 60))];
    }

    /// <summary>A text's width in characters as a spreadsheet shows it: a Chinese character is two.</summary>
    private static double Width(string? text) => text is null ? 0 : text.Sum(c => c >= 0x2E80 ? 2.0 : 1.1);

    /// <summary>The letters of a column (0 → A, 26 → AA).</summary>
    internal static string ColumnLetter(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static Stylesheet Styles()
    {
        static Font Font(bool bold = false, bool italic = false, string? color = null, double size = 11)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            if (italic)
            {
                font.Append(new Italic());
            }

            font.Append(new FontSize { Val = size });
            if (color is not null)
            {
                font.Append(new Color { Rgb = color });
            }

            font.Append(new FontName { Val = "等线" });
            return font;
        }

        static Fill Solid(string color) => new(new PatternFill(new ForegroundColor { Rgb = color }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
            new Fonts(Font(), Font(bold: true), Font(italic: true, color: "FF808080"), Font(bold: true, size: 16)) { Count = 4 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }), Solid("FFFCE4D6"), Solid("FFDDEBF7")) { Count = 4 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, FillId = 2, NumberFormatId = 49, ApplyFont = true, ApplyFill = true, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, FillId = 3, NumberFormatId = 49, ApplyFont = true, ApplyFill = true, ApplyNumberFormat = true },
                new CellFormat { FontId = 2, NumberFormatId = 49, ApplyFont = true, ApplyNumberFormat = true },
                new CellFormat { FontId = 2, NumberFormatId = 164, ApplyFont = true, ApplyNumberFormat = true },
                new CellFormat { FontId = 2, ApplyFont = true },
                new CellFormat { FontId = 3, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
            { Count = 12 });
    }
}
