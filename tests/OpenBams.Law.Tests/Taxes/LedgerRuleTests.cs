using OpenBams.Law.Taxes;

namespace OpenBams.Law.Tests.Taxes;

/// <summary>Accounts: oldest due first, credit, reversals (the ledger's own rules), interest (FL 7.1.11), instalments (LML 18.13), cash (SL 43.1).</summary>
public class LedgerRuleTests
{
    private static readonly DueKey Land1 = new(LocalTax.LandTax, 2026, 0, 1);
    private static readonly DueKey Land2 = new(LocalTax.LandTax, 2026, 0, 2);
    private static readonly DueKey Hotel = new(LocalTax.HotelPayment, 2026, 3, 1);

    [Fact]
    public void A_payment_goes_to_the_oldest_due_instalment_and_the_rest_is_credit()
    {
        OpenItem[] items = [new(Land2, new(2026, 11, 15), 500), new(Land1, new(2026, 8, 15), 501), new(Hotel, new(2026, 4, 5), 300)];
        var deltas = Settlement.Settle(items, [new PaymentFunds(1, new(2026, 9, 1), 1000, false)], []);
        var paid = deltas.ToDictionary(d => d.Key, d => d.AmountQepik);
        // The hotel return (due 5 April) first, then the first half (15 August), and what is left to the second half.
        Assert.Equal((300L, 501L, 199L), (paid[Hotel], paid[Land1], paid[Land2]));
        var position = Settlement.Position(items, [new PaymentFunds(1, new(2026, 9, 1), 2000, false)], Settlement.Settle(items, [new PaymentFunds(1, new(2026, 9, 1), 2000, false)], []));
        Assert.Equal(2000 - 1301, position.Credit);
        Assert.All(position.Outstanding.Values, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Credit_pays_a_charge_made_later_and_settling_twice_adds_nothing()
    {
        var pay = new PaymentFunds(7, new(2026, 1, 10), 1000, false);
        var first = Settlement.Settle([], [pay], []);
        Assert.Empty(first);
        OpenItem[] items = [new(Land1, new(2026, 8, 15), 400)];
        var second = Settlement.Settle(items, [pay], first);
        Assert.Equal(400, Assert.Single(second).AmountQepik);
        Assert.Empty(Settlement.Settle(items, [pay], second));
    }

    [Fact]
    public void A_reversed_payment_gives_its_money_back_and_another_payments_credit_takes_over()
    {
        OpenItem[] items = [new(Land1, new(2026, 8, 15), 500)];
        var a = new PaymentFunds(1, new(2026, 8, 1), 500, false);
        var b = new PaymentFunds(2, new(2026, 8, 2), 500, false);
        var booked = Settlement.Settle(items, [a, b], []);
        Assert.Equal((1L, 500L), (Assert.Single(booked).PaymentId, booked[0].AmountQepik));
        var after = Settlement.Settle(items, [a with { Reversed = true }, b], booked);
        Assert.Contains(after, d => d.PaymentId == 1 && d.AmountQepik == -500);
        Assert.Contains(after, d => d.PaymentId == 2 && d.AmountQepik == 500);
    }

    [Fact]
    public void An_item_reduced_below_what_was_paid_releases_the_excess_from_the_latest_payment_as_credit()
    {
        var a = new PaymentFunds(1, new(2026, 8, 1), 300, false);
        var b = new PaymentFunds(2, new(2026, 8, 9), 300, false);
        OpenItem[] before = [new(Land1, new(2026, 8, 15), 600)];
        var booked = Settlement.Settle(before, [a, b], []);
        OpenItem[] reduced = [new(Land1, new(2026, 8, 15), 600), new(Land1, new(2026, 8, 15), -200)];
        var release = Assert.Single(Settlement.Settle(reduced, [a, b], booked));
        Assert.Equal((2L, -200L), (release.PaymentId, release.AmountQepik));
    }

    [Fact]
    public void FL_7_1_11_interest_runs_from_the_day_after_the_last_day_on_what_is_unpaid_at_each_day_end()
    {
        var last = new DateOnly(2026, 8, 17); // 15.08.2026 is a Saturday
        decimal Rate(DateOnly _) => 0.1m;
        // 100.00 unpaid for 10 days at 0.1 % a day = 1.00
        Assert.Equal(Money.Manat(1m), ArrearsInterest.Accrued(10_000, last, [], last.AddDays(10), Rate, 365));
        // Paid half on day 4: 3 days on 100.00 and 7 days on 50.00 = 0.30 + 0.35
        Assert.Equal(Money.Manat(0.65m), ArrearsInterest.Accrued(10_000, last, [(last.AddDays(4), 5_000)], last.AddDays(10), Rate, 365));
        // Paid on the last day or the day after: nothing.
        Assert.Equal(Money.Zero, ArrearsInterest.Accrued(10_000, last, [(last, 10_000)], last.AddDays(10), Rate, 365));
        Assert.Equal(Money.Zero, ArrearsInterest.Accrued(10_000, last, [(last.AddDays(1), 10_000)], last.AddDays(10), Rate, 365));
        // At most one year of delay is charged.
        Assert.Equal(Money.Manat(36.5m), ArrearsInterest.Accrued(10_000, last, [], last.AddDays(800), Rate, 365));
    }

    [Theory]
    [InlineData(0, AgeingBucket.NotDue)]
    [InlineData(1, AgeingBucket.UpTo30)]
    [InlineData(30, AgeingBucket.UpTo30)]
    [InlineData(31, AgeingBucket.UpTo90)]
    [InlineData(90, AgeingBucket.UpTo90)]
    [InlineData(91, AgeingBucket.UpTo180)]
    [InlineData(181, AgeingBucket.UpTo365)]
    [InlineData(365, AgeingBucket.UpTo365)]
    [InlineData(366, AgeingBucket.OverYear)]
    public void Arrears_are_aged_in_buckets(int days, AgeingBucket bucket) => Assert.Equal(bucket, ArrearsInterest.Bucket(days));

    [Theory]
    [InlineData(1001, 501, 500)]
    [InlineData(1000, 500, 500)]
    [InlineData(1, 1, 0)]
    [InlineData(0, 0, 0)]
    public void LML_18_13_two_equal_halves_by_15_August_and_15_November_add_up_to_the_total(long total, long first, long second)
    {
        var i = TaxCalendar.Instalments(2027, Money.FromQepik(total));
        Assert.Equal((first, second), (i[0].Amount.Qepik, i[1].Amount.Qepik));
        Assert.Equal((new DateOnly(2027, 8, 15), new DateOnly(2027, 11, 15)), (i[0].DueOn, i[1].DueOn));
    }

    [Fact]
    public void LML_18_11_assessed_by_1_July_and_delivered_by_1_August()
    {
        Assert.Equal(new DateOnly(2027, 7, 1), TaxCalendar.AssessBy(2027));
        Assert.Equal(new DateOnly(2027, 8, 1), TaxCalendar.DeliverBy(2027));
    }

    [Fact]
    public void SL_43_1_cash_is_refused_by_name_and_every_other_channel_is_accepted()
    {
        var v = Assert.Throws<LegalRuleViolation>(() => PaymentChannels.RequireNonCash(PaymentChannel.Cash));
        Assert.Equal(("SL 43.1", "channel"), (v.Rule.ToString(), v.Field));
        foreach (var c in new[] { PaymentChannel.Bank, PaymentChannel.Post, PaymentChannel.PaymentPortal, PaymentChannel.Card })
            PaymentChannels.RequireNonCash(c);
        Assert.Equal(PaymentChannel.Cash, PaymentChannels.Parse("Nağd"));
        Assert.Equal(PaymentChannel.PaymentPortal, PaymentChannels.Parse("HÖP"));
        Assert.Null(PaymentChannels.Parse("barter"));
    }

    [Fact]
    public void An_adjustment_after_the_due_day_falls_due_30_days_after_the_revision()
    {
        Assert.Equal(new DateOnly(2026, 12, 31), TaxCalendar.AdjustmentDue(new DateOnly(2026, 8, 15), new DateOnly(2026, 12, 1)));
        Assert.Equal(new DateOnly(2027, 11, 15), TaxCalendar.AdjustmentDue(new DateOnly(2027, 11, 15), new DateOnly(2027, 3, 1)));
    }
}
