using System.Text;
using PartyDomain.Organization;
using PartyDomain.Organization.Structure;

namespace PartyDomain.Interchange.Tests;

/// <summary>
/// A city whose branches predate its industry committee: B1 and J1 were founded in 2015 under the bureau's own party
/// committee (BUREAU) and passed to the committee (C) when it was founded on 1 May 2018; B2 was founded under C in 2019.
/// </summary>
public sealed class ReaffiliationImportTests : IDisposable
{
    private static readonly Encoding Utf8Bom = new UTF8Encoding(true);
    private readonly TempFolder _folder = new();

    public ReaffiliationImportTests()
    {
        DatasetFiles.Write(SampleCity.Build(), _folder.Path, DatasetFormat.Csv);
        File.WriteAllText(_folder["organizations.csv"],
            "组织编号,组织名称,组织类别,上级组织编号,成立日期,撤销日期,原上级组织编号,改隶日期\n" +
            "BUREAU,市司法局机关党委,行业党委,,2005-01-01,,,\n" +
            "C,信阳市律师行业党委,行业党委,,2018-05-01,,,\n" +
            "B1,B1党支部,党支部,C,2015-01-01,,BUREAU,2018-05-01\n" +
            "J1,J1联合党支部,联合党支部,C,2015-01-01,,BUREAU,2018-05-01\n" +
            "B2,B2党支部,党支部,C,2019-03-01,,,\n" +
            "G1,G1党小组,党小组,B1,2015-01-01,,,\n", Utf8Bom);
    }

    public void Dispose() => _folder.Dispose();

    private DatasetReadResult Read() => DatasetFiles.Read(_folder.Path, RoundTripTests.Options());

    [Fact]
    public void Branches_older_than_their_committee_import_and_validate()
    {
        var result = Read();

        result.Problems.Should().BeEmpty();
        var b1 = result.Dataset!.GetOrganization(new OrganizationId("B1"));
        b1.FormerParents.Should().Equal(new FormerParent(new OrganizationId("BUREAU"), new LocalDate(2018, 5, 1)));
        b1.ParentOn(new LocalDate(2018, 4, 30)).Should().Be(new OrganizationId("BUREAU"));
        b1.ParentOn(new LocalDate(2018, 5, 1)).Should().Be(new OrganizationId("C"));
    }

    [Fact]
    public void F2_and_the_subtrees_follow_the_parent_of_the_date()
    {
        var dataset = Read().Dataset!;
        int F2(LocalDate day) => (int)StructureFigures.Compute(dataset, day).Single(f => f.Id == "F2").Value!;
        string[] Subtree(string root, LocalDate day) => [.. dataset.SubtreeOf(new OrganizationId(root), day).Select(o => o.Id.Value).Order(StringComparer.Ordinal)];

        var before = new LocalDate(2017, 6, 1);
        var after = new LocalDate(2019, 6, 1);
        F2(before).Should().Be(2, "B1 and J1, under the bureau's committee then");
        F2(after).Should().Be(3, "B1, J1 and B2");
        Subtree("BUREAU", before).Should().Equal("B1", "BUREAU", "G1", "J1");
        Subtree("C", before).Should().BeEmpty("the committee did not exist yet");
        Subtree("C", after).Should().Equal("B1", "B2", "C", "G1", "J1");
        Subtree("BUREAU", after).Should().Equal("BUREAU");
        dataset.ChildrenOf(new OrganizationId("BUREAU"), before).Select(o => o.Id.Value).Should().BeEquivalentTo(["B1", "J1"]);
    }

    [Fact]
    public void The_history_is_written_back_as_it_was_read()
    {
        var dataset = Read().Dataset!;
        using var again = new TempFolder();

        DatasetFiles.Write(dataset, again.Path, DatasetFormat.Csv);
        var reread = DatasetFiles.Read(again.Path, RoundTripTests.Options());

        reread.Problems.Should().BeEmpty();
        reread.Dataset!.GetOrganization(new OrganizationId("J1")).FormerParents.Should().Equal(dataset.GetOrganization(new OrganizationId("J1")).FormerParents);
    }

    [Fact]
    public void Without_the_history_the_old_branches_are_still_rejected_naming_file_row_and_field()
    {
        File.WriteAllText(_folder["organizations.csv"], File.ReadAllText(_folder["organizations.csv"]).Replace(",BUREAU,2018-05-01", ",,", StringComparison.Ordinal), Utf8Bom);

        var result = Read();

        result.Dataset.Should().BeNull();
        result.Problems.Where(p => p.Code == "outside-lifetime").Select(p => (p.Source, p.Row)).Should().Equal(("organizations.csv", 4), ("organizations.csv", 5));
    }

    [Fact]
    public void Ids_and_days_that_do_not_pair_are_an_error_at_the_cell()
    {
        File.WriteAllText(_folder["organizations.csv"], File.ReadAllText(_folder["organizations.csv"]).Replace("B1党支部,党支部,C,2015-01-01,,BUREAU,2018-05-01", "B1党支部,党支部,C,2015-01-01,,BUREAU,", StringComparison.Ordinal), Utf8Bom);

        var problem = Read().Problems.Where(p => p.Code != "skipped").Should().ContainSingle().Subject;

        (problem.Code, problem.Source, problem.Row, problem.Column).Should().Be(("list-mismatch", "organizations.csv", 4, "改隶日期"));
    }
}
