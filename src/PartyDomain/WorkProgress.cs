namespace PartyDomain;

/// <summary>
/// How far long work has come, as an <see cref="IProgress{T}"/> given to it is told: the share done and the stage it is
/// in. Work that takes a progress reports it at coarse steps (per stage, every few thousand rows), never per record, and
/// does nothing extra when given none.
/// </summary>
/// <param name="Fraction">The share of the work done, from 0 to 1. Within one operation it never goes down, and 1 comes last.</param>
/// <param name="Stage">What the work is doing now, for a progress bar's label; <c>null</c> when it does not say.</param>
public readonly record struct WorkProgress(double Fraction, LocalizedText? Stage = null)
{
    /// <summary>The share done as a percentage, from 0 to 100.</summary>
    public double Percent => Math.Clamp(Fraction, 0, 1) * 100;
}

/// <summary>Reporting <see cref="WorkProgress"/> from work done in parts; every method does nothing when the progress is <c>null</c>.</summary>
public static class WorkProgressExtensions
{
    /// <summary>
    /// A progress for one part of the work: the part's own 0 to 1 is reported to <paramref name="progress"/> as
    /// <paramref name="from"/> to <paramref name="to"/>, with <paramref name="stage"/> unless the part names its own.
    /// </summary>
    /// <param name="progress">The whole work's progress, or <c>null</c>.</param>
    /// <param name="from">Where the part starts, from 0 to 1.</param>
    /// <param name="to">Where it ends, from <paramref name="from"/> to 1.</param>
    /// <param name="stage">The part's stage, when it has one.</param>
    /// <returns>The part's progress, or <c>null</c> when <paramref name="progress"/> is: an unobserved part costs nothing.</returns>
    public static IProgress<WorkProgress>? Part(this IProgress<WorkProgress>? progress, double from, double to, LocalizedText? stage = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(from, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, 1);
        return progress is null ? null : new PartProgress(progress, from, to, stage);
    }

    /// <summary>Reports that <paramref name="done"/> of <paramref name="total"/> units are done (all of it when <paramref name="total"/> is not positive).</summary>
    /// <param name="progress">The progress, or <c>null</c>.</param>
    /// <param name="done">The units done.</param>
    /// <param name="total">The units in all.</param>
    /// <param name="stage">The stage, when it has one.</param>
    public static void Report(this IProgress<WorkProgress>? progress, long done, long total, LocalizedText? stage = null) =>
        progress?.Report(new WorkProgress(total <= 0 ? 1 : Math.Clamp((double)done / total, 0, 1), stage));

    private sealed class PartProgress(IProgress<WorkProgress> whole, double from, double to, LocalizedText? stage) : IProgress<WorkProgress>
    {
        public void Report(WorkProgress value) =>
            whole.Report(new WorkProgress(from + ((to - from) * Math.Clamp(value.Fraction, 0, 1)), value.Stage ?? stage));
    }
}
