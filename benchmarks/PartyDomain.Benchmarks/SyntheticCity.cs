using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;

namespace PartyDomain.Benchmarks;

/// <summary>
/// A deterministic, valid city at any scale: a committee, general branches with their branches, single-firm
/// branches, joint branches with 2–6 firms, party groups, firms with no members, and people with standing
/// histories, transfers, firm changes, posts and elections. The proportions follow the demo city; the
/// defaults give 40,000 organizations and 250,000 people.
/// </summary>
public static class SyntheticCity
{
    public static readonly LocalDate Today = new(2025, 12, 31);

    public static List<DatasetRecord> Generate(int organizations = 40_000, int people = 250_000, int seed = 42)
    {
        var random = new Random(seed);
        var records = new List<DatasetRecord>(people * 5);
        var committee = new OrganizationId("C");
        records.Add(new PartyOrganization { Id = committee, Name = "市律师行业党委", Kind = OrganizationKind.IndustryCommittee, Established = new LocalDate(2010, 10, 1) });

        // Branch-like organizations, each with the firms it covers.
        var branches = new List<(OrganizationId Id, List<FirmId> Firms, OrganizationKind Kind)>();
        var firmCount = 0;
        FirmId NewFirm(LocalDate founded)
        {
            var id = new FirmId($"F{firmCount++:D6}");
            records.Add(new LawFirm
            {
                Id = id,
                Name = $"律师事务所{id.Value}",
                District = $"D{random.Next(200):D3}",
                CreditCode = CreditCode(firmCount),
                Founded = founded,
                CharterIncludesPartyBuildingSince = random.Next(3) == 0 ? null : founded.PlusYears(1),
            });
            return id;
        }

        var orgCount = 1;
        var groupsTarget = organizations / 10;
        while (orgCount < organizations - groupsTarget)
        {
            var established = new LocalDate(2012 + random.Next(5), 1 + random.Next(12), 1);
            var roll = random.Next(100);
            if (roll < 5)
            {
                // A large firm: a general branch and 2–3 branches, all covering it.
                var gb = new OrganizationId($"O{orgCount++:D6}");
                var firm = NewFirm(established.PlusYears(-2));
                records.Add(new PartyOrganization { Id = gb, Name = $"党总支{gb.Value}", Kind = OrganizationKind.GeneralBranch, ParentId = committee, Established = established });
                records.Add(new FirmCoverage { OrganizationId = gb, FirmId = firm, From = established });
                for (var i = 2 + random.Next(2); i > 0; i--)
                {
                    var b = new OrganizationId($"O{orgCount++:D6}");
                    records.Add(new PartyOrganization { Id = b, Name = $"党支部{b.Value}", Kind = OrganizationKind.Branch, ParentId = gb, Established = established });
                    records.Add(new FirmCoverage { OrganizationId = b, FirmId = firm, From = established });
                    branches.Add((b, [firm], OrganizationKind.Branch));
                }
            }
            else if (roll < 20)
            {
                var jb = new OrganizationId($"O{orgCount++:D6}");
                records.Add(new PartyOrganization { Id = jb, Name = $"联合党支部{jb.Value}", Kind = OrganizationKind.JointBranch, ParentId = committee, Established = established });
                var firms = new List<FirmId>();
                for (var i = 2 + random.Next(5); i > 0; i--)
                {
                    var firm = NewFirm(established.PlusYears(-1));
                    firms.Add(firm);
                    records.Add(new FirmCoverage { OrganizationId = jb, FirmId = firm, From = established });
                }

                branches.Add((jb, firms, OrganizationKind.JointBranch));
            }
            else
            {
                var b = new OrganizationId($"O{orgCount++:D6}");
                var firm = NewFirm(established.PlusYears(-1));
                records.Add(new PartyOrganization { Id = b, Name = $"党支部{b.Value}", Kind = OrganizationKind.Branch, ParentId = committee, Established = established });
                records.Add(new FirmCoverage { OrganizationId = b, FirmId = firm, From = established });
                branches.Add((b, [firm], OrganizationKind.Branch));
            }
        }

        // Firms with no members: some with an instructor, some without.
        var bareFirms = Enumerable.Range(0, Math.Max(1, branches.Count / 10)).Select(_ => NewFirm(new LocalDate(2015, 1, 1))).ToList();

        // People: members spread over branches (a few branches are large), non-member directors, instructors.
        var personCount = 0;
        PersonId NewPerson(IReadOnlyList<StandingChange> standings, bool lawyer)
        {
            var first = standings[0].Since;
            return NewPersonBorn(first.PlusYears(-20 - random.Next(20)), standings, lawyer);
        }

        PersonId NewPersonBorn(LocalDate birth, IReadOnlyList<StandingChange> standings, bool lawyer)
        {
            var id = new PersonId($"P{personCount++:D7}");
            records.Add(new Person
            {
                Id = id,
                Name = $"党员{id.Value}",
                BirthDate = birth,
                Standings = standings,
                Lawyer = lawyer ? new LawyerProfile($"1410{personCount:D13}") : null,
            });
            return id;
        }

        var directed = new HashSet<FirmId>();
        var membersPerBranch = new int[branches.Count];
        var remaining = people - bareFirms.Count / 2;
        for (var i = 0; i < remaining; i++)
        {
            // Skewed: a tenth of the branches take a third of the members.
            var b = random.Next(3) == 0 ? random.Next(Math.Max(1, branches.Count / 10)) : random.Next(branches.Count);
            membersPerBranch[b]++;
        }

        for (var bi = 0; bi < branches.Count; bi++)
        {
            var (branchId, firms, _) = branches[bi];
            var memberIds = new List<PersonId>(membersPerBranch[bi]);
            for (var m = 0; m < membersPerBranch[bi]; m++)
            {
                var joined = new LocalDate(1990 + random.Next(34), 1 + random.Next(12), 1 + random.Next(28));
                var standings = random.Next(12) == 0
                    ? new List<StandingChange> { new(MemberStanding.ProbationaryMember, new LocalDate(2025, 3, 1 + random.Next(28))) }
                    : [new(MemberStanding.ProbationaryMember, joined), new(MemberStanding.FullMember, joined.PlusYears(1))];
                var person = NewPerson(standings, lawyer: true);
                memberIds.Add(person);
                var firm = firms[random.Next(firms.Count)];
                var movedIn = new LocalDate(2019 + random.Next(6), 1 + random.Next(12), 1);
                if (random.Next(8) == 0)
                {
                    // A transfer: formerly at another firm and registered in that firm's branch.
                    var (formerBranch, formerFirms, _) = branches[random.Next(branches.Count)];
                    var formerFirm = formerFirms[0];
                    if (formerFirm != firm)
                    {
                        records.Add(new FirmEmployment { PersonId = person, FirmId = formerFirm, From = new LocalDate(2018, 1, 1), To = movedIn.PlusDays(-1) });
                        var lagging = random.Next(4) == 0;
                        records.Add(new MembershipRegistration { PersonId = person, OrganizationId = formerBranch, From = new LocalDate(2018, 1, 1), To = lagging ? null : movedIn.PlusMonths(2) });
                        records.Add(new FirmEmployment { PersonId = person, FirmId = firm, From = movedIn });
                        if (!lagging)
                        {
                            records.Add(new MembershipRegistration { PersonId = person, OrganizationId = branchId, From = movedIn.PlusMonths(2).PlusDays(1) });
                        }

                        continue;
                    }
                }

                records.Add(new FirmEmployment { PersonId = person, FirmId = firm, From = new LocalDate(2018, 1, 1) });
                records.Add(new MembershipRegistration { PersonId = person, OrganizationId = branchId, From = new LocalDate(2018, 1, 1) });
            }

            if (memberIds.Count == 0)
            {
                continue;
            }

            // The secretary, and a committee in most branches of 7 or more; the secretary often directs the firm.
            var secretary = memberIds[0];
            records.Add(new PartyPostHolding { PersonId = secretary, OrganizationId = branchId, Post = PartyPost.Secretary, From = new LocalDate(2022, 1, 1 + random.Next(28)) });
            if (random.Next(3) > 0 && directed.Add(firms[0]))
            {
                records.Add(new FirmPostHolding { PersonId = secretary, FirmId = firms[0], Post = FirmPost.Director, From = new LocalDate(2018, 1, 1) });
            }

            if (memberIds.Count >= 7 && random.Next(10) > 0)
            {
                var elected = new LocalDate(2021 + random.Next(4), 1 + random.Next(12), 1);
                records.Add(new CommitteeElection { OrganizationId = branchId, ElectedOn = elected });
                var seats = Math.Min(memberIds.Count - 1, 2 + random.Next(5));
                for (var s = 1; s <= seats; s++)
                {
                    records.Add(new PartyPostHolding { PersonId = memberIds[s], OrganizationId = branchId, Post = PartyPost.CommitteeMember, From = elected });
                }
            }
        }

        for (var i = 0; i < bareFirms.Count; i++)
        {
            if (i % 2 == 0)
            {
                var instructor = NewPerson([new(MemberStanding.ProbationaryMember, new LocalDate(2000, 1, 1)), new(MemberStanding.FullMember, new LocalDate(2001, 1, 1))], lawyer: false);
                records.Add(new InstructorAssignment { PersonId = instructor, FirmId = bareFirms[i], From = new LocalDate(2020, 1, 1) });
            }
        }

        // Party groups fill the organization count, under the larger branches.
        for (var g = 0; orgCount < organizations; g++)
        {
            var (parent, _, _) = branches[g % branches.Count];
            var id = new OrganizationId($"O{orgCount++:D6}");
            records.Add(new PartyOrganization { Id = id, Name = $"党小组{id.Value}", Kind = OrganizationKind.PartyGroup, ParentId = parent, Established = new LocalDate(2020, 1, 1) });
        }

        return records;
    }

    private static string CreditCode(int n)
    {
        var first17 = $"31{n % 100_000_000:D8}MA{n % 10_000_000:D7}".Substring(0, 17);
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }
}
