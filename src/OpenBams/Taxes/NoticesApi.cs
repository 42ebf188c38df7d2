namespace OpenBams.Taxes;

public static class NoticesApi
{
    public static void Map(RouteGroupBuilder m, RouteGroupBuilder api)
    {
    }
}
