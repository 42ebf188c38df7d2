using OpenBams.Law;

namespace OpenBams.Law.Tests;

public class DeadlineTests
{
    private static DateOnly D(string ddMMyyyy) => DateOnly.ParseExact(ddMMyyyy, "dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly WorkingCalendar Calendar = new(AzerbaijanHolidays.For(2024, 2028));

    [Fact]
    public void SL_48_1_five_working_days_skip_the_weekend_and_explain_themselves()
    {
        var d = Calendar.AddWorkingDays(D("13.04.2026"), 5);
        Assert.Equal(D("13.04.2026"), d.Start);
        Assert.Equal(D("20.04.2026"), d.Due);
        Assert.Equal(DeadlineUnit.WorkingDays, d.Unit);
        Assert.Equal(5, d.Amount);
        Assert.False(d.RolledForward);
        Assert.Equal([new SkippedDay(D("18.04.2026"), "şənbə", "Saturday"), new SkippedDay(D("19.04.2026"), "bazar", "Sunday")], d.Skipped);
        Assert.Equal("5 working days after 13.04.2026: 20.04.2026 (skipped 18.04.2026 Saturday, 19.04.2026 Sunday)", d.Explain("en"));
        Assert.Equal("13.04.2026 tarixindən 5 iş günü sonra: 20.04.2026 (nəzərə alınmayan günlər: 18.04.2026 şənbə, 19.04.2026 bazar)", d.Explain("az"));
    }

    [Fact]
    public void SL_48_1_the_adoption_day_itself_is_not_counted()
    {
        // Adopted on Friday: Monday to Friday of the next week.
        var d = Calendar.AddWorkingDays(D("17.04.2026"), 5);
        Assert.Equal(D("24.04.2026"), d.Due);
        Assert.Equal(2, d.Skipped.Count);
    }

    [Fact]
    public void SL_48_1_a_deadline_without_non_working_days_has_no_skipped_list()
    {
        var d = Calendar.AddWorkingDays(D("13.04.2026"), 4);
        Assert.Equal(D("17.04.2026"), d.Due);
        Assert.Empty(d.Skipped);
        Assert.Equal("4 working days after 13.04.2026: 17.04.2026", d.Explain("en"));
        Assert.Equal("13.04.2026 tarixindən 4 iş günü sonra: 17.04.2026", d.Explain("az"));
    }

    [Fact]
    public void SL_30_2_debt_certificate_within_1_working_day_from_a_Friday_is_due_Monday()
    {
        var d = Calendar.AddWorkingDays(D("03.04.2026"), 1);
        Assert.Equal(D("06.04.2026"), d.Due);
        Assert.Equal("1 working day after 03.04.2026: 06.04.2026 (skipped 04.04.2026 Saturday, 05.04.2026 Sunday)", d.Explain("en"));
    }

    [Fact]
    public void SL_48_1_five_working_days_across_Novruz_and_Ramazan_2026()
    {
        var d = Calendar.AddWorkingDays(D("19.03.2026"), 5);
        Assert.Equal(D("06.04.2026"), d.Due); // 31.03, 01.04, 02.04, 03.04, 06.04
        Assert.Equal(13, d.Skipped.Count);    // 20–30 March, 4–5 April
        Assert.Equal(D("20.03.2026"), d.Skipped[0].Date);
        Assert.Equal(D("05.04.2026"), d.Skipped[^1].Date);
        var en = d.Explain("en");
        Assert.StartsWith("5 working days after 19.03.2026: 06.04.2026 (skipped 20.03.2026 Novruz Holiday and Ramadan Holiday, 21.03.2026 Novruz Holiday and Ramadan Holiday, 22.03.2026 Novruz Holiday, ", en);
        Assert.Contains("27.03.2026 Rest day in place of Ramadan Holiday coinciding with Novruz Holiday on 20.03.2026", en);
        Assert.Contains("28.03.2026 Saturday", en);
        Assert.Contains("20.03.2026 Novruz bayramı və Ramazan bayramı", d.Explain("az"));
    }

    [Fact]
    public void A_transferred_working_Saturday_counts_in_working_days()
    {
        var calendar = new WorkingCalendar(AzerbaijanHolidays.For(2024).Concat(
        [
            new CalendarEntry(D("06.04.2024"), CalendarDayKind.TransferredWorkingDay, "İş günü", "Working day (transfer)", false, "Cabinet decision"),
            new CalendarEntry(D("12.04.2024"), CalendarDayKind.TransferredRestDay, "İstirahət günü", "Rest day (transfer)", false, "Cabinet decision"),
        ]));
        Assert.Equal(D("06.04.2024"), calendar.AddWorkingDays(D("05.04.2024"), 1).Due);
        Assert.Equal(D("08.04.2024"), calendar.AddWorkingDays(D("05.04.2024"), 2).Due); // Saturday 6 worked, Sunday 7 skipped, Monday 8
        var d = calendar.AddWorkingDays(D("09.04.2024"), 1);
        Assert.Equal(D("15.04.2024"), d.Due);
        Assert.Equal("1 working day after 09.04.2024: 15.04.2024 (skipped 10.04.2024 Ramadan Holiday, 11.04.2024 Ramadan Holiday, 12.04.2024 Rest day (transfer), 13.04.2024 Saturday, 14.04.2024 Sunday)", d.Explain("en"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_period_of_less_than_one_unit_is_refused(int n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("13.04.2026"), n));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddCalendarDays(D("13.04.2026"), n));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddMonths(D("13.04.2026"), n));
    }

    [Fact]
    public void Calendar_days_count_every_day_and_need_no_note_when_the_last_one_works()
    {
        var d = Calendar.AddCalendarDays(D("13.04.2026"), 10);
        Assert.Equal(D("23.04.2026"), d.Due);
        Assert.Equal(DeadlineUnit.CalendarDays, d.Unit);
        Assert.False(d.RolledForward);
        Assert.Empty(d.Skipped);
        Assert.Equal("10 calendar days after 13.04.2026: 23.04.2026", d.Explain("en"));
        Assert.Equal("13.04.2026 tarixindən 10 təqvim günü sonra: 23.04.2026", d.Explain("az"));
        Assert.Equal("1 calendar day after 13.04.2026: 14.04.2026", Calendar.AddCalendarDays(D("13.04.2026"), 1).Explain("en"));
    }

    [Fact]
    public void Calendar_days_ending_on_a_weekend_roll_forward_to_the_next_working_day()
    {
        var d = Calendar.AddCalendarDays(D("01.04.2026"), 10);
        Assert.Equal(D("13.04.2026"), d.Due);
        Assert.True(d.RolledForward);
        Assert.Equal([D("11.04.2026"), D("12.04.2026")], d.Skipped.Select(s => s.Date));
        Assert.Equal("10 calendar days after 01.04.2026: 13.04.2026 (11.04.2026 is not a working day, so the deadline moves to the next working day; skipped 11.04.2026 Saturday, 12.04.2026 Sunday)", d.Explain("en"));
        Assert.Equal("01.04.2026 tarixindən 10 təqvim günü sonra: 13.04.2026 (11.04.2026 iş günü olmadığı üçün növbəti iş gününə keçirilir; nəzərə alınmayan günlər: 11.04.2026 şənbə, 12.04.2026 bazar)", d.Explain("az"));
    }

    [Fact]
    public void Calendar_days_ending_in_Novruz_2026_roll_forward_past_every_rest_day()
    {
        var d = Calendar.AddCalendarDays(D("19.03.2026"), 5);
        Assert.Equal(D("31.03.2026"), d.Due);
        Assert.True(d.RolledForward);
        Assert.Equal(7, d.Skipped.Count); // 24–30 March
        Assert.Equal("Novruz Holiday", d.Skipped[0].ReasonEn);
    }

    [Fact]
    public void Calendar_days_without_roll_forward_stay_on_the_non_working_day_and_say_so()
    {
        var d = Calendar.AddCalendarDays(D("01.04.2026"), 10, rollForwardToWorkingDay: false);
        Assert.Equal(D("11.04.2026"), d.Due);
        Assert.False(d.RolledForward);
        Assert.Empty(d.Skipped);
        Assert.Equal("10 calendar days after 01.04.2026: 11.04.2026 (11.04.2026 is not a working day (Saturday) but the deadline is not moved)", d.Explain("en"));
        Assert.Equal("01.04.2026 tarixindən 10 təqvim günü sonra: 11.04.2026 (11.04.2026 iş günü deyil (şənbə), lakin müddət keçirilmir)", d.Explain("az"));
    }

    [Fact]
    public void SL_30_2_one_month_ends_on_the_same_day_number()
    {
        var d = Calendar.AddMonths(D("13.04.2026"), 1);
        Assert.Equal(D("13.05.2026"), d.Due);
        Assert.Equal(DeadlineUnit.Months, d.Unit);
        Assert.False(d.RolledForward);
        Assert.Equal("1 month after 13.04.2026: 13.05.2026", d.Explain("en"));
        Assert.Equal("13.04.2026 tarixindən 1 ay sonra: 13.05.2026", d.Explain("az"));
    }

    [Fact]
    public void SL_30_2_one_month_from_31_January_2026_is_28_February_rolled_to_2_March()
    {
        var d = Calendar.AddMonths(D("31.01.2026"), 1);
        Assert.Equal(D("02.03.2026"), d.Due);
        Assert.True(d.RolledForward);
        Assert.Equal([D("28.02.2026"), D("01.03.2026")], d.Skipped.Select(s => s.Date));
        Assert.Equal("1 month after 31.01.2026: 02.03.2026 (02.2026 has no day 31: the last day of the month is used; 28.02.2026 is not a working day, so the deadline moves to the next working day; skipped 28.02.2026 Saturday, 01.03.2026 Sunday)", d.Explain("en"));
        Assert.Equal("31.01.2026 tarixindən 1 ay sonra: 02.03.2026 (02.2026 ayında 31-ci gün olmadığı üçün ayın son günü götürülür; 28.02.2026 iş günü olmadığı üçün növbəti iş gününə keçirilir; nəzərə alınmayan günlər: 28.02.2026 şənbə, 01.03.2026 bazar)", d.Explain("az"));
    }

    [Fact]
    public void SL_30_2_one_month_from_31_January_2026_without_roll_forward_is_28_February()
    {
        var d = Calendar.AddMonths(D("31.01.2026"), 1, rollForwardToWorkingDay: false);
        Assert.Equal(D("28.02.2026"), d.Due);
        Assert.False(d.RolledForward);
    }

    [Fact]
    public void SL_30_2_one_month_from_31_January_2028_is_29_February_in_a_leap_year()
    {
        var d = Calendar.AddMonths(D("31.01.2028"), 1);
        Assert.Equal(D("29.02.2028"), d.Due);
        Assert.False(d.RolledForward);
        Assert.Equal("1 month after 31.01.2028: 29.02.2028 (02.2028 has no day 31: the last day of the month is used)", d.Explain("en"));
        Assert.Equal("31.01.2028 tarixindən 1 ay sonra: 29.02.2028 (02.2028 ayında 31-ci gün olmadığı üçün ayın son günü götürülür)", d.Explain("az"));
    }

    [Fact]
    public void Months_clamp_30th_and_31st_and_count_several_months()
    {
        Assert.Contains("30-cu gün", Calendar.AddMonths(D("30.01.2026"), 1).Explain("az"));
        Assert.Equal(D("30.09.2026"), Calendar.AddMonths(D("31.08.2026"), 1).Due);
        Assert.Equal(D("28.02.2029"), Calendar.AddMonths(D("29.02.2028"), 12).Due);
        Assert.Equal("12 months after 29.02.2028: 28.02.2029 (02.2029 has no day 29: the last day of the month is used)",
            Calendar.AddMonths(D("29.02.2028"), 12).Explain("en"));
        Assert.Contains("29-cu gün", Calendar.AddMonths(D("29.02.2028"), 12).Explain("az"));
    }

    [Fact]
    public void Explain_refuses_other_languages() =>
        Assert.Throws<ArgumentException>(() => Calendar.AddWorkingDays(D("13.04.2026"), 1).Explain("ru"));
}
