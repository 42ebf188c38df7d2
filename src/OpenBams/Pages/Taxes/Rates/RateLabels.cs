using OpenBams.Law.Taxes;
using OpenBams.Platform.Localization;

namespace OpenBams.Pages.Taxes.Rates;

/// <summary>Names of the taxes, payments and relief kinds on the rates and local payments pages.</summary>
public static class RateLabels
{
    public static string Tax(LocalTax t) => t switch
    {
        LocalTax.LandTax => Tr("Torpaq vergisi", "Land tax"),
        LocalTax.PropertyTax => Tr("Əmlak vergisi", "Property tax"),
        LocalTax.HotelPayment => Tr("Mehmanxana ödənişi", "Hotel payment"),
        LocalTax.ParkingPayment => Tr("Dayanacaq ödənişi", "Parking payment"),
        LocalTax.AdvertisingPayment => Tr("Küçə reklamı ödənişi", "Street advertising payment"),
        LocalTax.TradePayment => Tr("Ticarət və xidmət ödənişi", "Trade and services payment"),
        LocalTax.VoluntaryPayment => Tr("Könüllü birdəfəlik ödəniş", "Voluntary one-time payment"),
        _ => t.ToString(),
    };

    public static string Kind(ReliefKind k) => k switch
    {
        ReliefKind.Exemption => Tr("tam azadolma", "exemption"),
        ReliefKind.PercentReduction => Tr("faizlə azaltma", "percent reduction"),
        _ => Tr("endirimli dərəcə", "reduced rate"),
    };

    public static string Number(decimal d) => d.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);

    private static string Tr(string az, string en) => Text.English ? en : az;
}
