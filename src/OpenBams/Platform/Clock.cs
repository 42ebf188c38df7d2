namespace OpenBams.Platform;

/// <summary>Today and now in Azerbaijan (UTC+4, no daylight saving since 2016): legal days are Baku days.</summary>
public static class Clock
{
    private static readonly TimeSpan Baku = TimeSpan.FromHours(4);

    public static DateTime UtcNow(TimeProvider time) => time.GetUtcNow().UtcDateTime;
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Baku).DateTime);
    /// <summary>A stored UTC moment as Baku wall-clock time.</summary>
    public static DateTime ToBaku(DateTime utc) => utc + Baku;
    /// <summary>The Baku day a stored UTC moment falls on.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(ToBaku(utc));
}
