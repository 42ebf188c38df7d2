using OpenBams.Law;

namespace OpenBams.Law.Tests;

public class WorkingCalendarTests
{
    private static DateOnly D(string ddMMyyyy) => DateOnly.ParseExact(ddMMyyyy, "dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly WorkingCalendar Plain = new([]);
    private static readonly WorkingCalendar Y2026 = new(AzerbaijanHolidays.For(2026));

    // 2024 as the Cabinet decided it: Saturday 6 April worked, Friday 12 April rested (Ramazan 10–11 April).
    private static readonly WorkingCalendar Y2024WithTransfer = new(AzerbaijanHolidays.For(2024).Concat(
    [
        new CalendarEntry(new DateOnly(2024, 4, 6), CalendarDayKind.TransferredWorkingDay, "İş günü (12 aprel ilə yerləri dəyişdirilib)", "Working day (swapped with 12 April)", false, "Cabinet decision"),
        new CalendarEntry(new DateOnly(2024, 4, 12), CalendarDayKind.TransferredRestDay, "İstirahət günü (6 aprel ilə yerləri dəyişdirilib)", "Rest day (swapped with 6 April)", false, "Cabinet decision"),
    ]));

    [Fact]
    public void Weekdays_work_and_weekends_do_not()
    {
        Assert.True(Plain.IsWorkingDay(D("13.04.2026")));  // Monday
        Assert.True(Plain.IsWorkingDay(D("17.04.2026")));  // Friday
        Assert.False(Plain.IsWorkingDay(D("18.04.2026"))); // Saturday
        Assert.False(Plain.IsWorkingDay(D("19.04.2026"))); // Sunday
        Assert.True(WorkingCalendar.IsWeekend(D("18.04.2026")));
        Assert.False(WorkingCalendar.IsWeekend(D("17.04.2026")));
    }

    [Fact]
    public void Why_not_working_names_the_weekday_or_the_holiday()
    {
        Assert.Equal("şənbə", Plain.WhyNotWorking(D("18.04.2026"), "az"));
        Assert.Equal("Saturday", Plain.WhyNotWorking(D("18.04.2026"), "en"));
        Assert.Equal("bazar", Plain.WhyNotWorking(D("19.04.2026"), "az"));
        Assert.Equal("Sunday", Plain.WhyNotWorking(D("19.04.2026"), "en"));
        Assert.Null(Plain.WhyNotWorking(D("17.04.2026"), "en"));
        Assert.Equal("Novruz Holiday and Ramadan Holiday", Y2026.WhyNotWorking(D("21.03.2026"), "en"));
        Assert.Equal("Zəfər günü", Y2026.WhyNotWorking(D("08.11.2026"), "az"));
        Assert.Equal("Rest day in place of Victory Day on Sunday 08.11.2026", Y2026.WhyNotWorking(D("10.11.2026"), "en"));
        Assert.Throws<ArgumentException>(() => Plain.WhyNotWorking(D("18.04.2026"), "fr"));
    }

    [Fact]
    public void Holidays_and_rest_days_are_not_working_days()
    {
        Assert.False(Y2026.IsWorkingDay(D("01.01.2026"))); // Thursday, New Year
        Assert.False(Y2026.IsWorkingDay(D("20.01.2026"))); // Tuesday, mourning
        Assert.False(Y2026.IsWorkingDay(D("09.03.2026"))); // Monday, carried from 8 March
        Assert.True(Y2026.IsWorkingDay(D("10.03.2026")));
        Assert.Equal(CalendarDayKind.TransferredRestDay, Y2026.EntryOn(D("09.03.2026"))!.Kind);
        Assert.Null(Y2026.EntryOn(D("10.03.2026")));
    }

    [Fact]
    public void A_transferred_working_Saturday_counts_as_working()
    {
        Assert.True(Y2024WithTransfer.IsWorkingDay(D("06.04.2024")));
        Assert.Null(Y2024WithTransfer.WhyNotWorking(D("06.04.2024"), "en"));
        Assert.False(Y2024WithTransfer.IsWorkingDay(D("12.04.2024")));
        Assert.Equal("Rest day (swapped with 6 April)", Y2024WithTransfer.WhyNotWorking(D("12.04.2024"), "en"));
        Assert.Equal(D("06.04.2024"), Y2024WithTransfer.NextWorkingDayOnOrAfter(D("06.04.2024")).Date);
    }

    [Fact]
    public void Next_working_day_on_or_after()
    {
        Assert.Equal(D("13.04.2026"), Y2026.NextWorkingDayOnOrAfter(D("13.04.2026")).Date);
        Assert.Equal(D("13.04.2026"), Y2026.NextWorkingDayOnOrAfter(D("11.04.2026")).Date);
        Assert.Equal(D("31.03.2026"), Y2026.NextWorkingDayOnOrAfter(D("20.03.2026")).Date);
        DateOnly asDate = Y2026.NextWorkingDayOnOrAfter(D("01.01.2026"));
        Assert.Equal(D("05.01.2026"), asDate);
        Assert.Equal("05.01.2026", Y2026.NextWorkingDayOnOrAfter(D("01.01.2026")).ToString());
    }

    [Fact]
    public void Two_entries_on_one_day_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new WorkingCalendar(
        [
            new CalendarEntry(D("20.03.2026"), CalendarDayKind.PublicHoliday, "Novruz bayramı", "Novruz Holiday", false, null),
            new CalendarEntry(D("20.03.2026"), CalendarDayKind.PublicHoliday, "Ramazan bayramı", "Ramadan Holiday", false, null),
        ]));
        Assert.Contains("20.03.2026", e.Message);
    }

    [Fact]
    public void A_transferred_working_day_must_be_a_weekend_day() =>
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            [new CalendarEntry(D("17.04.2026"), CalendarDayKind.TransferredWorkingDay, "x", "x", false, null)]));

    [Fact]
    public void A_transferred_rest_day_must_be_a_weekday() =>
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            [new CalendarEntry(D("18.04.2026"), CalendarDayKind.TransferredRestDay, "x", "x", false, null)]));

    [Fact]
    public void A_public_holiday_may_fall_on_a_weekend()
    {
        var c = new WorkingCalendar([new CalendarEntry(D("18.04.2026"), CalendarDayKind.PublicHoliday, "Bayram", "Holiday", false, null)]);
        Assert.Equal("Holiday", c.WhyNotWorking(D("18.04.2026"), "en"));
    }

    [Fact]
    public void Entries_are_listed_by_date()
    {
        var c = new WorkingCalendar(
        [
            new CalendarEntry(D("09.05.2026"), CalendarDayKind.PublicHoliday, "b", "b", false, null),
            new CalendarEntry(D("08.03.2026"), CalendarDayKind.PublicHoliday, "a", "a", false, null),
        ]);
        Assert.Equal([D("08.03.2026"), D("09.05.2026")], c.Entries.Select(e => e.Date));
    }
}
