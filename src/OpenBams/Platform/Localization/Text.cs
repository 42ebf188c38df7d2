using System.Globalization;

namespace OpenBams.Platform.Localization;

/// <summary>
/// A user-visible text in Azerbaijani (Latin, the default) and English. Modules keep their texts in
/// a static class next to their pages, so a missing translation is a compile error, not a blank.
/// Rendering a Text (Razor calls ToString) picks the language of the current request.
/// </summary>
public sealed record Text(string Az, string En)
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public static string Lang => English ? "en" : "az";
    public override string ToString() => English ? En : Az;
    public string Format(params object?[] args) => string.Format(CultureInfo.CurrentCulture, ToString(), args);
    public string In(string lang) => lang == "en" ? En : Az;
    public static implicit operator string(Text t) => t.ToString();
}

public static class Cultures
{
    public const string Azerbaijani = "az-Latn-AZ";
    public const string English = "en-GB";
    public static readonly string[] Supported = [Azerbaijani, English];

    public static string FromLang(string? lang) => lang?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? English : Azerbaijani;
}

/// <summary>Display formats fixed by the issue: dates dd.MM.yyyy in both languages, money in manat with qəpik.</summary>
public static class Fmt
{
    public static string Date(DateOnly? d) => d?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "—";
    public static string Date(DateTime? d) => d is null ? "—" : d.Value.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    /// <summary>A stored UTC moment in Baku time, whatever the server's time zone (legal days are Baku days, <see cref="Platform.Clock"/>).</summary>
    public static string DateTime(DateTime? d) => d is null ? "—" : Platform.Clock.ToBaku(d.Value).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
    public static string Number(int? n) => n is null ? "—" : n.Value.ToString("#,0", Text.English ? CultureInfo.GetCultureInfo("en-GB") : AzNumbers);
    public static string Money(OpenBams.Law.Money m) => m.Format(Text.Lang);
    /// <summary>An amount stored in qəpik, shown in manat.</summary>
    public static string Qepik(long qepik) => Money(OpenBams.Law.Money.FromQepik(qepik));

    /// <summary>A share in per cent with one decimal, written as the amounts beside it are (10,0% in Azerbaijani); "—" when the whole is zero.</summary>
    public static string Percent(long part, long whole) =>
        whole == 0 ? "—" : (100m * part / whole).ToString("0.0", Text.English ? CultureInfo.GetCultureInfo("en-GB") : AzNumbers) + "%";

    private static readonly NumberFormatInfo AzNumbers = new() { NumberGroupSeparator = "\u00A0", NumberDecimalSeparator = "," };

    /// <summary>Parses dd.MM.yyyy (what users type) or ISO yyyy-MM-dd (what date inputs send).</summary>
    public static bool TryParseDate(string? s, out DateOnly d) =>
        DateOnly.TryParseExact(s?.Trim(), ["dd.MM.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out d);
}
