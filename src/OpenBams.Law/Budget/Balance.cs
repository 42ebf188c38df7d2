namespace OpenBams.Law.Budget;

/// <summary>A revenue amount of one class (planned or received).</summary>
public sealed record RevenueAmount(RevenueClass Class, Money Amount);

/// <summary>The deficit figures of a budget (FL 8.6, SL 41.2) and how far a dotation covers it.</summary>
/// <param name="Expenditure">Total expenditure.</param>
/// <param name="OwnRevenue">Revenue of the own classes (<see cref="BudgetClassification.IsOwnRevenue"/>).</param>
/// <param name="Deficit">FL 8.6: the part of expenditure own revenue does not cover (0 when own revenue covers it all).</param>
/// <param name="Dotation">The dotation (FL 7.1.7) in the revenue.</param>
/// <param name="OtherStateFunds">Subventions, state loans, compensations and delegated-powers funds (FL 7.1.7, 7.1.10, 6.2).</param>
/// <param name="OpeningFreeBalance">Last year's free balance carried forward (FL 5.3, 11.2).</param>
/// <param name="Uncovered">Expenditure − all revenue − opening free balance, when positive: the gap nothing covers; FL 12 compares this with the limit.</param>
public sealed record DeficitFigures(
    Money Expenditure, Money OwnRevenue, Money Deficit, Money Dotation, Money OtherStateFunds, Money OpeningFreeBalance, Money Uncovered)
{
    /// <summary>FL 8.6: the deficit left after the dotation (never below 0): what a dotation request still has to ask for.</summary>
    public Money DeficitAfterDotation => Deficit > Dotation ? Deficit - Dotation : Money.Zero;

    /// <summary>Whether the dotation covers the whole FL 8.6 deficit.</summary>
    public bool DotationCoversDeficit => Dotation >= Deficit;
}

/// <summary>The deficit and dotation arithmetic of FL 8.6 and SL 41.2.</summary>
public static class BudgetBalance
{
    /// <summary>
    /// FL 8.6: "Xərclərinin öz gəlirləri ilə təmin olunmayan hissəsi (yerli büdcənin kəsiri) dövlət büdcəsindən alınan dotasiya ilə
    /// örtülə bilər" (the same words in SL 41.2). Deficit = expenditure − own revenue, when positive. Own revenue excludes money of
    /// the state budget; grants count as own unless <paramref name="grantsAreOwn"/> is false (the law does not say).
    /// </summary>
    [Law("FL 8.6")]
    [Law("SL 41.2")]
    public static DeficitFigures Compute(Money expenditure, IEnumerable<RevenueAmount> revenue, Money openingFreeBalance = default, bool grantsAreOwn = true)
    {
        ArgumentNullException.ThrowIfNull(revenue);
        var list = revenue.ToArray();
        Money Sum(Func<RevenueAmount, bool> f) => list.Where(f).Aggregate(Money.Zero, (s, r) => s + r.Amount);
        var own = Sum(r => BudgetClassification.IsOwnRevenue(r.Class, grantsAreOwn));
        var dotation = Sum(r => r.Class == RevenueClass.Dotation);
        var otherState = Sum(r => r.Class != RevenueClass.Dotation && BudgetClassification.Info(r.Class).FromStateBudget);
        // A grant the municipality does not count as own is still money in hand for the uncovered gap.
        var all = Sum(_ => true);
        var deficit = expenditure > own ? expenditure - own : Money.Zero;
        var gap = expenditure - all - openingFreeBalance;
        return new(expenditure, own, deficit, dotation, otherState, openingFreeBalance, gap > Money.Zero ? gap : Money.Zero);
    }

    /// <summary>FL 12: the deficit exceeds its limit (strictly: a deficit equal to the limit does not).</summary>
    [Law("FL 12")]
    public static bool ExceedsLimit(Money deficit, Money limit) => deficit > limit;
}
