namespace OpenBams.Law.Taxes;

/// <summary>
/// A class of objects that one municipal rate applies to, with the legal limit of that rate. FL 7.2: "the upper limit
/// of rates" is set by law; "the concrete rates" and whether a tax is applied at all by the municipality's decision.
/// </summary>
/// <param name="Key">Stable key stored with every rate, e.g. "land.agricultural".</param>
/// <param name="LimitKey">The legal parameter that holds the limit (<see cref="TaxParameters"/>); null when there is none.</param>
/// <param name="LimitInSmv">The limit is a multiple of ŞMV (LTP 9.1.4, 9.1.5) rather than an amount.</param>
public sealed record RateClass(string Key, LocalTax Tax, RateUnit Unit, string NameAz, string NameEn, RateLimitKind Limit,
    string? LimitKey, bool LimitInSmv, LegalReference Citation)
{
    public string Name(string lang) => Language.IsAz(lang) ? NameAz : NameEn;
}

/// <summary>The rate classes OpenBAMS knows; a rate or a line always names one of them.</summary>
public static class RateClasses
{
    public const string Agricultural = "land.agricultural";
    public const string Building = "property.building";
    public const string Hotel = "payment.hotel";
    public const string Parking = "payment.parking";
    public const string Trade = "payment.trade";

    /// <summary>The settlement groups the Tax Code's per-100 m² table uses (Tax Code 206.3-206.4; not in the seeds).</summary>
    public static readonly (string Code, string Az, string En)[] SettlementGroups =
    [
        ("baku", "Bakı şəhəri", "Baku city"),
        ("large", "Gəncə, Sumqayıt şəhərləri və Abşeron rayonu", "Ganja, Sumgayit cities and Absheron district"),
        ("cities", "digər şəhərlər və rayon mərkəzləri", "other cities and district centres"),
        ("villages", "qəsəbələr və kəndlər", "settlements and villages"),
    ];

    public static string Residential(string group) => $"land.residential.{group}";
    public static string NonResidential(string group) => $"land.nonresidential.{group}";
    public static string Vehicle(VehicleKind kind) => kind switch
    {
        VehicleKind.Automobile => "property.automobile",
        VehicleKind.SelfPropelledMachinery => "property.machinery",
        VehicleKind.WaterTransport => "property.water-transport",
        _ => "property.air-transport",
    };
    public static string Advertising(int zone) => $"payment.advertising.zone{zone}";

    public static IReadOnlyList<RateClass> All { get; } = Build();

    private static List<RateClass> Build()
    {
        var list = new List<RateClass>
        {
            new(Agricultural, LocalTax.LandTax, RateUnit.PerScorePointHectare, "Kənd təsərrüfatı torpaqları (1 şərti bal üçün, hektara)",
                "Agricultural land (per conditional score point, per hectare)", RateLimitKind.AtMost, TaxParameters.AgriculturalPerPoint, false, new(Acts.LML, "18.5")),
        };
        foreach (var (code, az, en) in SettlementGroups)
        {
            list.Add(new(Residential(code), LocalTax.LandTax, RateUnit.Per100SquareMetres, $"Yaşayış fondu və həyətyanı torpaqlar — {az} (hər 100 m²)",
                $"Housing and household plots — {en} (per 100 m²)", RateLimitKind.AtMost, TaxParameters.ResidentialCap(code), false, new(Acts.LML, "18.7")));
            list.Add(new(NonResidential(code), LocalTax.LandTax, RateUnit.Per100SquareMetres, $"Sənaye, tikinti, nəqliyyat, ticarət və digər təyinatlı torpaqlar — {az} (hər 100 m²)",
                $"Industry, construction, transport, trade and other land — {en} (per 100 m²)", RateLimitKind.AtMost, TaxParameters.NonResidentialCap(code), false, new(Acts.LML, "18.7")));
        }
        list.Add(new(Building, LocalTax.PropertyTax, RateUnit.PercentOfValue, "Binalar və binaların hissələri (dəyərin faizi)",
            "Buildings and parts of buildings (percent of value)", RateLimitKind.AtMost, TaxParameters.BuildingPercentCap, false, new(Acts.LTP, "5.3")));
        foreach (var kind in Enum.GetValues<VehicleKind>())
        {
            var (az, en) = kind switch
            {
                VehicleKind.Automobile => ("Avtomobillər (mühərrikin hər sm³-i)", "Automobiles (per cm³ of engine)"),
                VehicleKind.SelfPropelledMachinery => ("Özüyeriyən təkərli maşınlar (mühərrikin hər sm³-i)", "Self-propelled wheeled machinery (per cm³ of engine)"),
                VehicleKind.WaterTransport => ("Su nəqliyyatı vasitələri (mühərrikin hər sm³-i)", "Water transport (per cm³ of engine)"),
                _ => ("Hava nəqliyyatı vasitələri (mühərrikin hər sm³-i)", "Air transport (per cm³ of engine)"),
            };
            list.Add(new(Vehicle(kind), LocalTax.PropertyTax, RateUnit.PerCubicCentimetre, az, en, RateLimitKind.AtMost, TaxParameters.VehicleCap(kind), false, new(Acts.LTP, "5.1")));
        }
        list.Add(new(Hotel, LocalTax.HotelPayment, RateUnit.PerGuestNight, "Mehmanxana, sanatoriya-kurort, turizm xidmətləri (bir nəfər, bir gün)",
            "Hotel, sanatorium and tourism services (per person per day)", RateLimitKind.AtMost, TaxParameters.HotelCapInSmv, true, new(Acts.LTP, "9.1.4")));
        list.Add(new(Parking, LocalTax.ParkingPayment, RateUnit.PerVehicleDay, "Avtomobil dayanacağı (bir nəqliyyat vasitəsi, bir gün)",
            "Parking (per vehicle per day)", RateLimitKind.AtMost, TaxParameters.ParkingCapInSmv, true, new(Acts.LTP, "9.1.5")));
        for (var zone = 1; zone <= TaxParameters.AdvertisingZones; zone++)
            list.Add(new(Advertising(zone), LocalTax.AdvertisingPayment, RateUnit.PerSquareMetreMonth, $"Küçə reklamı — {zone}-ci tarif zonası (hər m², ayda)",
                $"Street advertising — tariff zone {zone} (per m² per month)", RateLimitKind.AtLeast, TaxParameters.AdvertisingMinimum(zone), false, new(Acts.FL, "7.2")));
        list.Add(new(Trade, LocalTax.TradePayment, RateUnit.PerSquareMetreMonth, "Bələdiyyənin ayırdığı sahələrdə ticarət, iaşə və xidmət (hər m², ayda)",
            "Trade, catering and services on plots the municipality allocated (per m² per month)", RateLimitKind.None, null, false, new(Acts.LTP, "9.1.3")));
        return list;
    }

    public static RateClass? Find(string? key) => key is null ? null : All.FirstOrDefault(c => string.Equals(c.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The class a plot's tax is computed under: agricultural by score points, other land by its settlement group.</summary>
    public static string? ForPlot(LandCategory category, string? settlementGroup) => category switch
    {
        LandCategory.Agricultural => Agricultural,
        LandCategory.Residential when settlementGroup is not null => Residential(settlementGroup),
        LandCategory.NonResidential when settlementGroup is not null => NonResidential(settlementGroup),
        _ => null,
    };

    /// <summary>
    /// FL 7.2, LTP 10.1: a municipal rate stays within the legal limit; LTP 9.1.4-9.1.5: hotel and parking payments at
    /// most 1 and 0.1 ŞMV; FL 7.2: advertising at least the tariff zone's minimum. <paramref name="limit"/> is the limit in
    /// manat (or percent) already converted from ŞMV; null means no limit is in force, which refuses any capped rate.
    /// </summary>
    /// <exception cref="LegalRuleViolation">The rate is negative or outside the limit.</exception>
    [Law("FL 7.2")]
    [Law("LTP 10.1")]
    [Law("LTP 9.1.4")]
    [Law("LTP 9.1.5")]
    public static void CheckRate(RateClass rc, decimal rate, decimal? limit, string field = "rate")
    {
        if (rate < 0)
            throw new LegalRuleViolation(rc.Citation, field, "Dərəcə mənfi ola bilməz", "A rate cannot be negative");
        if (rc.Limit == RateLimitKind.None) return;
        if (limit is null)
            throw new LegalRuleViolation(rc.Citation, field,
                $"«{rc.NameAz}» üçün qanunla müəyyən edilmiş hədd həmin tarixdə qüvvədə deyil; inzibatçı həddi daxil etməlidir",
                $"No legal limit for '{rc.NameEn}' is in force on that date; an administrator must enter it first");
        var l = limit.Value;
        if (rc.Limit == RateLimitKind.AtMost && rate > l)
            throw new LegalRuleViolation(rc.Citation, field,
                $"Dərəcə ({rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}) qanunla müəyyən edilmiş yuxarı həddən ({l.ToString(System.Globalization.CultureInfo.InvariantCulture)}) çox ola bilməz",
                $"The rate ({rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}) may not exceed the legal limit ({l.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        if (rc.Limit == RateLimitKind.AtLeast && rate < l)
            throw new LegalRuleViolation(rc.Citation, field,
                $"Dərəcə ({rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}) tarif zonası üçün minimumdan ({l.ToString(System.Globalization.CultureInfo.InvariantCulture)}) az ola bilməz",
                $"The rate ({rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}) may not be below the tariff zone's minimum ({l.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
    }

    /// <summary>The limit in the rate's own unit: the parameter's value, times ŞMV where the law counts in ŞMV.</summary>
    public static decimal LimitValue(RateClass rc, decimal parameterValue, decimal smv) =>
        rc.LimitInSmv ? parameterValue * smv : parameterValue;

    public static (string Az, string En) UnitName(RateUnit unit) => unit switch
    {
        RateUnit.PerScorePointHectare => ("₼ / şərti bal / ha", "₼ / score point / ha"),
        RateUnit.Per100SquareMetres => ("₼ / 100 m²", "₼ / 100 m²"),
        RateUnit.PercentOfValue => ("% dəyərdən", "% of value"),
        RateUnit.PerCubicCentimetre => ("₼ / sm³", "₼ / cm³"),
        RateUnit.PerGuestNight => ("₼ / nəfər-gün", "₼ / guest-night"),
        RateUnit.PerVehicleDay => ("₼ / avtomobil-gün", "₼ / vehicle-day"),
        _ => ("₼ / m² / ay", "₼ / m² / month"),
    };
}

/// <summary>
/// Effective-dated limits and amounts of the Tax Code and related acts. The seeds give LML 18.5 (0.06 manat), LML 18.9
/// (10 manat) and the ŞMV multiples of LTP 9.1.4-9.1.5; the Tax Code's own numbers are not in the seeds and ship marked
/// "not from the seeds", for an administrator to verify and edit at /Admin/Parameters.
/// </summary>
public static class TaxParameters
{
    public const string AgriculturalPerPoint = "TAX.LAND.AGRI.POINT";
    public const string Relief102_2 = "TAX.LAND.RELIEF.102-2";
    public const string BuildingPercentCap = "TAX.PROPERTY.BUILDING.PCT";
    public const string HotelCapInSmv = "TAX.HOTEL.CAP.SMV";
    public const string ParkingCapInSmv = "TAX.PARKING.CAP.SMV";
    public const string InterestPercentPerDay = "TAX.INTEREST.DAY.PCT";
    public const string InterestMaxDays = "TAX.INTEREST.MAX.DAYS";
    public const string QuarterlyReportDays = "TAX.REPORT.QUARTER.DAYS";
    public const int AdvertisingZones = 3;

    public static string ResidentialCap(string group) => $"TAX.LAND.RES.{group.ToUpperInvariant()}";
    public static string NonResidentialCap(string group) => $"TAX.LAND.NONRES.{group.ToUpperInvariant()}";
    public static string VehicleCap(VehicleKind kind) => $"TAX.PROPERTY.{kind.ToString().ToUpperInvariant()}.CC";
    public static string AdvertisingMinimum(int zone) => $"TAX.ADVERTISING.ZONE{zone}.MIN";

    public static (string Az, string En) VehicleName(VehicleKind kind) => kind switch
    {
        VehicleKind.Automobile => ("avtomobillər", "automobiles"),
        VehicleKind.SelfPropelledMachinery => ("özüyeriyən təkərli maşınlar", "self-propelled wheeled machinery"),
        VehicleKind.WaterTransport => ("su nəqliyyatı vasitələri", "water transport"),
        _ => ("hava nəqliyyatı vasitələri", "air transport"),
    };

    private static readonly DateOnly Manat2006 = new(2006, 1, 1);

    private static ParameterValue TaxCode(decimal value, string article, string note) =>
        new(Manat2006, value, new LegalReference(Acts.TAX, article), FromSeeds: false, note + " Not from the seeds: verify against the Tax Code in force before production.");

    public static IReadOnlyList<LegalParameterDefinition> Definitions { get; } = Build();

    private static List<LegalParameterDefinition> Build()
    {
        var list = new List<LegalParameterDefinition>
        {
            new(AgriculturalPerPoint, "Kənd təsərrüfatı torpaqları üzrə torpaq vergisi (1 şərti bal üçün)", "Land tax on agricultural land per conditional score point", "manat",
            [
                new ParameterValue(Manat2006, 0.06m, new LegalReference(Acts.LML, "18.5"), FromSeeds: true,
                    "LML 18.5 (seed 004): 1 şərti bal üçün 0,06 manat. The amendment's date is not in the seed; the value applies to every year the system assesses."),
            ]),
            new(Relief102_2, "Vergi Məcəlləsinin 102.2-ci maddəsindəki şəxslər üçün torpaq vergisinin azaldılması", "Land tax reduction for persons of Tax Code art. 102.2", "manat",
            [
                new ParameterValue(Manat2006, 10m, new LegalReference(Acts.LML, "18.9"), FromSeeds: true, "LML 18.9 (seed 004): torpaq vergisinin məbləği on manat azaldılır, one plot of the owner's choice."),
            ]),
            new(BuildingPercentCap, "Fiziki şəxslərin binalarına görə əmlak vergisinin yuxarı həddi", "Upper limit of the property tax on natural persons' buildings", "percent of value",
                [TaxCode(0.1m, "199.2", "0.1 % of the building's value (LTP 5.3 base).")]),
            new(HotelCapInSmv, "Mehmanxana ödənişinin yuxarı həddi (ŞMV-nin misli)", "Upper limit of the hotel payment (multiple of ŞMV)", "ŞMV",
            [
                new ParameterValue(new DateOnly(2002, 1, 1), 1m, new LegalReference(Acts.LTP, "9.1.4"), FromSeeds: true, "LTP 9.1.4: bir nəfər üçün bir gün ŞMV-nin 1 mislindən çox olmamaq şərtilə."),
            ]),
            new(ParkingCapInSmv, "Dayanacaq ödənişinin yuxarı həddi (ŞMV-nin misli)", "Upper limit of the parking payment (multiple of ŞMV)", "ŞMV",
            [
                new ParameterValue(new DateOnly(2002, 1, 1), 0.1m, new LegalReference(Acts.LTP, "9.1.5"), FromSeeds: true, "LTP 9.1.5: bir nəqliyyat vasitəsi üçün bir gün ŞMV-nin 0,1 mislindən çox olmamaq şərtilə."),
            ]),
            new(InterestPercentPerDay, "Vergi borcuna görə faiz (gündə, faizlə)", "Interest on tax arrears (percent per day)", "percent per day",
                [TaxCode(0.1m, "59.2", "0.1 % of the unpaid amount for each day of delay.")]),
            new(InterestMaxDays, "Faizin hesablandığı ən çox gün sayı", "Most days interest is charged for", "days",
                [TaxCode(365m, "59.2", "Interest is charged for at most one year of delay.")]),
            new(QuarterlyReportDays, "Rüblük yığım hesabatının rüb bitdikdən sonra təqdim müddəti", "Days after a quarter's end to send the quarterly collection report", "days",
            [
                new ParameterValue(new DateOnly(2002, 4, 4), 20m, Citation: null, FromSeeds: false,
                    "Decree of 4 April 2002 para. 2 asks for the report every three months to the Ministry of Finance and sets no day; 20 days is OpenBAMS's default."),
            ]),
        };
        // Tax Code 206.3-206.4 per 100 m² (not in the seeds).
        decimal[] residential = [0.4m, 0.3m, 0.2m, 0.1m];
        decimal[] nonResidential = [10m, 8m, 4m, 1m];
        for (var i = 0; i < RateClasses.SettlementGroups.Length; i++)
        {
            var (code, az, en) = RateClasses.SettlementGroups[i];
            list.Add(new(ResidentialCap(code), $"Yaşayış fondu torpaqları, hər 100 m² — {az}", $"Housing and household land per 100 m² — {en}", "manat",
                [TaxCode(residential[i], "206.4", $"Housing fund and household plots, {en}.")]));
            list.Add(new(NonResidentialCap(code), $"Sənaye, ticarət və digər təyinatlı torpaqlar, hər 100 m² — {az}", $"Industry, trade and other land per 100 m² — {en}", "manat",
                [TaxCode(nonResidential[i], "206.3", $"Industry, construction, transport, communications, trade and other special-purpose land, {en}.")]));
        }
        foreach (var kind in Enum.GetValues<VehicleKind>())
            list.Add(new(VehicleCap(kind), $"Əmlak vergisinin yuxarı həddi: {VehicleName(kind).Az} (hər sm³)", $"Upper limit of property tax: {VehicleName(kind).En} (per cm³ of engine)", "manat",
                [TaxCode(0.02m, "199.4", kind is VehicleKind.WaterTransport or VehicleKind.AirTransport
                    ? "0.02 manat per cm³ of engine capacity."
                    : "LTP 5.1 names this object; the Tax Code in force may not tax it — set 0 if so.")]));
        decimal[] advertising = [1.00m, 0.50m, 0.20m];
        for (var zone = 1; zone <= AdvertisingZones; zone++)
            list.Add(new(AdvertisingMinimum(zone), $"Küçə reklamı üçün minimum ödəniş — {zone}-ci zona (m², ay)", $"Minimum street advertising fee — zone {zone} (per m² per month)", "manat",
            [
                new ParameterValue(Manat2006, advertising[zone - 1], Citation: null, FromSeeds: false,
                    "FL 7.2 refers the zone minimums to the Law on Advertising, which is not in the seeds: an illustrative default to be replaced."),
            ]));
        return list;
    }
}
