namespace OpenBams.Law;

/// <summary>
/// The codes used to cite acts, with their titles in Azerbaijani and English.
/// Codes follow the digests in <c>shared/spec</c>.
/// </summary>
public static class Acts
{
    /// <summary>Law on the Status of Municipalities (seed 001; 2005 text in seed 002).</summary>
    public const string SL = "SL";
    /// <summary>Election Code (seed 003; excerpt in seed 002).</summary>
    public const string EC = "EC";
    /// <summary>Law on Management of Municipal Lands (seed 004).</summary>
    public const string LML = "LML";
    /// <summary>Law on the Fundamentals of Municipal Finance (N 772-IQ).</summary>
    public const string FL = "FL";
    /// <summary>Law on Local (Municipal) Taxes and Payments.</summary>
    public const string LTP = "LTP";
    /// <summary>Law on Local Referendum (N 764-IQ).</summary>
    public const string LRL = "LRL";
    /// <summary>Law on Administrative Oversight of the Activity of Municipalities.</summary>
    public const string AOL = "AOL";
    /// <summary>Law on Municipal Service.</summary>
    public const string MSL = "MSL";
    /// <summary>Law N 771-IQ on Territories and Lands of Municipalities.</summary>
    public const string TLL = "TLL";
    /// <summary>Law N 858-IQ on joint activity, merger, separation and dissolution of municipalities.</summary>
    public const string MERGER = "MERGER";
    /// <summary>Constitution. Cited as "Const. 145".</summary>
    public const string Const = "Const.";
    /// <summary>Labour Code. Not in the seeds.</summary>
    /// <remarks>Digest A uses "LC" for the Land Code excerpt; in code "LC" is the Labour Code.</remarks>
    public const string LC = "LC";
    /// <summary>Tax Code. Not in the seeds.</summary>
    public const string TAX = "TAX";
    /// <summary>Regulation on the tax service body of municipalities.</summary>
    public const string TaxReg = "TAX-REG";
    /// <summary>Law N 863-IQ on the Status of a Municipal Member.</summary>
    public const string MEMBER = "MEMBER";
    /// <summary>Regulation N 859-IQ on Permanent and Other Commissions of Municipalities.</summary>
    public const string COMM = "COMM";
    /// <summary>Model Charter of a Municipality (Law N 709-IQ).</summary>
    public const string MC = "MC";
    /// <summary>Presidential Decree of 4 April 2002 on applying the Law on Local (Municipal) Taxes and Payments (digest D §6a).</summary>
    public const string LTPDecree = "LTP-DECREE";

    private sealed record Titles(string Az, string En);

    private static readonly Dictionary<string, Titles> TitlesByCode = new(StringComparer.Ordinal)
    {
        [SL] = new("Bələdiyyələrin statusu haqqında Qanun", "Law on the Status of Municipalities"),
        [EC] = new("Seçki Məcəlləsi", "Election Code"),
        [LML] = new("Bələdiyyə torpaqlarının idarə edilməsi haqqında Qanun", "Law on Management of Municipal Lands"),
        [FL] = new("Bələdiyyələrin maliyyəsinin əsasları haqqında Qanun", "Law on the Fundamentals of Municipal Finance"),
        [LTP] = new("Yerli (bələdiyyə) vergilər və ödənişlər haqqında Qanun", "Law on Local (Municipal) Taxes and Payments"),
        [LRL] = new("Yerli rəy sorğusu haqqında Qanun", "Law on Local Referendum"),
        [AOL] = new("Bələdiyyələrin fəaliyyətinə inzibati nəzarət haqqında Qanun", "Law on Administrative Oversight of the Activity of Municipalities"),
        [MSL] = new("Bələdiyyə qulluğu haqqında Qanun", "Law on Municipal Service"),
        [TLL] = new("Bələdiyyələrin əraziləri və torpaqları haqqında Qanun (N 771-IQ)", "Law on Territories and Lands of Municipalities (N 771-IQ)"),
        [MERGER] = new("Bələdiyyələrin birgə fəaliyyəti, birləşməsi, ayrılması və ləğv edilməsi haqqında Qanun (N 858-IQ)",
            "Law on Joint Activity, Merger, Separation and Dissolution of Municipalities (N 858-IQ)"),
        [Const] = new("Azərbaycan Respublikasının Konstitusiyası", "Constitution of the Republic of Azerbaijan"),
        [LC] = new("Əmək Məcəlləsi", "Labour Code"),
        [TAX] = new("Vergi Məcəlləsi", "Tax Code"),
        [TaxReg] = new("Bələdiyyələrin vergi xidməti orqanı haqqında Əsasnamə", "Regulation on the Tax Service Body of Municipalities"),
        [MEMBER] = new("Bələdiyyə üzvünün statusu haqqında Qanun (N 863-IQ)", "Law on the Status of a Municipal Member (N 863-IQ)"),
        [COMM] = new("Bələdiyyələrin daimi və başqa komissiyaları haqqında Əsasnamə (N 859-IQ)", "Regulation on Permanent and Other Commissions of Municipalities (N 859-IQ)"),
        [MC] = new("Bələdiyyənin nümunəvi nizamnaməsi (N 709-IQ)", "Model Charter of a Municipality (N 709-IQ)"),
        [LTPDecree] = new("«Yerli (bələdiyyə) vergilər və ödənişlər haqqında» Qanunun tətbiq edilməsi barədə Prezidentin 4 aprel 2002-ci il Fərmanı",
            "Presidential Decree of 4 April 2002 on applying the Law on Local (Municipal) Taxes and Payments"),
    };

    /// <summary>Every known code, in canonical spelling.</summary>
    public static IReadOnlyList<string> Codes { get; } = TitlesByCode.Keys.ToArray();

    /// <summary>Whether the code (any letter case; "Const" or "Const.") is a known act.</summary>
    public static bool IsKnown(string? act) => act is not null && Canonical(act) is not null;

    /// <summary>The act's title in "az" or "en".</summary>
    /// <exception cref="ArgumentException">Unknown act or language.</exception>
    public static string Title(string act, string lang)
    {
        var az = Language.IsAz(lang);
        var code = Canonical(act) ?? throw new ArgumentException($"'{act}' is not a known act code.", nameof(act));
        var t = TitlesByCode[code];
        return az ? t.Az : t.En;
    }

    /// <summary>Canonical spelling of a known code, or null.</summary>
    internal static string? Canonical(string act)
    {
        if (string.Equals(act, "Const", StringComparison.OrdinalIgnoreCase)) return Const;
        foreach (var code in TitlesByCode.Keys)
            if (string.Equals(code, act, StringComparison.OrdinalIgnoreCase)) return code;
        return null;
    }
}
