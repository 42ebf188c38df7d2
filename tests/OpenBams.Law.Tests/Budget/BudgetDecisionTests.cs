using OpenBams.Law.Budget;
using static OpenBams.Law.Tests.Budget.AppropriationTests;

namespace OpenBams.Law.Tests.Budget;

/// <summary>FL 10.2-10.4, 11.3, 12: the budget and its changes take effect only by a council decision; FL 8.3 norms.</summary>
public class BudgetDecisionTests
{
    [Theory]
    [InlineData(BudgetAct.Approval, "FL 10.2")]
    [InlineData(BudgetAct.ApprovalWithDotation, "FL 10.3")]
    [InlineData(BudgetAct.Amendment, "FL 10.4")]
    [InlineData(BudgetAct.Sequestration, "FL 12")]
    [InlineData(BudgetAct.AnnualReport, "FL 11.3")]
    public void FL_10_an_act_without_a_decision_is_refused_with_its_article(BudgetAct act, string article)
    {
        var c = BudgetDecisions.RequireDecision(act, null, null, new DateOnly(2026, 12, 18));
        Assert.Equal((article, "decisionId"), (c.Rule.ToString(), c.Violation!.Field));
        Assert.False(BudgetDecisions.RequireDecision(act, "12/2026", null, new DateOnly(2026, 12, 18)).IsAllowed);
        Assert.False(BudgetDecisions.RequireDecision(act, " ", new DateOnly(2026, 12, 18), new DateOnly(2026, 12, 18)).IsAllowed);
    }

    [Fact]
    public void FL_10_2_an_approval_by_a_decision_is_allowed() =>
        Assert.True(BudgetDecisions.RequireDecision(BudgetAct.Approval, "41/2026", new DateOnly(2026, 12, 18)).IsAllowed);

    [Fact]
    public void FL_10_4_only_an_approved_budget_is_amended_and_not_by_an_older_decision()
    {
        var approved = new DateOnly(2026, 12, 18);
        Assert.Equal(("FL 10.4", "budgetId"), (BudgetDecisions.RequireDecision(BudgetAct.Amendment, "3/2027", new(2027, 2, 1)).Rule.ToString(),
            BudgetDecisions.RequireDecision(BudgetAct.Amendment, "3/2027", new(2027, 2, 1)).Violation!.Field));
        Assert.True(BudgetDecisions.RequireDecision(BudgetAct.Amendment, "3/2027", approved, approved).IsAllowed);
        Assert.False(BudgetDecisions.RequireDecision(BudgetAct.Sequestration, "3/2027", approved.AddDays(-1), approved).IsAllowed);
    }

    [Fact]
    public void FL_8_3_with_state_support_a_norm_may_equal_the_state_norm_but_not_exceed_it_by_a_qepik()
    {
        Assert.True(ExpenditureNorms.Check("N1", M(100m), M(100m), receivesStateSupport: true).IsAllowed);
        var c = ExpenditureNorms.Check("N1", M(100.01m), M(100m), receivesStateSupport: true);
        Assert.Equal(("FL 8.3", "norm"), (c.Rule.ToString(), c.Violation!.Field));
    }

    [Fact]
    public void FL_8_2_without_state_support_the_municipality_sets_its_norms_freely()
    {
        Assert.True(ExpenditureNorms.Check("N1", M(1000m), M(100m), receivesStateSupport: false).IsAllowed);
        Assert.True(ExpenditureNorms.Check("N1", M(1000m), null, receivesStateSupport: false).IsAllowed);
    }

    [Fact]
    public void FL_8_3_with_state_support_an_unknown_state_norm_is_refused() =>
        Assert.Equal("stateNorm", ExpenditureNorms.Check("N1", M(1m), null, receivesStateSupport: true).Violation!.Field);
}
