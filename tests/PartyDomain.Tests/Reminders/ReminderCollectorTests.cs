using Microsoft.Extensions.DependencyInjection;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Development;
using PartyDomain.Extensibility;
using PartyDomain.Organization;
using PartyDomain.Reminders;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Tests.Reminders;

public sealed class ReminderCollectorTests
{
    // Today is 2025-06-15; a 30-day horizon.
    private static (ReminderCollector Collector, CityDataset Dataset) Collect(TestCity city)
    {
        var services = new ServiceCollection();
        services.AddSingleton<NodaTime.IClock>(city.Clock);
        services.AddPartyDomain();
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<ReminderCollector>(), city.Build());
    }

    private static TestCity BranchWithCommittee(TestCity city, string branch, string firm, LocalDate elected)
    {
        city.Firm(firm).BranchOf(branch, firm).Members(branch + "-", full: 7, registeredAt: branch, employedAt: firm)
            .CommitteeOf(branch, seats: 3).Election(branch, elected);
        return city;
    }

    [Fact]
    public void A_committee_term_ending_in_69_days_is_due_on_the_day_the_term_ends_not_today()
    {
        var city = BranchWithCommittee(new TestCity(), "B1", "F1", new LocalDate(2022, 8, 23)); // ends 2025-08-23, 69 days on
        var (collector, dataset) = Collect(city);

        var term = collector.Collect(dataset).Should().ContainSingle(i => i.Kind == ReminderKind.CommitteeTerm).Subject;

        term.Due.Should().Be(new LocalDate(2025, 8, 23));
        term.IsOverdueOn(city.Today).Should().BeFalse();
        term.Organization.Id.Should().Be(O("B1"));
        term.Source.Document.Should().Be(PartyDomain.Rules.Regulations.BranchWork);
    }

    [Fact]
    public void An_ended_term_is_an_overdue_reminder_with_its_end_date()
    {
        var city = BranchWithCommittee(new TestCity(), "B1", "F1", new LocalDate(2022, 3, 1)); // ended 2025-03-01
        var (collector, dataset) = Collect(city);

        var term = collector.Collect(dataset).Should().ContainSingle(i => i.Kind == ReminderKind.CommitteeTerm).Subject;

        term.Due.Should().Be(new LocalDate(2025, 3, 1));
        term.IsOverdueOn(city.Today).Should().BeTrue();
        term.Describe(city.Today, TextLanguage.Chinese).Should().StartWith("已逾期106天（应于2025-03-01前）");
    }

    [Fact]
    public void A_term_beyond_the_notice_window_is_not_a_reminder()
    {
        var city = BranchWithCommittee(new TestCity(), "B1", "F1", new LocalDate(2024, 1, 1)); // ends 2027
        var (collector, dataset) = Collect(city);

        collector.Collect(dataset).Should().NotContain(i => i.Kind == ReminderKind.CommitteeTerm);
    }

    [Fact]
    public void Notices_group_by_branch_name_its_secretary_and_put_overdue_first()
    {
        var city = new TestCity();
        BranchWithCommittee(city, "B1", "F1", new LocalDate(2022, 8, 23)); // due in 69 days
        BranchWithCommittee(city, "B2", "F2", new LocalDate(2022, 3, 1));  // overdue
        var (collector, dataset) = Collect(city);

        var notices = collector.Notices(dataset);

        notices.Select(n => n.Organization.Id.Value).Should().StartWith(["B2", "B1"]);
        notices[0].Overdue.Should().Be(1);
        notices[0].Secretary.Should().Be(dataset.GetPerson(P("B2-SEC")).Name);
        notices[0].Items[0].Kind.Should().Be(ReminderKind.CommitteeTerm, "within an organization the overdue item leads");
        notices[0].Body(TextLanguage.Chinese).Should().Contain("书记").And.Contain("2025-03-01");
        notices.Should().OnlyContain(n => n.Items.SequenceEqual(n.Items.OrderBy(i => i.Due)));
    }

    [Fact]
    public void A_branch_without_a_secretary_is_addressed_to_its_party_affairs_contact()
    {
        var city = new TestCity().Firm("F1").BranchOf("B1", "F1").Members("M", full: 3, registeredAt: "B1", employedAt: "F1");
        var (collector, dataset) = Collect(city);

        var notice = collector.Notices(dataset).Should().ContainSingle().Subject;

        notice.Secretary.Should().BeNull();
        notice.Body(TextLanguage.Chinese).Should().StartWith("B1党支部党务联系人：");
        notice.Title(TextLanguage.English).Should().Contain("item(s) due");
    }

    [Fact]
    public void An_overdue_admission_step_is_reminded_with_the_applicant_named()
    {
        var city = new TestCity().Firm("F1").BranchOf("B1", "F1").Members("M", full: 3, registeredAt: "B1", employedAt: "F1")
            .PersonBorn("Y1", new LocalDate(1995, 1, 1));
        city.Add(new AdmissionCase { Id = "K1", PersonId = P("Y1"), OrganizationId = O("B1"), Applied = new LocalDate(2025, 4, 1) }); // the talk was due within a month
        var (collector, dataset) = Collect(city);

        var step = collector.Collect(dataset).Should().ContainSingle(i => i.Kind == ReminderKind.Admission).Subject;

        step.Subject.Should().Be(dataset.GetPerson(P("Y1")).Name);
        step.IsOverdueOn(city.Today).Should().BeTrue();
        step.Organization.Id.Should().Be(O("B1"));
    }

    [Fact]
    public void A_slot_not_met_yet_is_due_on_its_last_day()
    {
        var city = new TestCity().Firm("F1").BranchOf("B1", "F1").Members("M", full: 3, registeredAt: "B1", employedAt: "F1");
        var (collector, dataset) = Collect(city);

        var items = collector.Collect(dataset).Where(i => i.Kind == ReminderKind.OrganizationalLife).ToArray();

        items.Should().NotBeEmpty();
        items.Should().Contain(i => i.Due == new LocalDate(2025, 6, 30), "the month's theme party day is due by the month's end");
        items.Should().OnlyContain(i => i.Due >= city.Today && i.Due <= city.Today.PlusDays(30));
    }
}
