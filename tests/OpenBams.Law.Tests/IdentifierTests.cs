using OpenBams.Law;

namespace OpenBams.Law.Tests;

public class IdentifierTests
{
    [Theory]
    [InlineData("5ZX7K2M", "5ZX7K2M")]
    [InlineData("  5zx7k2m ", "5ZX7K2M")]
    [InlineData("iiiiiii", "IIIIIII")]
    [InlineData("1234567", "1234567")]
    public void FIN_is_7_Latin_letters_or_digits_normalised(string input, string expected)
    {
        var id = PersonalId.Parse(input);
        Assert.Equal(expected, id.Value);
        Assert.Equal(expected, id.ToString());
        Assert.True(PersonalId.TryParse(input, out var again, out var error));
        Assert.Equal(id, again);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("5ZX7K2")]
    [InlineData("5ZX7K2MM")]
    [InlineData("5ZƏ7K2M")]
    [InlineData("5ZŞ7K2M")]
    [InlineData("5zı7k2m")]
    [InlineData("5Zİ7K2M")]
    [InlineData("5ZX 7K2")]
    [InlineData("5ZX-K2M")]
    [InlineData("５ZX7K2M")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void FIN_refuses_anything_else(string? input)
    {
        Assert.False(PersonalId.TryParse(input, out var id, out var error));
        Assert.Equal(default, id);
        Assert.StartsWith("FIN must be exactly 7 Latin letters or digits", error);
        if (input is not null)
            Assert.Equal(error, Assert.Throws<FormatException>(() => PersonalId.Parse(input)).Message);
    }

    [Theory]
    [InlineData("1234567891", "1234567891")]
    [InlineData(" 0012345672 ", "0012345672")]
    public void VOEN_is_10_digits(string input, string expected)
    {
        Assert.Equal(expected, TaxId.Parse(input).ToString());
        Assert.True(TaxId.TryParse(input, out var id, out var error));
        Assert.Equal(expected, id.Value);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("12345678901")]
    [InlineData("12345A7891")]
    [InlineData("12345 67891")]
    [InlineData("١٢٣٤٥٦٧٨٩١")]
    [InlineData("")]
    [InlineData(null)]
    public void VOEN_refuses_anything_else(string? input)
    {
        Assert.False(TaxId.TryParse(input, out var id, out var error));
        Assert.Equal(default, id);
        Assert.StartsWith("VÖEN (tax ID) must be exactly 10 digits", error);
        if (input is not null)
            Assert.Throws<FormatException>(() => TaxId.Parse(input));
    }

    [Fact]
    public void Default_identifiers_print_empty()
    {
        Assert.Equal("", default(PersonalId).ToString());
        Assert.Equal("", default(TaxId).ToString());
    }
}
