namespace OpenBams.Platform.Identity;

public static class AccountsApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
