using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Reminders;

namespace PartyDomain.Notifications.Tests;

public sealed class WebhookReminderChannelTests
{
    private static ServiceProvider Provider(string url, WebhookFormat format, int attempts = 3)
    {
        var services = new ServiceCollection();
        services.AddOptions<ReminderDeliveryOptions>().Configure(o => { o.RetryDelay = TimeSpan.Zero; o.MaxAttempts = attempts; });
        services.AddSingleton<ReminderDispatcher>();
        services.AddWebhookReminders(o =>
        {
            o.Urls.Add(url);
            o.Format = format;
            o.Timeout = TimeSpan.FromSeconds(5);
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task The_generic_shape_posts_the_notice_as_data()
    {
        using var robot = new Robot();
        using var provider = Provider(robot.Url, WebhookFormat.Generic);

        var outcome = (await provider.GetRequiredService<ReminderDispatcher>().SendAsync([Notices.Of("B1")], dryRun: false)).Should().ContainSingle().Subject;

        outcome.Status.Should().Be(DeliveryStatus.Delivered);
        var (path, contentType, body) = robot.Received.Should().ContainSingle().Subject;
        path.Should().Be("/cgi-bin/webhook/send?key=secret-key");
        contentType.Should().StartWith("application/json");
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("organization").GetProperty("id").GetString().Should().Be("B1");
        json.RootElement.GetProperty("secretary").GetString().Should().Be("张三");
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToArray();
        items.Should().HaveCount(2);
        items[0].GetProperty("due").GetString().Should().Be("2025-03-01");
        items[0].GetProperty("overdue").GetBoolean().Should().BeTrue();
        items[0].GetProperty("source").GetString().Should().Be("《中国共产党支部工作条例（试行）》第六章");
    }

    [Fact]
    public async Task A_server_error_is_retried_until_it_answers()
    {
        using var robot = new Robot((500, "busy"), (503, "still busy"));
        using var provider = Provider(robot.Url, WebhookFormat.WeCom);

        var outcome = (await provider.GetRequiredService<ReminderDispatcher>().SendAsync([Notices.Of("B1")], dryRun: false)).Should().ContainSingle().Subject;

        outcome.Status.Should().Be(DeliveryStatus.Delivered);
        outcome.Attempts.Should().Be(3);
        robot.Received.Should().HaveCount(3);
        using var json = JsonDocument.Parse(robot.Received[^1].Body);
        json.RootElement.GetProperty("msgtype").GetString().Should().Be("text");
        json.RootElement.GetProperty("text").GetProperty("content").GetString().Should().StartWith("信阳B1律师事务所党支部：2项事项待办");
    }

    [Fact]
    public async Task A_robot_that_answers_200_with_an_errcode_fails_the_delivery_and_its_key_is_never_shown()
    {
        using var robot = new Robot((200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"), (200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"));
        using var provider = Provider(robot.Url, WebhookFormat.DingTalk, attempts: 2);

        var outcome = (await provider.GetRequiredService<ReminderDispatcher>().SendAsync([Notices.Of("B1")], dryRun: false)).Should().ContainSingle().Subject;

        outcome.Status.Should().Be(DeliveryStatus.Failed);
        outcome.Error.Should().Contain("errcode 93000 invalid webhook url").And.NotContain("secret-key");
        var channel = provider.GetServices<IReminderChannel>().Single();
        channel.Display(robot.Url).Should().Be($"http://127.0.0.1:{robot.Port}/cgi-bin/webhook/send?…");
    }
}
