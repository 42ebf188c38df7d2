namespace OpenBams.Law;

/// <summary>
/// Proposes the public holidays and the rest days they carry over to, year by year, for an administrator to
/// load into the calendar. <b>Not from the seeds:</b> every entry has <c>FromSeeds = false</c> and
/// <see cref="Source"/>, and must be checked each year against the Cabinet of Ministers' decision.
/// </summary>
/// <remarks>
/// <para>Fixed days (Labour Code art. 105.1–105.2, non-working): 1–2 January, 20 January (day of national
/// mourning), 8 March, 20–24 March (Novruz), 9 May, 28 May, 15 June, 26 June, 8 November, 9 November,
/// 31 December. This is the list in force since 2021 (when Victory Day was added); earlier years are generated
/// with the same list, which is not historically exact.</para>
/// <para>Movable days (Ramazan and Qurban, two days each) are fixed every year by the Cabinet (art. 105.4), so they
/// come from a table of known dates (2024–2027; 2027 is expected, not yet announced). For other years they are
/// simply absent: an administrator adds them when they are announced.</para>
/// <para>Carry-over, year by year and in two passes over each year's days in date order:</para>
/// <list type="number">
/// <item>art. 105.5 — a holiday on a Saturday or Sunday makes the next working day a rest day. Not applied to
/// 20 January, which is a day of mourning, not a holiday ("bayram").</item>
/// <item>art. 105.6 — when Ramazan or Qurban coincides with another non-working holiday, the next working day is a
/// rest day (one per coinciding holiday). This is how the Cabinet's 2026 calendar gets 20–30 March off:
/// Novruz 20–24 with Ramazan 20–21, the weekend 21–22 carried to 25–26, the two coincidences to 27 and 30.</item>
/// </list>
/// <para>A day that is two holidays at once is one calendar entry (names joined with "və"/"and") and carries over
/// at most once for falling on a weekend. The carried-to day is always a weekday that is not a holiday and not
/// already taken by an earlier carry-over (so 15–17 June 2024, Saturday–Monday, carry to 18 and 19 June).
/// Carry-overs cross the year boundary: a holiday on Saturday 31 December carries into January of the next year,
/// and appears in that year's list.</para>
/// </remarks>
[Law("LC 105")]
public static class AzerbaijanHolidays
{
    /// <summary>The source written on every generated entry.</summary>
    public const string Source = "Labour Code art. 105 (not from the seeds; verify yearly)";

    /// <summary>Added to the source of dates not yet announced by the government.</summary>
    public const string ExpectedNote = "expected; confirm when the government announces";

    private enum Sort { Holiday, Mourning, Religious }

    private sealed record Occurrence(DateOnly Date, string Az, string En, Sort Sort, bool Expected);

    private sealed record Fixed(int Month, int Day, string Az, string En, Sort Sort = Sort.Holiday);

    private static readonly Fixed[] FixedDays =
    [
        new(1, 1, "Yeni il", "New Year"),
        new(1, 2, "Yeni il", "New Year"),
        new(1, 20, "Ümumxalq hüzn günü", "Day of National Mourning", Sort.Mourning),
        new(3, 8, "Qadınlar günü", "Women's Day"),
        new(3, 20, "Novruz bayramı", "Novruz Holiday"),
        new(3, 21, "Novruz bayramı", "Novruz Holiday"),
        new(3, 22, "Novruz bayramı", "Novruz Holiday"),
        new(3, 23, "Novruz bayramı", "Novruz Holiday"),
        new(3, 24, "Novruz bayramı", "Novruz Holiday"),
        new(5, 9, "Faşizm üzərində qələbə günü", "Victory over Fascism Day"),
        new(5, 28, "Müstəqillik günü", "Independence Day"),
        new(6, 15, "Milli Qurtuluş günü", "National Salvation Day"),
        new(6, 26, "Silahlı Qüvvələr günü", "Armed Forces Day"),
        new(11, 8, "Zəfər günü", "Victory Day"),
        new(11, 9, "Dövlət Bayrağı günü", "National Flag Day"),
        new(12, 31, "Dünya azərbaycanlılarının həmrəyliyi günü", "Solidarity Day of World Azerbaijanis"),
    ];

    private sealed record Movable(DateOnly Ramazan, DateOnly Qurban, bool Expected);

    // First day of each two-day holiday, as announced by the Cabinet of Ministers.
    private static readonly Dictionary<int, Movable> MovableDays = new()
    {
        [2024] = new(new(2024, 4, 10), new(2024, 6, 16), false),
        [2025] = new(new(2025, 3, 30), new(2025, 6, 6), false),
        [2026] = new(new(2026, 3, 20), new(2026, 5, 27), false),
        [2027] = new(new(2027, 3, 10), new(2027, 5, 16), true),
    };

    /// <summary>Years whose Ramazan and Qurban dates the table knows.</summary>
    public static IReadOnlyCollection<int> YearsWithMovableHolidays => MovableDays.Keys;

    /// <summary>Holidays and carried-over rest days whose date falls in <paramref name="year"/>, by date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Year outside 2–9998.</exception>
    [Law("LC 105")]
    public static IReadOnlyList<CalendarEntry> For(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);

        // The previous year can carry into this one; the next year's early holidays block carried days.
        var days = new[] { year - 1, year, year + 1 }
            .SelectMany(Occurrences)
            .GroupBy(o => o.Date)
            .OrderBy(g => g.Key)
            .Select(g => g.ToArray())
            .ToArray();
        var holidayDates = days.Select(g => g[0].Date).ToHashSet();
        var taken = new HashSet<DateOnly>();
        var carried = new List<CalendarEntry>();

        DateOnly NextFree(DateOnly after)
        {
            var d = after.AddDays(1);
            while (WorkingCalendar.IsWeekend(d) || holidayDates.Contains(d) || taken.Contains(d)) d = d.AddDays(1);
            taken.Add(d);
            return d;
        }

        // Year by year (the previous year first, as it can carry into this one), and within a year art. 105.5
        // before art. 105.6, which is the order the Cabinet's decisions follow.
        foreach (var y in new[] { year - 1, year })
        {
            var inYear = days.Where(g => g[0].Date.Year == y).ToArray();

            // art. 105.5: a holiday on a weekend.
            foreach (var g in inYear)
            {
                var holidays = g.Where(o => o.Sort != Sort.Mourning).ToArray();
                if (holidays.Length == 0 || !WorkingCalendar.IsWeekend(g[0].Date)) continue;
                var day = g[0].Date;
                var (weekdayAz, weekdayEn) = day.DayOfWeek == DayOfWeek.Saturday ? ("şənbə", "Saturday") : ("bazar", "Sunday");
                carried.Add(RestDay(NextFree(day),
                    $"İstirahət günü: {Language.Date(day)} ({weekdayAz}) tarixinə düşən {Join(holidays, true)} əvəzinə",
                    $"Rest day in place of {Join(holidays, false)} on {weekdayEn} {Language.Date(day)}",
                    holidays.Any(o => o.Expected)));
            }

            // art. 105.6: Ramazan or Qurban on the same day as another holiday, once per coinciding holiday.
            foreach (var g in inYear)
            {
                var holidays = g.Where(o => o.Sort != Sort.Mourning).ToArray();
                var religious = holidays.FirstOrDefault(o => o.Sort == Sort.Religious);
                if (holidays.Length < 2 || religious is null) continue;
                var day = g[0].Date;
                var others = holidays.Where(o => o != religious).ToArray();
                for (var i = 1; i < holidays.Length; i++)
                    carried.Add(RestDay(NextFree(day),
                        $"İstirahət günü: {Language.Date(day)} tarixində {Join(others, true)} ilə üst-üstə düşən {religious.Az} əvəzinə",
                        $"Rest day in place of {religious.En} coinciding with {Join(others, false)} on {Language.Date(day)}",
                        holidays.Any(o => o.Expected)));
            }
        }

        var result = days
            .Where(g => g[0].Date.Year == year)
            .Select(g => new CalendarEntry(g[0].Date, CalendarDayKind.PublicHoliday, Join(g, true), Join(g, false),
                FromSeeds: false, SourceFor(g.Any(o => o.Expected))))
            .Concat(carried.Where(c => c.Date.Year == year))
            .OrderBy(e => e.Date)
            .ToArray();
        return result;
    }

    /// <summary>The entries of every year from <paramref name="fromYear"/> to <paramref name="toYear"/> inclusive, by date.</summary>
    /// <exception cref="ArgumentException"><paramref name="toYear"/> before <paramref name="fromYear"/>.</exception>
    public static IReadOnlyList<CalendarEntry> For(int fromYear, int toYear)
    {
        if (toYear < fromYear)
            throw new ArgumentException($"The range {fromYear}–{toYear} is empty: the last year comes before the first.", nameof(toYear));
        return Enumerable.Range(fromYear, toYear - fromYear + 1).SelectMany(y => For(y)).ToArray();
    }

    private static IEnumerable<Occurrence> Occurrences(int year)
    {
        foreach (var f in FixedDays)
            yield return new Occurrence(new DateOnly(year, f.Month, f.Day), f.Az, f.En, f.Sort, false);
        if (MovableDays.TryGetValue(year, out var m))
        {
            foreach (var d in new[] { m.Ramazan, m.Ramazan.AddDays(1) })
                yield return new Occurrence(d, "Ramazan bayramı", "Ramadan Holiday", Sort.Religious, m.Expected);
            foreach (var d in new[] { m.Qurban, m.Qurban.AddDays(1) })
                yield return new Occurrence(d, "Qurban bayramı", "Gurban Holiday", Sort.Religious, m.Expected);
        }
    }

    private static string Join(IEnumerable<Occurrence> os, bool az) =>
        string.Join(az ? " və " : " and ", os.Select(o => az ? o.Az : o.En).Distinct());

    private static string SourceFor(bool expected) => expected ? $"{Source}; {ExpectedNote}" : Source;

    private static CalendarEntry RestDay(DateOnly date, string az, string en, bool expected) =>
        new(date, CalendarDayKind.TransferredRestDay, az, en, FromSeeds: false, SourceFor(expected));
}
