using OpenBams.Law.Budget;

namespace OpenBams.Law.Tests.Budget;

/// <summary>FL 13.1, 11.1, 11.2: nothing is committed or paid beyond the line's appropriation.</summary>
public class AppropriationTests
{
    internal static readonly BudgetRef B = new(7, 2027);
    internal static Money M(decimal m) => Money.Manat(m);
    internal static readonly DateOnly Day = new(2027, 3, 10);

    internal static BudgetLine Line(string code, decimal approved, LineFunding f = LineFunding.General, string? purpose = null) =>
        BudgetLine.Approve(B, code, ExpenditureArea.StreetsYardsGardens, M(approved), f, purpose ?? (f == LineFunding.General ? null : "layihə"));

    [Fact]
    public void FL_13_1_a_commitment_of_exactly_the_available_appropriation_is_allowed()
    {
        var d = AppropriationControl.Check(Line("E1", 1000m) with { Committed = M(400m) }, M(600m), ExpenditureKind.Commitment, Day);
        Assert.True(d.IsAllowed);
        Assert.Equal((M(1000m), Money.Zero, M(1000m)), (d.Line.Committed, d.Line.Available, d.Line.OpenCommitments));
    }

    [Fact]
    public void FL_13_1_one_qepik_above_the_available_appropriation_is_refused_naming_the_line_and_the_amounts()
    {
        var line = Line("E1", 1000m) with { Committed = M(400m) };
        var d = AppropriationControl.Check(line, M(600.01m), ExpenditureKind.Commitment, Day);
        Assert.False(d.IsAllowed);
        Assert.Same(line, d.Line);
        var v = d.Check.Violation!;
        Assert.Equal(("FL 13.1", "amount"), (v.Rule.ToString(), v.Field));
        Assert.Contains("E1", v.MessageEn);
        Assert.Contains("600.01", v.MessageEn);
        Assert.Contains("600.00", v.MessageEn);
        Assert.Contains("1,000.00", v.MessageEn);
        Assert.Contains("600,01", v.MessageAz);
        Assert.Throws<LegalRuleViolation>(d.Check.ThrowIfRefused);
    }

    [Fact]
    public void FL_10_4_and_FL_11_1_amendments_and_reallocations_change_the_appropriation()
    {
        var line = Line("E1", 1000m) with { Amendments = M(-100m), ReallocatedIn = M(50m), ReallocatedOut = M(20m), Committed = M(900m) };
        Assert.Equal((M(930m), M(30m)), (line.Appropriation, line.Available));
        Assert.True(AppropriationControl.Check(line, M(30m), ExpenditureKind.DirectPayment, Day).IsAllowed);
        Assert.False(AppropriationControl.Check(line, M(30.01m), ExpenditureKind.DirectPayment, Day).IsAllowed);
    }

    [Fact]
    public void FL_13_1_a_payment_of_a_commitment_is_limited_by_the_unpaid_commitments_not_by_the_available_balance()
    {
        var line = Line("E1", 1000m) with { Committed = M(1000m), Paid = M(300m) };
        var ok = AppropriationControl.Check(line, M(700m), ExpenditureKind.PaymentOfCommitment, Day);
        Assert.True(ok.IsAllowed);
        Assert.Equal((M(1000m), M(1000m)), (ok.Line.Committed, ok.Line.Paid));
        var no = AppropriationControl.Check(line, M(700.01m), ExpenditureKind.PaymentOfCommitment, Day);
        Assert.Equal("FL 13.1", no.Check.Rule.ToString());
    }

    [Fact]
    public void FL_13_1_a_direct_payment_commits_and_pays_at_once()
    {
        var d = AppropriationControl.Check(Line("E1", 100m), M(40m), ExpenditureKind.DirectPayment, Day);
        Assert.Equal((M(40m), M(40m), M(60m)), (d.Line.Committed, d.Line.Paid, d.Line.Available));
    }

    [Theory]
    [InlineData("31.12.2026")]
    [InlineData("01.01.2028")]
    public void FL_11_2_no_expenditure_outside_the_budget_year(string day)
    {
        var d = AppropriationControl.Check(Line("E1", 100m), M(1m), ExpenditureKind.Commitment, DateOnly.ParseExact(day, "dd.MM.yyyy"));
        Assert.Equal(("FL 11.2", "date"), (d.Check.Rule.ToString(), d.Check.Violation!.Field));
    }

    [Fact]
    public void FL_4_4_the_first_and_last_day_of_the_year_are_inside_it()
    {
        Assert.True(AppropriationControl.Check(Line("E1", 100m), M(1m), ExpenditureKind.Commitment, new(2027, 1, 1)).IsAllowed);
        Assert.True(AppropriationControl.Check(Line("E1", 100m), M(1m), ExpenditureKind.Commitment, new(2027, 12, 31)).IsAllowed);
    }

    [Fact]
    public void An_expenditure_is_a_positive_amount() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AppropriationControl.Check(Line("E1", 100m), Money.Zero, ExpenditureKind.Commitment, Day));

    [Fact]
    public void FL_13_1_earmarked_lines_are_controlled_the_same_way()
    {
        var d = AppropriationControl.Check(Line("D1", 50m, LineFunding.DelegatedStatePowers, "qeydiyyat"), M(50.01m), ExpenditureKind.Commitment, Day);
        Assert.Equal("FL 13.1", d.Check.Rule.ToString());
    }

    [Fact]
    public void FL_8_5_a_well_formed_budget_passes_the_structure_check()
    {
        var lines = new[] { Line("E1", 100m), Line("D1", 50m, LineFunding.DelegatedStatePowers, "qeydiyyat"), Line("V1", 10m, LineFunding.VoluntaryPaymentProject, "park") };
        Assert.True(AppropriationControl.CheckStructure(lines).IsAllowed);
    }

    [Fact]
    public void FL_8_5_an_earmarked_line_names_its_purpose()
    {
        var c = AppropriationControl.CheckStructure([Line("D1", 50m, LineFunding.DelegatedStatePowers) with { Purpose = " " }]);
        Assert.Equal(("FL 8.5", "purpose"), (c.Rule.ToString(), c.Violation!.Field));
        var v = AppropriationControl.CheckStructure([Line("V1", 50m, LineFunding.VoluntaryPaymentProject) with { Purpose = null }]);
        Assert.Equal("LTP 3.5", v.Rule.ToString());
    }

    [Fact]
    public void FL_8_5_money_for_a_delegated_power_is_not_mixed_into_a_general_line()
    {
        var c = AppropriationControl.CheckStructure([Line("D1", 50m, LineFunding.DelegatedStatePowers, "qeydiyyat"), Line("E1", 100m) with { Purpose = "Qeydiyyat" }]);
        Assert.Equal(("FL 8.5", "funding"), (c.Rule.ToString(), c.Violation!.Field));
        Assert.Contains("D1", c.Violation.MessageEn);
    }

    [Fact]
    public void FL_4_3_a_line_code_is_unique_in_its_budget()
    {
        var c = AppropriationControl.CheckStructure([Line("E1", 1m), Line("e1", 2m)]);
        Assert.Equal(("FL 4.3", "code"), (c.Rule.ToString(), c.Violation!.Field));
    }

    [Fact]
    public void The_structure_check_takes_one_budget() =>
        Assert.Throws<ArgumentException>(() => AppropriationControl.CheckStructure([Line("E1", 1m), Line("E2", 1m) with { Budget = new(7, 2028) }]));
}
