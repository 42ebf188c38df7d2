namespace OpenBams.Platform.Audit;

public static class AuditApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
