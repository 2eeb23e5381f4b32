using System.Collections.Concurrent;
using System.Globalization;
using NodaTime;
using PartyDomain.Organization;
using PartyDomain.Rules;

namespace PartyDomain.Dues;

/// <summary>The base a member's dues for one month are worked out from.</summary>
/// <param name="Kind">The kind of income.</param>
/// <param name="Amount">The monthly base in yuan; an irregular earner's quarterly average is exact, not rounded to the fen.</param>
/// <param name="Explanation">How the base was found.</param>
public sealed record DuesBase(IncomeKind Kind, decimal Amount, LocalizedText Explanation);

/// <summary>A <see cref="DuesBase"/> as a value: what the dues sweep works with until it keeps a line.</summary>
internal readonly record struct BaseValue(IncomeKind Kind, decimal Amount, LocalizedText Explanation)
{
    public static BaseValue Of(DuesBase duesBase) => new(duesBase.Kind, duesBase.Amount, duesBase.Explanation);

    public DuesBase ToBase() => new(Kind, Amount, Explanation);
}

/// <summary>
/// Finds the base of a member's dues for a month. An extension point: the national policy is
/// <see cref="NationalDuesBasePolicy"/>; some district committees base lawyers' dues on the previous year-end
/// social-insurance base, which a city plugin provides as its own policy.
/// </summary>
public interface IDuesBasePolicy
{
    /// <summary>The base for <paramref name="month"/>, or <c>null</c> when the declarations do not give one.</summary>
    /// <param name="member">The member.</param>
    /// <param name="month">The month dues are due for.</param>
    /// <param name="incomes">The member's income declarations, in month order.</param>
    DuesBase? BaseFor(Person member, YearMonth month, IReadOnlyList<MemberIncome> incomes);
}

/// <summary>
/// The national base policy (中组发〔2008〕3号): salary and pension bases are the latest declaration in the twelve months up
/// to the month; irregular income is the average over the three months of the previous calendar quarter (months without
/// a declaration count as zero income, and a quarter without any declaration gives no base), kept exact (not rounded to
/// the fen) so that the bracket is chosen on it; no income is a fixed base.
/// </summary>
public sealed class NationalDuesBasePolicy : IDuesBasePolicy
{
    /// <inheritdoc />
    public DuesBase? BaseFor(Person member, YearMonth month, IReadOnlyList<MemberIncome> incomes)
    {
        ArgumentNullException.ThrowIfNull(incomes);
        var declared = incomes.ToArray();
        return BaseFor(declared, Array.ConvertAll(declared, i => MemberRecords<MemberIncome>.Key(i.Month)), MemberRecords<MemberIncome>.Key(month)) is { } b
            ? b.ToBase()
            : null;
    }

    /// <summary>
    /// <see cref="BaseFor(Person, YearMonth, IReadOnlyList{MemberIncome})"/> over a member's declarations with their
    /// months as integers (<see cref="MemberRecords{T}.Key"/>): the dues sweep calls this once per member and month, and
    /// the base comes back as a value, so the sweep allocates nothing for a month whose line it does not keep.
    /// </summary>
    internal static BaseValue? BaseFor(ReadOnlySpan<MemberIncome> incomes, ReadOnlySpan<int> months, int month)
    {
        var latest = Latest(months, month);
        if (latest < 0)
        {
            return null;
        }

        if (incomes[latest].Kind != IncomeKind.IrregularIncome)
        {
            return new BaseValue(incomes[latest].Kind, incomes[latest].Amount, DeclaredText(incomes[latest].Month));
        }

        // The previous calendar quarter: its first month is three months before the current quarter's.
        var quarterStart = month - (month % 3) - 3;
        var found = false;
        var sum = 0m;
        for (var i = 0; i < incomes.Length; i++)
        {
            // The month first: it is at hand, the record's kind is a read of another object.
            if (months[i] >= quarterStart && months[i] <= quarterStart + 2 && incomes[i].Kind == IncomeKind.IrregularIncome)
            {
                found = true;
                sum += incomes[i].Amount;
            }
        }

        if (!found)
        {
            return null;
        }

        // The exact average: the bracket is chosen on it (3,000.00 + 3,000.00 + 3,000.01 averages above 3,000, so 1 %), and
        // the fen rounding happens once, on the amount due (DuesRates.Monthly), never on the base.
        return new BaseValue(IncomeKind.IrregularIncome, sum / 3, QuarterText(new YearMonth(quarterStart / 12, (quarterStart % 12) + 1)));
    }

    /// <summary>
    /// The position of the latest declaration in the twelve months up to <paramref name="month"/>, or -1. With the month's
    /// quarter it decides the base: a salary or pension base is that declaration's, an irregular one the quarter's average.
    /// </summary>
    internal static int Latest(ReadOnlySpan<int> months, int month)
    {
        for (var i = months.Length - 1; i >= 0; i--)
        {
            if (months[i] <= month && months[i] > month - 12)
            {
                return i;
            }
        }

        return -1;
    }

    // This runs per member and month (millions of times for a national city): the explanations depend on a month only,
    // so each is formatted once. Formatted with the invariant culture: NodaTime caches its patterns only for read-only cultures.
    private static readonly ConcurrentDictionary<YearMonth, LocalizedText> Declared = new();
    private static readonly ConcurrentDictionary<YearMonth, LocalizedText> Quarters = new();

    private static LocalizedText DeclaredText(YearMonth month) => Declared.GetOrAdd(month, static m => new(
        string.Create(CultureInfo.InvariantCulture, $"{m:uuuu-MM}申报"), string.Create(CultureInfo.InvariantCulture, $"declared for {m:uuuu-MM}")));

    private static LocalizedText QuarterText(YearMonth quarterStart) => Quarters.GetOrAdd(quarterStart, static q => new(
        string.Create(CultureInfo.InvariantCulture, $"上季度（{q:uuuu-MM}至{q.PlusMonths(2):uuuu-MM}）月均收入"),
        string.Create(CultureInfo.InvariantCulture, $"average monthly income of the last quarter ({q:uuuu-MM} to {q.PlusMonths(2):uuuu-MM})")));
}

/// <summary>
/// The national dues rates (中组发〔2008〕3号): on monthly pay (or an irregular earner's base) up to 3,000 yuan 0.5 %, up to
/// 5,000 yuan 1 %, up to 10,000 yuan 1.5 %, above 10,000 yuan 2 %; on a pension up to 5,000 yuan 0.5 %, above 1 %;
/// without income 0.20 yuan a month. Each bracket includes its upper bound (3,000.00 is 0.5 %, 3,000.01 is 1 %).
/// Amounts are rounded to the fen, half away from zero (四舍五入), once, here, so every screen shows the same figure.
/// </summary>
public static class DuesRates
{
    /// <summary>The monthly dues without income.</summary>
    public const decimal NoIncomeDues = 0.20m;

    /// <summary>The source of the rates.</summary>
    public static Citation Citation { get; } = new(Regulations.PartyDues, null, SourceConfidence.Secondary);

    /// <summary>The rate for a base, as a fraction (0.005 = 0.5 %); zero for <see cref="IncomeKind.NoIncome"/>.</summary>
    /// <param name="kind">The kind of income.</param>
    /// <param name="base">The monthly base.</param>
    public static decimal Rate(IncomeKind kind, decimal @base) => kind switch
    {
        IncomeKind.NoIncome => 0m,
        IncomeKind.Pension => @base <= 5000m ? 0.005m : 0.01m,
        _ => @base <= 3000m ? 0.005m : @base <= 5000m ? 0.01m : @base <= 10000m ? 0.015m : 0.02m,
    };

    /// <summary>The monthly dues for a base, rounded to the fen.</summary>
    /// <param name="duesBase">The base.</param>
    public static decimal Monthly(DuesBase duesBase)
    {
        ArgumentNullException.ThrowIfNull(duesBase);
        return Monthly(duesBase.Kind, duesBase.Amount);
    }

    /// <summary>The monthly dues for a base of <paramref name="kind"/> and <paramref name="amount"/>, rounded to the fen.</summary>
    internal static decimal Monthly(IncomeKind kind, decimal amount) =>
        kind == IncomeKind.NoIncome ? NoIncomeDues : Math.Round(amount * Rate(kind, amount), 2, MidpointRounding.AwayFromZero);
}
