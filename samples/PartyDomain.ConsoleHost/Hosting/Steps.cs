using Spectre.Console;

namespace PartyDomain.ConsoleHost.Hosting;

/// <summary>Long work with a progress bar on a terminal; plain when the output is redirected, so logs and tests stay clean.</summary>
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
}
