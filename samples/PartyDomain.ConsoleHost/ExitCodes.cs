namespace PartyDomain.ConsoleHost;

/// <summary>The host's exit codes, so a bureau can script it; listed in <c>--help</c> and the README.</summary>
public static class ExitCodes
{
    /// <summary>The command did its work.</summary>
    public const int Success = 0;

    /// <summary>Something unexpected failed inside the host (a bug): the exception is printed.</summary>
    public const int InternalError = 1;

    /// <summary>Bad input: the command line, the configuration or the data; every problem is printed.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// A plugin failed: it did not load while the host runs in fail-fast mode, or its platform connector threw while
    /// reading an export (<c>import --from</c>; the message names the plugin, and nothing was imported).
    /// </summary>
    public const int PluginFailure = 3;

    /// <summary><c>check --fail-on</c>: a finding at or above the chosen severity was found.</summary>
    public const int FindingsAboveThreshold = 4;

    /// <summary>
    /// The machine or a service failed, not the host and not the input: a full disk, a read-only or unwritable
    /// folder, a database server that is down or went away, a store held by another writer past the timeout.
    /// The message names the file or server and what to do; the store is left as it was.
    /// </summary>
    public const int EnvironmentFailure = 5;

    /// <summary>
    /// The command did its work but a part of it failed and is named in the output (a report section that threw,
    /// a plugin that failed to load): the rest was written.
    /// </summary>
    public const int PartialFailure = 6;

    /// <summary>The lines <c>--help</c> and the README show.</summary>
    internal static IReadOnlyList<(int Code, string Chinese, string English)> Documented { get; } =
    [
        (Success, "成功", "success"),
        (InternalError, "程序内部错误（请报告）", "internal error (please report it)"),
        (BadInput, "输入有误：命令行、配置或数据（逐条列出问题）", "bad input: command line, configuration or data (every problem is listed)"),
        (PluginFailure, "插件出错：加载失败（FailFast 模式），或其平台接入读取导出时出错（import --from，未导入）", "a plugin failed: to load (fail-fast mode), or its platform connector while reading an export (import --from; nothing imported)"),
        (FindingsAboveThreshold, "check --fail-on：存在达到所选级别的问题", "check --fail-on: findings at or above the chosen severity"),
        (EnvironmentFailure, "运行环境故障：磁盘已满、无写入权限、数据库服务器不可用或被占用（提示如何处理）", "the environment failed: disk full, no write permission, database server down or busy (says what to do)"),
        (PartialFailure, "已完成，但部分内容失败（报告某节或某插件，已在输出中注明）", "done, but a part failed (a report section or a plugin, named in the output)"),
    ];
}
