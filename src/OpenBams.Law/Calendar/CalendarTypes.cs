namespace OpenBams.Law;

/// <summary>What a calendar entry does to its day.</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday that is not a working day.</summary>
    PublicHoliday,
    /// <summary>A weekday made a rest day: a holiday carried over from a weekend, or a government transfer.</summary>
    TransferredRestDay,
    /// <summary>A Saturday or Sunday declared a working day by a government transfer.</summary>
    TransferredWorkingDay,
}

/// <summary>
/// One day that differs from the plain Monday–Friday week.
/// </summary>
/// <param name="Date">The day.</param>
/// <param name="Kind">Holiday, rest day or working day.</param>
/// <param name="NameAz">Name in Azerbaijani ("Novruz bayramı").</param>
/// <param name="NameEn">Name in English ("Novruz Holiday").</param>
/// <param name="FromSeeds">Whether the seed documents give this day (holidays never are: they come from the Labour Code).</param>
/// <param name="Source">Where the day comes from, for the administrator who checks it.</param>
public sealed record CalendarEntry(DateOnly Date, CalendarDayKind Kind, string NameAz, string NameEn, bool FromSeeds, string? Source);

/// <summary>A working day. Only a <see cref="WorkingCalendar"/> can say a day is one, so only it makes these.</summary>
public readonly record struct WorkingDay
{
    internal WorkingDay(DateOnly date) => Date = date;

    /// <summary>The day.</summary>
    public DateOnly Date { get; }

    /// <summary>The day.</summary>
    public static implicit operator DateOnly(WorkingDay day) => day.Date;

    /// <summary>dd.MM.yyyy.</summary>
    public override string ToString() => Language.Date(Date);
}

/// <summary>How a deadline is counted.</summary>
public enum DeadlineUnit
{
    /// <summary>Calendar days (gün).</summary>
    CalendarDays,
    /// <summary>Working days (iş günü).</summary>
    WorkingDays,
    /// <summary>Months (ay).</summary>
    Months,
}

/// <summary>A non-working day a deadline stepped over, with the reason in both languages.</summary>
public sealed record SkippedDay(DateOnly Date, string ReasonAz, string ReasonEn);
