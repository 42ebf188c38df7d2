using OpenBams.Law.Taxes;

namespace OpenBams.Law.Tests.Taxes;

/// <summary>SL 43.3 (two thirds of all members), LML 18.5 (statutory agricultural rate), LTP 9.1.4-9.1.5 caps, LTP 11.2 due day, LTP 3.5 earmarking.</summary>
public class RateDecisionTests
{
    [Theory]
    [InlineData(7, 5, true)]
    [InlineData(7, 4, false)]
    [InlineData(9, 6, true)]
    [InlineData(9, 5, false)]
    [InlineData(15, 10, true)]
    [InlineData(15, 9, false)]
    public void SL_43_3_a_rate_needs_two_thirds_of_all_members(int members, int forVotes, bool accepted)
    {
        if (accepted) RateDecisions.RequireTwoThirds(members, forVotes);
        else
        {
            var v = Assert.Throws<LegalRuleViolation>(() => RateDecisions.RequireTwoThirds(members, forVotes));
            Assert.Equal(("SL 43.3", "decisionId"), (v.Rule.ToString(), v.Field));
        }
    }

    [Fact]
    public void LML_18_5_agricultural_rate_is_the_statutory_0_06_and_not_a_qepik_more_or_less()
    {
        RateDecisions.RequireStatutoryAgricultural(0.06m, 0.06m);
        Assert.Equal("LML 18.5", Assert.Throws<LegalRuleViolation>(() => RateDecisions.RequireStatutoryAgricultural(0.07m, 0.06m)).Rule.ToString());
        Assert.Throws<LegalRuleViolation>(() => RateDecisions.RequireStatutoryAgricultural(0.05m, 0.06m));
    }

    [Fact]
    public void LTP_9_1_4_hotel_rate_at_one_SMV_is_accepted_and_a_qepik_above_is_refused()
    {
        var hotel = RateClasses.Find(RateClasses.Hotel)!;
        var limit = RateClasses.LimitValue(hotel, 1m, 1.10m);
        RateClasses.CheckRate(hotel, 1.10m, limit);
        Assert.Equal("LTP 9.1.4", Assert.Throws<LegalRuleViolation>(() => RateClasses.CheckRate(hotel, 1.11m, limit)).Rule.ToString());
    }

    [Fact]
    public void LTP_9_1_5_parking_rate_at_a_tenth_of_SMV_is_accepted_and_a_qepik_above_is_refused()
    {
        var parking = RateClasses.Find(RateClasses.Parking)!;
        var limit = RateClasses.LimitValue(parking, 0.1m, 1.10m);
        Assert.Equal(0.11m, limit);
        RateClasses.CheckRate(parking, 0.11m, limit);
        Assert.Equal("LTP 9.1.5", Assert.Throws<LegalRuleViolation>(() => RateClasses.CheckRate(parking, 0.12m, limit)).Rule.ToString());
    }

    [Fact]
    public void LTP_11_2_a_hotel_return_is_due_on_the_5th_of_the_next_month_and_late_on_the_6th()
    {
        var due = LocalPayments.HotelDueOn(2026, 12);
        Assert.Equal(new DateOnly(2027, 1, 5), due);
        Assert.False(RateDecisions.IsLate(due, new DateOnly(2027, 1, 5)));
        Assert.True(RateDecisions.IsLate(due, new DateOnly(2027, 1, 6)));
    }

    [Fact]
    public void LTP_11_1_advertising_and_trade_returns_are_due_on_the_municipalitys_day()
    {
        Assert.Equal(new DateOnly(2026, 3, 10), RateDecisions.MunicipalDueOn(2026, 2, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => RateDecisions.MunicipalDueOn(2026, 2, 29));
    }

    [Fact]
    public void LTP_3_5_spending_up_to_the_collected_amount_is_accepted_and_a_qepik_more_is_refused()
    {
        LocalPayments.RequireEarmarkedUse(1, 1, Money.Manat(100), Money.Manat(40), Money.Manat(60));
        var v = Assert.Throws<LegalRuleViolation>(() => LocalPayments.RequireEarmarkedUse(1, 1, Money.Manat(100), Money.Manat(40), Money.Manat(60.01m)));
        Assert.Equal(("LTP 3.5", "amount"), (v.Rule.ToString(), v.Field));
        Assert.Equal("projectId", Assert.Throws<LegalRuleViolation>(() => LocalPayments.RequireEarmarkedUse(1, 2, Money.Manat(100), Money.Zero, Money.Manat(1))).Field);
    }
}
