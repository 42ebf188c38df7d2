namespace OpenBams.Taxes;

public static class PaymentsApi
{
    public static void Map(RouteGroupBuilder m, RouteGroupBuilder api)
    {
    }
}
