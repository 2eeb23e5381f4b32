using System.Runtime.CompilerServices;
using PartyDomain.Development;
using PartyDomain.Organization;
using PartyDomain.Rules;

namespace PartyDomain.Tests.Development;

/// <summary>
/// A branch <c>B</c> of firm <c>F1</c> with ten full members (<c>B-F1</c>...<c>B-F10</c>) and one probationary member
/// (<c>B-P1</c>), and admission cases whose applicants' standings follow their milestones unless a test says otherwise.
/// </summary>
internal static class AdmissionTestData
{
    // The rules each case's pipeline ran with, by the case result's identity: "no finding of rule X" proves something
    // only when X ran, and a case result does not carry its pipeline's rules.
    private static readonly ConditionalWeakTable<AdmissionCaseResult, IReadOnlyList<EffectiveRule>> RulesOf = [];

    public const string Branch = "B";

    public const string Firm = "F1";

    public const string Applicant = "APP";

    /// <summary>The applicant's birthday: 24 at application in the complete case.</summary>
    public static LocalDate Birth { get; } = new(1995, 5, 20);

    public static LocalDate Applied { get; } = new(2020, 3, 2);

    public static LocalDate Activist { get; } = new(2020, 4, 10);

    public static LocalDate Candidate { get; } = new(2021, 4, 10);

    public static LocalDate VoteDay { get; } = new(2021, 9, 1);

    /// <summary>A year after <see cref="VoteDay"/>: the end of probation.</summary>
    public static LocalDate ProbationEnd { get; } = new(2022, 9, 1);

    public static AdmissionVote Vote(LocalDate date, int expected = 10, int present = 8, int inFavour = 7) => new(date, expected, present, inFavour);

    /// <summary>A case that went by the book from application (2020-03-02) to full membership (2022-09-01).</summary>
    public static AdmissionCase Complete(string person = Applicant) => new()
    {
        Id = $"K-{person}",
        PersonId = TestCity.P(person),
        OrganizationId = TestCity.O(Branch),
        Applied = Applied,
        FirstTalk = new LocalDate(2020, 3, 20),
        ActivistDesignated = Activist,
        Contacts = [TestCity.P("B-F1")],
        Assessments = [new LocalDate(2020, 10, 10), new LocalDate(2021, 4, 1)],
        CandidateDesignated = Candidate,
        Sponsors = [TestCity.P("B-F1"), TestCity.P("B-F2")],
        PoliticalReview = new LocalDate(2021, 6, 1),
        PoliticalReviewPassed = true,
        TrainingDays = 3,
        TrainingHours = 24m,
        PreReview = new LocalDate(2021, 7, 1),
        AdmissionVote = Vote(VoteDay),
        Approved = new LocalDate(2021, 10, 15),
        Oath = new LocalDate(2021, 10, 20),
        ConversionVote = Vote(ProbationEnd, 10, 9, 9),
        ConversionApproved = new LocalDate(2022, 10, 1),
    };

    /// <summary>A case that has just been opened: the application only.</summary>
    public static AdmissionCase Opened(string person, LocalDate applied) => new()
    {
        Id = $"K-{person}",
        PersonId = TestCity.P(person),
        OrganizationId = TestCity.O(Branch),
        Applied = applied,
    };

    /// <summary>The standings the milestones give: applicant, activist, candidate, probationary from the vote once approved, full from the end of probation once the conversion is approved.</summary>
    public static StandingChange[] StandingsFor(AdmissionCase c)
    {
        var standings = new List<StandingChange> { new(MemberStanding.Applicant, c.Applied) };
        if (c.ActivistDesignated is { } activist)
        {
            standings.Add(new(MemberStanding.Activist, activist));
        }

        if (c.CandidateDesignated is { } candidate)
        {
            standings.Add(new(MemberStanding.DevelopmentCandidate, candidate));
        }

        if (c.Approved is not null && c.AdmissionVote is { } vote)
        {
            standings.Add(new(MemberStanding.ProbationaryMember, vote.Date));
            if (c.ConversionApproved is not null)
            {
                standings.Add(new(MemberStanding.FullMember, vote.Date.PlusYears(1).PlusMonths(c.ExtensionMonths ?? 0)));
            }
        }

        if (c.Closed is { } closed)
        {
            standings.Add(new(MemberStanding.Ceased, closed));
        }

        return [.. standings.OrderBy(s => s.Since)];
    }

    /// <summary>The branch, its firm and members; no case yet.</summary>
    public static TestCity City(LocalDate? today = null) =>
        new TestCity(today).Firm(Firm).BranchOf(Branch, Firm).Members(Branch, full: 10, probationary: 1, registeredAt: Branch, employedAt: Firm);

    /// <summary>Adds <paramref name="c"/>, its applicant (born <paramref name="birth"/>, with <paramref name="standings"/> or those of the milestones) practising at the firm.</summary>
    public static TestCity WithCase(this TestCity city, AdmissionCase c, LocalDate? birth = null, StandingChange[]? standings = null, LocalDate? employedUntil = null)
    {
        var id = c.PersonId.Value;
        return city.PersonBorn(id, birth ?? Birth, standings ?? StandingsFor(c)).Employ(id, Firm, to: employedUntil).Add(c);
    }

    public static PipelineResult Run(TestCity city, Action<RuleOptions>? configure = null, DevelopmentOptions? development = null)
    {
        var options = new RuleOptions();
        configure?.Invoke(options);
        return new AdmissionPipeline(Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Options.Options.Create(development ?? new DevelopmentOptions()), city.Clock.InShanghai()).Evaluate(city.Build()).KeepRules();
    }

    /// <summary>
    /// Notes the rules <paramref name="result"/> ran with against each of its cases, for <see cref="Of"/>: a case result does
    /// not carry them. <see cref="Run"/> does it; a test that runs a pipeline of its own calls it before <see cref="Of"/>.
    /// </summary>
    public static PipelineResult KeepRules(this PipelineResult result)
    {
        foreach (var c in result.Cases)
        {
            RulesOf.AddOrUpdate(c, result.Rules);
        }

        return result;
    }

    /// <summary>Checks one case in the standard city.</summary>
    public static AdmissionCaseResult Check(AdmissionCase c, LocalDate? today = null, LocalDate? birth = null, StandingChange[]? standings = null,
        LocalDate? employedUntil = null, Action<RuleOptions>? configure = null) =>
        Run(City(today).WithCase(c, birth, standings, employedUntil), configure).Cases.Should().ContainSingle().Subject;

    /// <summary>The findings of <paramref name="rule"/> about the case, which must have run (see <see cref="KeepRules"/>).</summary>
    public static IReadOnlyList<Finding> Of(this AdmissionCaseResult result, AdmissionRule rule)
    {
        PartyDomain.Tests.Rules.RuleRan.Check(
            RulesOf.TryGetValue(result, out var rules) ? rules
                : throw new Xunit.Sdk.XunitException($"The case of {result.Case.PersonId} comes from a pipeline whose rules were not kept: pass its result through KeepRules() first, so that no finding of {rule.Id} proves the rule ran."),
            rule.Id);
        return result.Violations.Where(v => v.RuleId == rule.Id).ToArray();
    }

    /// <summary>
    /// Asserts the case breaks no rule, after checking that every default admission rule ran on it (see
    /// <see cref="KeepRules"/>): no violation proves something only if the rules were there to find one.
    /// </summary>
    public static void ShouldPass(this AdmissionCaseResult result, string because = "")
    {
        var rules = RulesOf.TryGetValue(result, out var kept) ? kept
            : throw new Xunit.Sdk.XunitException($"The case of {result.Case.PersonId} comes from a pipeline whose rules were not kept: pass its result through KeepRules() first.");
        foreach (var rule in AdmissionRule.Defaults)
        {
            PartyDomain.Tests.Rules.RuleRan.Check(rules, rule.Id);
        }

        result.Violations.Should().BeEmpty(because);
    }

    public static AdmissionCaseResult Case(this PipelineResult result, string person) => result.Cases.Single(c => c.Case.PersonId == TestCity.P(person));

    /// <summary>Asserts one finding of <paramref name="rule"/> about the applicant, as of <paramref name="asOf"/>, citing the rule's source, and returns it.</summary>
    public static Finding ShouldViolate(this AdmissionCaseResult result, AdmissionRule rule, LocalDate asOf)
    {
        var finding = result.Of(rule).Should().ContainSingle($"the case breaks {rule.Id}").Subject;
        finding.Severity.Should().Be(FindingSeverity.Violation);
        finding.Subject.Kind.Should().Be(SubjectKind.Person);
        finding.Subject.Id.Should().Be(result.Case.PersonId.Value);
        finding.AsOf.Should().Be(asOf);
        finding.Citation.Should().Be(rule.Citation);
        // The title with the parameters in force: the defaults' title unless the test tunes the rule.
        finding.RuleTitle.Chinese.Should().NotBeNullOrWhiteSpace();
        finding.Expected.English.Should().NotBeNullOrWhiteSpace();
        finding.Found.Chinese.Should().NotBeNullOrWhiteSpace();
        return finding;
    }
}
