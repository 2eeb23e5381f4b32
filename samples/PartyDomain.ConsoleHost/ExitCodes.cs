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

    /// <summary>A plugin failed to load while the host runs in fail-fast mode.</summary>
    public const int PluginFailure = 3;

    /// <summary><c>check --fail-on</c>: a finding at or above the chosen severity was found.</summary>
    public const int FindingsAboveThreshold = 4;

    /// <summary>The lines <c>--help</c> and the README show.</summary>
    internal static IReadOnlyList<(int Code, string Chinese, string English)> Documented { get; } =
    [
        (Success, "成功", "success"),
        (InternalError, "程序内部错误（请报告）", "internal error (please report it)"),
        (BadInput, "输入有误：命令行、配置或数据（逐条列出问题）", "bad input: command line, configuration or data (every problem is listed)"),
        (PluginFailure, "插件加载失败（FailFast 模式）", "a plugin failed to load (fail-fast mode)"),
        (FindingsAboveThreshold, "check --fail-on：存在达到所选级别的问题", "check --fail-on: findings at or above the chosen severity"),
    ];
}
