using System.Runtime.CompilerServices;

namespace PartyDomain.Metrics;

/// <summary>
/// A small direct-mapped cache from a string <em>instance</em> to a value, in front of a dictionary keyed by the
/// string's text: a slot is chosen by the instance's identity hash and holds the last instance seen there, so a hit is
/// one reference comparison, with no text hashed or compared. It pays off where a few instances recur millions of
/// times, as the indicator codes of service records do (the readers share one instance per distinct text); a miss, or
/// two equal texts in different instances, only costs a look-up in the dictionary. Not thread-safe: one per thread.
/// </summary>
/// <typeparam name="TValue">The cached value.</typeparam>
internal sealed class InstanceCache<TValue>
{
    private readonly (string? Instance, TValue Value)[] _slots;

    /// <summary>Creates a cache of <paramref name="slots"/> slots, a power of two.</summary>
    public InstanceCache(int slots)
    {
        if (slots <= 0 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "A power of two is expected.");
        }

        _slots = new (string?, TValue)[slots];
    }

    /// <summary>The value kept for <paramref name="instance"/>, if this very instance is the last one kept in its slot.</summary>
    public bool TryGet(string instance, out TValue value)
    {
        ref var slot = ref _slots[RuntimeHelpers.GetHashCode(instance) & (_slots.Length - 1)];
        value = slot.Value;
        return ReferenceEquals(slot.Instance, instance);
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="instance"/>, in place of what its slot held.</summary>
    public void Set(string instance, TValue value) =>
        _slots[RuntimeHelpers.GetHashCode(instance) & (_slots.Length - 1)] = (instance, value);
}

/// <summary>
/// The last key looked up in a dictionary of dense indexes, and its index: records that come in runs of one key (a
/// dataset's records are mostly grouped by organization and firm) ask the dictionary once per run. A mutable struct:
/// keep it in a local and use it on one thread.
/// </summary>
/// <typeparam name="TKey">The key.</typeparam>
internal struct LastLookup<TKey>(Dictionary<TKey, int> index)
    where TKey : struct, IEquatable<TKey>
{
    private TKey _key;
    private int _value = -1;

    /// <summary>The index of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The dictionary does not hold the key.</exception>
    public int this[TKey key]
    {
        get
        {
            if (_value < 0 || !_key.Equals(key))
            {
                (_key, _value) = (key, index[key]);
            }

            return _value;
        }
    }
}
