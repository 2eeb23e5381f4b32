using System.Globalization;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Data;
using PartyDomain.Organization;
using Spectre.Console;
using PartyDomain.BasicSystems;
using PartyDomain.Development;
using PartyDomain.Dues;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Training;

namespace PartyDomain.ConsoleHost.Output;

/// <summary>What a dataset holds, counted by kind: <c>demo</c> and <c>import</c> print it.</summary>
internal static class DatasetSummary
{
    public static void Write(IAnsiConsole console, HostContext host, CityDataset dataset)
    {
        var today = dataset.Today;
        var organizations = dataset.Organizations.Where(o => o.ExistsOn(today)).ToList();
        var people = dataset.People.Select(p => p.StandingOn(today)).ToList();
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn(new Text(host.T("内容", "What"), new Style(decoration: Decoration.Bold))));
        table.AddColumn(new TableColumn(new Text(host.T("数量", "Count"), new Style(decoration: Decoration.Bold))));
        void Add(string zh, string en, int count) => table.AddRow(new Text(host.T(zh, en)), new Text(count.ToString("#,0", CultureInfo.InvariantCulture)));
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
        Add("重大事项", "major matters", dataset.MajorMatters.Count);
        Add("结对共建", "pairings", dataset.Pairings.Count);
        Add("表彰", "commendations", dataset.Commendations.Count);
        console.Write(table);
    }
}
