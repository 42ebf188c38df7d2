using OpenBams.Law.Taxes;

namespace OpenBams.Law.Tests.Taxes;

public class PaymentReferenceTests
{
    [Fact]
    public void A_reference_round_trips_through_its_printed_form()
    {
        var r = PaymentReference.Create(2027, 123, 45);
        Assert.Equal(18, r.Value.Length);
        Assert.StartsWith("2027 00123 0000045 ", r.Display);
        Assert.True(PaymentReference.TryParse(r.Display, out var back, out _));
        Assert.Equal((2027, 123, 45), (back.Year, back.MunicipalityId, back.Number));
        Assert.True(PaymentReference.TryParse(r.Value.Insert(4, "-"), out _, out _));
    }

    [Fact]
    public void A_mistyped_or_swapped_digit_is_caught_by_the_check_digits()
    {
        var v = PaymentReference.Create(2027, 123, 45).Value;
        for (var i = 0; i < 16; i++)
        {
            var wrong = v.ToCharArray();
            wrong[i] = wrong[i] == '9' ? '0' : (char)(wrong[i] + 1);
            Assert.False(PaymentReference.TryParse(new string(wrong), out _, out var error));
            Assert.NotNull(error);
        }
        for (var i = 0; i < 15; i++)
        {
            if (v[i] == v[i + 1]) continue;
            var swapped = v.ToCharArray();
            (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
            Assert.False(PaymentReference.TryParse(new string(swapped), out _, out _));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("2027001230000045AB")]
    public void Malformed_references_say_what_is_wrong(string s)
    {
        Assert.False(PaymentReference.TryParse(s, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
