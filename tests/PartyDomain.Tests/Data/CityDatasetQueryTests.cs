using PartyDomain.Data;
using PartyDomain.Organization;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Tests.Data;

public class CityDatasetQueryTests
{
    // D: the day member T's registration moved from B1 to B2, and the day S2 took over as B1's secretary.
    private static readonly LocalDate TransferDay = new(2023, 3, 1);
    private static readonly LocalDate DayBefore = new(2023, 2, 28);
    private static readonly LocalDate Handover = new(2023, 1, 1);
    private static readonly LocalDate OldDissolved = new(2020, 1, 1);

    /// <summary>
    /// C ─┬─ G (general branch) ── B1 (branch, covers F1; party group PG) 
    ///    ├─ B2 (branch, covers F2)
    ///    ├─ J (joint branch, covers F3 and F4)
    ///    └─ OLD (branch, dissolved 2020-01-01)
    /// </summary>
    private static readonly CityDataset City = BuildCity();

    private static CityDataset BuildCity() =>
        new TestCity()
            .GeneralBranch("G", established: new LocalDate(2012, 1, 1))
            .Branch("B1", "G", new LocalDate(2012, 1, 1))
            .PartyGroup("PG", "B1")
            .Branch("B2", established: new LocalDate(2012, 1, 1))
            .Organization("J", OrganizationKind.JointBranch, Committee, new LocalDate(2012, 1, 1))
            .Branch("OLD", established: new LocalDate(2012, 1, 1), dissolved: OldDissolved)
            .Firms("F1", "F2", "F3", "F4")
            .Cover("G", "F1").Cover("B1", "F1").Cover("B2", "F2").Cover("J", "F3").Cover("J", "F4")
            // T transfers from B1 to B2 on D (records added newest first on purpose).
            .FullMember("T")
            .Register("T", "B2", TransferDay)
            .Register("T", "B1", new LocalDate(2015, 1, 1), DayBefore)
            .Employ("T", "F2", TransferDay).Employ("T", "F1", new LocalDate(2015, 1, 1), DayBefore)
            // B1's secretary changes on 2023-01-01; S2 also directs F1 (cross-appointment).
            .FullMember("S1").Register("S1", "B1").Secretary("S1", "B1", new LocalDate(2015, 1, 1), Handover.PlusDays(-1))
            .FullMember("S2").Register("S2", "B1").Secretary("S2", "B1", Handover).Director("S2", "F1", new LocalDate(2020, 1, 1))
            // A committee member who is a partner of F3, which B1 does not cover: no cross-appointment.
            .FullMember("M").Register("M", "B1").Post("M", "B1", PartyPost.CommitteeMember).FirmPost("M", "F3", FirmPost.Partner)
            // A group leader who manages F1: a group leader's post is not a committee seat.
            .FullMember("GL").Register("GL", "B1").Post("GL", "PG", PartyPost.GroupLeader).FirmPost("GL", "F1", FirmPost.Management)
            // J: a probationary member, an activist (registered but not a member) and someone who ceased.
            .Probationary("PR", new LocalDate(2024, 7, 1)).Register("PR", "J", new LocalDate(2024, 7, 1))
            .Person("AC", Standing(MemberStanding.Activist, new LocalDate(2024, 1, 1))).Register("AC", "J")
            .Person("CE", Standing(MemberStanding.FullMember, new LocalDate(2010, 1, 1)), Standing(MemberStanding.Ceased, new LocalDate(2024, 1, 1))).Register("CE", "J")
            // OLD's only member, registered until the branch was dissolved.
            .FullMember("OM").Register("OM", "OLD", new LocalDate(2015, 1, 1), OldDissolved.PlusDays(-1))
            .Build();

    private static IEnumerable<string> Ids(IEnumerable<Person> people) => people.Select(p => p.Id.Value);

    private static IEnumerable<string> Ids(IEnumerable<PartyOrganization> organizations) => organizations.Select(o => o.Id.Value);

    [Fact]
    public void MembersOf_follows_a_transfer_day_by_day()
    {
        Ids(City.MembersOf(O("B1"), DayBefore)).Should().Contain("T");
        Ids(City.MembersOf(O("B2"), DayBefore)).Should().NotContain("T");
        Ids(City.MembersOf(O("B1"), TransferDay)).Should().NotContain("T");
        Ids(City.MembersOf(O("B2"), TransferDay)).Should().Equal("T");
    }

    [Fact]
    public void RegistrationOf_names_the_organization_holding_the_registration_on_the_day()
    {
        City.RegistrationOf(P("T"), DayBefore)!.OrganizationId.Should().Be(O("B1"));
        City.RegistrationOf(P("T"), TransferDay)!.OrganizationId.Should().Be(O("B2"));
        City.RegistrationOf(P("T"), new LocalDate(2014, 12, 31)).Should().BeNull();
        City.RegistrationOf(P("NOBODY"), TransferDay).Should().BeNull();
    }

    [Fact]
    public void RegistrationHistoryOf_lists_the_transfer_oldest_first()
    {
        var history = City.RegistrationHistoryOf(P("T"));

        history.Select(r => r.OrganizationId.Value).Should().Equal("B1", "B2");
        history[0].To.Should().Be(DayBefore);
        history[1].From.Should().Be(TransferDay);
        history[1].To.Should().BeNull();
        City.RegistrationHistoryOf(P("NOBODY")).Should().BeEmpty();
    }

    [Fact]
    public void SecretaryOf_changes_on_the_handover_day()
    {
        City.SecretaryOf(O("B1"), Handover.PlusDays(-1))!.PersonId.Should().Be(P("S1"));
        City.SecretaryOf(O("B1"), Handover)!.PersonId.Should().Be(P("S2"));
        City.SecretaryOf(O("B1"), new LocalDate(2014, 12, 31)).Should().BeNull();
        City.SecretaryOf(O("B2"), Handover).Should().BeNull();
    }

    [Fact]
    public void CommitteeOf_and_HasCommittee_read_the_seats_held_on_the_day()
    {
        City.CommitteeOf(O("B1"), Handover).Select(p => p.PersonId.Value).Should().BeEquivalentTo("S2", "M");
        City.HasCommittee(O("B1"), Handover).Should().BeFalse("two people in seats are not a committee: 3 or more (《支部工作条例》第六章)");
        City.HasCommittee(O("B2"), Handover).Should().BeFalse();
        City.PartyPostsOf(P("GL"), Handover).Should().ContainSingle().Which.Post.Should().Be(PartyPost.GroupLeader);
    }

    [Fact]
    public void MembersOf_counts_only_members_and_not_activists_or_people_who_ceased()
    {
        var day = new LocalDate(2025, 1, 1);

        Ids(City.MembersOf(O("J"), day)).Should().Equal("PR");
        Ids(City.MembersOf(O("J"), new LocalDate(2023, 12, 31))).Should().Equal("CE");
    }

    [Fact]
    public void MembersOf_with_includeSubtree_gathers_members_registered_below()
    {
        var day = new LocalDate(2025, 1, 1);

        City.MembersOf(O("G"), day).Should().BeEmpty("nobody is registered with the general branch itself");
        Ids(City.MembersOf(O("G"), day, includeSubtree: true)).Should().BeEquivalentTo("S1", "S2", "M", "GL");
        Ids(City.MembersOf(O(Committee), day, includeSubtree: true)).Should().BeEquivalentTo("S1", "S2", "M", "GL", "T", "PR");
        Ids(City.MembersOf(O(Committee), new LocalDate(2019, 12, 31), includeSubtree: true)).Should().Contain("OM");
    }

    [Fact]
    public void SubtreeOf_lists_parents_first_and_leaves_out_dissolved_organizations()
    {
        var subtree = Ids(City.SubtreeOf(O(Committee), new LocalDate(2025, 1, 1))).ToList();

        subtree.Should().BeEquivalentTo(Committee, "G", "B1", "PG", "B2", "J");
        subtree[0].Should().Be(Committee);
        subtree.IndexOf("G").Should().BeLessThan(subtree.IndexOf("B1"));
        subtree.IndexOf("B1").Should().BeLessThan(subtree.IndexOf("PG"));

        Ids(City.SubtreeOf(O(Committee), OldDissolved.PlusDays(-1))).Should().Contain("OLD");
        City.SubtreeOf(O("OLD"), OldDissolved).Should().BeEmpty();
        Ids(City.SubtreeOf(O("G"), new LocalDate(2025, 1, 1))).Should().Equal("G", "B1", "PG");
    }

    [Fact]
    public void ChildrenOf_leaves_out_dissolved_organizations()
    {
        Ids(City.ChildrenOf(O(Committee), OldDissolved)).Should().BeEquivalentTo("G", "B2", "J");
        Ids(City.ChildrenOf(O(Committee), OldDissolved.PlusDays(-1))).Should().BeEquivalentTo("G", "B2", "J", "OLD");
        Ids(City.ChildrenOf(O("B1"), OldDissolved)).Should().Equal("PG");
        City.ChildrenOf(O("PG"), OldDissolved).Should().BeEmpty();
    }

    [Fact]
    public void An_organization_does_not_exist_before_it_was_established()
    {
        City.ChildrenOf(O(Committee), new LocalDate(2011, 12, 31)).Should().BeEmpty();
        City.GetOrganization(O("OLD")).ExistsOn(OldDissolved).Should().BeFalse();
        City.GetOrganization(O("OLD")).Lifetime.End.Should().Be(OldDissolved.PlusDays(-1));
    }

    [Fact]
    public void FirmsCoveredBy_and_OrganizationsCovering_answer_both_ways()
    {
        var day = new LocalDate(2025, 1, 1);

        City.FirmsCoveredBy(O("J"), day).Select(f => f.Value).Should().BeEquivalentTo("F3", "F4");
        City.FirmsCoveredBy(O("B2"), day).Should().Equal(F("F2"));
        City.FirmsCoveredBy(O("PG"), day).Should().BeEmpty();
        Ids(City.OrganizationsCovering(F("F1"), day)).Should().BeEquivalentTo("G", "B1");
        City.OrganizationsCovering(F("F1"), new LocalDate(2014, 12, 31)).Should().BeEmpty();
    }

    [Fact]
    public void EmploymentOf_follows_the_lawyer_across_firms()
    {
        City.EmploymentOf(P("T"), DayBefore)!.FirmId.Should().Be(F("F1"));
        City.EmploymentOf(P("T"), TransferDay)!.FirmId.Should().Be(F("F2"));
        City.EmploymentOf(P("S1"), TransferDay).Should().BeNull();
        City.EmploymentHistoryOf(P("T")).Select(e => e.FirmId.Value).Should().Equal("F1", "F2");
        City.EmploymentsAt(F("F2"), TransferDay).Should().ContainSingle().Which.PersonId.Should().Be(P("T"));
        City.EmploymentsAt(F("F2"), DayBefore).Should().BeEmpty();
    }

    [Fact]
    public void DirectorOf_and_FirmPostsOf_read_firm_posts_on_the_day()
    {
        City.DirectorOf(F("F1"), new LocalDate(2020, 1, 1))!.PersonId.Should().Be(P("S2"));
        City.DirectorOf(F("F1"), new LocalDate(2019, 12, 31)).Should().BeNull();
        City.DirectorOf(F("F3"), new LocalDate(2020, 1, 1)).Should().BeNull("F3 has a partner but no director");
        City.FirmPostsOf(P("M"), new LocalDate(2020, 1, 1)).Should().ContainSingle().Which.Post.Should().Be(FirmPost.Partner);
    }

    [Fact]
    public void CrossAppointments_pair_a_committee_seat_with_a_post_in_a_covered_firm()
    {
        var appointments = City.CrossAppointments(new LocalDate(2025, 1, 1));

        appointments.Should().ContainSingle().Which.Should().Be(
            new CrossAppointment(P("S2"), O("B1"), PartyPost.Secretary, F("F1"), FirmPost.Director));
        City.CrossAppointments(new LocalDate(2022, 12, 31)).Should().BeEmpty("S1 held the seat then and has no firm post");
    }

    [Fact]
    public void Lookups_by_id_find_records_or_say_they_are_missing()
    {
        City.GetPerson(P("T")).Name.Should().Be("人员T");
        City.GetFirm(F("F1")).Name.Should().Be("F1律师事务所");
        City.GetOrganization(O("J")).Kind.Should().Be(OrganizationKind.JointBranch);
        City.TryGetPerson(P("NOBODY"), out _).Should().BeFalse();
        City.TryGetFirm(F("F9"), out _).Should().BeFalse();
        City.TryGetOrganization(O("B1"), out var b1).Should().BeTrue();
        b1!.ParentId.Should().Be(O("G"));

        var act = () => City.GetOrganization(O("NOPE"));
        act.Should().Throw<KeyNotFoundException>().WithMessage("*NOPE*信阳市*");
        ((Action)(() => City.GetPerson(P("NOPE")))).Should().Throw<KeyNotFoundException>();
        ((Action)(() => City.GetFirm(F("NOPE")))).Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void The_dataset_keeps_the_city_and_today_from_the_builder()
    {
        City.City.Should().Be(Info);
        City.Today.Should().Be(DefaultToday);
        City.Organizations.Should().HaveCount(7);
        City.Firms.Should().HaveCount(4);
    }

    [Fact]
    public void Histories_are_read_only_views()
    {
        var history = City.RegistrationHistoryOf(P("T"));

        history.Should().NotBeAssignableTo<IList<MembershipRegistration>>();
        history.Should().HaveCount(2);
        var act = () => history[2];
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Records_added_to_the_builder_after_Build_do_not_change_the_dataset()
    {
        var builder = new TestCity().Branch("B").FullMember("A").Register("A", "B").Builder();
        var dataset = builder.Build();

        builder.Add(new PartyOrganization { Id = O("LATE"), Name = "后加", Kind = OrganizationKind.Branch, ParentId = O(Committee), Established = new LocalDate(2020, 1, 1) });
        builder.Add(new MembershipRegistration { PersonId = P("A"), OrganizationId = O("LATE"), From = new LocalDate(2020, 1, 1) });

        dataset.Organizations.Should().HaveCount(2);
        dataset.Registrations.Should().ContainSingle();
        dataset.TryGetOrganization(O("LATE"), out _).Should().BeFalse();
        dataset.ChildrenOf(O(Committee), DefaultToday).Select(o => o.Id.Value).Should().Equal("B");
        dataset.RegistrationHistoryOf(P("A")).Should().ContainSingle();
        builder.Validate().Should().ContainSingle(p => p.Code == "overlap", "the builder itself does see the new records");
    }
}
