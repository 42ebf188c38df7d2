namespace OpenBams.Taxes;

public static class TaxServiceApi
{
    public static void Map(RouteGroupBuilder m)
    {
    }
}
