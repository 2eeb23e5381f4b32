using System.Globalization;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Development;
using Spectre.Console;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary><c>pipeline</c>: the admission pipeline as of today: cases per stage and year, violations, and each open case's next step.</summary>
public sealed class PipelineCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<YearSettings>(console, environment)
{
    /// <inheritdoc/>
    protected override int Run(HostContext host, YearSettings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        var (dataset, result) = Step(host.T("检查发展党员流程", "Checking the admission pipeline"), () =>
        {
            var data = host.LoadDataset();
            return (data, host.Get<AdmissionPipeline>().Evaluate(data));
        });

        if (settings.ForScripts)
        {
            // Every case, a row each, with its stage, next step, due day and the rules it breaks.
            Output.Records.Write(Console.Profile.Out.Writer, settings.Format,
                ["case_id", "person_id", "name", "stage", "next_step", "due", "violations"],
                result.Cases.Select(c => (IReadOnlyList<object?>)
                [
                    c.Case.Id, c.Case.PersonId.Value, dataset.GetPerson(c.Case.PersonId).Name, c.Stage.ToString(), c.NextStep is { } next ? host.T(next) : null,
                    c.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join(';', c.Violations.Select(v => v.RuleId.ToString())),
                ]));
            return ExitCodes.Success;
        }

        Heading(host, host.T($"发展党员（截至 {host.Today:yyyy-MM-dd}）", $"Admission pipeline (as of {host.Today:yyyy-MM-dd})"));
        var stages = Table(host.T("阶段", "Stage"), host.T("人数", "Cases"), host.T("其中青年", "Of whom young"));
        foreach (var stage in Enum.GetValues<AdmissionStage>())
        {
            var count = result.ByStage.FirstOrDefault(c => c.Key == stage.ToString());
            Row(stages, StageName(host, stage), Count(count?.Total ?? 0), Count(count?.Young ?? 0));
        }

        Console.Write(stages);

        var years = result.Applications.Concat(result.Activists).Concat(result.Candidates).Concat(result.Admitted).Concat(result.Converted)
            .Select(c => c.Key).Distinct().Order(StringComparer.Ordinal).ToList();
        var byYear = Table(host.T("年度", "Year"), host.T("申请", "Applied"), host.T("确定积极分子", "Activists"), host.T("确定发展对象", "Candidates"), host.T("接收预备党员", "Admitted"), host.T("转正", "Converted"));
        foreach (var year in settings.Year is { } only ? years.Where(y => y == only.ToString("D4", CultureInfo.InvariantCulture)) : years)
        {
            string Of(IReadOnlyList<PipelineCount> counts) => Count(counts.FirstOrDefault(c => c.Key == year)?.Total ?? 0);
            Row(byYear, year, Of(result.Applications), Of(result.Activists), Of(result.Candidates), Of(result.Admitted), Of(result.Converted));
        }

        Console.Write(byYear);

        var open = result.Cases.Where(c => c.Violations.Count > 0 || c.NextStep is not null)
            .OrderByDescending(c => c.Violations.Count).ThenBy(c => c.Due ?? NodaTime.LocalDate.MaxIsoValue).ToList();
        if (open.Count > 0)
        {
            var cases = Table(host.T("案例", "Case"), host.T("申请人", "Person"), host.T("阶段", "Stage"), host.T("违规", "Violations"), host.T("下一步", "Next step"), host.T("期限", "Due"));
            foreach (var c in open.Take(settings.Top))
            {
                var person = dataset.GetPerson(c.Case.PersonId);
                var violations = string.Join("；", c.Violations.Select(v => $"{v.RuleId} {host.T(v.Found)}"));
                Row(cases, c.Case.Id, person.Name, StageName(host, c.Stage), violations.Length == 0 ? "—" : violations,
                    c.NextStep is { } next ? host.T(next) : "—", c.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—");
            }

            Console.Write(cases);
        }

        var violationCount = result.Cases.Sum(c => c.Violations.Count);
        Console.MarkupLine(Markup.Escape(host.T($"共 {result.Cases.Count} 个案例，{violationCount} 处违反发展党员工作细则。", $"{result.Cases.Count} cases, {violationCount} violations of the admission rules.")));
        return ExitCodes.Success;
    }

    private static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string StageName(HostContext host, AdmissionStage stage) => stage switch
    {
        AdmissionStage.Applicant => host.T("入党申请人", "Applicant"),
        AdmissionStage.Activist => host.T("入党积极分子", "Activist"),
        AdmissionStage.Candidate => host.T("发展对象", "Development candidate"),
        AdmissionStage.AwaitingApproval => host.T("待审批", "Awaiting approval"),
        AdmissionStage.Probationary => host.T("预备党员", "Probationary member"),
        AdmissionStage.FullMember => host.T("已转正", "Full member"),
        _ => host.T("已终止", "Closed"),
    };
}
