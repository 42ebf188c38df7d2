using OpenBams.Law.Budget;
using OpenBams.Law.Taxes;

namespace OpenBams.Law.Tests.Budget;

/// <summary>The budget classification of FL 7.1, 7.3, 8.2 as reference data, and the earmarks of FL 8.5, 11.1, LTP 3.5.</summary>
public class ClassificationTests
{
    [Fact]
    public void FL_7_1_every_sub_item_1_to_11_has_at_least_one_revenue_class()
    {
        var articles = BudgetClassification.Revenue.Select(r => r.Article.ToString()).ToHashSet();
        for (var i = 1; i <= 11; i++) Assert.Contains($"FL 7.1.{i}", articles);
        Assert.Contains("FL 7.3", articles);
    }

    [Fact]
    public void FL_4_3_revenue_and_expenditure_codes_are_unique_and_every_class_has_one_entry()
    {
        Assert.Equal(BudgetClassification.Revenue.Count, BudgetClassification.Revenue.Select(r => r.Code).Distinct().Count());
        Assert.Equal(BudgetClassification.Expenditure.Count, BudgetClassification.Expenditure.Select(r => r.Code).Distinct().Count());
        Assert.Equal(Enum.GetValues<RevenueClass>().Order(), BudgetClassification.Revenue.Select(r => r.Class).Order());
        Assert.Equal(Enum.GetValues<ExpenditureArea>().Order(), BudgetClassification.Expenditure.Select(r => r.Area).Order());
    }

    [Theory]
    [InlineData("R-7.1.1", RevenueClass.LandTax)]
    [InlineData("r-7.1.7a", RevenueClass.Dotation)]
    [InlineData("R-7.1.7b", RevenueClass.Subvention)]
    [InlineData("R-7.1.8a", RevenueClass.Privatisation)]
    [InlineData("R-7.1.8b", RevenueClass.Lease)]
    [InlineData(" R-7.3 ", RevenueClass.VoluntaryPayment)]
    [InlineData("R-6.2", RevenueClass.DelegatedPowersFunding)]
    public void FL_7_1_stable_codes_find_their_class(string code, RevenueClass expected) =>
        Assert.Equal(expected, BudgetClassification.RevenueByCode(code)!.Class);

    [Fact]
    public void FL_7_1_unknown_code_is_null() => Assert.Null(BudgetClassification.RevenueByCode("R-7.1.12"));

    [Fact]
    public void FL_7_1_every_local_tax_posts_to_the_sub_item_the_taxes_module_names()
    {
        foreach (var tax in Enum.GetValues<LocalTax>())
            Assert.Equal(LocalTaxes.RevenueClass(tax), BudgetClassification.Info(BudgetClassification.ForLocalTax(tax)).Article);
    }

    [Theory]
    [InlineData(LocalTax.LandTax, RevenueClass.LandTax)]
    [InlineData(LocalTax.HotelPayment, RevenueClass.HotelFee)]
    [InlineData(LocalTax.ParkingPayment, RevenueClass.ParkingFee)]
    [InlineData(LocalTax.TradePayment, RevenueClass.OtherLocalPayments)]
    [InlineData(LocalTax.AdvertisingPayment, RevenueClass.Advertising)]
    [InlineData(LocalTax.VoluntaryPayment, RevenueClass.VoluntaryPayment)]
    [InlineData(LocalTax.InterestOnArrears, RevenueClass.InterestAndSanctions)]
    public void FL_7_1_6_local_payments_split_by_kind(LocalTax tax, RevenueClass expected) =>
        Assert.Equal(expected, BudgetClassification.ForLocalTax(tax));

    [Fact]
    public void SL_33_5_privatisation_income_goes_wholly_to_the_local_budget_and_LTP_9_1_2_lease_to_lease_income()
    {
        Assert.True(BudgetClassification.Info(RevenueClass.Privatisation).WhollyToLocalBudget);
        Assert.Equal(RevenueClass.Privatisation, BudgetClassification.ForMunicipalPropertyPayment(alienation: true));
        Assert.Equal(RevenueClass.Lease, BudgetClassification.ForMunicipalPropertyPayment(alienation: false));
        Assert.Single(BudgetClassification.Revenue, r => r.WhollyToLocalBudget);
    }

    [Theory]
    [InlineData(RevenueClass.Dotation, false)]          // FL 8.6: general cover of the deficit
    [InlineData(RevenueClass.StateBudgetLoan, false)]
    [InlineData(RevenueClass.Subvention, true)]         // FL 8.5, 11.1
    [InlineData(RevenueClass.Compensation, true)]       // FL 7.1.10: for the costs of the state decision
    [InlineData(RevenueClass.DelegatedPowersFunding, true)]
    [InlineData(RevenueClass.VoluntaryPayment, true)]   // LTP 3.5, FL 7.3
    [InlineData(RevenueClass.GrantsAndAid, false)]
    [InlineData(RevenueClass.LandTax, false)]
    public void FL_11_1_targeted_money_is_earmarked_and_the_dotation_is_not(RevenueClass c, bool earmarked) =>
        Assert.Equal(earmarked, BudgetClassification.Info(c).IsEarmarked);

    [Theory]
    [InlineData(LineFunding.DelegatedStatePowers, true, "FL 8.5")]
    [InlineData(LineFunding.StateTargeted, true, "FL 11.1")]
    [InlineData(LineFunding.VoluntaryPaymentProject, false, "LTP 3.5")]
    public void FL_8_5_delegated_powers_and_subventions_stand_on_separate_lines_and_all_earmarks_are_locked(LineFunding f, bool separate, string lockedBy)
    {
        Assert.Equal(separate, Funding.NeedsSeparateLine(f));
        Assert.True(Funding.IsEarmarked(f));
        Assert.Equal(lockedBy, Funding.LockedBy(f).ToString());
    }

    [Fact]
    public void FL_8_5_general_money_is_not_locked()
    {
        Assert.False(Funding.IsEarmarked(LineFunding.General));
        Assert.False(Funding.NeedsSeparateLine(LineFunding.General));
        Assert.Null(Funding.LockedBy(LineFunding.General));
    }

    [Theory]
    [InlineData(RevenueClass.LandTax, true)]
    [InlineData(RevenueClass.Privatisation, true)]
    [InlineData(RevenueClass.InterestAndSanctions, true)]
    [InlineData(RevenueClass.VoluntaryPayment, true)]
    [InlineData(RevenueClass.Dotation, false)]
    [InlineData(RevenueClass.Subvention, false)]
    [InlineData(RevenueClass.StateBudgetLoan, false)]
    [InlineData(RevenueClass.Compensation, false)]
    [InlineData(RevenueClass.DelegatedPowersFunding, false)]
    public void FL_8_6_own_revenue_is_everything_but_state_budget_money(RevenueClass c, bool own) =>
        Assert.Equal(own, BudgetClassification.IsOwnRevenue(c));

    [Fact]
    public void FL_8_6_grants_are_own_revenue_by_default_and_can_be_configured_out()
    {
        Assert.True(BudgetClassification.IsOwnRevenue(RevenueClass.GrantsAndAid));
        Assert.False(BudgetClassification.IsOwnRevenue(RevenueClass.GrantsAndAid, grantsAreOwn: false));
    }

    [Fact]
    public void FL_8_2_has_the_six_maintenance_areas_and_the_three_optional_programmes()
    {
        Assert.Equal(6, BudgetClassification.Expenditure.Count(e => e.Article.ToString() == "FL 8.2" && !e.IsOptionalProgramme));
        Assert.Equal(3, BudgetClassification.Expenditure.Count(e => e.IsOptionalProgramme));
        Assert.Equal("E-8.2.6", BudgetClassification.Info(ExpenditureArea.StreetsYardsGardens).Code);
        Assert.Equal("ekoloji proqramlar", BudgetClassification.Name(ExpenditureArea.EcologicalProgrammes, "az"));
        Assert.Equal(ExpenditureArea.Administration, BudgetClassification.ExpenditureByCode("e-8.2.1")!.Area);
    }

    [Fact]
    public void FL_7_1_names_are_in_both_languages()
    {
        Assert.Equal("fiziki şəxslərdən torpaq vergisi", BudgetClassification.Name(RevenueClass.LandTax, "az"));
        Assert.Equal("Land tax from natural persons", BudgetClassification.Name(RevenueClass.LandTax, "en"));
        Assert.All(BudgetClassification.Revenue, r => Assert.False(string.IsNullOrWhiteSpace(r.NameAz + r.NameEn)));
    }

    [Theory]
    [InlineData(2027)]
    [InlineData(2028)]
    public void FL_4_4_the_budget_year_runs_from_1_January_to_31_December(int year)
    {
        var b = new BudgetRef(1, year);
        Assert.Equal((new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), (b.Start, b.End));
        Assert.Equal(year, BudgetYear.Of(new DateOnly(year, 12, 31)));
        Assert.Equal(year + 1, BudgetYear.Of(new DateOnly(year + 1, 1, 1)));
    }
}
