using OpenBams.Law.Taxes;

namespace OpenBams.Law.Tests.Taxes;

public class ReportingRuleTests
{
    private static readonly WorkingCalendar Calendar = new(AzerbaijanHolidays.For(2026).Concat(AzerbaijanHolidays.For(2027)));

    [Fact]
    public void LTP_DECREE_2_the_quarterly_report_is_due_the_parameters_days_after_the_quarter_and_moves_to_a_working_day()
    {
        // Q1 2026 ends Tuesday 31.03; 20 days later is Monday 20.04.
        var q1 = TaxReporting.QuarterlyReportDue(Calendar, 2026, 1, 20);
        Assert.Equal(new DateOnly(2026, 4, 20), q1.Due);
        Assert.Equal(new DateOnly(2026, 3, 31), q1.Start);
        // Q3 ends Wednesday 30.09; 10 days later is Saturday 10.10 → Monday 12.10, and the explanation says so.
        var q3 = TaxReporting.QuarterlyReportDue(Calendar, 2026, 3, 10);
        Assert.Equal(new DateOnly(2026, 10, 12), q3.Due);
        Assert.True(q3.RolledForward);
        Assert.Contains("10.10.2026", q3.Explain("en"));
        Assert.Throws<ArgumentOutOfRangeException>(() => TaxReporting.QuarterlyReportDue(Calendar, 2026, 5, 20));
    }

    [Fact]
    public void Quarters_and_periods_cover_the_range_exactly()
    {
        Assert.Equal((1, 4, 4), (TaxReporting.QuarterOf(new DateOnly(2026, 3, 31)), TaxReporting.QuarterOf(new DateOnly(2026, 10, 1)), TaxReporting.QuarterOf(new DateOnly(2026, 12, 31))));
        Assert.Equal(new DateOnly(2026, 6, 30), TaxReporting.QuarterEnd(2026, 2));
        var months = TaxReporting.Periods(new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 20), ReportPeriod.Month);
        Assert.Equal(["2026-01", "2026-02", "2026-03"], months.Select(p => p.Label));
        Assert.Equal((new DateOnly(2026, 1, 15), new DateOnly(2026, 1, 31)), (months[0].Start, months[0].End));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), (months[1].Start, months[1].End));
        Assert.Equal(new DateOnly(2026, 3, 20), months[2].End);
        var quarters = TaxReporting.Periods(new DateOnly(2025, 11, 1), new DateOnly(2026, 12, 31), ReportPeriod.Quarter);
        Assert.Equal(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], quarters.Select(p => p.Label));
        Assert.Equal(["2025", "2026"], TaxReporting.Periods(new DateOnly(2025, 6, 1), new DateOnly(2026, 2, 1), ReportPeriod.Year).Select(p => p.Label));
    }

    [Fact]
    public void An_item_is_in_arrears_when_its_last_day_to_pay_is_before_the_day_and_the_last_working_day_before_it_is_the_threshold()
    {
        // Saturday 15.08.2026 rolls to Monday 17.08: on the 17th nothing due on the 15th is overdue, on the 18th it is.
        Assert.Equal(new DateOnly(2026, 8, 14), TaxReporting.LatestOverdueDueDay(Calendar, new DateOnly(2026, 8, 17)));
        Assert.Equal(new DateOnly(2026, 8, 17), TaxReporting.LatestOverdueDueDay(Calendar, new DateOnly(2026, 8, 18)));
        // The threshold agrees with LastDayToPay for every due day around it.
        foreach (var asOf in Enumerable.Range(0, 60).Select(i => new DateOnly(2026, 12, 1).AddDays(i)))
        {
            var threshold = TaxReporting.LatestOverdueDueDay(Calendar, asOf);
            foreach (var due in Enumerable.Range(-20, 20).Select(asOf.AddDays))
                Assert.Equal(TaxCalendar.LastDayToPay(Calendar, due) < asOf, due <= threshold);
        }
    }

    [Theory]
    [InlineData(30, AgeingBucket.UpTo30)]
    [InlineData(31, AgeingBucket.UpTo90)]
    [InlineData(365, AgeingBucket.UpTo365)]
    [InlineData(366, AgeingBucket.OverYear)]
    public void Arrears_buckets_turn_at_30_31_and_365_366_days(int days, AgeingBucket bucket) => Assert.Equal(bucket, ArrearsInterest.Bucket(days));

    [Fact]
    public void FL_7_1_11_the_interest_table_gives_the_same_qepik_as_the_day_by_day_rule()
    {
        var last = new DateOnly(2025, 11, 17);
        // The rate changes on 1 March 2026; the limit is 365 days.
        decimal Rate(DateOnly d) => d < new DateOnly(2026, 3, 1) ? 0.1m : 0.07m;
        foreach (var asOf in new[] { new DateOnly(2025, 11, 17), new DateOnly(2025, 11, 18), new DateOnly(2026, 2, 28), new DateOnly(2026, 6, 30), new DateOnly(2027, 3, 1) })
        {
            var table = new ArrearsInterestTable(asOf, Rate, 365);
            foreach (var (due, paid) in new (long, (DateOnly, long)[])[]
                     {
                         (12_345, []),
                         (1, []),
                         (10_000, [(last, 4_000)]),
                         (10_000, [(last.AddDays(-30), 10_000)]),
                         (10_000, [(last.AddDays(10), 3_000)]),
                         (99_999_999, [(last.AddDays(-1), 1), (new DateOnly(2026, 4, 1), 50_000_000)]),
                     })
            {
                var expected = ArrearsInterest.Accrued(due, last, paid, asOf, Rate, 365);
                Assert.Equal(expected, table.Accrued(due, last, paid));
            }
        }
        // 100 ₼ unpaid for 31 days at 0.1 % a day: 3.10 ₼.
        Assert.Equal(Money.Manat(3.10m), new ArrearsInterestTable(last.AddDays(31), _ => 0.1m, 365).Accrued(10_000, last, []));
        // The limit: a year of days and no more.
        Assert.Equal(Money.Manat(36.50m), new ArrearsInterestTable(last.AddDays(500), _ => 0.1m, 365).Accrued(10_000, last, []));
    }
}
