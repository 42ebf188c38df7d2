using OpenBams.Law.Budget;
using static OpenBams.Law.Tests.Budget.AppropriationTests;

namespace OpenBams.Law.Tests.Budget;

/// <summary>FL 11.1: reallocation within the approved appropriations, never of targeted money.</summary>
public class ReallocationTests
{
    [Fact]
    public void FL_11_1_money_moves_between_general_lines_of_the_same_budget()
    {
        var d = Reallocations.Check(Line("E1", 1000m), Line("E2", 500m), M(200m));
        Assert.True(d.IsAllowed);
        Assert.Equal((M(800m), M(700m)), (d.From.Available, d.To.Available));
        Assert.Equal((M(200m), M(200m)), (d.From.ReallocatedOut, d.To.ReallocatedIn));
    }

    [Fact]
    public void FL_11_1_all_that_is_available_may_move_but_not_one_qepik_more()
    {
        var source = Line("E1", 1000m) with { Committed = M(600m) };
        Assert.True(Reallocations.Check(source, Line("E2", 0m), M(400m)).IsAllowed);
        var no = Reallocations.Check(source, Line("E2", 0m), M(400.01m));
        Assert.Equal(("FL 11.1", "amount"), (no.Check.Rule.ToString(), no.Check.Violation!.Field));
        Assert.Same(source, no.From);
    }

    [Theory]
    [InlineData(LineFunding.DelegatedStatePowers, "FL 8.5")]
    [InlineData(LineFunding.StateTargeted, "FL 11.1")]
    [InlineData(LineFunding.VoluntaryPaymentProject, "LTP 3.5")]
    public void FL_11_1_nothing_moves_out_of_an_earmarked_line(LineFunding f, string article)
    {
        var d = Reallocations.Check(Line("X1", 1000m, f, "məktəb"), Line("E2", 0m), M(1m));
        Assert.Equal((article, "fromLine"), (d.Check.Rule.ToString(), d.Check.Violation!.Field));
        Assert.Contains("məktəb", d.Check.Violation.MessageEn);
    }

    [Theory]
    [InlineData(LineFunding.DelegatedStatePowers, "FL 8.5")]
    [InlineData(LineFunding.StateTargeted, "FL 11.1")]
    [InlineData(LineFunding.VoluntaryPaymentProject, "LTP 3.5")]
    public void FL_11_1_nothing_moves_into_an_earmarked_line(LineFunding f, string article)
    {
        var d = Reallocations.Check(Line("E1", 1000m), Line("X1", 10m, f, "məktəb"), M(1m));
        Assert.Equal((article, "toLine"), (d.Check.Rule.ToString(), d.Check.Violation!.Field));
    }

    [Fact]
    public void FL_11_1_only_within_the_same_budget()
    {
        var d = Reallocations.Check(Line("E1", 1000m), Line("E2", 0m) with { Budget = new(8, 2027) }, M(1m));
        Assert.Equal(("FL 11.1", "toLine"), (d.Check.Rule.ToString(), d.Check.Violation!.Field));
        var y = Reallocations.Check(Line("E1", 1000m), Line("E2", 0m) with { Budget = new(7, 2028) }, M(1m));
        Assert.False(y.IsAllowed);
    }

    [Fact]
    public void FL_11_1_a_line_does_not_reallocate_to_itself() =>
        Assert.False(Reallocations.Check(Line("E1", 1000m), Line("e1", 1000m), M(1m)).IsAllowed);

    [Fact]
    public void FL_11_1_the_law_sets_no_share_limit_so_by_default_the_whole_line_may_move()
    {
        Assert.Null(ReallocationLimit.None.MaxShareOutOfLine);
        Assert.True(Reallocations.Check(Line("E1", 1000m), Line("E2", 0m), M(1000m)).IsAllowed);
    }

    [Fact]
    public void FL_11_1_a_configured_share_limit_allows_up_to_the_exact_share_and_refuses_one_qepik_more_over_the_year()
    {
        var limit = ReallocationLimit.Share(0.10m);
        var source = Line("E1", 1000m) with { Amendments = M(234.56m) }; // base 1234.56 → 10 % is 123.456: at most 123.45
        Assert.True(Reallocations.Check(source, Line("E2", 0m), M(123.45m), limit).IsAllowed);
        Assert.False(Reallocations.Check(source, Line("E2", 0m), M(123.46m), limit).IsAllowed);
        var moved = source with { ReallocatedOut = M(100m) };
        Assert.True(Reallocations.Check(moved, Line("E2", 0m), M(23.45m), limit).IsAllowed);
        var no = Reallocations.Check(moved, Line("E2", 0m), M(23.46m), limit);
        Assert.Contains("123.45", no.Check.Violation!.MessageEn);
        Assert.Equal("FL 11.1", no.Check.Rule.ToString());
        Assert.Contains("10%", no.Check.Violation.MessageEn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    public void A_share_limit_is_above_0_and_at_most_1(decimal share) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReallocationLimit.Share(share));

    [Fact]
    public void A_reallocation_moves_a_positive_amount() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Reallocations.Check(Line("E1", 1m), Line("E2", 1m), Money.Zero));
}
