namespace OpenBams.Platform.Parameters;

public static class ParametersApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
