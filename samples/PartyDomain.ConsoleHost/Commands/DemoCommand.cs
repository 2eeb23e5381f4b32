using System.ComponentModel;
using System.Globalization;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Organization;
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
        var dataset = Step(host.T("生成并校验演示数据", "Generating and validating the demo data"), host.LoadDataset);
        Heading(host, host.T("演示城市", "Demo city"));

        var today = dataset.Today;
        var organizations = dataset.Organizations.Where(o => o.ExistsOn(today)).ToList();
        var people = dataset.People.Select(p => p.StandingOn(today)).ToList();
        var table = Table(host.T("内容", "What"), host.T("数量", "Count"));
        void Add(string zh, string en, int count) => Row(table, host.T(zh, en), count.ToString("#,0", CultureInfo.InvariantCulture));
        Add("律师行业党委", "industry committees", organizations.Count(o => o.Kind == OrganizationKind.IndustryCommittee));
        Add("党总支", "general branches", organizations.Count(o => o.Kind == OrganizationKind.GeneralBranch));
        Add("律所党支部", "firm branches", organizations.Count(o => o.Kind == OrganizationKind.Branch));
        Add("联合党支部", "joint branches", organizations.Count(o => o.Kind == OrganizationKind.JointBranch));
        Add("党小组", "party groups", organizations.Count(o => o.Kind == OrganizationKind.PartyGroup));
        Add("律师事务所", "law firms", dataset.Firms.Count);
        Add("人员", "people", dataset.People.Count);
        Add("　其中正式党员", "  of whom full members", people.Count(s => s == MemberStanding.FullMember));
        Add("　其中预备党员", "  of whom probationary members", people.Count(s => s == MemberStanding.ProbationaryMember));
        Add("　其中申请人、积极分子、发展对象", "  of whom applicants, activists and candidates", people.Count(s => s is MemberStanding.Applicant or MemberStanding.Activist or MemberStanding.DevelopmentCandidate));
        Add("组织生活记录", "activity records", dataset.Activities.Count);
        Add("服务数据记录", "service records", dataset.Services.Count);
        Add("培训班次", "training sessions", dataset.TrainingSessions.Count);
        Add("学习平台积分记录", "study-platform credits", dataset.StudyCredits.Count);
        Add("入党发展案例", "admission cases", dataset.AdmissionCases.Count);
        Add("收入申报", "income declarations", dataset.Incomes.Count);
        Add("党费缴纳记录", "dues payments", dataset.DuesPayments.Count);
        Console.Write(table);
        Console.MarkupLine(Markup.Escape(host.T(
            "✓ 数据完整有效。未导入数据时，check、reminders、metrics、training、pipeline 等命令都使用这份演示数据。",
            "✓ The data is valid. Until data is imported, check, reminders, metrics, training and pipeline use this demo data.")));
        return ExitCodes.Success;
    }
}
