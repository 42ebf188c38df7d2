using OpenBams.Law.Taxes;

namespace OpenBams.Law.Budget;

/// <summary>
/// The revenue classes of the local budget (FL 7.1, 7.3; SL 33.5, 40.1), split where the article lists several kinds of money
/// in one sub-item. The numbers are stored: never renumber. <see cref="BudgetClassification.Revenue"/> gives each its stable
/// code, names and article.
/// </summary>
/// <remarks>
/// FL 4.3: "Yerli büdcənin tərtibi və icrası prosesində ... Azərbaycan Respublikasında tətbiq olunan büdcə təsnifatından istifadə
/// olunur." The national budget classification's own codes are not in the seeds, so the codes here follow the FL article
/// numbering ("R-7.1.1", "R-7.1.7b"); a column for the national code can be added next to them without renumbering.
/// </remarks>
public enum RevenueClass
{
    /// <summary>FL 7.1.1: land tax from natural persons.</summary>
    LandTax = 1,
    /// <summary>FL 7.1.2: property tax from natural persons.</summary>
    PropertyTax = 2,
    /// <summary>FL 7.1.3: mining tax on construction materials of local significance.</summary>
    MiningTax = 3,
    /// <summary>FL 7.1.4: profit tax of enterprises and organisations in municipal ownership.</summary>
    ProfitTax = 4,
    /// <summary>FL 7.1.5: street advertising on municipal land, buildings and other objects.</summary>
    Advertising = 5,
    /// <summary>FL 7.1.6: resort fee.</summary>
    ResortFee = 61,
    /// <summary>FL 7.1.6: hotel fee (LTP 9.1.4: hotel, sanatorium-resort and tourism payment).</summary>
    HotelFee = 62,
    /// <summary>FL 7.1.6: car-parking fee (LTP 9.1.5).</summary>
    ParkingFee = 63,
    /// <summary>FL 7.1.6: other local payments set by law (LTP 9.1.3: trade and services on allocated plots).</summary>
    OtherLocalPayments = 64,
    /// <summary>FL 7.1.7: dotation from the state budget (general, not earmarked; FL 8.6).</summary>
    Dotation = 71,
    /// <summary>FL 7.1.7: subvention from the state budget (targeted; FL 8.5, 11.1).</summary>
    Subvention = 72,
    /// <summary>FL 7.1.7: loan (ssuda) from the state budget.</summary>
    StateBudgetLoan = 73,
    /// <summary>FL 7.1.8, SL 33.5: income from privatisation of municipal property — wholly to the local budget.</summary>
    Privatisation = 81,
    /// <summary>FL 7.1.8, LTP 9.1.2: income from lease (and grant of use) of municipal property.</summary>
    Lease = 82,
    /// <summary>FL 7.1.8, SL 46: money from (local) lotteries.</summary>
    Lottery = 83,
    /// <summary>FL 7.1.8: other income from the municipality's activity.</summary>
    OtherMunicipalIncome = 84,
    /// <summary>FL 7.1.9: financial aid and grants of natural and legal persons, international organisations and funds.</summary>
    GrantsAndAid = 9,
    /// <summary>FL 7.1.10, 6.3; SL 42.2: money to pay expenditures caused by measures of state significance and decisions of state bodies.</summary>
    Compensation = 10,
    /// <summary>FL 7.1.11: interest and sanctions on local taxes and payments.</summary>
    InterestAndSanctions = 11,
    /// <summary>FL 7.3, LTP 3.3(b), 9.2: voluntary one-time payments, earmarked to their project (LTP 3.5).</summary>
    VoluntaryPayment = 30,
    /// <summary>FL 6.2, 8.5; SL 40.1, 42.1: money the state provides for the powers it delegates (earmarked, separate line).</summary>
    DelegatedPowersFunding = 40,
}

/// <summary>
/// The areas of local expenditure (FL 8.2). The first six are what the norms of FL 8.2 first paragraph take into account; the
/// three programmes are what the budget "may also" finance (FL 8.2 second paragraph); <see cref="Other"/> is any other direction
/// the municipality sets (FL 8.1). The numbers are stored: never renumber.
/// </summary>
public enum ExpenditureArea
{
    /// <summary>FL 8.2: the municipality's administration costs (idarəetmə xərcləri).</summary>
    Administration = 1,
    /// <summary>FL 8.2: maintenance of social-domestic facilities (sosial-məişət obyektləri).</summary>
    SocialDomesticFacilities = 2,
    /// <summary>FL 8.2: maintenance of housing (yaşayış obyektləri).</summary>
    Housing = 3,
    /// <summary>FL 8.2: maintenance of culture facilities.</summary>
    Culture = 4,
    /// <summary>FL 8.2: maintenance of sports facilities.</summary>
    Sports = 5,
    /// <summary>FL 8.2: maintenance of streets, yards and gardens in public use.</summary>
    StreetsYardsGardens = 6,
    /// <summary>FL 8.2: local social protection programmes.</summary>
    SocialProtectionProgrammes = 7,
    /// <summary>FL 8.2: social and economic development programmes.</summary>
    DevelopmentProgrammes = 8,
    /// <summary>FL 8.2: ecological programmes.</summary>
    EcologicalProgrammes = 9,
    /// <summary>FL 8.1: other directions the municipality determines.</summary>
    Other = 99,
}

/// <summary>Where a line's money comes from, which decides whether it is free or bound to a purpose.</summary>
public enum LineFunding
{
    /// <summary>The municipality's general (free) resources: FL 5.1, 8.1 — freely reallocated within FL 11.1.</summary>
    General = 0,
    /// <summary>FL 8.5, SL 40.3: funds for powers delegated by the state; a separate line, never reallocated (FL 11.1).</summary>
    DelegatedStatePowers = 1,
    /// <summary>FL 11.1, 8.5: other targeted funds received from the state budget (subventions, FL 7.1.10 compensations).</summary>
    StateTargeted = 2,
    /// <summary>FL 7.3, LTP 3.5: money of a voluntary one-time payment, only for its project.</summary>
    VoluntaryPaymentProject = 3,
}

/// <summary>One revenue class with its stable code, names and article.</summary>
/// <param name="Class">The class.</param>
/// <param name="Code">Stable code, e.g. "R-7.1.7b".</param>
/// <param name="NameAz">Name in Azerbaijani, as the article words it.</param>
/// <param name="NameEn">Name in English.</param>
/// <param name="Article">The article that makes it revenue of the local budget.</param>
/// <param name="FromStateBudget">Money of the state budget (FL 7.1.7, 7.1.10, 6.2): not the municipality's own revenue (FL 8.6).</param>
/// <param name="Funding">The funding its lines carry by default: earmarked classes bind their money to a purpose.</param>
/// <param name="WhollyToLocalBudget">SL 33.5: "özəlləşdirilməsindən daxil olan vəsaitlər bütünlüklə yerli büdcəyə daxil olur".</param>
public sealed record RevenueClassInfo(
    RevenueClass Class, string Code, string NameAz, string NameEn, LegalReference Article,
    bool FromStateBudget, LineFunding Funding, bool WhollyToLocalBudget = false)
{
    /// <summary>Whether money of this class is bound to a purpose (FL 7.3, 8.5, 11.1; LTP 3.5).</summary>
    public bool IsEarmarked => Funding != LineFunding.General;
}

/// <summary>One expenditure area with its stable code, names and article.</summary>
public sealed record ExpenditureAreaInfo(ExpenditureArea Area, string Code, string NameAz, string NameEn, LegalReference Article, bool IsOptionalProgramme);

/// <summary>
/// The budget classification as reference data: revenue classes (FL 7.1), expenditure areas (FL 8.2), and the mapping of the
/// taxes module's <see cref="LocalTax"/> kinds to revenue classes.
/// </summary>
public static class BudgetClassification
{
    private static LegalReference Fl(string article) => new(Acts.FL, article);

    /// <summary>Every revenue class, in the order of FL 7.1, then 7.3 and the delegated-powers funds.</summary>
    [Law("FL 7.1")]
    [Law("FL 7.3")]
    [Law("SL 33.5")]
    [Law("SL 40.1")]
    public static IReadOnlyList<RevenueClassInfo> Revenue { get; } =
    [
        new(RevenueClass.LandTax, "R-7.1.1", "fiziki şəxslərdən torpaq vergisi", "Land tax from natural persons", Fl("7.1.1"), false, LineFunding.General),
        new(RevenueClass.PropertyTax, "R-7.1.2", "fiziki şəxslərdən əmlak vergisi", "Property tax from natural persons", Fl("7.1.2"), false, LineFunding.General),
        new(RevenueClass.MiningTax, "R-7.1.3", "yerli əhəmiyyətli tikinti materialları üzrə mədən vergisi", "Mining tax on construction materials of local significance", Fl("7.1.3"), false, LineFunding.General),
        new(RevenueClass.ProfitTax, "R-7.1.4", "bələdiyyə mülkiyyətində olan müəssisə və təşkilatlardan mənfəət vergisi", "Profit tax of enterprises and organisations in municipal ownership", Fl("7.1.4"), false, LineFunding.General),
        new(RevenueClass.Advertising, "R-7.1.5", "bələdiyyə mülkiyyətində olan torpaqlarda, binalarda və digər obyektlərdə yerləşdirilən küçə reklamlarına görə ödəniş",
            "Payment for street advertising on municipal land, buildings and other objects", Fl("7.1.5"), false, LineFunding.General),
        new(RevenueClass.ResortFee, "R-7.1.6a", "kurort rüsumu", "Resort fee", Fl("7.1.6"), false, LineFunding.General),
        new(RevenueClass.HotelFee, "R-7.1.6b", "mehmanxana rüsumu", "Hotel fee", Fl("7.1.6"), false, LineFunding.General),
        new(RevenueClass.ParkingFee, "R-7.1.6c", "avtomobillərin dayanacaqları üçün rüsum", "Car-parking fee", Fl("7.1.6"), false, LineFunding.General),
        new(RevenueClass.OtherLocalPayments, "R-7.1.6d", "qanunla müəyyən edilən digər yerli ödənişlər", "Other local payments set by law", Fl("7.1.6"), false, LineFunding.General),
        new(RevenueClass.Dotation, "R-7.1.7a", "dövlət büdcəsindən verilən dotasiya", "Dotation from the state budget", Fl("7.1.7"), true, LineFunding.General),
        new(RevenueClass.Subvention, "R-7.1.7b", "dövlət büdcəsindən verilən subvensiya", "Subvention from the state budget", Fl("7.1.7"), true, LineFunding.StateTargeted),
        new(RevenueClass.StateBudgetLoan, "R-7.1.7c", "dövlət büdcəsindən verilən ssuda", "Loan from the state budget", Fl("7.1.7"), true, LineFunding.General),
        new(RevenueClass.Privatisation, "R-7.1.8a", "bələdiyyə əmlakının özəlləşdirilməsindən gəlirlər", "Income from privatisation of municipal property", Fl("7.1.8"), false, LineFunding.General,
            WhollyToLocalBudget: true),
        new(RevenueClass.Lease, "R-7.1.8b", "bələdiyyə əmlakının icarəyə verilməsindən gəlirlər", "Income from lease of municipal property", Fl("7.1.8"), false, LineFunding.General),
        new(RevenueClass.Lottery, "R-7.1.8c", "lotereyalardan daxil olan vəsait", "Proceeds of lotteries", Fl("7.1.8"), false, LineFunding.General),
        new(RevenueClass.OtherMunicipalIncome, "R-7.1.8d", "bələdiyyələrin fəaliyyətindən əldə edilən digər gəlirlər", "Other income from the municipality's activity", Fl("7.1.8"), false, LineFunding.General),
        new(RevenueClass.GrantsAndAid, "R-7.1.9", "fiziki və hüquqi şəxslərin, beynəlxalq təşkilatların və fondların maliyyə yardımları və qrantları",
            "Financial aid and grants of natural and legal persons, international organisations and funds", Fl("7.1.9"), false, LineFunding.General),
        new(RevenueClass.Compensation, "R-7.1.10", "dövlət əhəmiyyətli tədbirlərin və dövlət orqanlarının qərarları nəticəsində yaranan xərclərin ödənilməsi üçün maliyyə vəsaiti",
            "Funds to pay expenditures caused by measures of state significance and decisions of state bodies", Fl("7.1.10"), true, LineFunding.StateTargeted),
        new(RevenueClass.InterestAndSanctions, "R-7.1.11", "yerli vergilər və ödənişlərə görə hesablanmış faiz və sanksiyalar", "Interest and sanctions on local taxes and payments",
            Fl("7.1.11"), false, LineFunding.General),
        new(RevenueClass.VoluntaryPayment, "R-7.3", "könüllü birdəfəlik ödənişlər", "Voluntary one-time payments", Fl("7.3"), false, LineFunding.VoluntaryPaymentProject),
        new(RevenueClass.DelegatedPowersFunding, "R-6.2", "əlavə səlahiyyətlərin həyata keçirilməsi üçün ayrılmış maliyyə vəsaiti",
            "Funds for powers delegated by the state", Fl("6.2"), true, LineFunding.DelegatedStatePowers),
    ];

    /// <summary>Every expenditure area of FL 8.2 (and "other", FL 8.1).</summary>
    [Law("FL 8.2")]
    public static IReadOnlyList<ExpenditureAreaInfo> Expenditure { get; } =
    [
        new(ExpenditureArea.Administration, "E-8.2.1", "bələdiyyənin idarəetmə xərcləri", "Administration of the municipality", Fl("8.2"), false),
        new(ExpenditureArea.SocialDomesticFacilities, "E-8.2.2", "sosial-məişət obyektlərinin saxlanması", "Maintenance of social-domestic facilities", Fl("8.2"), false),
        new(ExpenditureArea.Housing, "E-8.2.3", "yaşayış obyektlərinin saxlanması", "Maintenance of housing", Fl("8.2"), false),
        new(ExpenditureArea.Culture, "E-8.2.4", "mədəniyyət obyektlərinin saxlanması", "Maintenance of culture facilities", Fl("8.2"), false),
        new(ExpenditureArea.Sports, "E-8.2.5", "idman obyektlərinin saxlanması", "Maintenance of sports facilities", Fl("8.2"), false),
        new(ExpenditureArea.StreetsYardsGardens, "E-8.2.6", "əhalinin ümumi istifadəsində olan küçə, həyət və bağların saxlanması",
            "Maintenance of streets, yards and gardens in public use", Fl("8.2"), false),
        new(ExpenditureArea.SocialProtectionProgrammes, "E-8.2.7", "yerli sosial müdafiə proqramları", "Local social protection programmes", Fl("8.2"), true),
        new(ExpenditureArea.DevelopmentProgrammes, "E-8.2.8", "sosial və iqtisadi inkişaf proqramları", "Social and economic development programmes", Fl("8.2"), true),
        new(ExpenditureArea.EcologicalProgrammes, "E-8.2.9", "ekoloji proqramlar", "Ecological programmes", Fl("8.2"), true),
        new(ExpenditureArea.Other, "E-8.1", "bələdiyyənin müəyyən etdiyi digər xərclər", "Other expenditure the municipality determines", Fl("8.1"), false),
    ];

    /// <summary>The class's reference data.</summary>
    public static RevenueClassInfo Info(RevenueClass c) =>
        Revenue.FirstOrDefault(r => r.Class == c) ?? throw new ArgumentOutOfRangeException(nameof(c), c, "Not a revenue class.");

    /// <summary>The area's reference data.</summary>
    public static ExpenditureAreaInfo Info(ExpenditureArea a) =>
        Expenditure.FirstOrDefault(e => e.Area == a) ?? throw new ArgumentOutOfRangeException(nameof(a), a, "Not an expenditure area.");

    /// <summary>The revenue class with that stable code (case-insensitive), or null.</summary>
    public static RevenueClassInfo? RevenueByCode(string? code) =>
        Revenue.FirstOrDefault(r => string.Equals(r.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The expenditure area with that stable code (case-insensitive), or null.</summary>
    public static ExpenditureAreaInfo? ExpenditureByCode(string? code) =>
        Expenditure.FirstOrDefault(e => string.Equals(e.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The revenue class a payment of the taxes module posts to (FL 7.1): the same sub-item as
    /// <see cref="LocalTaxes.RevenueClass"/>, split to the kind of 7.1.6 payment. Trade on allocated plots (LTP 9.1.3) is one of
    /// the "other local payments set by law" of FL 7.1.6.
    /// </summary>
    [Law("FL 7.1")]
    public static RevenueClass ForLocalTax(LocalTax tax) => tax switch
    {
        LocalTax.LandTax => RevenueClass.LandTax,
        LocalTax.PropertyTax => RevenueClass.PropertyTax,
        LocalTax.MiningTax => RevenueClass.MiningTax,
        LocalTax.ProfitTax => RevenueClass.ProfitTax,
        LocalTax.AdvertisingPayment => RevenueClass.Advertising,
        LocalTax.HotelPayment => RevenueClass.HotelFee,
        LocalTax.ParkingPayment => RevenueClass.ParkingFee,
        LocalTax.TradePayment => RevenueClass.OtherLocalPayments,
        LocalTax.VoluntaryPayment => RevenueClass.VoluntaryPayment,
        LocalTax.InterestOnArrears => RevenueClass.InterestAndSanctions,
        _ => throw new ArgumentOutOfRangeException(nameof(tax), tax, "No revenue class is known for this local tax or payment."),
    };

    /// <summary>
    /// LTP 9.1.2: "bələdiyyə mülkiyyətinin özgəninkiləşdirilməsindən, icarəyə və istifadəyə verilməsindən daxil olan ödəniş" — a
    /// payment from alienation posts to privatisation income (FL 7.1.8; wholly to the local budget, SL 33.5), one from lease or
    /// grant of use to lease income.
    /// </summary>
    [Law("LTP 9.1.2")]
    [Law("SL 33.5")]
    public static RevenueClass ForMunicipalPropertyPayment(bool alienation) => alienation ? RevenueClass.Privatisation : RevenueClass.Lease;

    /// <summary>
    /// FL 8.6: "Xərclərinin öz gəlirləri ilə təmin olunmayan hissəsi (yerli büdcənin kəsiri)". Own revenue is every class that is
    /// not money of the state budget (FL 7.1.7 dotations, subventions, loans; FL 7.1.10 compensations; FL 6.2 delegated-powers
    /// funds). The law does not say whether grants of FL 7.1.9 are "own"; <paramref name="grantsAreOwn"/> decides (default: yes,
    /// they are the municipality's to dispose of and do not come from the state — see docs/decisions.md).
    /// </summary>
    [Law("FL 8.6")]
    public static bool IsOwnRevenue(RevenueClass c, bool grantsAreOwn = true) =>
        c == RevenueClass.GrantsAndAid ? grantsAreOwn : !Info(c).FromStateBudget;

    /// <summary>Name in "az" or "en".</summary>
    public static string Name(RevenueClass c, string lang) => Language.IsAz(lang) ? Info(c).NameAz : Info(c).NameEn;

    /// <summary>Name in "az" or "en".</summary>
    public static string Name(ExpenditureArea a, string lang) => Language.IsAz(lang) ? Info(a).NameAz : Info(a).NameEn;
}

/// <summary>What makes a line's funding bound to a purpose, and the articles that bind it.</summary>
public static class Funding
{
    /// <summary>Anything but <see cref="LineFunding.General"/> is bound to its purpose.</summary>
    [Law("FL 11.1")]
    [Law("LTP 3.5")]
    public static bool IsEarmarked(LineFunding f) => f != LineFunding.General;

    /// <summary>
    /// FL 8.5: "Əlavə səlahiyyətlərin həyata keçirilməsi üçün ... ayrılan məqsədli vəsait, o cümlədən subvensiya hesabına xərclərin
    /// maliyyələşdirilməsi yerli büdcənin məxaric hissəsində ayrıca sətirdə göstərilir." SL 40.3: the financing of local issues
    /// and of delegated powers "ayrılıqda nəzərdə tutulur".
    /// </summary>
    [Law("FL 8.5")]
    [Law("SL 40.3")]
    public static bool NeedsSeparateLine(LineFunding f) => f is LineFunding.DelegatedStatePowers or LineFunding.StateTargeted;

    /// <summary>The article that locks this funding against reallocation; null for general money.</summary>
    public static LegalReference? LockedBy(LineFunding f) => f switch
    {
        LineFunding.DelegatedStatePowers => new(Acts.FL, "8.5"),
        LineFunding.StateTargeted => new(Acts.FL, "11.1"),
        LineFunding.VoluntaryPaymentProject => new(Acts.LTP, "3.5"),
        _ => null,
    };

    /// <summary>Names for people.</summary>
    public static (string Az, string En) Name(LineFunding f) => f switch
    {
        LineFunding.DelegatedStatePowers => ("həvalə edilmiş dövlət səlahiyyətləri üçün vəsait", "funds for delegated state powers"),
        LineFunding.StateTargeted => ("dövlət büdcəsindən alınmış məqsədli vəsait", "targeted funds from the state budget"),
        LineFunding.VoluntaryPaymentProject => ("könüllü birdəfəlik ödənişin layihəsi", "project of a voluntary one-time payment"),
        _ => ("ümumi vəsait", "general funds"),
    };
}
