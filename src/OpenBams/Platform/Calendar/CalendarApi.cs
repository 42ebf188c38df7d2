namespace OpenBams.Platform.Calendar;

public static class CalendarApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
