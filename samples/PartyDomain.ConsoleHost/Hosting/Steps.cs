using Spectre.Console;

namespace PartyDomain.ConsoleHost.Hosting;

/// <summary>
/// Long work with a progress bar on a terminal: with its percentage and stage when the work reports its progress, a
/// spinner otherwise. Plain when the output is redirected, so logs and tests stay clean: the work is then given no
/// progress at all, and reports nothing.
/// </summary>
internal static class Steps
{
    public static T Run<T>(IAnsiConsole console, string description, Func<T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return work();
        }

        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description));
                task.IsIndeterminate = true;
                var result = work();
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>Runs work that reports its progress (<see cref="WorkProgress"/>): the bar shows the percentage done and the stage, in <paramref name="language"/>.</summary>
    public static T Run<T>(IAnsiConsole console, TextLanguage language, string description, Func<IProgress<WorkProgress>?, T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(null);
        }

        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var bar = new Bar(context, context.AddTask(Markup.Escape(description), maxValue: 100), description, language);
                var result = work(bar);
                bar.Report(new WorkProgress(1));
                return result;
            });
    }

    /// <summary>
    /// The bar's side of <see cref="IProgress{T}"/>, called on the working thread (or several: the report's files are
    /// written side by side). It only moves forward, and shows the stage beside the description; a new stage is drawn at
    /// once (a command has a handful), so a stage shorter than the bar's refresh is still seen.
    /// </summary>
    private sealed class Bar(ProgressContext context, ProgressTask task, string description, TextLanguage language) : IProgress<WorkProgress>
    {
        private readonly Lock _gate = new();
        private LocalizedText? _stage;

        public void Report(WorkProgress value)
        {
            lock (_gate)
            {
                if (value.Percent > task.Value)
                {
                    task.Value = value.Percent;
                }

                if (value.Stage is { } stage && !ReferenceEquals(stage, _stage))
                {
                    _stage = stage;
                    task.Description = Markup.Escape($"{description}{(language == TextLanguage.English ? ": " : "：")}{stage.In(language)}");
                    context.Refresh();
                }
            }
        }
    }
}
