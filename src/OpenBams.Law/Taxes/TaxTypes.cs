namespace OpenBams.Law.Taxes;

/// <summary>
/// The local taxes (LTP 8.0) and local payments (LTP 9) a municipality may levy, plus what the ledger charges on top
/// of them (interest on arrears, FL 7.1.11). The numbers are stored: never renumber.
/// </summary>
public enum LocalTax
{
    /// <summary>LTP 8.0.1, LML 18: land tax of natural persons (FL 7.1.1).</summary>
    LandTax = 1,
    /// <summary>LTP 8.0.2, 5.1: property tax of natural persons — buildings, vehicles, water and air transport (FL 7.1.2).</summary>
    PropertyTax = 2,
    /// <summary>LTP 8.0.3: mining tax on construction materials of local significance (FL 7.1.3).</summary>
    MiningTax = 3,
    /// <summary>LTP 8.0.4: profit tax of legal persons in municipal ownership (FL 7.1.4).</summary>
    ProfitTax = 4,
    /// <summary>LTP 9.1.4, 11.2: hotel, sanatorium-resort and tourism payment per guest-night (FL 7.1.6).</summary>
    HotelPayment = 11,
    /// <summary>LTP 9.1.5, 11.3: parking payment per vehicle-day (FL 7.1.6).</summary>
    ParkingPayment = 12,
    /// <summary>LTP 9.1.1: street advertising on municipal land, buildings and objects (FL 7.1.5).</summary>
    AdvertisingPayment = 13,
    /// <summary>LTP 9.1.3: trade, catering and services on plots the municipality allocated (FL 7.1.6).</summary>
    TradePayment = 14,
    /// <summary>LTP 3.3(b), 9.2: voluntary one-time payment earmarked to a project (FL 7.3).</summary>
    VoluntaryPayment = 16,
    /// <summary>FL 7.1.11: interest on arrears of local taxes and payments (Tax Code, not in the seeds).</summary>
    InterestOnArrears = 20,
}

public static class LocalTaxes
{
    /// <summary>The revenue class of the local budget the money goes to (FL 7.1), e.g. "7.1.1".</summary>
    [Law("FL 7.1")]
    public static LegalReference RevenueClass(LocalTax tax) => tax switch
    {
        LocalTax.LandTax => new(Acts.FL, "7.1.1"),
        LocalTax.PropertyTax => new(Acts.FL, "7.1.2"),
        LocalTax.MiningTax => new(Acts.FL, "7.1.3"),
        LocalTax.ProfitTax => new(Acts.FL, "7.1.4"),
        LocalTax.AdvertisingPayment => new(Acts.FL, "7.1.5"),
        LocalTax.HotelPayment or LocalTax.ParkingPayment or LocalTax.TradePayment => new(Acts.FL, "7.1.6"),
        LocalTax.VoluntaryPayment => new(Acts.FL, "7.3"),
        _ => new(Acts.FL, "7.1.11"),
    };

    /// <summary>The article that creates the tax or payment.</summary>
    public static LegalReference Article(LocalTax tax) => tax switch
    {
        LocalTax.LandTax => new(Acts.LML, "18"),
        LocalTax.PropertyTax => new(Acts.LTP, "8.0.2"),
        LocalTax.MiningTax => new(Acts.LTP, "8.0.3"),
        LocalTax.ProfitTax => new(Acts.LTP, "8.0.4"),
        LocalTax.HotelPayment => new(Acts.LTP, "9.1.4"),
        LocalTax.ParkingPayment => new(Acts.LTP, "9.1.5"),
        LocalTax.AdvertisingPayment => new(Acts.LTP, "9.1.1"),
        LocalTax.TradePayment => new(Acts.LTP, "9.1.3"),
        LocalTax.VoluntaryPayment => new(Acts.LTP, "9.2"),
        _ => new(Acts.FL, "7.1.11"),
    };

    public static (string Az, string En) Name(LocalTax tax) => tax switch
    {
        LocalTax.LandTax => ("Torpaq vergisi", "Land tax"),
        LocalTax.PropertyTax => ("Əmlak vergisi", "Property tax"),
        LocalTax.MiningTax => ("Mədən vergisi", "Mining tax"),
        LocalTax.ProfitTax => ("Mənfəət vergisi", "Profit tax"),
        LocalTax.HotelPayment => ("Mehmanxana, sanatoriya-kurort və turizm xidmətlərinə görə ödəniş", "Hotel, sanatorium and tourism payment"),
        LocalTax.ParkingPayment => ("Avtomobil dayanacağı üçün ödəniş", "Parking payment"),
        LocalTax.AdvertisingPayment => ("Küçə reklamına görə ödəniş", "Street advertising payment"),
        LocalTax.TradePayment => ("Ticarət və xidmətə görə ödəniş", "Trade and services payment"),
        LocalTax.VoluntaryPayment => ("Könüllü birdəfəlik ödəniş", "Voluntary one-time payment"),
        _ => ("Gecikməyə görə faiz", "Interest on arrears"),
    };

    /// <summary>LTP 6.0.3: the taxes a payment notice assesses from the value and area of an object.</summary>
    [Law("LTP 6.0.3")]
    public static bool IsAssessedByNotice(LocalTax tax) => tax is LocalTax.LandTax or LocalTax.PropertyTax;
}

/// <summary>LTP 5.2: a taxpayer is a natural or a legal person.</summary>
public enum TaxpayerKind { NaturalPerson = 0, LegalPerson = 1 }

/// <summary>What a taxable object is (LTP 5.1; LML 18).</summary>
public enum ObjectKind { LandPlot = 0, Building = 1, Vehicle = 2 }

/// <summary>Category of a land plot, which picks how its tax is computed (LML 18.5, 18.7, 18.8).</summary>
public enum LandCategory
{
    /// <summary>LML 18.5: per conditional score point per hectare.</summary>
    Agricultural = 0,
    /// <summary>Housing fund and household plots (Tax Code 206.4, not in the seeds): per 100 m².</summary>
    Residential = 1,
    /// <summary>Industry, construction, transport, communications, trade and other special purposes (Tax Code 206.3): per 100 m².</summary>
    NonResidential = 2,
    /// <summary>Forest fund.</summary>
    ForestFund = 3,
    /// <summary>Water fund.</summary>
    WaterFund = 4,
    /// <summary>Public-use land of settlements (streets, squares; LML 18.8.1).</summary>
    PublicUse = 5,
}

/// <summary>LML 18.8: municipal land that is not taxed.</summary>
public enum LandExemption
{
    None = 0,
    /// <summary>LML 18.8.1: public-use land of settlements.</summary>
    PublicUseOfSettlement = 1,
    /// <summary>LML 18.8.2: land owned or used by the municipality itself.</summary>
    MunicipalOwnedOrUsed = 2,
    /// <summary>LML 18.8.3: municipal forest, water and other land not used in production.</summary>
    MunicipalForestWaterNotInProduction = 3,
}

/// <summary>LTP 5.1: the vehicles property tax reaches.</summary>
public enum VehicleKind { Automobile = 0, SelfPropelledMachinery = 1, WaterTransport = 2, AirTransport = 3 }

/// <summary>How a building's value was set (LTP 5.3, 5.4).</summary>
public enum ValuationSource
{
    /// <summary>LTP 5.3: the municipality's valuation for tax purposes (not more often than once in 3–5 years).</summary>
    MunicipalValuation = 0,
    /// <summary>LTP 5.4: an independent professional appraiser, at the owner's initiative and expense.</summary>
    IndependentAppraisal = 1,
}

/// <summary>The holder's right. LML 18.1: owners and users pay land tax; a lessee pays rent (LML 19), not the tax.</summary>
public enum HoldingRight { Ownership = 0, Use = 1, Lease = 2 }

/// <summary>The unit a rate is expressed in.</summary>
public enum RateUnit
{
    /// <summary>manat per conditional score point per hectare (LML 18.5).</summary>
    PerScorePointHectare = 0,
    /// <summary>manat per 100 m² (LML 18.7).</summary>
    Per100SquareMetres = 1,
    /// <summary>percent of the value (LTP 5.3).</summary>
    PercentOfValue = 2,
    /// <summary>manat per cubic centimetre of engine capacity.</summary>
    PerCubicCentimetre = 3,
    /// <summary>manat per person per day (night) (LTP 9.1.4).</summary>
    PerGuestNight = 4,
    /// <summary>manat per vehicle per day (LTP 9.1.5).</summary>
    PerVehicleDay = 5,
    /// <summary>manat per m² per month (advertising, trade).</summary>
    PerSquareMetreMonth = 6,
}

/// <summary>Whether the law caps a municipal rate from above, from below, or not at all.</summary>
public enum RateLimitKind
{
    None = 0,
    /// <summary>The rate may not exceed the limit (FL 7.2, LTP 10.1).</summary>
    AtMost = 1,
    /// <summary>The rate may not be below the limit (FL 7.2: advertising, the zone's minimum).</summary>
    AtLeast = 2,
}

/// <summary>SL 43.1: how money reaches the municipality. Cash is listed only so that it can be refused by name.</summary>
public enum PaymentChannel
{
    Bank = 0,
    /// <summary>The national postal operator.</summary>
    Post = 1,
    /// <summary>The Government Payment Portal (HÖP) of the Central Bank (seed 000).</summary>
    PaymentPortal = 2,
    /// <summary>A card or other non-cash means.</summary>
    Card = 3,
    /// <summary>SL 43.1: prohibited.</summary>
    Cash = 9,
}

public static class PaymentChannels
{
    /// <summary>
    /// SL 43.1: "Yerli vergi və ödənişlərin ödənilməsi banklar, poçt rabitəsinin milli operatoru, habelə mövcud nağdsız
    /// ödəmə vasitələri ilə həyata keçirilir. Bələdiyyələr tərəfindən yerli vergi və ödənişlərin nağd şəkildə qəbul
    /// olunması qadağandır."
    /// </summary>
    /// <exception cref="LegalRuleViolation">Cash.</exception>
    [Law("SL 43.1")]
    public static void RequireNonCash(PaymentChannel channel, string field = "channel")
    {
        if (channel == PaymentChannel.Cash)
            throw new LegalRuleViolation(new(Acts.SL, "43.1"), field,
                "Bələdiyyələr yerli vergi və ödənişləri nağd qəbul edə bilməz; ödəniş bank, poçt və ya nağdsız vasitə ilə olmalıdır",
                "Municipalities may not accept local taxes and payments in cash; pay through a bank, the post or other non-cash means");
    }

    /// <summary>Reads a channel as banks write it ("bank", "post", "hop", "card", "cash"/"nağd"); null when unknown.</summary>
    public static PaymentChannel? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "bank" or "bank transfer" or "köçürmə" or "kocurme" => PaymentChannel.Bank,
        "post" or "poçt" or "azerpost" or "azərpoçt" => PaymentChannel.Post,
        "hop" or "höp" or "portal" or "paymentportal" or "gpp" => PaymentChannel.PaymentPortal,
        "card" or "kart" or "pos" or "online" => PaymentChannel.Card,
        "cash" or "nağd" or "nagd" => PaymentChannel.Cash,
        _ => null,
    };
}

/// <summary>A share of an object, numerator/denominator (1/1 for a sole holder).</summary>
public readonly record struct Share
{
    public Share(int numerator, int denominator)
    {
        if (denominator < 1 || numerator < 1 || numerator > denominator)
            throw new ArgumentException($"A share is a fraction n/d with 0 < n ≤ d; {numerator}/{denominator} is not.");
        Numerator = numerator;
        Denominator = denominator;
    }

    public int Numerator { get; }
    public int Denominator { get; }
    public static Share Whole => new(1, 1);
    public decimal Fraction => (decimal)Numerator / Denominator;
    public bool IsWhole => Numerator == Denominator;
    public override string ToString() => $"{Numerator}/{Denominator}";

    /// <summary>Parses "1/2", "1", "50%" or "0.5".</summary>
    public static bool TryParse(string? s, out Share share)
    {
        share = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        s = s.Trim();
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        var slash = s.IndexOf('/');
        if (slash > 0)
        {
            if (!int.TryParse(s[..slash], ci, out var n) || !int.TryParse(s[(slash + 1)..], ci, out var d)) return false;
            if (d < 1 || n < 1 || n > d) return false;
            share = new Share(n, d);
            return true;
        }
        var percent = s.EndsWith('%');
        var text = (percent ? s[..^1] : s).Replace(',', '.');
        if (!decimal.TryParse(text, System.Globalization.NumberStyles.Number, ci, out var v)) return false;
        if (percent) v /= 100m;
        if (v <= 0 || v > 1) return false;
        // Up to 4 decimals: 0.3333 is 3333/10000; people who mean a third write 1/3.
        var den = 10000;
        var num = (int)Math.Round(v * den, MidpointRounding.AwayFromZero);
        if (num < 1) return false;
        var g = Gcd(num, den);
        share = new Share(num / g, den / g);
        return true;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
