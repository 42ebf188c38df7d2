namespace OpenBams.Taxes;

public static class LocalPaymentsApi
{
    public static void Map(RouteGroupBuilder m)
    {
    }
}
