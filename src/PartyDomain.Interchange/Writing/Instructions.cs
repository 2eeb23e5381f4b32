using System.Text;
using PartyDomain.Interchange.Schema;

namespace PartyDomain.Interchange.Writing;

/// <summary>
/// The instructions written with a template or an export: the workbook's 说明 sheet and a CSV folder's README.txt,
/// from the same text. They say in which order to fill the tables, what each holds and needs, how dates are written,
/// how the example row works, and (in README.txt, where there are no dropdowns) the values of each choice column.
/// </summary>
internal static class Instructions
{
    /// <summary>One line of the instructions: a label (a table's number and name, or a rule's name) and its text.</summary>
    internal sealed record Line(string Label, string Text);

    public static string Title(WriteContext context, bool template) => template
        ? T(context, "律师行业党建数据录入模板", "Party-building data entry template")
        : T(context, "律师行业党建数据（导出）", "Party-building data (export)");

    /// <summary>The tables in the order to fill them, each with what it holds and its required columns.</summary>
    public static IEnumerable<Line> Tables(WriteContext context, DatasetFormat format)
    {
        var number = 0;
        foreach (var table in DatasetSchema.Tables)
        {
            number++;
            var required = string.Join(T(context, "、", ", "), table.Columns.Where(c => c.Required).Select(c => c.Header(context.Language)));
            var name = format == DatasetFormat.Csv ? $"{table.Title(context.Language)}（{table.Name}.csv）" : table.Title(context.Language);
            yield return new Line($"{number}. {name}", TemplateGuide.Description(table).In(context.Language) + T(context, $" 必填列：{required}。", $" Required: {required}."));
        }
    }

    /// <summary>The rules of filling in: for a workbook or a CSV folder, with or without example rows.</summary>
    public static IEnumerable<Line> Rules(WriteContext context, DatasetFormat format, bool template)
    {
        var xlsx = format == DatasetFormat.Xlsx;
        yield return new Line(T(context, "导入", "Import"), T(context,
            "填好后用 import 命令（或业务系统的“导入”）导入。导入时逐表、逐行、逐列检查，列出全部问题；有任何问题就一条也不导入，改正后重新导入即可。",
            "Import the filled-in file with the import command (or your system's import). Every table, row and column is checked and every problem listed; if there is any, nothing is imported: correct them and import again."));
        yield return new Line(T(context, "顺序", "Order"), T(context,
            "按上面的顺序填写：先填被引用的表（党组织、律师事务所、人员），再填引用其编号的表。用不到的表留空即可，只有“城市”表必填。",
            "Fill the tables in the order above: first those referred to (organizations, firms, people), then those naming their ids. Leave unused tables empty; only the city table is required."));
        yield return new Line(T(context, "表头", "Headers"), xlsx
            ? T(context, "第 1 行是表头（已冻结），请勿改动；橙色表头为必填列，蓝色为选填列。列可以调换顺序；可加一列“备注”自由填写，导入时忽略。",
                "Row 1 holds the headers (frozen): do not change them. Orange headers are required columns, blue ones optional. Columns may be reordered; a column headed 'notes' is free text, ignored on import.")
            : T(context, "第 1 行是表头，请勿改动。列可以调换顺序；可加一列“备注”自由填写，导入时忽略。",
                "Line 1 holds the headers: do not change them. Columns may be reordered; a column headed 'notes' is free text, ignored on import."));
        if (template)
        {
            yield return new Line(T(context, "示例行", "Example row"), T(context,
                (xlsx ? "每个工作表的第 2 行是灰色斜体的示例行，" : "每个文件的第 2 行是示例行，") +
                "第一列“示例”标有“示例”二字，导入时跳过。请从第 3 行起填写；示例行可以保留，也可以整行删除。" +
                "不要在示例行上改写：改动过的示例行导入时会报错。若要把它当作真实数据，请清空它的“示例”列。",
                (xlsx ? "Row 2 of each sheet is the example row, grey and italic; " : "Line 2 of each file is the example row; ") +
                "its first column, headed 'example', says 'example', and import skips it. Fill in from row 3 on; keep the example row or delete it. " +
                "Do not overwrite it: an example row that was changed is reported on import. To import it as real data, clear its 'example' cell."));
        }

        yield return new Line(T(context, "日期", "Dates"), xlsx
            ? T(context, "日期列已设为日期格式（yyyy-mm-dd），输入 2025-03-05 或 2025/3/5 即可，也接受 2025年3月5日。月份列写 2025-03。",
                "Date columns are formatted as dates (yyyy-mm-dd): type 2025-03-05 or 2025/3/5; 2025年3月5日 is accepted too. Month columns take 2025-03.")
            : T(context, "日期写成 2025-03-05（也接受 2025/3/5、2025年3月5日），月份写成 2025-03。",
                "Write dates as 2025-03-05 (2025/3/5 and 2025年3月5日 are accepted too), months as 2025-03."));
        yield return new Line(T(context, "可选值", "Choices"), xlsx
            ? T(context, "组织类别、职务、活动类型、出勤情况等列带下拉列表，请从中选择（列出中文名称）。编号列（组织编号、律所编号、人员编号等）的下拉列表是对应工作表已填的编号；已在系统中的编号也可以直接输入。",
                "Columns such as organization kind, post, activity kind and attendance have a dropdown: choose from it. Id columns (organization, firm, person ids) list the ids filled in on their sheets; an id already in the system may be typed.")
            : T(context, "组织类别、职务、活动类型等列只能填写本文末尾列出的值（中文名称，也可写英文代码）。",
                "Columns such as organization kind, post and activity kind take only the values listed at the end of this file (the Chinese names, or the English codes)."));
        yield return new Line(T(context, "编号", "Ids"), T(context,
            "编号由本单位自定，同一表中不得重复，区分大小写；引用其他表的编号须与该表中的完全一致。身份证号、执业证号等长数字按文本填写" + (xlsx ? "（这些列已设为文本格式）。" : "。"),
            "Ids are yours to choose, unique within a table and case-sensitive; an id naming another table's row must match it exactly. Long numbers such as ID-card and certificate numbers are text" + (xlsx ? " (those columns are formatted as text)." : ".")));
        yield return new Line(T(context, "其他", "Other"), T(context,
            "是/否列填“是”或“否”。列表列（原上级组织编号、培训对象、标签等）的多个值用“;”或“、”分隔。金额以元为单位。" +
            (xlsx ? "不要修改工作表名称；本“说明”工作表和隐藏的“可选值”工作表导入时忽略。" : "用 Excel 保存时请选“CSV UTF-8（逗号分隔）”；本 README.txt 导入时忽略。"),
            "Yes/no columns take 是 or 否 (yes or no). List columns (former parents, audience, tags) separate values with ';'. Amounts are in yuan. " +
            (xlsx ? "Do not rename the sheets; this instructions sheet and the hidden choices sheet are ignored on import." : "In Excel, save as 'CSV UTF-8 (Comma delimited)'; this README.txt is ignored on import.")));
    }

    /// <summary>README.txt of a CSV folder: the same instructions as text, then the values of each choice column.</summary>
    public static string Readme(WriteContext context, bool template)
    {
        var text = new StringBuilder();
        var title = Title(context, template);
        text.AppendLine(title).AppendLine(new string('=', title.Length * 2)).AppendLine();
        text.AppendLine(T(context, "填写顺序与各表内容：", "The tables, in the order to fill them:"));
        foreach (var line in Tables(context, DatasetFormat.Csv))
        {
            text.Append("  ").Append(line.Label).Append(T(context, "：", ": ")).AppendLine(line.Text);
        }

        text.AppendLine().AppendLine(T(context, "填写规则：", "Rules:"));
        foreach (var line in Rules(context, DatasetFormat.Csv, template))
        {
            text.Append("  ").Append(line.Label).Append(T(context, "：", ": ")).AppendLine(line.Text);
        }

        text.AppendLine().AppendLine(T(context, "可选值：", "Choices:"));
        foreach (var table in DatasetSchema.Tables)
        {
            foreach (var column in table.Columns.Where(c => c.Choices is not null))
            {
                text.Append("  ").Append(table.Title(context.Language)).Append(" / ").Append(column.Header(context.Language)).Append(T(context, "：", ": "))
                    .AppendLine(string.Join(T(context, "、", ", "), column.Choices!(context)));
            }
        }

        return text.ToString();
    }

    private static string T(WriteContext context, string chinese, string english) => context.Language == TextLanguage.English ? english : chinese;
}
