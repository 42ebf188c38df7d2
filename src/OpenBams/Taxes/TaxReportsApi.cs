namespace OpenBams.Taxes;

public static class TaxReportsApi
{
    public static void Map(RouteGroupBuilder m, RouteGroupBuilder api)
    {
    }
}
