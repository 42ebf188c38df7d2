using OpenBams.Law.Taxes;

namespace OpenBams.Law.Tests.Taxes;

public class TaxCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(AzerbaijanHolidays.For(2026).Concat(AzerbaijanHolidays.For(2027)));

    [Fact]
    public void SL_30_2_a_certificate_requested_on_a_Friday_is_due_on_Monday()
    {
        var d = TaxCalendar.CertificateDue(Calendar, new DateOnly(2026, 12, 4));
        Assert.Equal(new DateOnly(2026, 12, 7), d.Due);
    }

    [Fact]
    public void SL_30_2_a_certificate_requested_before_a_holiday_is_due_after_it()
    {
        // 30 December 2026 (Wednesday): 31 December is Solidarity Day, 1-2 January New Year, then the weekend.
        var d = TaxCalendar.CertificateDue(Calendar, new DateOnly(2026, 12, 30));
        Assert.True(d.Due > new DateOnly(2027, 1, 2));
        Assert.True(Calendar.IsWorkingDay(d.Due));
    }

    [Fact]
    public void LML_18_3_registration_is_due_one_month_after_the_title_and_late_after_that()
    {
        var due = TaxCalendar.RegisterBy(Calendar, new DateOnly(2026, 1, 31)).Due;
        Assert.Equal(new DateOnly(2026, 3, 2), due); // 28.02.2026 is a Saturday: rolled to Monday 02.03
        Assert.False(TaxCalendar.IsLateRegistration(Calendar, new DateOnly(2026, 1, 31), due, due));
        Assert.True(TaxCalendar.IsLateRegistration(Calendar, new DateOnly(2026, 1, 31), due.AddDays(1), due.AddDays(1)));
        Assert.True(TaxCalendar.IsLateRegistration(Calendar, new DateOnly(2026, 1, 31), null, due.AddDays(1)));
    }

    [Fact]
    public void LML_18_13_a_due_day_on_a_weekend_can_be_paid_on_the_next_working_day()
    {
        Assert.Equal(new DateOnly(2026, 8, 17), TaxCalendar.LastDayToPay(Calendar, new DateOnly(2026, 8, 15)));
        Assert.Equal(new DateOnly(2027, 11, 15), TaxCalendar.LastDayToPay(Calendar, new DateOnly(2027, 11, 15)));
    }
}
