using System.Diagnostics.CodeAnalysis;

namespace OpenBams.Law;

/// <summary>
/// FIN (fərdi identifikasiya nömrəsi), the personal identification number on an Azerbaijani identity card:
/// exactly 7 Latin capital letters or digits. Input is trimmed and upper-cased with the invariant culture
/// (so "i" becomes "I", not the Azerbaijani "İ"); Azerbaijani letters such as Ə or Ş are refused.
/// </summary>
public readonly record struct PersonalId
{
    /// <summary>Length of a FIN.</summary>
    public const int Length = 7;

    private PersonalId(string value) => Value = value;

    /// <summary>The normalised FIN.</summary>
    public string Value { get; }

    /// <summary>Parses a FIN.</summary>
    /// <exception cref="FormatException">Not a FIN; the message names the rule.</exception>
    public static PersonalId Parse(string s) =>
        TryParse(s, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Parses a FIN without throwing; <paramref name="error"/> names the broken rule.</summary>
    public static bool TryParse(string? s, out PersonalId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        const string rule = "FIN must be exactly 7 Latin letters or digits";
        if (string.IsNullOrWhiteSpace(s)) { error = $"{rule}; it is empty."; return false; }
        var v = s.Trim();
        // Checked before upper-casing: ToUpperInvariant maps the Azerbaijani 'ı' to 'I', which would let it in.
        foreach (var c in v)
            if (!char.IsAsciiLetterOrDigit(c)) { error = $"{rule}; '{c}' is not allowed."; return false; }
        v = v.ToUpperInvariant();
        if (v.Length != Length) { error = $"{rule}; it has {v.Length}."; return false; }
        id = new PersonalId(v);
        error = null;
        return true;
    }

    /// <summary>The normalised FIN.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>
/// VÖEN (vergi ödəyicisinin eyniləşdirmə nömrəsi), the taxpayer identification number: exactly 10 digits.
/// Input is trimmed. No check digit is verified: its algorithm is not in the seeds.
/// </summary>
public readonly record struct TaxId
{
    /// <summary>Length of a VÖEN.</summary>
    public const int Length = 10;

    private TaxId(string value) => Value = value;

    /// <summary>The normalised VÖEN.</summary>
    public string Value { get; }

    /// <summary>Parses a VÖEN.</summary>
    /// <exception cref="FormatException">Not a VÖEN; the message names the rule.</exception>
    public static TaxId Parse(string s) =>
        TryParse(s, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Parses a VÖEN without throwing; <paramref name="error"/> names the broken rule.</summary>
    public static bool TryParse(string? s, out TaxId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        const string rule = "VÖEN (tax ID) must be exactly 10 digits";
        if (string.IsNullOrWhiteSpace(s)) { error = $"{rule}; it is empty."; return false; }
        var v = s.Trim();
        foreach (var c in v)
            if (!char.IsAsciiDigit(c)) { error = $"{rule}; '{c}' is not allowed."; return false; }
        if (v.Length != Length) { error = $"{rule}; it has {v.Length}."; return false; }
        id = new TaxId(v);
        error = null;
        return true;
    }

    /// <summary>The normalised VÖEN.</summary>
    public override string ToString() => Value ?? string.Empty;
}
