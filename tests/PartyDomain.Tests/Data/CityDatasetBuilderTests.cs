using PartyDomain.Data;
using PartyDomain.Organization;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Tests.Data;

public class CityDatasetBuilderTests
{
    /// <summary>A valid credit code: the first 17 characters with their computed check character.</summary>
    private static readonly string ValidCode = WithCheck("91411500MA0000001");

    private static string WithCheck(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

    /// <summary>The problem with this code, entity and key; fails when there is none or more than one.</summary>
    private static DatasetProblem Single(IReadOnlyList<DatasetProblem> problems, string code, string entity, string key) =>
        problems.Should().ContainSingle(p => p.Code == code && p.Entity == entity && p.Key == key,
            $"a {code} problem on {entity} [{key}] is expected among:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}").Subject;

    /// <summary>A city with one of every kind of problem; every one must be reported together.</summary>
    private static TestCity CityWithManyProblems() =>
        new TestCity()
            .Branch("B1").Branch("B2")
            .Firms("F1", "F2")
            .FullMember("P1").FullMember("P2").FullMember("P3").FullMember("P4").FullMember("P5").FullMember("P6").FullMember("P7")
            // 1. Duplicate ids.
            .Branch("B1")
            .Firm("F1")
            .FullMember("P1")
            // 2. Unknown references: parent, person, organization, firm.
            .Branch("BX", parent: "NOPE")
            .Register("GHOST", "B1", origin: new RecordOrigin("members.csv", 12))
            .Register("P2", "NOORG")
            .Employ("P3", "NOFIRM")
            // 3. A secretary post held by two people at once.
            .Secretary("P4", "B1", new LocalDate(2020, 1, 1))
            .Secretary("P5", "B1", new LocalDate(2022, 1, 1))
            // 4. A member registered in two places at once.
            .Register("P6", "B1", new LocalDate(2020, 1, 1))
            .Register("P6", "B2", new LocalDate(2021, 1, 1))
            // 5. A lawyer at two firms at once.
            .Employ("P7", "F1", new LocalDate(2020, 1, 1))
            .Employ("P7", "F2", new LocalDate(2021, 1, 1))
            // 6. End before start.
            .Employ("P1", "F1", new LocalDate(2021, 5, 1), new LocalDate(2021, 4, 30))
            // 7. Dates after today (2025-06-15 in Shanghai).
            .Firm("FUT", founded: new LocalDate(2025, 6, 16))
            .Person("PF", Standing(MemberStanding.ProbationaryMember, new LocalDate(2025, 6, 16)))
            // 8. A record outside its organization's life.
            .Branch("OLD", established: new LocalDate(2012, 1, 1), dissolved: new LocalDate(2018, 1, 1))
            .FullMember("P8").Register("P8", "OLD", new LocalDate(2017, 1, 1))
            // 9. A parent of the wrong kind.
            .Branch("BB", parent: "B1")
            // 10. A parent cycle (two general branches, each the other's parent).
            .Organization("X1", OrganizationKind.GeneralBranch, "X2")
            .Organization("X2", OrganizationKind.GeneralBranch, "X1")
            // 11. An invalid credit code.
            .Firm("FC", creditCode: "91411500MA0000001" + Other(UnifiedSocialCreditCode.CheckCharacter("91411500MA0000001")!.Value))
            // 12. Standings out of order.
            .Person("PO", Standing(MemberStanding.FullMember, new LocalDate(2020, 1, 1)), Standing(MemberStanding.ProbationaryMember, new LocalDate(2019, 1, 1)));

    private static char Other(char c) => c == '0' ? '1' : '0';

    [Fact]
    public void Every_problem_is_reported_together_naming_entity_key_field_and_code()
    {
        var problems = CityWithManyProblems().Validate();

        Single(problems, "duplicate-id", "PartyOrganization", "B1").Field.Should().Be("Id");
        Single(problems, "duplicate-id", "LawFirm", "F1").Field.Should().Be("Id");
        Single(problems, "duplicate-id", "Person", "P1").Field.Should().Be("Id");

        var parent = Single(problems, "unknown-reference", "PartyOrganization", "BX");
        parent.Field.Should().Be("ParentId");
        parent.Value.Should().Be("NOPE");
        var person = Single(problems, "unknown-reference", "MembershipRegistration", "GHOST → B1 2015-01-01");
        person.Field.Should().Be("PersonId");
        person.Value.Should().Be("GHOST");
        var organization = Single(problems, "unknown-reference", "MembershipRegistration", "P2 → NOORG 2015-01-01");
        organization.Field.Should().Be("OrganizationId");
        organization.Value.Should().Be("NOORG");
        var firm = Single(problems, "unknown-reference", "FirmEmployment", "P3 @ NOFIRM 2015-01-01");
        firm.Field.Should().Be("FirmId");
        firm.Value.Should().Be("NOFIRM");

        var secretary = Single(problems, "overlap", "PartyPostHolding", "P5 secretary @ B1 2022-01-01");
        secretary.Field.Should().Be("From");
        secretary.Value.Should().Be("2022-01-01");
        secretary.Message.English.Should().Contain("held by two people at once").And.Contain("P4 secretary @ B1 2020-01-01");

        var registered = Single(problems, "overlap", "MembershipRegistration", "P6 → B2 2021-01-01");
        registered.Message.English.Should().Contain("registered in two places at once").And.Contain("P6 → B1 2020-01-01");

        var employed = Single(problems, "overlap", "FirmEmployment", "P7 @ F2 2021-01-01");
        employed.Message.English.Should().Contain("two firms at once");

        var end = Single(problems, "end-before-start", "FirmEmployment", "P1 @ F1 2021-05-01");
        end.Field.Should().Be("To");
        end.Value.Should().Be("2021-04-30");

        var founded = Single(problems, "future-date", "LawFirm", "FUT");
        founded.Field.Should().Be("Founded");
        founded.Value.Should().Be("2025-06-16");
        founded.Message.English.Should().Contain("2025-06-15");
        Single(problems, "future-date", "Person", "PF").Field.Should().Be("Standings");

        var outside = Single(problems, "outside-lifetime", "MembershipRegistration", "P8 → OLD 2017-01-01");
        outside.Field.Should().Be("OrganizationId");
        outside.Value.Should().Be("OLD");
        outside.Message.English.Should().Contain("2012-01-01..2017-12-31");

        var kind = Single(problems, "invalid-parent", "PartyOrganization", "BB");
        kind.Field.Should().Be("ParentId");
        kind.Value.Should().Be("B1");

        Single(problems, "cycle", "PartyOrganization", "X1").Field.Should().Be("ParentId");
        Single(problems, "cycle", "PartyOrganization", "X2").Value.Should().Be("X1");

        var code = Single(problems, "invalid-format", "LawFirm", "FC");
        code.Field.Should().Be("CreditCode");
        code.Value.Should().HaveLength(18);
        code.Message.English.Should().Contain("GB 32100-2015");

        var order = Single(problems, "out-of-order", "Person", "PO");
        order.Field.Should().Be("Standings");
        order.Value.Should().Be("ProbationaryMember 2019-01-01");

        problems.Should().OnlyContain(p => p.Message.Chinese.Length > 0 && p.Message.English.Length > 0);
    }

    [Fact]
    public void Build_throws_one_exception_listing_the_problems()
    {
        var builder = CityWithManyProblems().Builder();
        var problems = builder.Validate();

        var act = () => builder.Build();

        var exception = act.Should().Throw<DatasetValidationException>().Which;
        exception.Problems.Should().HaveCount(problems.Count).And.BeEquivalentTo(problems);
        problems.Count.Should().BeGreaterThan(20);
        exception.Message.Should().StartWith($"The city dataset has {problems.Count} integrity problem(s):");
        exception.Message.Should().Contain(problems[0].Describe(TextLanguage.English));
        exception.Message.Should().Contain(problems[19].Describe(TextLanguage.English));
        exception.Message.Should().NotContain(problems[20].Describe(TextLanguage.English), "only the first 20 problems are spelled out");
        exception.Message.Should().Contain($"… and {problems.Count - 20} more");
    }

    [Fact]
    public void The_exception_message_lists_every_problem_when_there_are_few()
    {
        var builder = new TestCity().Branch("B", parent: "NOPE").Employ("NOBODY", "NOFIRM").Builder();

        var exception = builder.Invoking(b => b.Build()).Should().Throw<DatasetValidationException>().Which;

        exception.Problems.Should().HaveCount(3);
        exception.Message.Should().Contain("3 integrity problem(s)")
            .And.Contain("PartyOrganization [B] ParentId = 'NOPE'")
            .And.Contain("FirmEmployment [NOBODY @ NOFIRM 2015-01-01] PersonId = 'NOBODY'")
            .And.Contain("FirmEmployment [NOBODY @ NOFIRM 2015-01-01] FirmId = 'NOFIRM'")
            .And.NotContain("more");
    }

    [Fact]
    public void TryBuild_returns_null_and_every_problem()
    {
        var builder = CityWithManyProblems().Builder();

        var dataset = builder.TryBuild(out var problems);

        dataset.Should().BeNull();
        problems.Should().BeEquivalentTo(builder.Validate());
    }

    [Fact]
    public void Clean_data_builds_and_TryBuild_reports_no_problems()
    {
        var city = new TestCity().Firm("F1", creditCode: ValidCode).BranchOf("B", "F1").Members("A", full: 3, registeredAt: "B", employedAt: "F1");

        city.Validate().Should().BeEmpty();
        city.Builder().TryBuild(out var problems).Should().NotBeNull();
        problems.Should().BeEmpty();
        city.Build().People.Should().HaveCount(3);
    }

    [Fact]
    public void The_origin_of_a_record_appears_in_the_description_of_its_problem()
    {
        var problems = CityWithManyProblems().Validate();

        var ghost = Single(problems, "unknown-reference", "MembershipRegistration", "GHOST → B1 2015-01-01");

        ghost.Origin.Should().Be(new RecordOrigin("members.csv", 12));
        ghost.Describe(TextLanguage.English).Should().Be("members.csv row 12: MembershipRegistration [GHOST → B1 2015-01-01] PersonId = 'GHOST': refers to an unknown person");
        ghost.Describe(TextLanguage.Chinese).Should().StartWith("members.csv row 12: ").And.EndWith("引用了不存在的人员");
        ghost.ToString().Should().Be(ghost.Describe(TextLanguage.Chinese));
    }

    [Fact]
    public void An_origin_without_a_row_names_the_source_only_and_no_origin_names_nothing()
    {
        new RecordOrigin("platform").ToString().Should().Be("platform");

        var problem = new DatasetProblem("missing-value", "Person", "P1", "Name", null, new("必填项为空", "a required value is empty"), null);
        problem.Describe(TextLanguage.English).Should().Be("Person [P1] Name: a required value is empty");
    }

    [Fact]
    public void Today_is_read_from_the_clock_in_Shanghai()
    {
        // 2025-06-15T17:00Z is already 2025-06-16 in Shanghai.
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2025, 6, 15, 17, 0));
        var records = new TestCity().Firm("F1", founded: new LocalDate(2025, 6, 16)).Records;

        new CityDatasetBuilder(Info, clock).Today.Should().Be(new LocalDate(2025, 6, 16));
        new CityDatasetBuilder(Info, clock).AddRange(records).Validate().Should().BeEmpty();
        new CityDatasetBuilder(Info, clock, DateTimeZone.Utc).AddRange(records).Validate()
            .Should().ContainSingle(p => p.Code == "future-date" && p.Key == "F1");
    }

    [Fact]
    public void Records_that_merely_touch_do_not_overlap()
    {
        var city = new TestCity().Branch("B1").Branch("B2").FullMember("A").FullMember("S1").FullMember("S2")
            .Register("A", "B1", to: new LocalDate(2023, 2, 28)).Register("A", "B2", new LocalDate(2023, 3, 1))
            .Secretary("S1", "B1", to: new LocalDate(2022, 12, 31)).Secretary("S2", "B1", new LocalDate(2023, 1, 1));

        city.Validate().Should().BeEmpty();
    }

    [Fact]
    public void A_handover_recorded_on_the_same_day_by_both_holders_overlaps()
    {
        var problems = new TestCity().Branch("B").FullMember("S1").FullMember("S2")
            .Secretary("S1", "B", to: new LocalDate(2023, 1, 1)).Secretary("S2", "B", new LocalDate(2023, 1, 1)).Validate();

        Single(problems, "overlap", "PartyPostHolding", "S2 secretary @ B 2023-01-01");
    }

    [Fact]
    public void Deputies_and_committee_members_may_be_many_but_one_person_holds_a_seat_once()
    {
        var problems = new TestCity().Branch("B").FullMember("D1").FullMember("D2")
            .Post("D1", "B", PartyPost.DeputySecretary).Post("D2", "B", PartyPost.DeputySecretary)
            .Post("D1", "B", PartyPost.CommitteeMember, new LocalDate(2016, 1, 1)).Post("D1", "B", PartyPost.CommitteeMember, new LocalDate(2017, 1, 1))
            .Validate();

        problems.Should().ContainSingle().Which.Key.Should().Be("D1 committee-member @ B 2017-01-01");
    }

    [Fact]
    public void A_firm_has_one_director_at_a_time()
    {
        var problems = new TestCity().Firm("F1").NonMember("D1").NonMember("D2")
            .Director("D1", "F1").Director("D2", "F1", new LocalDate(2020, 1, 1)).Validate();

        Single(problems, "overlap", "FirmPostHolding", "D2 director @ F1 2020-01-01").Message.English.Should().Contain("two directors");
    }

    [Fact]
    public void A_non_root_organization_needs_a_parent()
    {
        var problems = new TestCity().Organization("B", OrganizationKind.Branch, parent: null).Validate();

        Single(problems, "missing-value", "PartyOrganization", "B").Field.Should().Be("ParentId");
    }

    [Fact]
    public void An_organization_that_points_into_a_cycle_is_reported_too()
    {
        var problems = new TestCity()
            .Organization("X1", OrganizationKind.GeneralBranch, "X2")
            .Organization("X2", OrganizationKind.GeneralBranch, "X1")
            .Organization("B", OrganizationKind.Branch, "X1")
            .Validate();

        problems.Where(p => p.Code == "cycle").Select(p => p.Key).Should().BeEquivalentTo("X1", "X2", "B");
    }

    [Fact]
    public void An_organization_that_is_its_own_parent_is_a_cycle()
    {
        var problems = new TestCity().Organization("G", OrganizationKind.GeneralBranch, "G").Validate();

        Single(problems, "cycle", "PartyOrganization", "G");
        Single(problems, "invalid-parent", "PartyOrganization", "G");
    }

    [Fact]
    public void A_child_cannot_outlive_its_parent()
    {
        var problems = new TestCity()
            .GeneralBranch("G", established: new LocalDate(2012, 1, 1), dissolved: new LocalDate(2020, 1, 1))
            .Branch("B", "G", new LocalDate(2012, 1, 1))
            .Branch("EARLY", established: new LocalDate(2009, 1, 1))
            .Validate();

        Single(problems, "outside-lifetime", "PartyOrganization", "B").Field.Should().Be("Established");
        Single(problems, "outside-lifetime", "PartyOrganization", "EARLY");
    }

    [Fact]
    public void Only_branches_hold_registrations_and_only_groups_have_leaders()
    {
        var problems = new TestCity().Branch("B").PartyGroup("G", "B").FullMember("A").FullMember("L")
            .Register("A", "G")
            .Post("L", "B", PartyPost.GroupLeader)
            .Post("A", "G", PartyPost.Secretary)
            .Validate();

        Single(problems, "invalid-kind", "MembershipRegistration", "A → G 2015-01-01").Field.Should().Be("OrganizationId");
        Single(problems, "invalid-kind", "PartyPostHolding", "L group-leader @ B 2015-01-01").Field.Should().Be("Post");
        Single(problems, "invalid-kind", "PartyPostHolding", "A secretary @ G 2015-01-01");
    }

    [Fact]
    public void Only_firm_organizations_cover_firms()
    {
        var problems = new TestCity().Firm("F1").Cover(Committee, "F1").Validate();

        Single(problems, "invalid-kind", "FirmCoverage", "C ⊃ F1 2015-01-01").Value.Should().Be(Committee);
    }

    [Fact]
    public void Records_must_fall_inside_a_firms_life()
    {
        var problems = new TestCity()
            .Firm("F1", founded: new LocalDate(2018, 1, 1), closed: new LocalDate(2022, 1, 1))
            .NonMember("A").Employ("A", "F1", new LocalDate(2018, 1, 1))            // still open after the firm closed
            .NonMember("B").Employ("B", "F1", new LocalDate(2017, 1, 1), new LocalDate(2019, 1, 1)) // before it was founded
            .NonMember("C").Employ("C", "F1", new LocalDate(2018, 1, 1), new LocalDate(2021, 12, 31)) // fine
            .Validate();

        problems.Where(p => p.Code == "outside-lifetime").Select(p => p.Key).Should().BeEquivalentTo("A @ F1 2018-01-01", "B @ F1 2017-01-01");
    }

    [Fact]
    public void Firm_dates_are_checked()
    {
        var problems = new TestCity()
            .Firm("F1", founded: new LocalDate(2020, 1, 1), closed: new LocalDate(2020, 1, 1))
            .Firm("F2", founded: new LocalDate(2020, 1, 1), charterSince: new LocalDate(2019, 1, 1))
            .Validate();

        Single(problems, "end-before-start", "LawFirm", "F1").Field.Should().Be("Closed");
        Single(problems, "outside-lifetime", "LawFirm", "F2").Field.Should().Be("CharterIncludesPartyBuildingSince");
    }

    [Fact]
    public void Two_firms_cannot_share_a_credit_code()
    {
        var problems = new TestCity().Firm("F1", creditCode: ValidCode).Firm("F2", creditCode: ValidCode).Validate();

        var duplicate = Single(problems, "duplicate-value", "LawFirm", "F2");
        duplicate.Field.Should().Be("CreditCode");
        duplicate.Message.English.Should().Contain("F1");
    }

    [Fact]
    public void Elections_are_checked_for_organization_term_and_date()
    {
        var problems = new TestCity()
            .Branch("B", established: new LocalDate(2018, 1, 1))
            .Election("NOPE", new LocalDate(2020, 1, 1))
            .Election("B", new LocalDate(2017, 1, 1))
            .Election("B", new LocalDate(2020, 1, 1), termYears: 0)
            .Election("B", new LocalDate(2025, 7, 1))
            .Validate();

        Single(problems, "unknown-reference", "CommitteeElection", "NOPE 2020-01-01");
        Single(problems, "outside-lifetime", "CommitteeElection", "B 2017-01-01");
        Single(problems, "invalid-value", "CommitteeElection", "B 2020-01-01").Field.Should().Be("TermYears");
        Single(problems, "future-date", "CommitteeElection", "B 2025-07-01");
    }

    [Fact]
    public void A_standing_change_before_birth_and_two_on_one_day_are_out_of_order()
    {
        var problems = new TestCity()
            .Add(new Person
            {
                Id = P("Y"),
                Name = "年轻人",
                BirthDate = new LocalDate(2000, 1, 1),
                Standings = [Standing(MemberStanding.Applicant, new LocalDate(1999, 1, 1))],
            })
            .Person("Z", Standing(MemberStanding.Applicant, new LocalDate(2020, 1, 1)), Standing(MemberStanding.Activist, new LocalDate(2020, 1, 1)))
            .Validate();

        Single(problems, "out-of-order", "Person", "Y").Message.English.Should().Contain("before the person's birth");
        Single(problems, "out-of-order", "Person", "Z");
    }

    [Fact]
    public void Required_text_must_not_be_blank()
    {
        var problems = new TestCity()
            .Add(new Person { Id = P("N"), Name = " ", Lawyer = new LawyerProfile("") })
            .Validate();

        problems.Where(p => p.Key == "N").Select(p => p.Field).Should().BeEquivalentTo("Name", "Lawyer.CertificateNumber");
    }

    [Fact]
    public void A_null_standing_list_is_reported()
    {
        var problems = new TestCity().Add(new Person { Id = P("N"), Name = "某人", Standings = null! }).Validate();

        Single(problems, "missing-value", "Person", "N").Field.Should().Be("Standings");
    }

    [Fact]
    public void AddRange_rejects_records_it_does_not_take()
    {
        var builder = new CityDatasetBuilder(Info, DefaultToday);

        var act = () => builder.AddRange([new ForeignRecord()]);

        act.Should().Throw<ArgumentException>().WithMessage("*ForeignRecord*");
    }

    private sealed record ForeignRecord : DatasetRecord;
}

public class CityDatasetBuilderRobustnessTests
{
    [Fact]
    public void A_dissolved_on_established_organization_with_a_registration_is_reported_not_thrown()
    {
        var city = new TestCity()
            .Branch("B", established: new LocalDate(2020, 1, 1), dissolved: new LocalDate(2020, 1, 1))
            .FullMember("A").Register("A", "B", new LocalDate(2020, 1, 1), new LocalDate(2020, 1, 1));

        var act = () => city.Validate();

        act.Should().NotThrow().Which.Should().Contain(p => p.Code == "end-before-start" && p.Key == "B");
    }

    [Fact]
    public void A_closed_firm_without_a_founding_date_and_an_employment_after_it_closed_is_reported_not_thrown()
    {
        var city = new TestCity()
            .Firm("F1", closed: new LocalDate(2020, 1, 1))
            .NonMember("A").Employ("A", "F1", new LocalDate(2021, 1, 1));

        var act = () => city.Validate();

        act.Should().NotThrow().Which.Should().Contain(p => p.Code == "outside-lifetime" && p.Key == "A @ F1 2021-01-01");
    }

    [Fact]
    public void A_registration_with_an_unknown_person_and_an_unknown_organization_reports_both()
    {
        var problems = new TestCity().Register("GHOST", "NOORG").Validate();

        problems.Select(p => p.Field).Should().BeEquivalentTo("PersonId", "OrganizationId");
    }

    [Fact]
    public void Records_of_unknown_people_are_reported_each_and_still_checked_for_overlaps()
    {
        // People are numbered once; records whose person is not among them are grouped apart and still checked.
        var problems = new TestCity().Branch("B1").Firm("F1").FullMember("P1")
            .Register("P1", "B1").Employ("P1", "F1")
            .Register("GHOST", "B1", new LocalDate(2015, 1, 1)).Register("GHOST", "B1", new LocalDate(2016, 1, 1))
            .Employ("NOBODY", "F1", new LocalDate(2015, 1, 1)).Employ("NOBODY", "F1", new LocalDate(2016, 1, 1))
            .Validate();

        problems.Where(p => p.Code == "unknown-reference").Select(p => (p.Key, p.Field)).Should().Equal(
            ("GHOST → B1 2015-01-01", "PersonId"), ("GHOST → B1 2016-01-01", "PersonId"),
            ("NOBODY @ F1 2015-01-01", "PersonId"), ("NOBODY @ F1 2016-01-01", "PersonId"));
        problems.Where(p => p.Code == "overlap").Select(p => p.Key).Should().Equal("GHOST → B1 2016-01-01", "NOBODY @ F1 2016-01-01");
    }

    [Fact]
    public void A_person_id_given_three_times_reports_each_later_record()
    {
        var problems = new TestCity().FullMember("P1").FullMember("P2").NonMember("P1").Activist("P1").Validate();

        problems.Should().HaveCount(2).And.OnlyContain(p => p.Code == "duplicate-id" && p.Entity == "Person" && p.Key == "P1");
    }
}
