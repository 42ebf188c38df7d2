namespace OpenBams.Law;

/// <summary>
/// The working-day calendar: Monday–Friday are working days, Saturday and Sunday are not, and the entries
/// (public holidays, rest days, transferred working days) change single days. All deadline arithmetic of the
/// system goes through one instance of it.
/// </summary>
/// <remarks>
/// Entries are data (an administrator edits them; <see cref="AzerbaijanHolidays"/> proposes them). The calendar
/// refuses entries that make no sense: two entries on one day, a "transferred working day" that is not a
/// Saturday or Sunday, a "transferred rest day" that is not a weekday.
/// </remarks>
[Law("LC 105")]
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarEntry> entries = [];

    /// <summary>Builds the calendar.</summary>
    /// <exception cref="ArgumentException">Two entries on one day, or an entry of a kind that cannot fall on its day.</exception>
    public WorkingCalendar(IEnumerable<CalendarEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var e in entries)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(entries));
            var when = Language.Date(e.Date);
            if (e.Kind == CalendarDayKind.TransferredWorkingDay && !IsWeekend(e.Date))
                throw new ArgumentException($"{when} ({e.NameEn}) is a transferred working day but not a Saturday or Sunday; it is a working day anyway.", nameof(entries));
            if (e.Kind == CalendarDayKind.TransferredRestDay && IsWeekend(e.Date))
                throw new ArgumentException($"{when} ({e.NameEn}) is a transferred rest day but falls on a weekend; a rest day must be a weekday.", nameof(entries));
            if (!this.entries.TryAdd(e.Date, e))
                throw new ArgumentException($"Two calendar entries on {when}: '{this.entries[e.Date].NameEn}' and '{e.NameEn}'. Keep one (merge the names if two holidays coincide).", nameof(entries));
        }
        Entries = this.entries.Values.OrderBy(e => e.Date).ToArray();
    }

    /// <summary>All entries, by date.</summary>
    public IReadOnlyList<CalendarEntry> Entries { get; }

    /// <summary>Saturday or Sunday (the five-day week).</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// A weekday that is no holiday or rest day, or a weekend day a government transfer made a working day.
    /// </summary>
    public bool IsWorkingDay(DateOnly date) => EntryOn(date)?.Kind switch
    {
        CalendarDayKind.PublicHoliday or CalendarDayKind.TransferredRestDay => false,
        CalendarDayKind.TransferredWorkingDay => true,
        _ => !IsWeekend(date),
    };

    /// <summary>The entry on that day, if any.</summary>
    public CalendarEntry? EntryOn(DateOnly date) => entries.GetValueOrDefault(date);

    /// <summary>
    /// Why the day is not a working day: the holiday's or rest day's name, or "şənbə"/"Saturday",
    /// "bazar"/"Sunday"; null when it is a working day.
    /// </summary>
    public string? WhyNotWorking(DateOnly date, string lang)
    {
        var az = Language.IsAz(lang);
        if (IsWorkingDay(date)) return null;
        if (EntryOn(date) is { } e) return az ? e.NameAz : e.NameEn;
        return date.DayOfWeek == DayOfWeek.Saturday ? (az ? "şənbə" : "Saturday") : (az ? "bazar" : "Sunday");
    }

    /// <summary>The day itself if it is a working day, else the first working day after it.</summary>
    public WorkingDay NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return new WorkingDay(date);
    }

    /// <summary>
    /// "Within <paramref name="n"/> working days" of <paramref name="start"/>: the start day is not counted
    /// (a decision adopted on day D is counted from D+1), non-working days are stepped over and listed.
    /// Used e.g. for SL 48.1 (copy of a decision to the oversight body within 5 working days) and SL 30.2
    /// (debt certificate within 1 working day).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> below 1: "within 0 working days" is not a period.</exception>
    [Law("SL 48.1")]
    [Law("SL 30.2")]
    public Deadline AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var skipped = new List<SkippedDay>();
        var day = start;
        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
            else skipped.Add(Skip(day));
        }
        return new Deadline(start, day, DeadlineUnit.WorkingDays, n, skipped, day, null);
    }

    /// <summary>
    /// "Within <paramref name="n"/> days" of <paramref name="start"/> (calendar days; the start day is not counted).
    /// </summary>
    /// <remarks>
    /// Choice: when the last day is not a working day the deadline moves to the next working day — the usual rule
    /// of Azerbaijani procedural law, which the seeds do not state. Pass
    /// <paramref name="rollForwardToWorkingDay"/> = false where a law counts strictly (e.g. some election periods);
    /// the explanation then says the day is not a working day and was not moved.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> below 1.</exception>
    public Deadline AddCalendarDays(DateOnly start, int n, bool rollForwardToWorkingDay = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return Finish(start, start.AddDays(n), DeadlineUnit.CalendarDays, n, rollForwardToWorkingDay);
    }

    /// <summary>
    /// "Within <paramref name="n"/> months" of <paramref name="start"/>: the same day-number <paramref name="n"/>
    /// months later; when that month is shorter, its last day (31.01 + 1 month = 28.02, or 29.02 in a leap year).
    /// Then, as for calendar days, a non-working last day moves to the next working day unless
    /// <paramref name="rollForwardToWorkingDay"/> is false.
    /// Used e.g. for SL 30.2 (answer to a citizen's appeal within one month).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> below 1.</exception>
    public Deadline AddMonths(DateOnly start, int n, bool rollForwardToWorkingDay = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        // DateOnly.AddMonths already clamps to the last day of a shorter month.
        return Finish(start, start.AddMonths(n), DeadlineUnit.Months, n, rollForwardToWorkingDay);
    }

    private Deadline Finish(DateOnly start, DateOnly nominal, DeadlineUnit unit, int n, bool roll)
    {
        if (IsWorkingDay(nominal))
            return new Deadline(start, nominal, unit, n, [], nominal, null);
        if (!roll)
            return new Deadline(start, nominal, unit, n, [], nominal, Skip(nominal));
        var skipped = new List<SkippedDay>();
        var day = nominal;
        while (!IsWorkingDay(day))
        {
            skipped.Add(Skip(day));
            day = day.AddDays(1);
        }
        return new Deadline(start, day, unit, n, skipped, nominal, null);
    }

    private SkippedDay Skip(DateOnly day) => new(day, WhyNotWorking(day, "az")!, WhyNotWorking(day, "en")!);
}
