namespace PartyDomain.Data;

/// <summary>
/// The key and recipe of an index an engine derives from a dataset's records (<see cref="DatasetIndexes.Derived"/>):
/// declared once as a static field by the engine that reads it, so the dataset keeps one per dataset.
/// </summary>
/// <param name="build">Builds the index from the dataset's records.</param>
internal sealed class DerivedIndex<T>(Func<DatasetIndexes, T> build)
    where T : class
{
    /// <summary>Builds the index.</summary>
    public T Build(DatasetIndexes indexes) => build(indexes);
}
