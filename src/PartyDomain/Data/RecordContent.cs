using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace PartyDomain.Data;

/// <summary>
/// Whether two records hold the same data, wherever they were read from: their properties compared in depth (lists
/// element by element, nested records by their properties), <see cref="DatasetRecord.Origin"/> left out. A record's
/// generated equality compares lists by reference, so a record read back from a store never equals the one written.
/// </summary>
internal static class RecordContent
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]?> Properties = new();

    public static bool Same(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        // Lists by their elements, whatever their type (a list read back from a store is an array).
        if (a is IEnumerable first and not string && b is IEnumerable second and not string)
        {
            var x = first.GetEnumerator();
            var y = second.GetEnumerator();
            while (true)
            {
                var more = x.MoveNext();
                if (more != y.MoveNext())
                {
                    return false;
                }

                if (!more)
                {
                    return true;
                }

                if (!Same(x.Current, y.Current))
                {
                    return false;
                }
            }
        }

        if (a.GetType() != b.GetType())
        {
            return false;
        }

        if (a is string || a.GetType().IsValueType)
        {
            return a.Equals(b);
        }

        if (Properties.GetOrAdd(a.GetType(), RecordProperties) is not { } properties)
        {
            return a.Equals(b);
        }

        foreach (var property in properties)
        {
            if (!Same(property.GetValue(a), property.GetValue(b)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A record class's public properties but its origin; <c>null</c> for other classes, which compare by their own equality.</summary>
    private static PropertyInfo[]? RecordProperties(Type type) =>
        type.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is null ? null
            : [.. type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != nameof(DatasetRecord.Origin))];
}
