using Microsoft.Extensions.Options;
using PartyDomain.Organization;
using PartyDomain.Reminders;
using PartyDomain.Rules;

namespace PartyDomain.Tests.Reminders;

public sealed class ReminderDispatcherTests
{
    private static readonly LocalDate Today = new(2025, 6, 15);

    private static ReminderNotice Notice(string id) => new(
        new PartyOrganization { Id = new(id), Name = id + "党支部", Kind = OrganizationKind.Branch, Established = new(2015, 1, 1) },
        "张三", Today,
        [new ReminderItem(ReminderKind.OrganizationalLife, new PartyOrganization { Id = new(id), Name = id + "党支部", Kind = OrganizationKind.Branch, Established = new(2015, 1, 1) },
            new(2025, 6, 30), null, new("主题党日", "theme party day"), new("至少1次", "at least 1"), new("0次", "0"), new(Regulations.MemberEducation, "第十六条", SourceConfidence.Verified))]);

    private sealed class FlakyChannel(int failures, params string[] recipients) : IReminderChannel
    {
        public int Calls { get; private set; }

        public string Name => "flaky";

        public IReadOnlyList<string> RecipientsOf(ReminderNotice notice) => recipients;

        public Task DeliverAsync(ReminderNotice notice, IReadOnlyList<string> to, TextLanguage language, CancellationToken cancellationToken)
        {
            Calls++;
            return Calls <= failures ? throw new InvalidOperationException($"refused #{Calls}") : Task.CompletedTask;
        }
    }

    private static ReminderDispatcher Dispatcher(IReminderChannel channel, int attempts = 3) =>
        new([channel], Options.Create(new ReminderDeliveryOptions { MaxAttempts = attempts, RetryDelay = TimeSpan.Zero }));

    [Fact]
    public async Task A_delivery_that_fails_twice_is_retried_and_delivered_on_the_third_attempt()
    {
        var channel = new FlakyChannel(failures: 2, "a@example.org");

        var outcome = (await Dispatcher(channel).SendAsync([Notice("B1")], dryRun: false)).Should().ContainSingle().Subject;

        outcome.Status.Should().Be(DeliveryStatus.Delivered);
        outcome.Attempts.Should().Be(3);
        channel.Calls.Should().Be(3);
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_reported_with_the_last_reason_never_dropped()
    {
        var channel = new FlakyChannel(failures: 10, "a@example.org");

        var outcome = (await Dispatcher(channel, attempts: 2).SendAsync([Notice("B1")], dryRun: false)).Should().ContainSingle().Subject;

        outcome.Status.Should().Be(DeliveryStatus.Failed);
        outcome.Attempts.Should().Be(2);
        outcome.Error.Should().Be("refused #2");
    }

    [Fact]
    public async Task A_dry_run_lists_each_recipient_and_sends_nothing()
    {
        var channel = new FlakyChannel(failures: 0, "a@example.org", "b@example.org");

        var outcome = (await Dispatcher(channel).SendAsync([Notice("B1")], dryRun: true)).Should().ContainSingle().Subject;

        outcome.Status.Should().Be(DeliveryStatus.DryRun);
        outcome.Recipients.Should().Equal("a@example.org", "b@example.org");
        channel.Calls.Should().Be(0);
    }

    [Fact]
    public async Task An_organization_with_no_recipient_is_reported_not_sent()
    {
        var channel = new FlakyChannel(failures: 0);

        var outcome = (await Dispatcher(channel).SendAsync([Notice("B1")], dryRun: false)).Should().ContainSingle().Subject;

        outcome.Status.Should().Be(DeliveryStatus.NoRecipient);
        channel.Calls.Should().Be(0);
    }
}
