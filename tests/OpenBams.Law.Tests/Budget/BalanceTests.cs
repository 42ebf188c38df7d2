using OpenBams.Law.Budget;
using static OpenBams.Law.Tests.Budget.AppropriationTests;

namespace OpenBams.Law.Tests.Budget;

/// <summary>FL 8.6, SL 41.2: the deficit is the expenditure own revenue does not cover; a dotation may cover it.</summary>
public class BalanceTests
{
    private static RevenueAmount R(RevenueClass c, decimal m) => new(c, M(m));

    [Fact]
    public void FL_8_6_the_deficit_is_expenditure_less_own_revenue_and_the_dotation_covers_it()
    {
        var f = BudgetBalance.Compute(M(10_000m),
            [R(RevenueClass.LandTax, 3000m), R(RevenueClass.PropertyTax, 1500.50m), R(RevenueClass.Lease, 499.50m),
             R(RevenueClass.Dotation, 4000m), R(RevenueClass.Subvention, 800m)]);
        Assert.Equal((M(5000m), M(5000m), M(4000m), M(800m)), (f.OwnRevenue, f.Deficit, f.Dotation, f.OtherStateFunds));
        Assert.Equal(M(1000m), f.DeficitAfterDotation);
        Assert.False(f.DotationCoversDeficit);
        Assert.Equal(M(200m), f.Uncovered);
    }

    [Fact]
    public void FL_8_6_a_dotation_equal_to_the_deficit_covers_it_one_qepik_less_does_not()
    {
        var exact = BudgetBalance.Compute(M(100m), [R(RevenueClass.LandTax, 40m), R(RevenueClass.Dotation, 60m)]);
        Assert.True(exact.DotationCoversDeficit);
        Assert.Equal(Money.Zero, exact.DeficitAfterDotation);
        var short1 = BudgetBalance.Compute(M(100m), [R(RevenueClass.LandTax, 40m), R(RevenueClass.Dotation, 59.99m)]);
        Assert.Equal(Money.FromQepik(1), short1.DeficitAfterDotation);
        Assert.Equal(Money.FromQepik(1), short1.Uncovered);
    }

    [Fact]
    public void FL_8_6_no_deficit_when_own_revenue_covers_expenditure()
    {
        var f = BudgetBalance.Compute(M(100m), [R(RevenueClass.LandTax, 100.01m)]);
        Assert.Equal((Money.Zero, Money.Zero, true), (f.Deficit, f.Uncovered, f.DotationCoversDeficit));
    }

    [Fact]
    public void FL_8_6_grants_count_as_own_revenue_unless_configured_otherwise()
    {
        IEnumerable<RevenueAmount> rev = [R(RevenueClass.LandTax, 50m), R(RevenueClass.GrantsAndAid, 30m)];
        Assert.Equal(M(20m), BudgetBalance.Compute(M(100m), rev).Deficit);
        var strict = BudgetBalance.Compute(M(100m), rev, grantsAreOwn: false);
        Assert.Equal(M(50m), strict.Deficit);
        Assert.Equal(M(20m), strict.Uncovered); // the grant is still money in hand
    }

    [Fact]
    public void FL_5_3_last_years_free_balance_reduces_the_uncovered_gap_not_the_FL_8_6_deficit()
    {
        var f = BudgetBalance.Compute(M(100m), [R(RevenueClass.LandTax, 70m)], openingFreeBalance: M(30m));
        Assert.Equal((M(30m), Money.Zero), (f.Deficit, f.Uncovered));
    }

    [Fact]
    public void FL_8_6_state_loans_compensations_and_delegated_funds_are_not_own_revenue()
    {
        var f = BudgetBalance.Compute(M(100m),
            [R(RevenueClass.StateBudgetLoan, 10m), R(RevenueClass.Compensation, 10m), R(RevenueClass.DelegatedPowersFunding, 10m)]);
        Assert.Equal((Money.Zero, M(100m), M(30m)), (f.OwnRevenue, f.Deficit, f.OtherStateFunds));
    }
}
