using OpenBams.Law.Budget;
using static OpenBams.Law.Tests.Budget.AppropriationTests;

namespace OpenBams.Law.Tests.Budget;

/// <summary>FL 12: the proportional cut of unprotected lines when the deficit exceeds its limit, exact to the qəpik.</summary>
public class SequestrationTests
{
    private static readonly BudgetLine[] Lines =
    [
        Line("E1", 1000m),
        Line("E2", 1000m),
        Line("E3", 1000m),
        Line("P1", 5000m),                                             // protected by the municipality
        Line("D1", 700m, LineFunding.DelegatedStatePowers, "qeydiyyat"), // earmarked: always protected
    ];

    [Fact]
    public void FL_12_a_deficit_at_the_limit_needs_no_sequestration()
    {
        var p = Sequestration.Plan(Lines, M(500m), M(500m), ["P1"]);
        Assert.False(p.Required);
        Assert.Empty(p.Cuts);
        Assert.Equal(Money.Zero, p.Excess);
        Assert.False(BudgetBalance.ExceedsLimit(M(500m), M(500m)));
    }

    [Fact]
    public void FL_12_a_deficit_one_qepik_above_the_limit_cuts_exactly_one_qepik()
    {
        var p = Sequestration.Plan(Lines, M(500.01m), M(500m), ["P1"]);
        Assert.True(p.Required);
        Assert.True(BudgetBalance.ExceedsLimit(M(500.01m), M(500m)));
        Assert.Equal(Money.FromQepik(1), p.TotalCut);
        Assert.Single(p.Cuts, c => c.Cut == Money.FromQepik(1));
        Assert.Equal("E1", p.Cuts.Single(c => c.Cut > Money.Zero).Code); // equal remainders and bases: the first code
    }

    [Fact]
    public void FL_12_an_excess_that_does_not_divide_evenly_is_shared_by_largest_remainder_and_sums_exactly()
    {
        var p = Sequestration.Plan(Lines, M(601m), M(600m), ["P1"]); // 1.00 over three equal lines
        Assert.Equal(new long[] { 34, 33, 33 }, p.Cuts.Select(c => c.Cut.Qepik));
        Assert.Equal(M(1m), p.TotalCut);
    }

    [Fact]
    public void FL_12_protected_and_earmarked_lines_are_not_cut()
    {
        var p = Sequestration.Plan(Lines, M(900m), Money.Zero, ["p1"]);
        Assert.Equal(["E1", "E2", "E3"], p.Cuts.Select(c => c.Code));
        Assert.Equal(["P1", "D1"], p.Protected);
        Assert.All(p.Cuts, c => Assert.Equal(M(300m), c.Cut));
    }

    [Fact]
    public void FL_12_without_configured_protected_lines_every_general_line_shares_the_cut_in_proportion()
    {
        var p = Sequestration.Plan(Lines, M(80m), Money.Zero);
        Assert.Equal(new[] { 1000L, 1000, 1000, 5000 }, p.Cuts.Select(c => c.Cut.Qepik));
        Assert.Equal(["D1"], p.Protected);
    }

    [Fact]
    public void FL_12_an_excess_larger_than_all_unprotected_lines_is_refused()
    {
        var p = Sequestration.Plan(Lines, M(3000.01m), Money.Zero, ["P1"]);
        Assert.True(p.Required);
        Assert.Equal(("FL 12", "deficitLimit"), (p.Check.Rule.ToString(), p.Check.Violation!.Field));
        Assert.Empty(p.Cuts);
        Assert.Throws<LegalRuleViolation>(() => Sequestration.Apply(Lines, p));
        Assert.True(Sequestration.Plan(Lines, M(3000m), Money.Zero, ["P1"]).Check.IsAllowed);
    }

    [Fact]
    public void FL_12_a_cut_larger_than_what_is_uncommitted_is_flagged()
    {
        var lines = new[] { Line("E1", 1000m) with { Committed = M(950m) }, Line("E2", 1000m) };
        Assert.All(Sequestration.Plan(lines, M(100m), Money.Zero).Cuts, c => Assert.False(c.ExceedsAvailable)); // 50 each: E1 has exactly 50 left
        var p = Sequestration.Plan(lines, M(100.02m), Money.Zero);
        Assert.Equal([true, false], p.Cuts.Select(c => c.ExceedsAvailable));
    }

    [Fact]
    public void FL_12_the_base_can_be_the_uncommitted_balance()
    {
        var lines = new[] { Line("E1", 1000m) with { Committed = M(900m) }, Line("E2", 1000m) };
        var p = Sequestration.Plan(lines, M(110m), Money.Zero, basis: SequestrationBase.Available);
        Assert.Equal(new[] { M(10m), M(100m) }, p.Cuts.Select(c => c.Cut));
        Assert.All(p.Cuts, c => Assert.False(c.ExceedsAvailable));
    }

    [Fact]
    public void FL_10_4_applying_a_plan_amends_the_cut_lines_only()
    {
        var p = Sequestration.Plan(Lines, M(601m), M(600m), ["P1"]);
        var after = Sequestration.Apply(Lines, p);
        Assert.Equal(new[] { -0.34m, -0.33m, -0.33m, 0m, 0m }, after.Select(l => l.Amendments.Amount));
        Assert.Equal(Lines.Sum(l => l.Appropriation.Amount) - 1m, after.Sum(l => l.Appropriation.Amount));
    }

    [Fact]
    public void FL_12_cuts_always_sum_to_the_excess_and_stay_within_one_qepik_of_the_exact_share()
    {
        var rnd = new Random(20261203);
        for (var run = 0; run < 500; run++)
        {
            var n = rnd.Next(1, 12);
            var lines = Enumerable.Range(0, n).Select(i => Line($"E{i}", rnd.Next(1, 10_000_000) / 100m)).ToArray();
            var total = lines.Sum(l => l.Approved.Qepik);
            var excess = rnd.NextInt64(1, total + 1);
            var p = Sequestration.Plan(lines, Money.FromQepik(excess), Money.Zero);
            Assert.Equal(excess, p.Cuts.Sum(c => c.Cut.Qepik));
            foreach (var c in p.Cuts)
            {
                var exact = (decimal)excess * c.Base.Qepik / total;
                Assert.True(Math.Abs(c.Cut.Qepik - exact) < 1m, $"{c.Code}: {c.Cut.Qepik} vs {exact}");
                Assert.True(c.Cut <= c.Base);
            }
        }
    }

    [Fact]
    public void Largest_remainder_handles_amounts_whose_products_overflow_a_long()
    {
        var big = 900_000_000_000_000L; // 9 000 000 000 000 manat
        var r = Sequestration.LargestRemainder(big - 1, [("a", big), ("b", big), ("c", 1)]);
        Assert.Equal(big - 1, r.Sum());
    }

    [Fact]
    public void A_deficit_limit_is_not_negative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Sequestration.Plan(Lines, M(1m), M(-1m)));
}
