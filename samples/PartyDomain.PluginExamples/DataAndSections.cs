using PartyDomain;
using PartyDomain.Data;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Reporting;
using PartyDomain.Training;

namespace Contoso.PartyPlugin;

#region study-credit-converter
/// <summary>A study platform's credits as hours: one hour per 50 points, at most 12 hours a year.</summary>
public sealed class ContosoStudyConverter : IStudyCreditConverter
{
    // The platform the credits carry (StudyCredit.Platform), as the import files or a connector write it.
    public string Platform => "contoso-study";

    // Called once per person and year with that person's credits of the year on this platform, in date order.
    public decimal HoursFor(PersonId person, int year, IReadOnlyList<StudyCredit> credits) =>
        Math.Min(12m, Math.Floor(credits.Sum(c => c.Points) / 50m));
}
#endregion

#region report-section
/// <summary>A section of the annual summary that reads the report's findings and a sum of the plugin's indicator.</summary>
public sealed class ClinicsSection : IReportSection
{
    public string Id => "contoso-clinics";

    public int Order => 350; // after part three (300), before the six systems (400)

    public ReportSectionContent? Compose(ReportContext context)
    {
        // context.Findings: every finding worth reporting, each a ReportFinding(Area, Finding), Area being
        // "structure", "compliance", "members", "training", "development", "dues" or "governance".
        var structure = context.Findings.Count(f => f.Area == "structure");
        // context.Metrics: the year's service records, already ingested; a missing row means no record at all.
        var code = new IndicatorCode("contoso-clinics");
        var clinics = context.Metrics.Query(new MetricsQuery { Period = context.Period, Indicators = [code] }).Of(code);
        var total = clinics is [var row, ..] ? row.Value : null;
        return new ReportSectionContent(Id, context.Language == TextLanguage.English ? "Legal clinics" : "法律诊所",
            [new ReportParagraph(context.Fill($"{{year}}年法律诊所{total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "数据未录入"}次；组织建设方面发现问题{structure}项。"))]);
    }
}
#endregion

#region indicator-data
/// <summary>How an indicator gets data: service records carrying its code, from the import files or from code.</summary>
public static class ClinicRecords
{
    // In the import files: one row of the table services (服务数据) with the indicator's code or Chinese name, or
    // a row of a plugin's own import table (below) read into a ServiceRecord. In code, the same record:
    public static ServiceRecord Evening(PersonId lawyer, NodaTime.LocalDate day, int visitors) => new()
    {
        Indicator = new IndicatorCode("contoso-night-clinics"),
        Date = day,
        Quantity = visitors,
        Member = lawyer,
    };
}
#endregion

#region import-table
/// <summary>A table of the plugin's own in the import files: 夜间法律诊所.csv (or night_clinics.csv, a sheet, a JSON array).</summary>
public static class ClinicTable
{
    public static ImportTable Create() => new("night_clinics", "夜间法律诊所",
        [
            // Each cell is checked by its kind like a built-in table's: a bad date, a missing required value or a number
            // outside Min..Max is reported with file, row and column, and the row is not imported.
            new("member_id", "党员编号", ImportColumnKind.Text, Required: true) { Property = nameof(ServiceRecord.Member) },
            new("date", "日期", ImportColumnKind.Date, Required: true),
            new("visitors", "接待人次", ImportColumnKind.WholeNumber, Required: true) { Min = 0, Max = 500 },
        ],
        // Called only for a row whose cells were all readable; a required value is never null here.
        row => ClinicRecords.Evening(new PersonId(row.Text("member_id")!), row.Date("date")!.Value, (int)row.Number("visitors")!.Value) with { Origin = row.Origin });
}
#endregion

#region platform-connector
/// <summary>A platform connector: reads one platform's export, run by the host with import --from contoso-oa FILE.</summary>
public sealed class ContosoOaConnector : IDatasetContributor
{
    public string Id => "contoso-oa"; // what import --from takes

    public LocalizedText Description { get; } = new("本市办公系统导出（每行：党员编号,日期,积分）", "The city's office system export (member id, date, points)");

    public IReadOnlyList<DatasetProblem> Contribute(Stream export, string sourceName, CityDatasetBuilder builder)
    {
        var problems = new List<DatasetProblem>();
        using var reader = new StreamReader(export);
        var row = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var origin = new RecordOrigin(sourceName, ++row);
            var cells = line.Split(',');
            if (cells.Length != 3 || !decimal.TryParse(cells[2], System.Globalization.CultureInfo.InvariantCulture, out var points)
                || NodaTime.Text.LocalDatePattern.Iso.Parse(cells[1]) is not { Success: true } date)
            {
                // Never dropped silently: the host lists it with file and row, and imports nothing.
                problems.Add(new("bad-row", nameof(StudyCredit), line, "line", line, new("应为：党员编号,日期,积分", "expected: member id,date,points"), origin));
                continue;
            }

            builder.Add(new StudyCredit { PersonId = new PersonId(cells[0]), Platform = "contoso-study", Date = date.Value, Points = points, Origin = origin });
        }

        return problems;
    }
}
#endregion
