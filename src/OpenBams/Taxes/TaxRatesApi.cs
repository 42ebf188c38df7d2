namespace OpenBams.Taxes;

public static class TaxRatesApi
{
    public static void Map(RouteGroupBuilder m)
    {
    }
}
