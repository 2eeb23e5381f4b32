using PartyDomain.Data;

namespace PartyDomain.Interchange;

/// <summary>The outcome of reading a dataset: the dataset, or every problem found and no dataset (all or nothing).</summary>
public sealed class DatasetReadResult
{
    internal DatasetReadResult(CityDataset? dataset, IReadOnlyList<ImportProblem> problems, DatasetMerge? merge = null)
    {
        Dataset = problems.Count == 0 ? dataset : null;
        Merge = Dataset is null ? null : merge;
        Problems = problems;
    }

    /// <summary>The dataset, or <c>null</c> when there was any problem.</summary>
    public CityDataset? Dataset { get; }

    /// <summary>
    /// For an incremental import (<see cref="DatasetReadOptions.Stored"/>) that succeeded: what the file added, updated
    /// and left unchanged, and the changes a store writes (<see cref="Dataset"/> is then the merged dataset).
    /// </summary>
    public DatasetMerge? Merge { get; }

    /// <summary>Every problem found, in file order; empty on success.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }

    /// <summary>Whether the dataset was read without any problem.</summary>
    public bool Succeeded => Dataset is not null;

    /// <summary>Every problem in <paramref name="language"/>, one per line.</summary>
    /// <param name="language">The language.</param>
    public string Describe(TextLanguage language) => string.Join(Environment.NewLine, Problems.Select(p => p.Describe(language)));
}
