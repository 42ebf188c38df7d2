namespace OpenBams.Taxes;

public static class CertificatesApi
{
    public static void Map(RouteGroupBuilder m, RouteGroupBuilder api)
    {
    }
}
