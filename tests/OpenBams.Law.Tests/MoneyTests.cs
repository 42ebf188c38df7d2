using OpenBams.Law;

namespace OpenBams.Law.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("2.344", "2.34")]
    [InlineData("2.3449999", "2.34")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("-2.344", "-2.34")]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("-0.004", "0")]
    [InlineData("1.10", "1.1")]
    public void Round_is_to_the_qepik_halves_away_from_zero(string input, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Money.Round(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Every_way_of_making_money_is_rounded()
    {
        Assert.Equal(1.01m, Money.Manat(1.005m).Amount);
        Assert.Equal(123456, Money.FromQepik(123456).Qepik);
        Assert.Equal(1234.56m, Money.FromQepik(123456).Amount);
        Assert.Equal(0.67m, (Money.Manat(1m) * (2m / 3m)).Amount);
        Assert.Equal(0.67m, ((2m / 3m) * Money.Manat(1m)).Amount);
        Assert.Equal(3.75m, (Money.Manat(2.5m) * 1.5m).Amount);
        Assert.Equal(0.03m, (Money.Manat(0.06m) * 0.5m).Amount);
    }

    [Fact]
    public void Arithmetic_and_comparison()
    {
        var a = Money.Manat(10.25m);
        var b = Money.Manat(0.75m);
        Assert.Equal(Money.Manat(11m), a + b);
        Assert.Equal(Money.Manat(9.5m), a - b);
        Assert.Equal(Money.Manat(-9.5m), b - a);
        Assert.Equal(Money.Manat(-10.25m), -a);
        Assert.True(b < a);
        Assert.True(a > b);
        Assert.True(a >= Money.Manat(10.25m));
        Assert.True(a <= Money.Manat(10.25m));
        Assert.False(a < Money.Manat(10.25m));
        Assert.True(a.CompareTo(b) > 0);
        Assert.Equal(0, Money.Zero.CompareTo(default));
        Assert.Equal(Money.Manat(1.1m), Money.Manat(1.10m));
        Assert.Equal(Money.Manat(1.1m).GetHashCode(), Money.Manat(1.10m).GetHashCode());
        Assert.Equal(0m, Money.Zero.Amount);
        Assert.Equal(-250, Money.Manat(-2.5m).Qepik);
    }

    [Theory]
    [InlineData(1001, 2, new long[] { 501, 500 })]
    [InlineData(1000, 2, new long[] { 500, 500 })]
    [InlineData(1, 2, new long[] { 1, 0 })]
    [InlineData(0, 2, new long[] { 0, 0 })]
    [InlineData(1000, 3, new long[] { 334, 333, 333 })]
    [InlineData(1001, 3, new long[] { 334, 334, 333 })]
    [InlineData(-1001, 2, new long[] { -501, -500 })]
    [InlineData(-1000, 3, new long[] { -334, -333, -333 })]
    [InlineData(777, 1, new long[] { 777 })]
    public void LML_18_13_split_in_equal_parts_first_part_takes_the_extra_qepik(long total, int parts, long[] expected)
    {
        var split = Money.FromQepik(total).SplitEqually(parts);
        Assert.Equal(expected, split.Select(m => m.Qepik));
        Assert.Equal(total, split.Sum(m => m.Qepik));
        Assert.True(split.Max(m => m.Qepik) - split.Min(m => m.Qepik) <= 1);
    }

    [Fact]
    public void LML_18_13_land_tax_of_12_35_manat_is_paid_6_18_by_15_August_and_6_17_by_15_November()
    {
        var halves = Money.Manat(12.35m).SplitEqually(2);
        Assert.Equal([Money.Manat(6.18m), Money.Manat(6.17m)], halves);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Split_refuses_fewer_than_one_part(int parts) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Manat(1m).SplitEqually(parts));

    [Theory]
    [InlineData("1234.56", "1234.56")]
    [InlineData("1.1", "1.10")]
    [InlineData("0", "0.00")]
    [InlineData("-0.5", "-0.50")]
    [InlineData("-0.001", "0.00")]
    [InlineData("1234567.891", "1234567.89")]
    public void ToString_is_invariant_with_two_decimals(string amount, string expected) =>
        Assert.Equal(expected, Money.Manat(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Theory]
    [InlineData("1234.56", "1\u00A0234,56\u00A0₼", "1,234.56\u00A0₼")]
    [InlineData("0", "0,00\u00A0₼", "0.00\u00A0₼")]
    [InlineData("999.99", "999,99\u00A0₼", "999.99\u00A0₼")]
    [InlineData("1000", "1\u00A0000,00\u00A0₼", "1,000.00\u00A0₼")]
    [InlineData("1234567.8", "1\u00A0234\u00A0567,80\u00A0₼", "1,234,567.80\u00A0₼")]
    [InlineData("-1234.56", "-1\u00A0234,56\u00A0₼", "-1,234.56\u00A0₼")]
    [InlineData("-0.05", "-0,05\u00A0₼", "-0.05\u00A0₼")]
    public void Format_for_people_in_both_languages(string amount, string az, string en)
    {
        var m = Money.Manat(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(az, m.Format("az"));
        Assert.Equal(en, m.Format("en"));
    }

    [Fact]
    public void Format_does_not_depend_on_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("az-Latn-AZ");
            Assert.Equal("1234.56", Money.Manat(1234.56m).ToString());
            Assert.Equal("1,234.56\u00A0₼", Money.Manat(1234.56m).Format("en"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Format_refuses_other_languages() =>
        Assert.Throws<ArgumentException>(() => Money.Manat(1m).Format("ru"));
}
