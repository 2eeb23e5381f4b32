using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Reminders;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary>
/// <c>reminders</c>: what falls due within the horizon, or is overdue, and is not done yet, grouped by the organization
/// that answers for it with its secretary named and each item's real due date, overdue first; <c>--send</c> delivers
/// each organization's reminders through the configured channels (e-mail, webhook), <c>--dry-run</c> shows what would
/// go to whom.
/// </summary>
public sealed class RemindersCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<RemindersCommand.Settings>(console, environment)
{
    /// <summary>The options of <c>reminders</c>.</summary>
    public sealed class Settings : HostSettings
    {
        /// <summary>How many days ahead to look.</summary>
        [CommandOption("--horizon <DAYS>")]
        [Description("提前提醒的天数（默认 PartyDomain:Compliance:ReminderHorizonDays）/ days ahead to look")]
        public int? Horizon { get; init; }

        /// <summary>How many organizations to print.</summary>
        [CommandOption("--top <N>")]
        [Description("最多列出的组织数 / most organizations to list")]
        [DefaultValue(30)]
        public int Top { get; init; } = 30;

        /// <summary>Only this organization's reminders.</summary>
        [CommandOption("--org <ID>")]
        [Description("只看该组织的提醒 / only this organization's reminders")]
        public string? Organization { get; init; }

        /// <summary>Deliver the reminders through the configured channels.</summary>
        [CommandOption("--send")]
        [Description("通过配置的渠道（PartyDomain:Reminders:Smtp / Webhook）发送 / deliver through the configured channels")]
        public bool Send { get; init; }

        /// <summary>With <c>--send</c>: show what would go to whom, send nothing.</summary>
        [CommandOption("--dry-run")]
        [Description("与 --send 同用：只显示将发给谁，不发送 / with --send: show what would go to whom, send nothing")]
        public bool DryRun { get; init; }

        /// <summary>The output format.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("输出格式 table|csv|json（默认 table）/ output format")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        /// <inheritdoc/>
        public override bool ForScripts => Format != "table";

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (Horizon is < 0 || Top < 0)
            {
                return ValidationResult.Error("--horizon and --top cannot be negative / 不能为负数");
            }

            if (DryRun && !Send)
            {
                return ValidationResult.Error("--dry-run goes with --send / --dry-run 须与 --send 同用");
            }

            return Format is "table" or "csv" or "json" ? base.Validate() : ValidationResult.Error($"--format: '{Format}' is not table, csv or json / 不是 table、csv 或 json");
        }

        internal override IEnumerable<KeyValuePair<string, string?>> Overrides()
        {
            foreach (var pair in base.Overrides())
            {
                yield return pair;
            }

            if (Horizon is { } days)
            {
                yield return new("PartyDomain:Compliance:ReminderHorizonDays", days.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <inheritdoc/>
    protected override int Run(HostContext host, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        var notices = Step(host.T("查找即将到期和已逾期的事项", "Looking for what falls due or is overdue"), () =>
        {
            var dataset = host.LoadDataset();
            if (settings.Organization is { } id && !dataset.TryGetOrganization(new(id), out _))
            {
                throw new BadInputException(host.T($"--org：没有编号为 {id} 的党组织", $"--org: no organization has the id {id}"));
            }

            var all = host.Get<ReminderCollector>().Notices(dataset);
            return settings.Organization is { } only ? all.Where(n => n.Organization.Id.Value == only).ToArray() : all;
        });

        if (settings.Send)
        {
            return Send(host, settings, notices);
        }

        switch (settings.Format)
        {
            case "csv":
                Console.Profile.Out.Writer.Write(Csv(host, notices));
                return ExitCodes.Success;
            case "json":
                Console.Profile.Out.Writer.Write(Output.Json.Of(Json(host, notices)));
                return ExitCodes.Success;
        }

        var today = host.Today;
        Heading(host, host.T($"到期和逾期事项（截至 {today:yyyy-MM-dd}，提前 {Horizon(host)} 天提醒）", $"Due and overdue (as of {today:yyyy-MM-dd}, {Horizon(host)} days ahead)"));
        if (notices.Count == 0)
        {
            Console.MarkupLine(Markup.Escape(host.T("✓ 没有即将到期或已逾期的事项。", "✓ Nothing falls due and nothing is overdue.")));
            return ExitCodes.Success;
        }

        foreach (var notice in notices.Take(settings.Top))
        {
            var overdue = notice.Overdue;
            var secretary = notice.Secretary ?? host.T("（书记空缺）", "(no secretary)");
            Console.MarkupLine($"[bold]{Markup.Escape(notice.Organization.Name)}[/] [grey]({Markup.Escape(notice.Organization.Id.Value)})[/]  "
                + Markup.Escape(host.T($"书记：{secretary}  {notice.Items.Count}项", $"secretary: {secretary}  {notice.Items.Count} item(s)"))
                + (overdue > 0 ? $"  [red]{Markup.Escape(host.T($"{overdue}项已逾期", $"{overdue} overdue"))}[/]" : string.Empty));
            var table = Unbroken(Table(host.T("到期日", "Due"), host.T("状态", "Status"), host.T("事项", "What"), host.T("应当", "Expected"), host.T("目前", "So far"), host.T("依据", "Source")), 0, 1);
            foreach (var item in notice.Items)
            {
                var days = Period.Between(today, item.Due, PeriodUnits.Days).Days;
                var status = days < 0 ? host.T($"已逾期{-days}天", $"{-days} days overdue") : days == 0 ? host.T("今天到期", "due today") : host.T($"{days}天后", $"in {days} days");
                var what = host.T(item.What) + (item.Subject is null ? string.Empty : host.T($"（{item.Subject}）", $" ({item.Subject})"));
                table.AddRow(
                    new Text(item.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    new Text(status, days < 0 ? new Style(Color.Red) : days <= 7 ? new Style(Color.Yellow) : Style.Plain),
                    new Text(what), new Text(host.T(item.Expected)), new Text(host.T(item.Found)), new Text(item.Source.ToString()));
            }

            Console.Write(table);
        }

        var items = notices.Sum(n => n.Items.Count);
        var late = notices.Sum(n => n.Overdue);
        Console.MarkupLine(Markup.Escape(host.T($"共 {notices.Count} 个组织 {items} 项，其中 {late} 项已逾期。", $"{items} item(s) of {notices.Count} organization(s), {late} overdue."))
            + (notices.Count > settings.Top
                ? $" [grey]{Markup.Escape(host.T($"（列出前 {settings.Top} 个组织，另有 {notices.Count - settings.Top} 个，--top 调整）", $"(first {settings.Top} organizations listed, {notices.Count - settings.Top} more, see --top)"))}[/]"
                : string.Empty));
        return ExitCodes.Success;
    }

    private int Send(HostContext host, Settings settings, IReadOnlyList<ReminderNotice> notices)
    {
        var dispatcher = host.Get<ReminderDispatcher>();
        if (dispatcher.Channels.Count == 0)
        {
            throw new BadInputException(host.T("没有配置提醒渠道", "No reminder channel is configured"),
            [
                host.T("在 appsettings.json 或 --set 中配置 PartyDomain:Reminders:Smtp（Host、Port、From、To）或 PartyDomain:Reminders:Webhook（Urls、Format：Generic|WeCom|DingTalk）",
                    "configure PartyDomain:Reminders:Smtp (Host, Port, From, To) or PartyDomain:Reminders:Webhook (Urls, Format: Generic|WeCom|DingTalk) in appsettings.json or with --set"),
            ]);
        }

        var outcomes = Step(settings.DryRun ? host.T("列出将发送的提醒", "Listing what would be sent") : host.T("发送提醒", "Sending the reminders"),
            () => dispatcher.SendAsync(notices, settings.DryRun).GetAwaiter().GetResult());
        var channels = dispatcher.Channels.ToDictionary(c => c.Name);
        string Recipients(ReminderDelivery d) => string.Join(", ", d.Recipients.Select(r => channels[d.Channel].Display(r)));

        // A notice that reached no one on any channel is as lost as a failed one: both are named and counted.
        var unreached = notices.Where(n => !outcomes.Any(o => o.Notice == n && o.Status is DeliveryStatus.Delivered or DeliveryStatus.DryRun)).ToArray();
        var failed = outcomes.Count(o => o.Status == DeliveryStatus.Failed);
        if (settings.Format == "json")
        {
            var array = new JsonArray();
            foreach (var o in outcomes)
            {
                array.Add(new JsonObject
                {
                    ["organization"] = o.Notice.Organization.Id.Value,
                    ["channel"] = o.Channel,
                    ["recipients"] = new JsonArray([.. o.Recipients.Select(r => JsonValue.Create(channels[o.Channel].Display(r)))]),
                    ["status"] = o.Status.ToString(),
                    ["attempts"] = o.Attempts,
                    ["error"] = o.Error,
                    ["title"] = o.Notice.Title(host.Language),
                });
            }

            Console.Profile.Out.Writer.Write(Output.Json.Of(array));
        }
        else
        {
            Heading(host, settings.DryRun ? host.T("将发送的提醒（未发送）", "What would be sent (nothing sent)") : host.T("提醒发送结果", "Reminder deliveries"));
            var table = Table(host.T("组织", "Organization"), host.T("渠道", "Channel"), host.T("收件人", "To"), host.T("结果", "Outcome"), host.T("尝试", "Tries"), host.T("标题 / 原因", "Title / reason"));
            foreach (var o in outcomes)
            {
                var (text, style) = o.Status switch
                {
                    DeliveryStatus.Delivered => (host.T("已送达", "delivered"), new Style(Color.Green)),
                    DeliveryStatus.Failed => (host.T("失败", "failed"), new Style(Color.Red)),
                    DeliveryStatus.NoRecipient => (host.T("未配置收件人", "no recipient"), new Style(Color.Yellow)),
                    _ => (host.T("演练，未发送", "dry run, not sent"), Style.Plain),
                };
                table.AddRow(new Text(o.Notice.Organization.Name), new Text(o.Channel), new Text(Recipients(o)), new Text(text, style),
                    new Text(o.Attempts.ToString(CultureInfo.InvariantCulture)), new Text(o.Error ?? o.Notice.Title(host.Language)));
            }

            Console.Write(table);
            Console.MarkupLine(Markup.Escape(host.T(
                $"{notices.Count} 个组织：{outcomes.Count(o => o.Status == DeliveryStatus.Delivered)} 次送达，{failed} 次失败，{unreached.Length} 个组织未送达。",
                $"{notices.Count} organization(s): {outcomes.Count(o => o.Status == DeliveryStatus.Delivered)} delivered, {failed} failed, {unreached.Length} organization(s) not reached.")));
        }

        if (unreached.Length > 0 || failed > 0)
        {
            Console.MarkupLine("[red]" + Markup.Escape(host.T(
                $"有提醒未送达：{string.Join("、", unreached.Select(n => n.Organization.Name))}。请检查渠道配置（PartyDomain:Reminders）后重新运行 reminders --send。",
                $"Some reminders were not delivered: {string.Join(", ", unreached.Select(n => n.Organization.Name))}. Check the channels (PartyDomain:Reminders) and run reminders --send again.")) + "[/]");
            return ExitCodes.PartialFailure;
        }

        return ExitCodes.Success;
    }

    private static int Horizon(HostContext host) => host.Get<Microsoft.Extensions.Options.IOptions<BasicSystems.ComplianceOptions>>().Value.ReminderHorizonDays;

    private static string Csv(HostContext host, IReadOnlyList<ReminderNotice> notices) => Output.Csv.Of(
        ["organization_id", "organization", "secretary", "kind", "due", "days_overdue", "what", "subject", "expected", "found", "source"],
        notices.SelectMany(n => n.Items.Select(i => (IReadOnlyList<string?>)
        [
            n.Organization.Id.Value, n.Organization.Name, n.Secretary, i.Kind.ToString(), i.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Math.Max(0, Period.Between(i.Due, n.Today, PeriodUnits.Days).Days).ToString(CultureInfo.InvariantCulture),
            host.T(i.What), i.Subject, host.T(i.Expected), host.T(i.Found), i.Source.ToString(),
        ])));

    private static JsonArray Json(HostContext host, IReadOnlyList<ReminderNotice> notices) => [.. notices.Select(n => (JsonNode)n.ToJson(host.Language))];
}
