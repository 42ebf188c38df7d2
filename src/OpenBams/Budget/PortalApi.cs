namespace OpenBams.Budget;

public static class PortalApi
{
    public static void Map(RouteGroupBuilder portal)
    {
    }
}
