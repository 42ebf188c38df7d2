using System.Globalization;

namespace OpenBams.Law;

/// <summary>
/// An amount in Azerbaijani manat (₼), kept in decimal and always rounded to the qəpik (1/100 manat).
/// Negative amounts are allowed (credits, refunds).
/// </summary>
/// <remarks>
/// There is one rounding rule, <see cref="Round"/>, and every way to make a <see cref="Money"/> goes through it,
/// so no value with a fraction of a qəpik can exist.
/// </remarks>
public readonly record struct Money : IComparable<Money>
{
    private const char Nbsp = '\u00A0';

    private Money(decimal amount) => Amount = Round(amount);

    /// <summary>The amount in manat, at most two decimals.</summary>
    public decimal Amount { get; }

    /// <summary>The amount in qəpik.</summary>
    public long Qepik => checked((long)(Amount * 100m));

    /// <summary>0 ₼.</summary>
    public static Money Zero => default;

    /// <summary>
    /// THE rounding rule: to the qəpik (2 decimals), halves away from zero (2.345 → 2.35, −2.345 → −2.35),
    /// as people round money by hand.
    /// </summary>
    public static decimal Round(decimal amount)
    {
        var r = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        return r == 0m ? 0m : r; // no "negative zero"
    }

    /// <summary>An amount in manat, rounded by <see cref="Round"/>.</summary>
    public static Money Manat(decimal amount) => new(amount);

    /// <summary>An amount in qəpik.</summary>
    public static Money FromQepik(long qepik) => new(qepik / 100m);

    /// <summary>Sum.</summary>
    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);

    /// <summary>Difference.</summary>
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);

    /// <summary>Negation.</summary>
    public static Money operator -(Money a) => new(-a.Amount);

    /// <summary>Amount times a rate or a quantity, rounded by <see cref="Round"/>.</summary>
    public static Money operator *(Money a, decimal factor) => new(a.Amount * factor);

    /// <summary>Amount times a rate or a quantity, rounded by <see cref="Round"/>.</summary>
    public static Money operator *(decimal factor, Money a) => new(a.Amount * factor);

    /// <summary>Less than.</summary>
    public static bool operator <(Money a, Money b) => a.Amount < b.Amount;
    /// <summary>Greater than.</summary>
    public static bool operator >(Money a, Money b) => a.Amount > b.Amount;
    /// <summary>Less than or equal.</summary>
    public static bool operator <=(Money a, Money b) => a.Amount <= b.Amount;
    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(Money a, Money b) => a.Amount >= b.Amount;

    /// <inheritdoc/>
    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    /// <summary>
    /// Splits into <paramref name="parts"/> amounts that differ by at most one qəpik and add up exactly to this
    /// amount. The first parts take the extra qəpiks: land tax paid "in two equal halves" by 15 August and
    /// 15 November (LML 18.13) puts the odd qəpik in the first instalment, so nothing is left for the end.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one part.</exception>
    [Law("LML 18.13")]
    public Money[] SplitEqually(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var total = Qepik;
        var share = total / parts;       // truncates toward zero
        var remainder = total % parts;   // same sign as total
        var step = Math.Sign(remainder);
        var result = new Money[parts];
        for (var i = 0; i < parts; i++)
            result[i] = FromQepik(share + (i < Math.Abs(remainder) ? step : 0));
        return result;
    }

    /// <summary>Invariant, two decimals, no separators: "1234.56", "-0.50".</summary>
    public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// For people: az "1 234,56 ₼", en "1,234.56 ₼"; a leading minus for negative amounts. The az thousands
    /// separator and the space before ₼ are non-breaking (U+00A0) so an amount never wraps across lines.
    /// </summary>
    public string Format(string lang)
    {
        var nfi = Language.IsAz(lang)
            ? new NumberFormatInfo { NumberGroupSeparator = Nbsp.ToString(), NumberDecimalSeparator = ",", NumberGroupSizes = [3] }
            : new NumberFormatInfo { NumberGroupSeparator = ",", NumberDecimalSeparator = ".", NumberGroupSizes = [3] };
        var digits = Math.Abs(Amount).ToString("#,##0.00", nfi);
        return (Amount < 0 ? "-" : "") + digits + Nbsp + "₼";
    }
}
