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
    /// <summary>The member.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The month the income was earned.</summary>
    public required YearMonth Month { get; init; }

    /// <summary>The kind of income.</summary>
    public required IncomeKind Kind { get; init; }

    /// <summary>The monthly amount in yuan (after tax); zero for <see cref="IncomeKind.NoIncome"/>.</summary>
    public decimal Amount { get; init; }
}

/// <summary>A dues payment (党费缴纳记录): the month paid for, the amount and the day paid.</summary>
public sealed record DuesPayment : DatasetRecord
{
    /// <summary>The member.</summary>
    public required PersonId PersonId { get; init; }

    /// <summary>The month the payment is for.</summary>
    public required YearMonth Month { get; init; }

    /// <summary>The amount in yuan.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The day it was paid.</summary>
    public required LocalDate PaidOn { get; init; }
}
