namespace OpenBams.Law.Taxes;

/// <summary>How a collection report groups its days.</summary>
public enum ReportPeriod { Month = 0, Quarter = 1, Year = 2 }

/// <summary>One period of a report: its first and last day and its label (2026-03, 2026-Q1, 2026).</summary>
public sealed record ReportSpan(DateOnly Start, DateOnly End, string Label);

/// <summary>
/// The calendar of the taxes reports: periods, quarters, the quarterly report to the Ministry of Finance and the day from
/// which an item counts as arrears.
/// </summary>
public static class TaxReporting
{
    public static int QuarterOf(DateOnly d) => (d.Month - 1) / 3 + 1;

    public static DateOnly QuarterStart(int year, int quarter) => new(year, (quarter - 1) * 3 + 1, 1);

    public static DateOnly QuarterEnd(int year, int quarter) => QuarterStart(year, quarter).AddMonths(3).AddDays(-1);

    /// <summary>
    /// The periods from <paramref name="from"/> to <paramref name="to"/>: whole months, quarters or years, the first and
    /// the last cut to the range, so a report of 15.01-20.03 by month has 15.01-31.01, 01.02-28.02 and 01.03-20.03.
    /// </summary>
    public static IReadOnlyList<ReportSpan> Periods(DateOnly from, DateOnly to, ReportPeriod period)
    {
        if (to < from) throw new ArgumentException("The range ends before it starts.", nameof(to));
        var list = new List<ReportSpan>();
        var start = period switch
        {
            ReportPeriod.Month => new DateOnly(from.Year, from.Month, 1),
            ReportPeriod.Quarter => QuarterStart(from.Year, QuarterOf(from)),
            _ => new DateOnly(from.Year, 1, 1),
        };
        while (start <= to)
        {
            var next = start.AddMonths(period switch { ReportPeriod.Month => 1, ReportPeriod.Quarter => 3, _ => 12 });
            var label = period switch
            {
                ReportPeriod.Month => $"{start.Year:D4}-{start.Month:D2}",
                ReportPeriod.Quarter => $"{start.Year:D4}-Q{QuarterOf(start)}",
                _ => $"{start.Year:D4}",
            };
            list.Add(new ReportSpan(start < from ? from : start, next.AddDays(-1) > to ? to : next.AddDays(-1), label));
            start = next;
        }
        return list;
    }

    /// <summary>
    /// Decree of 4 April 2002 on applying the LTP, para. 2: "bələdiyyələr yerli vergilərin və ödənişlərin yığılması barədə
    /// Maliyyə Nazirliyinə üç ayda bir dəfə məlumat verirlər" — the municipality reports on collection to the Ministry of
    /// Finance once every three months. The decree sets no day: the report is due <paramref name="daysAfterQuarter"/>
    /// calendar days after the quarter's last day (parameter TAX.REPORT.QUARTER.DAYS, not from the seeds), moved to the
    /// next working day like every deadline.
    /// </summary>
    [Law("LTP-DECREE 2")]
    public static Deadline QuarterlyReportDue(WorkingCalendar calendar, int year, int quarter, int daysAfterQuarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return calendar.AddCalendarDays(QuarterEnd(year, quarter), Math.Max(1, daysAfterQuarter));
    }

    /// <summary>
    /// The latest due day whose item is in arrears on <paramref name="asOf"/>: an item is overdue when its last day to pay
    /// (<see cref="TaxCalendar.LastDayToPay"/>, the due day or the next working day) is before <paramref name="asOf"/>. The
    /// last day grows with the due day, so the overdue items are exactly those due on or before the last working day
    /// before <paramref name="asOf"/> — one date a database can compare with.
    /// </summary>
    public static DateOnly LatestOverdueDueDay(WorkingCalendar calendar, DateOnly asOf)
    {
        var d = asOf.AddDays(-1);
        while (!calendar.IsWorkingDay(d)) d = d.AddDays(-1);
        return d;
    }
}

/// <summary>
/// <see cref="ArrearsInterest.Accrued"/> for many items on one day: the sum of the daily rates after each last day is
/// computed once, so an item unpaid since its last day costs one multiplication instead of a loop over up to a year of
/// days. Decimal arithmetic is exact here (qəpik times a rate of a few decimals), so the result is the same to the qəpik;
/// an item with money paid after its last day goes through <see cref="ArrearsInterest.Accrued"/> itself.
/// </summary>
public sealed class ArrearsInterestTable(DateOnly asOf, Func<DateOnly, decimal> percentPerDay, int maxDays)
{
    private readonly Dictionary<DateOnly, decimal> sums = [];

    public DateOnly AsOf => asOf;

    [Law("FL 7.1.11")]
    public Money Accrued(long dueQepik, DateOnly lastDayToPay, IReadOnlyList<(DateOnly On, long Qepik)> paid)
    {
        if (dueQepik <= 0 || asOf <= lastDayToPay || maxDays <= 0) return Money.Zero;
        long early = 0;
        foreach (var p in paid)
        {
            if (p.On > lastDayToPay) return ArrearsInterest.Accrued(dueQepik, lastDayToPay, paid, asOf, percentPerDay, maxDays);
            early += p.Qepik;
        }
        var outstanding = dueQepik - early;
        if (outstanding <= 0) return Money.Zero;
        return Money.Manat(outstanding * RateSum(lastDayToPay) / 100m / 100m);
    }

    /// <summary>The daily percents from the day after <paramref name="lastDayToPay"/> to the as-of day, at most maxDays of them.</summary>
    private decimal RateSum(DateOnly lastDayToPay)
    {
        if (sums.TryGetValue(lastDayToPay, out var s)) return s;
        var sum = 0m;
        var day = lastDayToPay.AddDays(1);
        for (var n = 0; n < maxDays && day <= asOf; n++, day = day.AddDays(1)) sum += percentPerDay(day);
        sums[lastDayToPay] = sum;
        return sum;
    }
}
