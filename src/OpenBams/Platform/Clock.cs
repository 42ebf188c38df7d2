namespace OpenBams.Platform;

/// <summary>Today and now in Azerbaijan (UTC+4, no daylight saving since 2016): legal days are Baku days.</summary>
public static class Clock
{
    private static readonly TimeSpan Baku = TimeSpan.FromHours(4);

    public static DateTime UtcNow(TimeProvider time) => time.GetUtcNow().UtcDateTime;
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Baku).DateTime);
}
