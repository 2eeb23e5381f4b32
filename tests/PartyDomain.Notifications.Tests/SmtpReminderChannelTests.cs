using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using PartyDomain.Reminders;

namespace PartyDomain.Notifications.Tests;

public sealed class SmtpReminderChannelTests
{
    private static ServiceProvider Provider(int port, Action<SmtpReminderOptions>? more = null)
    {
        var services = new ServiceCollection();
        services.AddOptions<ReminderDeliveryOptions>().Configure(o => o.RetryDelay = TimeSpan.Zero);
        services.AddSingleton<ReminderDispatcher>();
        services.AddSmtpReminders(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = port;
            o.Security = SmtpSecurity.None;
            o.From = "dangjian@sfj.example.gov.cn";
            o.To.Add("lszg@sfj.example.gov.cn");
            o.ByOrganization["B2"] = ["b2.secretary@example.com"];
            o.Timeout = TimeSpan.FromSeconds(5);
            more?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Each_branch_gets_one_mail_in_Chinese_to_its_own_or_the_default_recipients()
    {
        using var server = new SmtpServer();
        using var provider = Provider(server.Port);

        var outcomes = await provider.GetRequiredService<ReminderDispatcher>().SendAsync([Notices.Of("B1"), Notices.Of("B2", secretary: null)], dryRun: false);

        outcomes.Should().OnlyContain(o => o.Status == DeliveryStatus.Delivered && o.Channel == "smtp" && o.Attempts == 1);
        var mails = server.Messages.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m)))).ToArray();
        mails.Should().HaveCount(2);
        var b1 = mails.Single(m => m.To.Mailboxes.Single().Address == "lszg@sfj.example.gov.cn");
        b1.Subject.Should().Be("信阳B1律师事务所党支部：2项事项待办，其中1项已逾期（2025-06-15）");
        b1.TextBody.Should().Contain("张三同志（信阳B1律师事务所党支部书记）").And.Contain("已逾期106天（应于2025-03-01前）").And.Contain("《中国共产党支部工作条例（试行）》第六章");
        var b2 = mails.Single(m => m.To.Mailboxes.Single().Address == "b2.secretary@example.com");
        b2.TextBody.Should().StartWith("信阳B2律师事务所党支部党务联系人：");
    }

    [Fact]
    public async Task A_server_that_is_down_fails_the_delivery_after_every_attempt_with_the_reason()
    {
        var port = Robot.FreePort(); // nothing listens there
        using var provider = Provider(port);

        var outcome = (await provider.GetRequiredService<ReminderDispatcher>().SendAsync([Notices.Of("B1")], dryRun: false)).Should().ContainSingle().Subject;

        outcome.Status.Should().Be(DeliveryStatus.Failed);
        outcome.Attempts.Should().Be(3);
        outcome.Error.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_sender_that_is_not_an_address_stops_at_start_with_the_setting_named()
    {
        using var provider = Provider(25, o => o.From = "not an address");

        var act = () => provider.GetRequiredService<IOptions<SmtpReminderOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*PartyDomain:Reminders:Smtp:From*");
    }
}
