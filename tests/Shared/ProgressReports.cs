using FluentAssertions;

namespace PartyDomain.Tests.Shared;

/// <summary>Collects the progress reported, on the reporting thread (<see cref="Progress{T}"/> would post them to the thread pool, out of order).</summary>
internal sealed class Reports : IProgress<WorkProgress>
{
    private readonly List<WorkProgress> _reports = [];

    public int Count => _reports.Count;

    public IReadOnlyList<double> Fractions => [.. _reports.Select(r => r.Fraction)];

    public IReadOnlyList<string> Stages => _reports.Select(r => r.Stage?.English).OfType<string>().Distinct().ToList();

    public void Report(WorkProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }

    public void ShouldGrowTo100Percent()
    {
        _reports.Should().NotBeEmpty();
        Fractions.Should().BeInAscendingOrder().And.OnlyContain(f => f >= 0 && f <= 1);
        _reports[^1].Fraction.Should().Be(1);
    }
}
