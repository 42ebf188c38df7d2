using OpenBams.Law.Budget;
using static OpenBams.Law.Tests.Budget.AppropriationTests;

namespace OpenBams.Law.Tests.Budget;

/// <summary>FL 11.2, 5.3: commitments end with the year; free balances stay and carry forward; earmarked money stays earmarked.</summary>
public class YearEndTests
{
    private static readonly BudgetLine[] Lines =
    [
        Line("E1", 1000m) with { Committed = M(900m), Paid = M(850m) },
        Line("E2", 500m) with { Committed = M(500m), Paid = M(500m) },
        Line("V1", 300m, LineFunding.VoluntaryPaymentProject, "park") with { Committed = M(120m), Paid = M(100m) },
    ];

    private static readonly FundPool[] Pools =
    [
        new(LineFunding.General, null, M(200m), M(1500m), M(1350m)),
        new(LineFunding.VoluntaryPaymentProject, "park", Money.Zero, M(300m), M(100m)),
        new(LineFunding.DelegatedStatePowers, "qeydiyyat", M(10m), M(90m), M(100.01m)),
    ];

    [Fact]
    public void FL_11_2_open_commitments_end_when_the_budget_year_ends()
    {
        var c = YearEndRules.Close(B, Lines, Pools);
        Assert.Equal([("E1", M(50m)), ("V1", M(20m))], c.EndedCommitments.Select(e => (e.LineCode, e.Unpaid)));
        Assert.Equal(M(70m), c.EndedTotal);
    }

    [Fact]
    public void FL_5_3_the_free_balance_stays_with_the_municipality_and_opens_next_year()
    {
        var c = YearEndRules.Close(B, Lines, Pools);
        Assert.Equal(M(350m), c.FreeBalance);
        var general = c.NextYearOpening.Single(p => p.Funding == LineFunding.General);
        Assert.Equal((M(350m), Money.Zero, Money.Zero), (general.Opening, general.Received, general.Paid));
    }

    [Fact]
    public void LTP_3_5_an_unspent_voluntary_payment_carries_forward_still_earmarked_to_its_project()
    {
        var c = YearEndRules.Close(B, Lines, Pools);
        var e = Assert.Single(c.Earmarked);
        Assert.Equal((LineFunding.VoluntaryPaymentProject, "park", M(200m), EarmarkedBalanceTreatment.CarryForwardEarmarked, "LTP 3.5"),
            (e.Funding, e.Purpose, e.Balance, e.Treatment, e.Article.ToString()));
        Assert.Contains(c.NextYearOpening, p => p.Funding == LineFunding.VoluntaryPaymentProject && p.Purpose == "park" && p.Opening == M(200m));
    }

    [Fact]
    public void FL_11_2_an_earmarked_balance_returns_only_where_the_caller_says_its_own_act_requires_it()
    {
        var pools = new[] { new FundPool(LineFunding.StateTargeted, "subvensiya-1", Money.Zero, M(100m), M(40m)) };
        var kept = YearEndRules.Close(B, [], pools);
        Assert.Equal(("FL 11.1", EarmarkedBalanceTreatment.CarryForwardEarmarked), (kept.Earmarked[0].Article.ToString(), kept.Earmarked[0].Treatment));
        var back = YearEndRules.Close(B, [], pools, returnToGrantor: ["SUBVENSIYA-1"]);
        Assert.Equal(EarmarkedBalanceTreatment.ReturnToGrantor, back.Earmarked[0].Treatment);
        Assert.DoesNotContain(back.NextYearOpening, p => p.Funding == LineFunding.StateTargeted);
    }

    [Fact]
    public void FL_11_1_an_earmarked_pool_paid_beyond_its_money_is_reported_as_overspent()
    {
        var c = YearEndRules.Close(B, Lines, Pools);
        Assert.Equal(["qeydiyyat"], c.Overspent.Select(p => p.Purpose));
        Assert.DoesNotContain(c.Earmarked, e => e.Purpose == "qeydiyyat");
    }

    [Fact]
    public void FL_11_2_a_fully_spent_earmark_carries_nothing()
    {
        var c = YearEndRules.Close(B, [], [new FundPool(LineFunding.VoluntaryPaymentProject, "park", Money.Zero, M(10m), M(10m))]);
        Assert.Empty(c.Earmarked);
        Assert.Empty(c.Overspent);
    }

    [Fact]
    public void Two_pools_for_one_purpose_or_lines_of_another_budget_are_refused()
    {
        Assert.Throws<ArgumentException>(() => YearEndRules.Close(B, [],
            [new FundPool(LineFunding.VoluntaryPaymentProject, "park", Money.Zero, M(1m), Money.Zero), new FundPool(LineFunding.VoluntaryPaymentProject, "PARK", Money.Zero, M(1m), Money.Zero)]));
        Assert.Throws<ArgumentException>(() => YearEndRules.Close(new BudgetRef(7, 2028), Lines, Pools));
        Assert.Throws<ArgumentException>(() => YearEndRules.Close(B, [], [new FundPool(LineFunding.StateTargeted, null, Money.Zero, M(1m), Money.Zero)]));
    }
}
