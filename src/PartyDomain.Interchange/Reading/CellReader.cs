using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Interchange.Schema;
using PartyDomain.Metrics;
using PartyDomain.Organization;

namespace PartyDomain.Interchange.Reading;

/// <summary>
/// Reads the cells of one row of a table into typed values. Each failed cell adds a problem naming source, row,
/// column and value, and marks the row failed so its record is not kept; reading goes on to find the row's other
/// problems.
/// </summary>
internal sealed class CellReader(List<ImportProblem> problems, ActivityKindCatalog activityKinds, IndicatorCatalog indicators)
{
    private readonly ChoiceLookup<ActivityKind> _activityKinds = new(activityKinds.Names.SelectMany(n => new[] { (n.Key.Code, n.Key), (n.Value.Chinese, n.Key), (n.Value.English, n.Key) }));
    // Codes last, so a code wins over a name that normalizes like it.
    private readonly ChoiceLookup<IndicatorCode> _indicators = new(indicators.All.Select(i => (i.Name.Chinese, i.Code)).Concat(indicators.All.Select(i => (i.Code.Value, i.Code))));
    // One string per distinct person or organization id: a national import names the same few hundred thousand people in
    // millions of rows, and shared strings keep that to one copy each (engines then match ids by reference, too).
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private string?[] _cells = [];
    private string[] _headers = [];
    private bool[] _present = [];
    private bool[] _refused = [];

    public string Source { get; private set; } = string.Empty;

    public int Row { get; private set; }

    public bool Failed { get; private set; }

    /// <summary>Starts a table: which of its columns the file has, under which header.</summary>
    public void StartTable(string source, string[] headers, bool[] present)
    {
        Source = source;
        _headers = headers;
        _present = present;
    }

    /// <summary>Starts a row: its cells by column index, trimmed, <c>null</c> when empty or the column is absent.</summary>
    /// <param name="row">The row's number.</param>
    /// <param name="cells">The cells.</param>
    /// <param name="refused">Which cells were refused and reported already: the row fails, and they are not reported again.</param>
    public void StartRow(int row, string?[] cells, bool[] refused)
    {
        Row = row;
        _cells = cells;
        _refused = refused;
        Failed = Array.IndexOf(refused, true) >= 0;
    }

    public string? Text(Column column)
    {
        var value = _cells[column.Index];
        if (value is null && _refused[column.Index])
        {
            Failed = true;
        }
        else if (value is null && column.Required && _present[column.Index])
        {
            // A missing required column is reported once for the table, not on every row.
            Fail(column, null, "required", "必填项为空。", "A value is required.");
        }
        else if (value is null && column.Required)
        {
            Failed = true;
        }

        return value;
    }

    public string RequiredText(Column column) => Text(column) ?? string.Empty;

    public PersonId PersonId(Column column) => Text(column) is { } v ? new PersonId(Shared(v)) : default;

    public PersonId? OptionalPersonId(Column column) => Text(column) is { } v ? new PersonId(Shared(v)) : null;

    public OrganizationId OrganizationId(Column column) => Text(column) is { } v ? new OrganizationId(Shared(v)) : default;

    public OrganizationId? OptionalOrganizationId(Column column) => Text(column) is { } v ? new OrganizationId(Shared(v)) : null;

    private string Shared(string id)
    {
        if (_ids.TryGetValue(id, out var shared))
        {
            return shared;
        }

        _ids.Add(id);
        return id;
    }

    public FirmId FirmId(Column column) => Text(column) is { } v ? new FirmId(v) : default;

    public FirmId? OptionalFirmId(Column column) => Text(column) is { } v ? new FirmId(v) : null;

    public LocalDate Date(Column column) => OptionalDate(column) ?? default;

    public LocalDate? OptionalDate(Column column)
    {
        if (Text(column) is not { } v)
        {
            return null;
        }

        if (CellText.TryParseDate(v, out var date))
        {
            return InRange(column, v, date) ? date : null;
        }

        Fail(column, v, "bad-date", "日期无法识别；请写成 2021-03-05、2021/3/5、2021年3月5日或 Excel 日期。",
            "The date is not recognized; write it as 2021-03-05, 2021/3/5, 2021年3月5日 or an Excel date.");
        return null;
    }

    public YearMonth Month(Column column)
    {
        if (Text(column) is not { } v)
        {
            return default;
        }

        if (CellText.TryParseMonth(v, out var month))
        {
            return InRange(column, v, month.OnDayOfMonth(1)) ? month : default;
        }

        Fail(column, v, "bad-month", "月份无法识别；请写成 2021-03、2021/3 或 2021年3月。",
            "The month is not recognized; write it as 2021-03, 2021/3 or 2021年3月.");
        return default;
    }

    public decimal Decimal(Column column) => OptionalDecimal(column) ?? 0m;

    public decimal? OptionalDecimal(Column column)
    {
        if (Text(column) is not { } v)
        {
            return null;
        }

        if (CellText.TryParseDecimal(v, out var d))
        {
            return InRange(column, v, d) ? d : null;
        }

        Fail(column, v, "bad-number", NotANumber.Chinese, NotANumber.English);
        return null;
    }

    public int? OptionalInteger(Column column)
    {
        if (Text(column) is not { } v)
        {
            return null;
        }

        if (CellText.TryParseInteger(v, out var i))
        {
            return InRange(column, v, i) ? i : null;
        }

        Fail(column, v, "bad-integer", "不是整数。" + NotANumber.Chinese, "Not a whole number. " + NotANumber.English);
        return null;
    }

    public bool? OptionalBoolean(Column column)
    {
        if (Text(column) is not { } v)
        {
            return null;
        }

        if (CellText.TryParseBoolean(v, out var b))
        {
            return b;
        }

        Fail(column, v, "bad-boolean", "请填写“是”或“否”。", "Write yes or no (是 or 否).");
        return null;
    }

    public TEnum Choice<TEnum>(Column column, Vocabulary<TEnum> vocabulary)
        where TEnum : struct, Enum => OptionalChoice(column, vocabulary) ?? default;

    public TEnum? OptionalChoice<TEnum>(Column column, Vocabulary<TEnum> vocabulary)
        where TEnum : struct, Enum
    {
        if (Text(column) is not { } v)
        {
            return null;
        }

        if (vocabulary.TryParse(v, out var value))
        {
            return value;
        }

        Fail(column, v, "bad-choice", $"不是可选值之一：{vocabulary.Choices(TextLanguage.Chinese)}。",
            $"Not one of the accepted values: {vocabulary.Choices(TextLanguage.English)}.");
        return null;
    }

    /// <summary>Flags written as a list (<c>activists;candidates</c>); an empty cell gives <paramref name="empty"/>.</summary>
    public TEnum Flags<TEnum>(Column column, Vocabulary<TEnum> vocabulary, TEnum empty)
        where TEnum : struct, Enum
    {
        if (Text(column) is not { } v)
        {
            return empty;
        }

        var bits = 0;
        foreach (var item in CellText.SplitList(v))
        {
            if (vocabulary.TryParse(item, out var flag))
            {
                bits |= Convert.ToInt32(flag, System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                Fail(column, item, "bad-choice", $"不是可选值之一：{vocabulary.Choices(TextLanguage.Chinese)}。",
                    $"Not one of the accepted values: {vocabulary.Choices(TextLanguage.English)}.");
            }
        }

        return (TEnum)Enum.ToObject(typeof(TEnum), bits);
    }

    public ActivityKind ActivityKind(Column column)
    {
        if (Text(column) is not { } v)
        {
            return default;
        }

        if (_activityKinds.TryFind(v, out var kind))
        {
            return kind;
        }

        Fail(column, v, "bad-choice", $"不是已登记的活动类型；可填：{string.Join("、", activityKinds.Names.Select(n => $"{n.Value.Chinese}（{n.Key.Code}）"))}。",
            $"Not a registered activity kind; accepted: {string.Join(", ", activityKinds.Names.Select(n => $"{n.Key.Code} ({n.Value.Chinese})"))}.");
        return default;
    }

    /// <summary>An indicator by code or Chinese name; an unknown code is kept, and the dataset's check reports it.</summary>
    public IndicatorCode Indicator(Column column) => Text(column) is { } v
        ? _indicators.TryFind(v, out var code) ? code : new IndicatorCode(v)
        : default;

    /// <summary>Where the current row was read from, for the record to carry.</summary>
    public RecordOrigin Origin => new(Source, Row);

    public IReadOnlyList<string> List(Column column) => Text(column) is { } v ? CellText.SplitList(v) : [];

    public IReadOnlyList<PersonId> PersonList(Column column) => [.. List(column).Select(v => new PersonId(Shared(v)))];

    public IReadOnlyList<LocalDate> DateList(Column column)
    {
        var dates = new List<LocalDate>();
        foreach (var item in List(column))
        {
            if (CellText.TryParseDate(item, out var date))
            {
                if (InRange(column, item, date))
                {
                    dates.Add(date);
                }
            }
            else
            {
                Fail(column, item, "bad-date", "日期无法识别；请写成 2021-03-05、2021/3/5、2021年3月5日或 Excel 日期。",
                    "The date is not recognized; write it as 2021-03-05, 2021/3/5, 2021年3月5日 or an Excel date.");
            }
        }

        return dates;
    }

    /// <summary>Whether the cell of <paramref name="column"/> has a value.</summary>
    public bool Has(Column column) => _cells[column.Index] is not null;

    private static readonly LocalizedText NotANumber = new(
        "数字用“.”作小数点；千位分隔符“,”只能隔开三位数字（12,000.50）：“1,25”不是 1.25。",
        "Numbers take '.' as the decimal point; the thousands separator ',' only separates groups of three digits (12,000.50): '1,25' is not 1.25.");

    /// <summary>Dates from 1900-01-01 to 2099-12-31 (docs/data-format.md, "Limits").</summary>
    private bool InRange(Column column, string value, LocalDate date)
    {
        if (date >= CellText.FirstDate && date <= CellText.LastDate)
        {
            return true;
        }

        Fail(column, value, "out-of-range", "日期超出可接受的范围 1900-01-01 至 2099-12-31。", "The date is outside the accepted range, 1900-01-01 to 2099-12-31.");
        return false;
    }

    /// <summary>Numbers within their column's bounds (docs/data-format.md, "Limits").</summary>
    private bool InRange(Column column, string value, decimal number)
    {
        if ((column.Min is not { } min || number >= min) && (column.Max is not { } max || number <= max))
        {
            return true;
        }

        var range = $"{column.Min?.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture)} – {column.Max?.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture)}";
        Fail(column, value, "out-of-range", $"超出这一列可接受的范围 {range}。", $"Outside this column's accepted range, {range}.");
        return false;
    }

    public void Fail(Column column, string? value, string code, string chinese, string english)
    {
        problems.Add(new ImportProblem(code, Source, Row, _headers[column.Index], value, new LocalizedText(chinese, english)));
        Failed = true;
    }
}
