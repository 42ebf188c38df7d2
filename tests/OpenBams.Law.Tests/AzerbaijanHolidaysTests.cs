using OpenBams.Law;

namespace OpenBams.Law.Tests;

public class AzerbaijanHolidaysTests
{
    private static DateOnly D(string ddMMyyyy) => DateOnly.ParseExact(ddMMyyyy, "dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Dates(IEnumerable<CalendarEntry> entries, CalendarDayKind kind) =>
        entries.Where(e => e.Kind == kind).Select(e => e.Date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void LC_105_holidays_of_2026()
    {
        var y = AzerbaijanHolidays.For(2026);
        Assert.Equal(
        [
            "01.01.2026", "02.01.2026", "20.01.2026", "08.03.2026",
            "20.03.2026", "21.03.2026", "22.03.2026", "23.03.2026", "24.03.2026",
            "09.05.2026", "27.05.2026", "28.05.2026", "15.06.2026", "26.06.2026",
            "08.11.2026", "09.11.2026", "31.12.2026",
        ], Dates(y, CalendarDayKind.PublicHoliday));
    }

    [Fact]
    public void LC_105_5_and_105_6_rest_days_of_2026_give_20_to_30_March_off()
    {
        var y = AzerbaijanHolidays.For(2026);
        Assert.Equal(
        [
            "09.03.2026",                                         // 8 March, Sunday
            "25.03.2026", "26.03.2026",                           // Novruz 21–22 March, weekend
            "27.03.2026", "30.03.2026",                           // Ramazan 20–21 March coinciding with Novruz
            "11.05.2026",                                         // 9 May, Saturday
            "29.05.2026",                                         // Qurban 28 May coinciding with Independence Day
            "10.11.2026",                                         // 8 November, Sunday
        ], Dates(y, CalendarDayKind.TransferredRestDay));

        var calendar = new WorkingCalendar(y);
        for (var d = D("20.03.2026"); d <= D("30.03.2026"); d = d.AddDays(1))
            Assert.False(calendar.IsWorkingDay(d), $"{d} should be off");
        Assert.True(calendar.IsWorkingDay(D("19.03.2026")));
        Assert.True(calendar.IsWorkingDay(D("31.03.2026")));
    }

    [Fact]
    public void LC_105_a_day_that_is_two_holidays_is_one_entry_with_both_names()
    {
        var e = Assert.Single(AzerbaijanHolidays.For(2026), e => e.Date == D("20.03.2026"));
        Assert.Equal(CalendarDayKind.PublicHoliday, e.Kind);
        Assert.Equal("Novruz bayramı və Ramazan bayramı", e.NameAz);
        Assert.Equal("Novruz Holiday and Ramadan Holiday", e.NameEn);
        var may28 = Assert.Single(AzerbaijanHolidays.For(2026), e => e.Date == D("28.05.2026"));
        Assert.Equal("Müstəqillik günü və Qurban bayramı", may28.NameAz);
        Assert.Equal("Independence Day and Gurban Holiday", may28.NameEn);
    }

    [Fact]
    public void LC_105_5_a_weekend_day_that_is_two_holidays_carries_over_once_for_the_weekend()
    {
        // 21.03.2026 is Saturday, Novruz and Ramazan: one rest day for the weekend (25.03), one for the coincidence (30.03).
        var rest = AzerbaijanHolidays.For(2026).Where(e => e.Kind == CalendarDayKind.TransferredRestDay && e.NameEn.Contains("21.03.2026")).ToArray();
        Assert.Equal(2, rest.Length);
        Assert.Equal("Rest day in place of Novruz Holiday and Ramadan Holiday on Saturday 21.03.2026", rest[0].NameEn);
        Assert.Equal(D("25.03.2026"), rest[0].Date);
        Assert.Equal("Rest day in place of Ramadan Holiday coinciding with Novruz Holiday on 21.03.2026", rest[1].NameEn);
        Assert.Equal(D("30.03.2026"), rest[1].Date);
        Assert.Equal("İstirahət günü: 21.03.2026 (şənbə) tarixinə düşən Novruz bayramı və Ramazan bayramı əvəzinə", rest[0].NameAz);
    }

    [Fact]
    public void LC_105_5_carried_days_skip_holidays_and_earlier_carry_overs_2024_Qurban()
    {
        // 15 June (Sat) National Salvation Day, 16–17 June (Sun–Mon) Qurban: carried to 18 and 19 June.
        var y = AzerbaijanHolidays.For(2024);
        Assert.Equal(["03.01.2024", "25.03.2024", "26.03.2024", "18.06.2024", "19.06.2024", "11.11.2024"],
            Dates(y, CalendarDayKind.TransferredRestDay));
        Assert.Equal("Rest day in place of National Salvation Day on Saturday 15.06.2024",
            y.Single(e => e.Date == D("18.06.2024")).NameEn);
        Assert.Equal("Rest day in place of Gurban Holiday on Sunday 16.06.2024",
            y.Single(e => e.Date == D("19.06.2024")).NameEn);
    }

    [Fact]
    public void LC_105_5_is_not_applied_to_20_January()
    {
        // 20.01.2024 is a Saturday; Monday 22.01.2024 stays a working day.
        var y = AzerbaijanHolidays.For(2024);
        Assert.Contains(y, e => e.Date == D("20.01.2024") && e.NameEn == "Day of National Mourning");
        Assert.DoesNotContain(y, e => e.NameEn.Contains("20.01.2024"));
        Assert.True(new WorkingCalendar(y).IsWorkingDay(D("22.01.2024")));
    }

    [Fact]
    public void LC_105_5_rest_days_of_2025_including_Ramazan_on_a_Sunday()
    {
        Assert.Equal(["10.03.2025", "25.03.2025", "26.03.2025", "01.04.2025", "09.06.2025", "16.06.2025", "10.11.2025", "11.11.2025"],
            Dates(AzerbaijanHolidays.For(2025), CalendarDayKind.TransferredRestDay));
    }

    [Fact]
    public void LC_105_5_carries_over_across_the_new_year()
    {
        // 31.12.2022 Saturday and 01.01.2023 Sunday; 02.01.2023 is a holiday: rest on 3 and 4 January 2023.
        var y = AzerbaijanHolidays.For(2023);
        Assert.Equal("03.01.2023", Dates(y, CalendarDayKind.TransferredRestDay)[0]);
        Assert.Equal("04.01.2023", Dates(y, CalendarDayKind.TransferredRestDay)[1]);
        Assert.Contains("31.12.2022", y.Single(e => e.Date == D("03.01.2023")).NameEn);
        // ...and the carry-over is listed only in the year it falls in.
        Assert.DoesNotContain(AzerbaijanHolidays.For(2022), e => e.Date.Year != 2022);
    }

    [Fact]
    public void LC_105_2027_movable_dates_are_marked_expected()
    {
        var y = AzerbaijanHolidays.For(2027);
        var ramazan = y.Where(e => e.NameEn == "Ramadan Holiday").Select(e => e.Date).ToArray();
        Assert.Equal([D("10.03.2027"), D("11.03.2027")], ramazan);
        Assert.Equal([D("16.05.2027"), D("17.05.2027")], y.Where(e => e.NameEn == "Gurban Holiday").Select(e => e.Date));
        Assert.All(y.Where(e => e.NameEn is "Ramadan Holiday" or "Gurban Holiday"),
            e => Assert.Contains("expected; confirm when the government announces", e.Source));
        Assert.Contains("expected", y.Single(e => e.Date == D("18.05.2027")).Source); // carried from Qurban, Sunday
        Assert.DoesNotContain("expected", y.Single(e => e.Date == D("01.01.2027")).Source);
        Assert.Equal(["04.01.2027", "25.03.2027", "26.03.2027", "10.05.2027", "18.05.2027", "28.06.2027"],
            Dates(y, CalendarDayKind.TransferredRestDay));
    }

    [Fact]
    public void LC_105_years_outside_the_table_have_no_movable_holidays()
    {
        var y = AzerbaijanHolidays.For(2028);
        Assert.DoesNotContain(y, e => e.NameEn is "Ramadan Holiday" or "Gurban Holiday");
        Assert.Equal(16, y.Count(e => e.Kind == CalendarDayKind.PublicHoliday));
        Assert.Equal([2024, 2025, 2026, 2027], AzerbaijanHolidays.YearsWithMovableHolidays.Order());
    }

    [Fact]
    public void LC_105_every_entry_is_marked_not_from_the_seeds()
    {
        var all = AzerbaijanHolidays.For(2020, 2030);
        Assert.All(all, e =>
        {
            Assert.False(e.FromSeeds);
            Assert.StartsWith("Labour Code art. 105 (not from the seeds; verify yearly)", e.Source);
            Assert.False(string.IsNullOrWhiteSpace(e.NameAz));
            Assert.False(string.IsNullOrWhiteSpace(e.NameEn));
        });
    }

    [Fact]
    public void LC_105_a_range_is_the_years_one_after_another_with_one_entry_per_day()
    {
        var range = AzerbaijanHolidays.For(2025, 2027);
        Assert.Equal(AzerbaijanHolidays.For(2025).Concat(AzerbaijanHolidays.For(2026)).Concat(AzerbaijanHolidays.For(2027)), range);
        Assert.Equal(range.Count, range.Select(e => e.Date).Distinct().Count());
        Assert.Equal(range.OrderBy(e => e.Date), range);
    }

    [Fact]
    public void LC_105_generated_years_always_make_a_valid_calendar()
    {
        // Rest days always on weekdays, never on a holiday, never two on one day: the calendar would refuse them.
        var entries = AzerbaijanHolidays.For(1990, 2110);
        var calendar = new WorkingCalendar(entries);
        Assert.All(entries.Where(e => e.Kind == CalendarDayKind.TransferredRestDay),
            e => Assert.False(WorkingCalendar.IsWeekend(e.Date)));
        Assert.Equal(entries.Count, calendar.Entries.Count);
    }

    [Fact]
    public void LC_105_refuses_bad_years()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AzerbaijanHolidays.For(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AzerbaijanHolidays.For(9999));
        Assert.Throws<ArgumentException>(() => AzerbaijanHolidays.For(2027, 2026));
    }
}
