using PartyDomain.Organization;
using PartyDomain.Reminders;
using PartyDomain.Rules;

namespace PartyDomain.Notifications.Tests;

/// <summary>A notice of one branch with one overdue and one coming item, dated 2025-06-15.</summary>
internal static class Notices
{
    public static readonly LocalDate Today = new(2025, 6, 15);

    public static ReminderNotice Of(string id, string? secretary = "张三")
    {
        var branch = new PartyOrganization { Id = new(id), Name = $"信阳{id}律师事务所党支部", Kind = OrganizationKind.Branch, Established = new(2015, 1, 1) };
        return new(branch, secretary, Today,
        [
            new ReminderItem(ReminderKind.CommitteeTerm, branch, new(2025, 3, 1), null, new("支部委员会每届任期3年，到期按时换届", "re-election when the term ends"),
                new("于2025-03-01任期届满时换届", "re-election on 2025-03-01"), new("已超期106天未换届", "106 days overdue"), new(Regulations.BranchWork, "第六章", SourceConfidence.Secondary)),
            new ReminderItem(ReminderKind.OrganizationalLife, branch, new(2025, 6, 30), null, new("每月相对固定1天开展主题党日", "a theme party day each month"),
                new("至少1次", "at least 1"), new("0次", "0"), new(Regulations.MemberEducation, "第十六条", SourceConfidence.Verified)),
        ]);
    }
}
