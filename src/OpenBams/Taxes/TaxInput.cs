using System.Globalization;
using OpenBams.Law;

namespace OpenBams.Taxes;

/// <summary>How the taxes module reads numbers and money people type or banks send.</summary>
public static class TaxInput
{
    /// <summary>"1234.56", "1234,56", "1 234,56" (also with a no-break space); no exponent, no thousands commas with a decimal comma.</summary>
    public static bool TryDecimal(string? s, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(s)) return false;
        var t = s.Trim().Replace("\u00A0", "").Replace(" ", "");
        if (t.Count(c => c is ',' or '.') > 1) return false;
        t = t.Replace(',', '.');
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A money amount in manat with at most two decimals (qəpik); anything finer is refused, never rounded away.</summary>
    public static bool TryMoney(string? s, out Money money)
    {
        money = Money.Zero;
        if (!TryDecimal(s, out var v) || decimal.Round(v, 2) != v) return false;
        money = Money.Manat(v);
        return true;
    }
}
