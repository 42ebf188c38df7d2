using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenBams.Law.Taxes;

/// <summary>
/// The payment reference printed on a payment notice and quoted by the payer's bank or the payment portal: 18 digits,
/// year (4), municipality (5), notice number (7) and two check digits by ISO 7064 MOD 97-10 (as in IBAN), so a mistyped
/// or swapped digit is caught before money is booked to the wrong person. Written in groups: "2027 00123 0000045 17".
/// </summary>
public readonly record struct PaymentReference
{
    public const int Length = 18;

    private PaymentReference(int year, int municipalityId, int number, int check)
    {
        Year = year;
        MunicipalityId = municipalityId;
        Number = number;
        Check = check;
    }

    public int Year { get; }
    public int MunicipalityId { get; }
    public int Number { get; }
    public int Check { get; }

    /// <summary>The digits without spaces.</summary>
    public string Value => $"{Year:D4}{MunicipalityId:D5}{Number:D7}{Check:D2}";

    /// <summary>Grouped for printing.</summary>
    public string Display => $"{Year:D4} {MunicipalityId:D5} {Number:D7} {Check:D2}";

    public override string ToString() => Value;

    public static PaymentReference Create(int year, int municipalityId, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(municipalityId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(municipalityId, 99_999);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 9_999_999);
        var body = $"{year:D4}{municipalityId:D5}{number:D7}";
        return new PaymentReference(year, municipalityId, number, CheckDigits(body));
    }

    /// <summary>Reads a reference as typed or printed (spaces and dashes ignored); the error says what is wrong.</summary>
    public static bool TryParse(string? s, out PaymentReference reference, [NotNullWhen(false)] out string? error)
    {
        reference = default;
        var digits = new string((s ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (digits.Length == 0) { error = "The payment reference is empty."; return false; }
        if (!digits.All(char.IsAsciiDigit)) { error = "A payment reference has digits only."; return false; }
        if (digits.Length != Length) { error = $"A payment reference has {Length} digits; this one has {digits.Length}."; return false; }
        var body = digits[..16];
        var check = int.Parse(digits[16..], CultureInfo.InvariantCulture);
        if (CheckDigits(body) != check) { error = "The check digits do not match: the reference is mistyped."; return false; }
        var year = int.Parse(body[..4], CultureInfo.InvariantCulture);
        var municipality = int.Parse(body[4..9], CultureInfo.InvariantCulture);
        var number = int.Parse(body[9..16], CultureInfo.InvariantCulture);
        if (municipality < 1 || number < 1) { error = "The reference names no municipality or notice."; return false; }
        reference = new PaymentReference(year, municipality, number, check);
        error = null;
        return true;
    }

    /// <summary>ISO 7064 MOD 97-10: 98 − (body × 100 mod 97).</summary>
    private static int CheckDigits(string body)
    {
        var r = 0;
        foreach (var c in body + "00") r = (r * 10 + (c - '0')) % 97;
        return 98 - r;
    }
}
