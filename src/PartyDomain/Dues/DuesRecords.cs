using System.Globalization;
using NodaTime;
using PartyDomain.Data;
using PartyDomain.Organization;

namespace PartyDomain.Dues;

/// <summary>What kind of income a dues base comes from.</summary>
public enum IncomeKind
{
    /// <summary>Regular monthly after-tax pay (工资收入).</summary>
    Salary,

    /// <summary>Self-employed or irregular income (most lawyers): the base is last quarter's average monthly net income.</summary>
    IrregularIncome,

    /// <summary>A retiree's pension (离退休费).</summary>
    Pension,

    /// <summary>No income (students, the unemployed): a fixed small amount a month.</summary>
    NoIncome,
}

/// <summary>A member's declared monthly income of one kind, the basis of party dues.</summary>
public sealed record MemberIncome : DatasetRecord
{
    /// <summary>The kind: keyed by member, month and kind of income; one declaration per member and month.</summary>
    public static RecordKind<MemberIncome> Declaration { get; } = new(
        "incomes", new("收入申报", "income declaration"), static i => RecordKey.Natural(i.PersonId.Value, RecordKey.Month(i.Month), i.Kind.ToString()),
        static i => $"{i.PersonId} {RecordKey.Month(i.Month)} {RecordCheck.Code(i.Kind)}")
    {
        Check = static (i, check) =>
        {
            check.Person(i.PersonId);
            check.NotFuture(i.Month.OnDayOfMonth(1), nameof(Month));
            if (i.Amount < 0 || decimal.Round(i.Amount, 2) != i.Amount)
            {
                check.Report("invalid-value", nameof(Amount), i.Amount.ToString(CultureInfo.InvariantCulture), new("收入须为不超过两位小数的非负数", "income must be non-negative with at most two decimals"));
            }

            if (!check.First((i.PersonId, i.Month)))
            {
                check.Report("duplicate-value", nameof(Month), RecordKey.Month(i.Month), new("同一党员同一月份重复申报收入", "the member declared income for this month twice"));
            }
        },
    };

    /// <summary>The member.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The month the income was earned.</summary>
    public required YearMonth Month { get; init; }

    /// <summary>The kind of income.</summary>
    public required IncomeKind Kind { get; init; }

    /// <summary>The monthly amount in yuan (after tax); zero for <see cref="IncomeKind.NoIncome"/>.</summary>
    public decimal Amount { get; init; }

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;
}

/// <summary>A dues payment (党费缴纳记录): the month paid for, the amount and the day paid.</summary>
public sealed record DuesPayment : DatasetRecord
{
    /// <summary>The kind: keyed by member, month and day paid.</summary>
    public static RecordKind<DuesPayment> Declaration { get; } = new(
        "dues_payments", new("党费缴纳", "dues payment"), static p => RecordKey.Natural(p.PersonId.Value, RecordKey.Month(p.Month), RecordKey.Day(p.PaidOn)),
        static p => $"{p.PersonId} {RecordKey.Month(p.Month)} {RecordKey.Day(p.PaidOn)}")
    {
        Check = static (p, check) =>
        {
            check.Person(p.PersonId);
            check.NotFuture(p.PaidOn, nameof(PaidOn));
            if (p.Amount <= 0 || decimal.Round(p.Amount, 2) != p.Amount)
            {
                check.Report("invalid-value", nameof(Amount), p.Amount.ToString(CultureInfo.InvariantCulture), new("缴纳金额须为精确到分的正数", "the amount must be positive, to the fen"));
            }
        },
    };

    /// <summary>The member.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The month the payment is for.</summary>
    public required YearMonth Month { get; init; }

    /// <summary>The amount in yuan.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The day it was paid.</summary>
    public required LocalDate PaidOn { get; init; }

    /// <inheritdoc/>
    protected internal override RecordKind Declared => Declaration;
}

/// <summary>The dataset's income declarations and dues payments.</summary>
public static class DuesRecords
{
    extension(CityDataset dataset)
    {
        /// <summary>All income declarations, the basis of party dues.</summary>
        public IReadOnlyList<MemberIncome> Incomes => dataset.Records<MemberIncome>();

        /// <summary>All dues payments.</summary>
        public IReadOnlyList<DuesPayment> DuesPayments => dataset.Records<DuesPayment>();
    }
}
