namespace OpenBams.Taxes;

public static class TaxRegisterApi
{
    public static void Map(RouteGroupBuilder m)
    {
    }
}
