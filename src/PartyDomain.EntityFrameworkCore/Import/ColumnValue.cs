using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using PartyDomain.Data;
using SQLitePCL;

namespace PartyDomain.EntityFrameworkCore.Import;

/// <summary>
/// Reads one column's provider value from a record and hands it to a bulk writer without boxing it: the property read
/// and EF's value converter compiled into one typed delegate. Going through EF's object getters and converters boxed
/// every value twice, and the writers then resolved each value's type again.
/// </summary>
internal abstract class ColumnValue
{
    /// <summary>Writes the record's value to the current row of a binary COPY.</summary>
    public abstract void Copy(NpgsqlBinaryImporter importer, DatasetRecord record);

    /// <summary>Binds the record's value to a SQLite statement parameter, as Microsoft.Data.Sqlite would bind it.</summary>
    public abstract int Bind(sqlite3_stmt statement, int index, DatasetRecord record);

    public static ColumnValue For(IProperty property, string storeType)
    {
        var record = Expression.Parameter(typeof(DatasetRecord), "record");
        var owner = Expression.Convert(record, property.DeclaringType.ClrType);
        Expression member = property.PropertyInfo is { } p ? Expression.Property(owner, p)
            : property.FieldInfo is { } f ? Expression.Field(owner, f)
            : throw new NotSupportedException($"Property {property.Name} has no CLR member to read.");

        // Converters never see null (EF's rule): null stays null, a value is converted.
        Expression hasValue, value;
        if (Nullable.GetUnderlyingType(member.Type) is not null)
        {
            hasValue = Expression.Property(member, "HasValue");
            value = Expression.Property(member, "Value");
        }
        else if (!member.Type.IsValueType)
        {
            hasValue = Expression.NotEqual(member, Expression.Constant(null, member.Type));
            value = member;
        }
        else
        {
            hasValue = Expression.Constant(true);
            value = member;
        }

        if (property.GetTypeMapping().Converter is { } converter)
        {
            var convert = converter.ConvertToProviderExpression;
            value = Expression.Invoke(convert, value.Type == convert.Parameters[0].Type ? value : Expression.Convert(value, convert.Parameters[0].Type));
        }

        if (Nullable.GetUnderlyingType(value.Type) is not null)
        {
            hasValue = Expression.AndAlso(hasValue, Expression.Property(value, "HasValue"));
            value = Expression.Property(value, "Value");
        }

        var type = typeof(ColumnValue<>).MakeGenericType(value.Type);
        var pair = typeof(ValueTuple<,>).MakeGenericType(typeof(bool), value.Type);
        var body = Expression.Condition(hasValue, Expression.New(pair.GetConstructor([typeof(bool), value.Type])!, Expression.Constant(true), value), Expression.Default(pair));
        var read = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(DatasetRecord), pair), body, record).Compile();
        return (ColumnValue)Activator.CreateInstance(type, property.GetColumnName(), storeType, read)!;
    }
}

internal sealed class ColumnValue<T>(string name, string storeType, Func<DatasetRecord, (bool HasValue, T Value)> read) : ColumnValue
{
    private const string DecimalFormat = "0.0###########################";

    public override void Copy(NpgsqlBinaryImporter importer, DatasetRecord record)
    {
        var (hasValue, value) = read(record);
        if (hasValue && value is not null)
        {
            importer.Write(value, storeType);
        }
        else
        {
            importer.WriteNull();
        }
    }

    // typeof(T) tests are constants to the JIT in each instantiation, so each column's binding compiles to one branch.
    public override int Bind(sqlite3_stmt statement, int index, DatasetRecord record)
    {
        var (hasValue, value) = read(record);
        if (!hasValue || value is null)
        {
            return raw.sqlite3_bind_null(statement, index);
        }

        if (typeof(T) == typeof(string))
        {
            return raw.sqlite3_bind_text16(statement, index, (string)(object)value);
        }

        if (typeof(T) == typeof(decimal))
        {
            var number = (decimal)(object)value;
            Span<char> digits = stackalloc char[64];
            return number.TryFormat(digits, out var written, DecimalFormat, CultureInfo.InvariantCulture)
                ? raw.sqlite3_bind_text16(statement, index, digits[..written])
                : raw.sqlite3_bind_text16(statement, index, number.ToString(DecimalFormat, CultureInfo.InvariantCulture));
        }

        if (typeof(T) == typeof(bool))
        {
            return raw.sqlite3_bind_int64(statement, index, (bool)(object)value ? 1 : 0);
        }

        if (typeof(T) == typeof(int))
        {
            return raw.sqlite3_bind_int64(statement, index, (int)(object)value);
        }

        if (typeof(T) == typeof(long))
        {
            return raw.sqlite3_bind_int64(statement, index, (long)(object)value);
        }

        if (typeof(T) == typeof(double))
        {
            return raw.sqlite3_bind_double(statement, index, (double)(object)value);
        }

        throw new NotSupportedException($"The SQLite bulk writer cannot bind column '{name}' of type {typeof(T).Name}.");
    }
}
