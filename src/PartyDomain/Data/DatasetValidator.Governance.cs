using System.Globalization;
using PartyDomain.Governance;

namespace PartyDomain.Data;

/// <summary>The checks of governance records: major matters, documents, pairings, commendations and donations.</summary>
internal sealed partial class DatasetValidator
{
    private void CheckGovernance()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Id(string id, DatasetRecord record)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                Report("missing-value", record, "Id", null, "必填项为空", "a required value is empty");
            }
            else if (!ids.Add(id))
            {
                Duplicate(record, "Id", id);
            }
        }

        foreach (var m in records.MajorMatters)
        {
            Id(m.Id, m);
            Required(m.Title, m, nameof(m.Title));
            if (m.Steps is null || m.Steps.Count == 0)
            {
                Report("missing-value", m, nameof(m.Steps), null, "重大事项没有任何研究步骤", "the major matter has no steps");
                continue;
            }

            foreach (var step in m.Steps)
            {
                NotFuture(step.Date, m, nameof(m.Steps));
            }
        }

        ids.Clear();
        foreach (var d in records.GovernanceDocuments)
        {
            Id(d.Id, d);
            Required(d.Title, d, nameof(d.Title));
            NotFuture(d.Issued, d, nameof(d.Issued));
        }

        ids.Clear();
        var pairings = new Dictionary<string, Pairing>(StringComparer.Ordinal);
        foreach (var p in records.Pairings)
        {
            Id(p.Id, p);
            pairings.TryAdd(p.Id, p);
            Required(p.Partner, p, nameof(p.Partner));
            CheckTimeBound(p);
            CheckOrganization(p.OrganizationId, p, out _);
        }

        ids.Clear();
        foreach (var a in records.JointActivities)
        {
            Id(a.Id, a);
            Required(a.Title, a, nameof(a.Title));
            NotFuture(a.Date, a, nameof(a.Date));
            if (a.Participants is < 0)
            {
                Report("invalid-value", a, nameof(a.Participants), a.Participants.Value.ToString(CultureInfo.InvariantCulture), "参加人数不能为负数", "participants cannot be negative");
            }

            if (!pairings.TryGetValue(a.PairingId, out var pairing))
            {
                Unknown(a, nameof(a.PairingId), a.PairingId, "结对联建", "pairing");
            }
            else if (a.Date < pairing.From || (pairing.To is { } to && a.Date > to))
            {
                Report("outside-lifetime", a, nameof(a.Date), Day(a.Date), $"活动日期不在结对 {pairing.Id} 的存续期 {Span(pairing.From, pairing.To)} 内",
                    $"the activity falls outside pairing {pairing.Id} ({Span(pairing.From, pairing.To)})");
            }
        }

        ids.Clear();
        foreach (var c in records.Commendations)
        {
            Id(c.Id, c);
            Required(c.Awarder, c, nameof(c.Awarder));
            Required(c.Reason, c, nameof(c.Reason));
            NotFuture(c.Date, c, nameof(c.Date));
            if ((c.FirmId is null) == (c.PersonId is null))
            {
                Report("invalid-value", c, nameof(c.FirmId), null, "受表彰对象须为一家律所或一名律师（二者只填其一）", "the commendation names exactly one firm or one lawyer");
            }

            Donor(c, c.FirmId, c.PersonId);
        }

        ids.Clear();
        foreach (var d in records.Donations)
        {
            Id(d.Id, d);
            Required(d.Purpose, d, nameof(d.Purpose));
            NotFuture(d.Date, d, nameof(d.Date));
            if (d.Amount <= 0 || decimal.Round(d.Amount, 2) != d.Amount)
            {
                Report("invalid-value", d, nameof(d.Amount), d.Amount.ToString(CultureInfo.InvariantCulture), "金额须为精确到分的正数（元）", "the amount must be positive, in yuan to the fen");
            }

            Donor(d, d.FirmId, d.PersonId);
        }
    }

    private void Donor(DatasetRecord record, Organization.FirmId? firm, Organization.PersonId? person)
    {
        if (firm is { } f && !indexes.Firms.ContainsKey(f))
        {
            Unknown(record, "FirmId", f.Value, "律所", "law firm");
        }

        if (person is { } p)
        {
            CheckPerson(p, record);
        }
    }
}
