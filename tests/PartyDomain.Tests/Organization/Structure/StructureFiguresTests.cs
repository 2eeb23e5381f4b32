using PartyDomain.Data;
using PartyDomain.Figures;
using PartyDomain.Organization;
using PartyDomain.Organization.Structure;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Tests.Organization.Structure;

public class StructureFiguresTests
{
    private static readonly LocalDate YearEnd = new(2024, 12, 31);

    /// <summary>
    /// As of 2024-12-31:
    /// branches B1 (covers F1), B2 under general branch G (covers F2), joint branch J (covers F3, F4); OLD dissolved in 2023.
    /// F1: director D1 is B1's secretary (counts for F4). F2: B2's secretary is only a partner (does not count).
    /// F3: director D3 is J's secretary (counts). F5 closed in 2023.
    /// Practising members: D1, P2, D3, PR (probationary), MV (moved F1 → F2 during 2024) = 5;
    /// not counted: AC (activist), CE (ceased), RO (member, registered but not practising), NM (not a member),
    /// LF (member who left practice on 2024-12-30), NEW (joins in 2025).
    /// Charters: F1 (2020), F4 (2018) of the 4 practising firms F1–F4; F2's charter dates from 2025, F5 is closed.
    /// </summary>
    private static CityDataset BuildCity() =>
        new TestCity()
            .GeneralBranch("G", established: new LocalDate(2012, 1, 1))
            .Branch("B1", established: new LocalDate(2012, 1, 1))
            .Branch("B2", "G", new LocalDate(2012, 1, 1))
            .Organization("J", OrganizationKind.JointBranch, Committee, new LocalDate(2012, 1, 1))
            .Branch("OLD", established: new LocalDate(2012, 1, 1), dissolved: new LocalDate(2023, 1, 1))
            .Firm("F1", charterSince: new LocalDate(2020, 1, 1))
            .Firm("F2", charterSince: new LocalDate(2025, 1, 1))
            .Firm("F3")
            .Firm("F4", charterSince: new LocalDate(2018, 1, 1))
            .Firm("F5", founded: new LocalDate(2012, 1, 1), closed: new LocalDate(2023, 6, 1), charterSince: new LocalDate(2019, 1, 1))
            .Cover("B1", "F1").Cover("G", "F2").Cover("B2", "F2").Cover("J", "F3").Cover("J", "F4")
            .FullMember("D1").Employ("D1", "F1").Director("D1", "F1").Secretary("D1", "B1").Register("D1", "B1")
            .FullMember("P2").Employ("P2", "F2").FirmPost("P2", "F2", FirmPost.Partner).Secretary("P2", "B2").Register("P2", "B2")
            .NonMember("D2").Employ("D2", "F2").Director("D2", "F2")
            .FullMember("D3").Employ("D3", "F3").Director("D3", "F3").Secretary("D3", "J").Register("D3", "J")
            .Probationary("PR", new LocalDate(2024, 7, 1)).Employ("PR", "F4")
            .FullMember("MV").Employ("MV", "F1", to: new LocalDate(2024, 5, 31)).Employ("MV", "F2", new LocalDate(2024, 6, 1))
            .Person("AC", Standing(MemberStanding.Activist, new LocalDate(2023, 1, 1))).Employ("AC", "F3")
            .Person("CE", Standing(MemberStanding.FullMember, new LocalDate(2010, 1, 1)), Standing(MemberStanding.Ceased, new LocalDate(2024, 3, 1))).Employ("CE", "F4")
            .FullMember("RO").Register("RO", "B1")
            .NonMember("NM").Employ("NM", "F1")
            .FullMember("LF").Employ("LF", "F4", to: new LocalDate(2024, 12, 30))
            .FullMember("NEW").Employ("NEW", "F4", new LocalDate(2025, 1, 1))
            .Build();

    private static readonly IReadOnlyList<Figure> Figures = StructureFigures.Compute(BuildCity(), YearEnd);

    private static Figure Get(string id) => Figures.Single(f => f.Id == id);

    [Fact]
    public void The_four_organization_figures_are_computed_in_order()
    {
        Figures.Select(f => f.Id).Should().Equal("F2", "F3", "F4", "F6");
        Figures.Should().OnlyContain(f => f.Basis.Chinese.Contains("2024-12-31") && f.Basis.English.Contains("2024-12-31"));
    }

    [Fact]
    public void F2_counts_branches_and_joint_branches_existing_at_the_date()
    {
        var f2 = Get("F2");

        f2.Value.Should().Be(3, "B1, B2 and J; not the general branch, the committee or the dissolved branch");
        f2.Unit.Chinese.Should().Be("个");
        f2.Share.Should().BeNull();
    }

    [Fact]
    public void F3_counts_distinct_practising_members()
    {
        var f3 = Get("F3");

        f3.Value.Should().Be(5, "D1, P2, D3, PR and MV (once, though at two firms during the year)");
        f3.Unit.Chinese.Should().Be("人");
    }

    [Fact]
    public void F4_counts_branches_whose_secretary_directs_a_covered_firm_as_a_share_of_F2()
    {
        var f4 = Get("F4");

        f4.Value.Should().Be(2, "B1 (D1 directs F1) and J (D3 directs F3)");
        f4.Share.Should().NotBeNull();
        f4.Share!.Numerator.Should().Be(2);
        f4.Share.Denominator.Should().Be(3);
        f4.Share.ToString().Should().Be("66.7%");
        f4.ToString().Should().Be("F4 = 2 个 (66.7%)");
    }

    [Fact]
    public void F6_counts_practising_firms_whose_charter_includes_party_building()
    {
        var f6 = Get("F6");

        f6.Value.Should().Be(2, "F1 and F4");
        f6.Share!.Numerator.Should().Be(2);
        f6.Share.Denominator.Should().Be(4, "F1–F4 practise; F5 closed in 2023");
        f6.Share.Value.Should().Be(0.5m);
        f6.ToString().Should().Be("F6 = 2 家 (50.0%)");
    }

    [Fact]
    public void The_figures_move_with_the_date()
    {
        var figures = StructureFigures.Compute(BuildCity(), new LocalDate(2025, 1, 1));

        figures.Single(f => f.Id == "F3").Value.Should().Be(6, "NEW joins; LF, who left on 2024-12-30, was not counted at the year end either");
        figures.Single(f => f.Id == "F6").Value.Should().Be(3, "F2's charter includes party building from 2025");
    }

    [Fact]
    public void An_empty_city_has_zero_figures_and_no_share()
    {
        var figures = StructureFigures.Compute(new TestCity().Build(), YearEnd);

        figures.Select(f => f.Value).Should().Equal(0m, 0m, 0m, 0m);
        figures.Single(f => f.Id == "F4").Share!.Value.Should().BeNull();
        figures.Single(f => f.Id == "F4").ToString().Should().Be("F4 = 0 个 (—)");
    }
}
